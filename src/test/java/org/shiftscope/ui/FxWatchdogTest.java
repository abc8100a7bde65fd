package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shiftscope.ThreadCost;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The watchdog the UI tests trust: a long piece of work on the FX thread fails it, naming where the thread was;
 * an FX thread that gets no CPU for a while (as on a machine other processes keep busy) does not.
 */
@ExtendWith(ApplicationExtension.class)
class FxWatchdogTest {
    /** the limit the watchdogs below hold the FX thread to (ms of its CPU) */
    private static final long LIMIT_MS = 100;
    private Thread fx;

    @Start
    void start(Stage stage) {
        fx = Thread.currentThread();
        stage.setScene(new Scene(new Label("watched")));
        stage.show();
    }

    /** Starts a watchdog and returns once it has seen the FX thread answer. */
    private FxWatchdog watching() throws Exception {
        FxWatchdog dog = new FxWatchdog(fx, LIMIT_MS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> dog.answers() > 0);
        return dog;
    }

    /** Runs on the FX thread: works until it has used {@code millis} of its own CPU time. */
    private static void busyFor(long millis) {
        Thread self = Thread.currentThread();
        long end = ThreadCost.cpuNanos(self) + millis * 1_000_000L;
        double sink = 0;
        while (ThreadCost.cpuNanos(self) < end) {
            for (int i = 0; i < 10_000; i++) sink += Math.sqrt(i + sink);
        }
        if (sink < 0) throw new AssertionError(); // keeps the loop from being optimized away
    }

    @Test
    void workOnTheFxThreadBeyondTheLimitIsAStallNamingWhereItWas() throws Exception {
        FxWatchdog dog = watching();
        WaitForAsyncUtils.asyncFx(() -> busyFor(4 * LIMIT_MS + FxWatchdog.PING_MILLIS)).get(120, TimeUnit.SECONDS);
        AssertionError stall = assertThrows(AssertionError.class, dog::close);
        assertTrue(stall.getMessage().startsWith("the FX thread used ") && stall.getMessage().contains("busyFor"),
                stall.getMessage());
    }

    @Test
    void anFxThreadKeptWaitingIsNoStall() throws Exception {
        try (FxWatchdog dog = watching()) {
            // the FX thread gets no CPU for ten times the limit, as when other processes take the cores; the pause
            // is what is being tested, not a way to wait for something
            WaitForAsyncUtils.asyncFx(() -> {
                try {
                    Thread.sleep(10 * LIMIT_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }).get(120, TimeUnit.SECONDS);
            WaitForAsyncUtils.asyncFx(() -> busyFor(LIMIT_MS / 4)).get(120, TimeUnit.SECONDS); // short work is fine
            long seen = dog.answers();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> dog.answers() > seen);
            dog.assertNoStall();
        }
    }
}
