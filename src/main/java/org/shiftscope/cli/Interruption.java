package org.shiftscope.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A headless run's answer to Ctrl+C (SIGINT) and SIGTERM. The JVM runs its shutdown hooks then; this one asks the
 * run to stop after the step in progress and waits until the run has flushed its files and written in run.json
 * that it was interrupted (at most {@link #GRACE_SECONDS}); the JVM then exits with 130 (SIGINT) or 143 (SIGTERM).
 */
final class Interruption {
    /** how long a signal waits for the run to write its files */
    static final int GRACE_SECONDS = 30;

    /** set once a signal came */
    private volatile boolean requested;
    /** opened when the run's files are written */
    private final CountDownLatch written = new CountDownLatch(1);
    /** the shutdown hook */
    private final Thread hook = new Thread(this::stopRun, "shiftscope-interrupted");

    private Interruption() {}

    /** Watches for a signal from now on. */
    static Interruption watch() {
        Interruption i = new Interruption();
        Runtime.getRuntime().addShutdownHook(i.hook);
        return i;
    }

    private void stopRun() {
        requested = true;
        try {
            written.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** whether a signal asked the run to stop */
    boolean requested() {
        return requested;
    }

    /** The run's files are written: a signal waiting for them lets the JVM end; no signal is watched any more. */
    void release() {
        written.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that the files are written
        }
    }
}
