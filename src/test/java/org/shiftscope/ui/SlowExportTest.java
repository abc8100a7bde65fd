package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.export.ExportQueue;
import org.shiftscope.export.GifRecorderTest;
import org.shiftscope.io.Disk;
import org.shiftscope.io.TestDisks;
import org.shiftscope.stats.History;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Exports while training on a slow disk (every write waits): Ctrl+S twice, the statistics as CSV and a GIF
 * recording go to the background writer one after another, the FX thread never works 100 ms of its own CPU time
 * without answering, the notice shows the writing's progress and then each path, and every file appears whole.
 * Closing the window finishes a write in flight, or, when the disk does not let it within the wait, says so and
 * leaves no part of the file.
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
        // each file whole: every row with all its columns, and the rows of the kept history (at least half of
        // its capacity once more than 300 steps have trained, however far training got meanwhile)
        String[][] columns = {{"stats.csv", "12"}, {"metrics.csv", "6"}, {"histograms.csv", "7"}, {"events.csv", "5"}};
        for (String[] f : columns) {
            String text = Files.readString(csv.resolve(f[0]));
            assertTrue(text.endsWith("\n"), f[0] + " ends in a line break");
            text.lines().forEach(l -> assertEquals(Integer.parseInt(f[1]), l.split(",", -1).length, f[0] + ": " + l));
            if (!f[0].equals("events.csv")) {
                assertTrue(text.lines().count() > History.CAPACITY / 2, f[0] + ": " + text.lines().count() + " rows");
            }
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

    /** whether the FX thread is waiting for the background writer (as the window does when it closes) */
    private boolean waitsForTheWriter() {
        return Arrays.stream(fx.getStackTrace()).anyMatch(e -> e.getMethodName().equals("finish")
                && e.getClassName().equals(ExportQueue.class.getName()));
    }

    /** Ctrl+S with a disk that holds the PNG's first write until {@code go} opens; returns once it is held. */
    private void ctrlSHeld(FxRobot robot, Path dir, CountDownLatch go) throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        view.setExportDir(dir);
        robot.clickOn("#play");
        Disk.use(TestDisks.held(writing, go));
        robot.clickOn("#status");
        ctrlS(robot);
        assertTrue(writing.await(120, TimeUnit.SECONDS), "the PNG is being written");
        assertEquals(List.of(), TestDisks.names(dir).stream().filter(n -> !n.startsWith(".")).toList(),
                "nothing under its name before it is whole");
    }

    @Test
    void closingTheWindowFinishesAWriteInFlight(FxRobot robot, @TempDir Path dir) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try {
            ctrlSHeld(robot, dir, go);
            Thread opener = new Thread(() -> { // the disk goes on only once the closing window waits for it
                try {
                    waitFor(this::waitsForTheWriter);
                } catch (Exception e) {
                    // then the window did not wait: the file is missing below and the test fails
                } finally {
                    go.countDown();
                }
            }, "disk-opener");
            opener.start();
            robot.interact(view::stop); // what the app does when its window closes
            List<Path> pngs = files(dir, ".png");
            assertEquals(1, pngs.size(), "the write in flight was finished: " + TestDisks.names(dir));
            assertTrue(javax.imageio.ImageIO.read(pngs.get(0).toFile()).getWidth() > 1000, "a whole PNG");
            assertEquals(List.of(), TestDisks.names(dir).stream().filter(n -> n.startsWith(".")).toList());
        } finally {
            go.countDown();
        }
    }

    @Test
    void closingTheWindowSaysWhatItCouldNotWriteAndLeavesNoPartOfIt(FxRobot robot, @TempDir Path dir)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        PrintStream was = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        try {
            ctrlSHeld(robot, dir, go);
            List<String> left;
            System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
            try { // the disk never goes on: the window gives up after its wait (a second here, a minute in the app)
                left = WaitForAsyncUtils.asyncFx(() -> view.files.close(1, TimeUnit.SECONDS))
                        .get(120, TimeUnit.SECONDS);
            } finally {
                System.setErr(was);
            }
            assertEquals(1, left.size(), left.toString());
            assertTrue(left.get(0).startsWith(dir.toString()) && left.get(0).endsWith(".png"), left.toString());
            assertEquals("shiftscope: the window closed before " + left.get(0) + " could be written; not saved.",
                    said.toString(StandardCharsets.UTF_8).strip());
            waitFor(() -> TestDisks.names(dir).isEmpty()); // the interrupted write removes its temporary file
            assertTrue(view.awaitExports(60, TimeUnit.SECONDS), "the writer has ended");
            assertEquals(List.of(), TestDisks.names(dir), "no PNG, whole or partial, under any name");
        } finally {
            go.countDown();
        }
    }
}
