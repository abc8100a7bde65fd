package org.shiftscope.train;

/**
 * The trainer's clock: the speed cap ({@code training.speed}, steps a second), the share of time left idle for the
 * window while training flat out, and the measured speed. Trainer thread, except {@link #setYieldShare}.
 */
final class Pace {
    /** a work slice: after each, the yield share of it is left idle */
    private static final long SLICE = 10_000_000L;
    /** the speed's measuring window */
    private static final long RATE_WINDOW = 500_000_000L;

    /** share of each work slice left idle for the UI's threads (0 = none) */
    private volatile double yieldShare;
    /** when the current work slice began, when the capped next step is due, when the speed window began */
    private long sliceT0 = System.nanoTime(), nextStepAt = sliceT0, rateT0 = sliceT0;
    /** steps in the speed window */
    private long rateSteps;
    /** the last measured speed, steps a second */
    private double rate;

    /** Leaves this share (0…0.9) of the time idle while training flat out. Any thread. */
    void setYieldShare(double share) {
        yieldShare = Math.max(0, Math.min(0.9, share));
    }

    /** Play: the capped steps count from now. */
    void restart() {
        nextStepAt = System.nanoTime();
    }

    /** how long to wait for the next capped step (0: due, or no cap) */
    long untilNextStep(double cap) {
        return cap > 0 ? Math.max(0, nextStepAt - System.nanoTime()) : 0;
    }

    /** Counts a step and books the next capped one (a late step does not bring on a burst of more than 0.1 s). */
    void stepped(double cap) {
        rateSteps++;
        if (cap > 0) nextStepAt = Math.max(nextStepAt + (long) (1e9 / cap), System.nanoTime() - 100_000_000L);
    }

    /** how long to idle now: the yield share of a work slice that has just ended, else 0 (also with a cap) */
    long idleNow(double cap) {
        double share = yieldShare;
        if (share <= 0 || cap > 0) return 0;
        long worked = System.nanoTime() - sliceT0;
        return worked >= SLICE ? Math.max(1, (long) (worked * share / (1 - share))) : 0;
    }

    /** Starts a new work slice (after idling). */
    void sliceDone() {
        sliceT0 = System.nanoTime();
    }

    /** Ends the speed window when it is due; returns whether it did (a new speed to show). */
    boolean measure(boolean playing) {
        long now = System.nanoTime();
        if (now - rateT0 < RATE_WINDOW) return false;
        rate = playing ? rateSteps / ((now - rateT0) / 1e9) : 0;
        rateT0 = now;
        rateSteps = 0;
        return true;
    }

    /** the last measured speed, steps a second */
    double rate() {
        return rate;
    }
}
