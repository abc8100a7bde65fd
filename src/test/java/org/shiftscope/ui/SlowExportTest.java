package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.export.GifRecorderTest;
import org.shiftscope.io.Disk;
import org.shiftscope.io.TestDisks;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Exports while training on a slow disk (every write waits): Ctrl+S twice, the statistics as CSV and a GIF
 * recording go to the background writer one after another, the FX thread never works 100 ms of its own CPU time
 * without answering, the notice shows the writing's progress and then each path, and every file appears whole.
 */
class SlowExportTest extends WindowTest {
    /** the FX thread's CPU time (ms) within which it must answer, throughout */
    private static final long ANSWER_MS = 100;
    private Thread fx;

    @Start
    void start(Stage stage) {
        fx = Thread.currentThread();
        open(stage);
    }

    @AfterEach
    void realDisk() {
        Disk.use(Disk.FILES);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
    }

    private void ctrlS(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
    }

    private static List<Path> files(Path dir, String end) throws Exception {
        try (var list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(end)).sorted().toList();
        }
    }

    @Test
    void ctrlSCtrlEAndAGifWhileTrainingNeverHoldTheFxThread(FxRobot robot, @TempDir Path dir) throws Exception {
        List<String> notices = new CopyOnWriteArrayList<>();
        robot.interact(() -> view.model().noticeProperty().addListener((o, a, n) -> notices.add(n.text())));
        view.setExportDir(dir);
        robot.clickOn("#play");
        waitFor(() -> view.model().history().lastStep() > 300); // enough statistics for a CSV export that takes a while
        Disk.use(TestDisks.slow(100));
        Path csv = dir.resolve("csv");
        try (FxWatchdog dog = new FxWatchdog(fx, ANSWER_MS)) {
            robot.clickOn("#status");
            ctrlS(robot);
            robot.interact(() -> view.exportCsv(csv)); // Ctrl+E once its folder dialog has answered
            ctrlS(robot); // while the others are written: it waits its turn
            robot.clickOn("#gif");
            waitFor(() -> view.files.gifFrames() >= 4);
            robot.clickOn("#gif");
            assertTrue(trainer.status().playing(), "training went on");
            exportsWritten();
            dog.assertNoStall();
            assertTrue(dog.answers() > 10, "the FX thread was watched: " + dog.answers() + " answers");
            System.out.printf("slow exports: the FX thread answered within %.0f ms of its CPU%n", dog.maxMillis());
        }
        List<Path> pngs = files(dir, ".png");
        assertEquals(2, pngs.size(), "two Ctrl+S, two pictures: " + pngs);
        for (Path p : pngs) {
            assertTrue(javax.imageio.ImageIO.read(p.toFile()).getWidth() > 1000, p + " is a whole PNG");
            assertTrue(notices.contains("Saved " + p.toAbsolutePath()), notices.toString());
        }
        for (String f : new String[] {"stats.csv", "metrics.csv", "histograms.csv", "events.csv"}) {
            String text = Files.readString(csv.resolve(f));
            assertTrue(text.endsWith("\n") && text.lines().count() > (f.equals("events.csv") ? 0 : 300), f);
        }
        assertTrue(notices.contains("Saved the statistics to " + csv.toAbsolutePath()), notices.toString());
        assertTrue(notices.stream().anyMatch(n -> n.matches("Saving the statistics… \\d+%.*")),
                "a long write shows its progress: " + notices);
        Path gif = files(dir, ".gif").get(0);
        var read = GifRecorderTest.read(gif);
        assertTrue(read.frames() >= 4 && read.loops(), read.toString());
        String last = notices.get(notices.size() - 1);
        assertTrue(last.startsWith("Saved " + gif.toAbsolutePath() + " (" + read.frames() + " frames"), last);
        assertEquals(List.of(), org.shiftscope.io.TestDisks.names(dir).stream().filter(n -> n.startsWith("."))
                .toList(), "no temporary file left");
    }
}
