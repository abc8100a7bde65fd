package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.cli.HeadlessRunner;
import org.shiftscope.lesson.Lesson;
import org.shiftscope.lesson.LessonReport;
import org.shiftscope.lesson.Lessons;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.train.scenario.Settings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A lesson as a class meets it: chosen from the list, started with Space, shown from the top with the rows it
 * names, paused at its end step with a summary whose numbers are this run's — the same as the headless runner's
 * metrics.csv for the lesson's scenario.
 */
class LessonPlayTest extends WindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    protected int width() {
        return 1600;
    }

    @Override
    protected int height() {
        return 1000;
    }

    /** small mini-batches: a compare lesson whose summary reads test accuracies */
    static final int LESSON = 8;



    @Test
    void aLessonPlaysToItsEndAndSaysWhatThisRunShowed(FxRobot robot, @TempDir Path dir) throws Exception {
        Lesson lesson = Lessons.get(LESSON);
        // scroll the charts away first: the lesson must bring the top back
        robot.interact(() -> view.charts.setVvalue(1));
        var chooser = robot.lookup("#lesson").queryComboBox();
        robot.clickOn(chooser);
        robot.clickOn(lesson.label());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> trainer.status().scenario().name()
                .equals(lesson.scenario()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, view.charts.getVvalue(), 1e-9, "opened at the top");
        List<Integer> rows = new ArrayList<>();
        for (int r : lesson.rows()) rows.add(r);
        assertEquals(rows, view.charts.dashboard.shownRows(), "the rows the card names");
        for (var c : view.chartPanes()) assertInView(c);

        // the keyboard works straight after choosing: Space plays (at full speed, so the test is short)
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> trainer.status().playing());
        robot.interact(() -> view.model().set(Settings.SPEED, 0.0));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> trainer.status().pausedAt() >= 0);
        long end = lesson.end();
        assertEquals(end, trainer.status().step(), "paused exactly at the end step");
        assertFalse(trainer.status().playing());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !view.lessonCard.summary.getText().isEmpty());
        String shown = view.lessonCard.summary.getText();

        // the same scenario headless: its metrics.csv gives the same numbers
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(sink, true, StandardCharsets.UTF_8);
        assertEquals(0, HeadlessRunner.run(new String[] {"--headless", "--scenario", lesson.scenario(), "--no-png",
                "--out", dir.toString()}, quiet, quiet));
        String expected = LessonReport.summary(lesson, checkpoints(dir.resolve("metrics.csv")));
        assertEquals(expected, shown);
        assertTrue(shown.matches(".*\\d+%.*"), shown);

        // Play after the end goes on
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> trainer.status().step() > end);
    }

    /** the rows of metrics.csv that carry a test accuracy, as snapshots without statistics */
    static List<Snapshot> checkpoints(Path metrics) throws Exception {
        List<String> lines = Files.readAllLines(metrics);
        List<String> head = List.of(lines.get(0).split(","));
        int run = head.indexOf("run"), step = head.indexOf("step"), loss = head.indexOf("loss");
        int acc = head.indexOf("test_accuracy"), lr = head.indexOf("learning_rate");
        List<Snapshot> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[acc].isEmpty()) continue;
            out.add(new Snapshot(f[run], Long.parseLong(f[step]), Double.parseDouble(f[loss]), Double.NaN,
                    Double.parseDouble(f[acc]), Double.parseDouble(f[lr]), 0, true, -1, List.of()));
        }
        return out;
    }

    private void assertInView(Node n) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        Bounds view = this.view.charts.localToScene(this.view.charts.getBoundsInLocal());
        assertTrue(b.getMinY() >= view.getMinY() - 1 && b.getMaxY() <= view.getMaxY() + 1,
                n + " is on screen: " + b + " within " + view);
    }
}
