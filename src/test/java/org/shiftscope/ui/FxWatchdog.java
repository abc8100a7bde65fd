package org.shiftscope.ui;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import org.shiftscope.ThreadCost;

/**
 * Fails a test when the FX thread works for longer than a limit of its own CPU time without answering. A pinger
 * thread posts a ping to the FX thread every {@link #PING_MILLIS} ms and measures, while the ping waits, the CPU
 * time the FX thread uses (its {@code ThreadMXBean} CPU time) — not the wall clock: a machine that other
 * processes keep busy slows the answer but cannot fail it, while a real stall (one long piece of work on the FX
 * thread) still does, with the FX thread's stack at the moment it went over.
 */
final class FxWatchdog implements AutoCloseable {
    /** how often the FX thread is pinged */
    static final long PING_MILLIS = 50;

    private final Thread fx;
    private final long limitNanos;
    private final Thread pinger;
    private volatile boolean running = true;
    /** the first stall seen, or null */
    private volatile String stall;
    /** the most CPU time the FX thread used before answering one ping, and the pings answered */
    private final AtomicLong maxNanos = new AtomicLong(), answers = new AtomicLong();

    FxWatchdog(Thread fx, long limitMillis) {
        this.fx = fx;
        this.limitNanos = limitMillis * 1_000_000L;
        pinger = new Thread(this::ping, "fx-watchdog");
        pinger.setDaemon(true);
        pinger.start();
    }

    private void ping() {
        while (running) {
            long cpu0 = ThreadCost.cpuNanos(fx);
            AtomicLong answeredAt = new AtomicLong(-1);
            Platform.runLater(() -> answeredAt.set(ThreadCost.cpuNanos(fx)));
            try {
                while (running && answeredAt.get() < 0) {
                    Thread.sleep(5);
                    long used = ThreadCost.cpuNanos(fx) - cpu0;
                    if (used > limitNanos && stall == null) stall = report(used, fx.getStackTrace());
                }
                if (answeredAt.get() >= 0) {
                    answers.incrementAndGet();
                    maxNanos.accumulateAndGet(answeredAt.get() - cpu0, Math::max);
                }
                Thread.sleep(PING_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private String report(long used, StackTraceElement[] at) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "the FX thread used %.0f ms of its CPU without answering (limit %d ms); it was at:%n", used / 1e6,
                limitNanos / 1_000_000L));
        for (StackTraceElement e : at) b.append("    at ").append(e).append('\n');
        return b.toString();
    }

    /** Fails when the FX thread stalled since the watchdog started. */
    void assertNoStall() {
        if (stall != null) throw new AssertionError(stall);
    }

    /** the most CPU time (ms) the FX thread used before answering a ping */
    double maxMillis() {
        return maxNanos.get() / 1e6;
    }

    /** pings answered so far */
    long answers() {
        return answers.get();
    }

    @Override
    public void close() {
        running = false;
        pinger.interrupt();
        assertNoStall();
    }
}
