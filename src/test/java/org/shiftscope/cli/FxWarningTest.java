package org.shiftscope.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;

/**
 * The headless runner starts JavaFX for its figures without JavaFX's "Unsupported JavaFX configuration" warning
 * (the window is quiet too). A fresh JVM per test class: JavaFX starts here for the first time.
 */
class FxWarningTest {
    @Test
    void theFiguresToolkitStartsWithoutJavaFxsClassPathWarning() throws Exception {
        PrintStream before = System.err;
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        System.setErr(new PrintStream(seen, true, StandardCharsets.UTF_8));
        try {
            FigureWriter.startToolkit();
        } finally {
            System.setErr(before);
        }
        boolean[] running = new boolean[1];
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> {
            running[0] = true;
            done.countDown();
        });
        done.await(30, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(running[0], "JavaFX runs");
        String err = seen.toString(StandardCharsets.UTF_8);
        assertFalse(err.contains("Unsupported JavaFX configuration"), err);
    }
}
