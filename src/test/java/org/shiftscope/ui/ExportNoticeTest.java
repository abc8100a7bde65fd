package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.chart.LayerChart;
import org.shiftscope.export.PngExporter;
import org.shiftscope.nn.Tap;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Exports a teacher can trust: after Ctrl+S the notice with the file's path stays (paused and while training);
 * the file's name and the caption drawn under the picture (stored in the PNG too) carry the same step; in compare
 * mode the caption names the tap shown.
 */
class ExportNoticeTest extends WindowTest {
    private static final Pattern NAME_STEP = Pattern.compile("-step(\\d+)-"), CAPTION_STEP =
            Pattern.compile(" · step (\\d+) · ");

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
    }

    private String notice(FxRobot robot) {
        return robot.lookup("#message").queryAs(Label.class).getText();
    }

    /** the PNG in a folder that is not one of {@code known} (waits for it) */
    private static Path newPng(Path dir, List<Path> known) throws Exception {
        waitFor(() -> pngs(dir).size() == known.size() + 1);
        return pngs(dir).stream().filter(p -> !known.contains(p)).findFirst().orElseThrow();
    }

    private static List<Path> pngs(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".png")).toList();
        }
    }

    private static long step(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertTrue(m.find(), "a step in: " + text);
        return Long.parseLong(m.group(1));
    }

    private void ctrlS(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
    }

    @Test
    void theSavedNoticeStaysOneSecondPausedAndPlayingAndNameAndCaptionShareTheStep(FxRobot robot,
                                                                                 @TempDir Path dir) throws Exception {
        view.setExportDir(dir);
        robot.clickOn("#step");
        waitFor(() -> view.model().history().lastStep() == 1);
        // paused
        robot.clickOn("#status");
        ctrlS(robot);
        Path first = newPng(dir, List.of());
        String saved = "Saved " + first.toAbsolutePath();
        waitFor(() -> notice(robot).equals(saved));
        Thread.sleep(1000); // the thing under test: a second later the notice is still there
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(saved, notice(robot), "paused: the notice stays");
        String caption = PngExporter.caption(first);
        assertNotNull(caption, "the caption is stored in the PNG");
        assertEquals(1, step(NAME_STEP, first.getFileName().toString()));
        assertEquals(1, step(CAPTION_STEP, caption));

        // playing: every frame updates the status line, never the notice
        robot.type(KeyCode.SPACE);
        waitFor(() -> trainer.status().playing() && trainer.status().step() > 20);
        ctrlS(robot);
        Path second = newPng(dir, List.of(first));
        String saved2 = "Saved " + second.toAbsolutePath();
        waitFor(() -> notice(robot).equals(saved2));
        long before = trainer.status().step();
        Thread.sleep(1000);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(trainer.status().step() > before, "it kept training");
        assertEquals(saved2, notice(robot), "playing: the notice stays");
        long named = step(NAME_STEP, second.getFileName().toString());
        assertTrue(named > 20);
        assertEquals(named, step(CAPTION_STEP, PngExporter.caption(second)), "name and caption: one moment");
        robot.type(KeyCode.SPACE);
    }

    @Test
    void aCompareModeCaptionNamesTheTap(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.clickOn("#variants").clickOn("BN vs plain");
        waitFor(() -> trainer.status().runs().size() == 2);
        robot.clickOn("#step");
        waitFor(() -> view.model().history().runs().size() == 2);
        robot.clickOn("#tapNormalized");
        waitFor(() -> view.model().tapProperty().get() == Tap.NORMALIZED);
        Path dash = dir.resolve("dash.png");
        robot.interact(() -> view.exportDashboard(dash, 1));
        exportsWritten();
        String caption = PngExporter.caption(dash);
        assertTrue(caption.contains("bn: with BN vs plain: without BN"), caption);
        assertTrue(caption.endsWith(" · layer charts show after the normalizer (plain: W·x+b)"), caption);
        // one chart: its layer and tap
        LayerChart chart = (LayerChart) view.chartPanes().stream().filter(c -> c instanceof LayerChart)
                .reduce((a, b) -> b).orElseThrow();
        Path one = dir.resolve("chart.png");
        robot.interact(() -> view.exportChart(chart, one, 1));
        exportsWritten();
        assertTrue(PngExporter.caption(one).endsWith(" · layer " + chart.layer() + ", after BN"),
                PngExporter.caption(one));
        robot.clickOn("#tapLinear");
        waitFor(() -> view.model().tapProperty().get() == Tap.LINEAR);
        robot.interact(() -> view.exportDashboard(dash, 1));
        exportsWritten();
        assertTrue(PngExporter.caption(dash).endsWith(" · layer charts show W·x+b"), PngExporter.caption(dash));
    }
}
