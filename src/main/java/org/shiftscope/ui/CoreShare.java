package org.shiftscope.ui;

/**
 * How much of each 10 ms the trainer leaves idle for the window's threads while it trains flat out (see
 * {@code Trainer.setYieldShare}). On two cores the trainer, the FX thread, the render thread and the X server share
 * them: when the screen's frames fall behind (the render thread is still busy with the last frame when the next
 * pulse is due), the share rises; when they keep up, it falls back to none, so training takes every cycle the
 * window does not need. Updated once per measurement of the frame rate (every half second).
 */
final class CoreShare {
    /**
     * frames per second below which the window counts as falling behind: the charts need 30 (a 60 Hz pulse that
     * keeps up gives ~60; the render thread still busy with the last frame skips pulses)
     */
    static final double BEHIND = 36;
    /** frames per second from which it counts as keeping up */
    static final double KEEPING_UP = 45;
    /** the most the trainer leaves idle */
    static final double MAX = 0.3;
    /**
     * how much the share rises per measurement behind, and falls per measurement keeping up: it rises slowly and
     * falls fast, so the few slow frames of a start (JIT compiling, the first layout) cost training little and
     * for a short time (rising by 0.05 and falling by 0.02, the start of every launch left the trainer half of its
     * time for 15 s)
     */
    static final double UP = 0.02, DOWN = 0.05;

    /** the share in force */
    private double share;
    /** a share fixed with -Dshiftscope.uiShare (measurements), or NaN: adaptive */
    private final double fixed;

    /** @param fixed a fixed share (0–0.9), or NaN to adapt to the frame rate */
    CoreShare(double fixed) {
        this.fixed = fixed;
        share = Double.isNaN(fixed) ? 0 : fixed;
    }

    /** the share fixed by {@code -Dshiftscope.uiShare}, else an adaptive one */
    static CoreShare fromSystemProperty() {
        String v = System.getProperty("shiftscope.uiShare");
        try {
            return new CoreShare(v == null ? Double.NaN : Math.max(0, Math.min(0.9, Double.parseDouble(v))));
        } catch (NumberFormatException e) {
            return new CoreShare(Double.NaN);
        }
    }

    /** Takes the frame rate just measured; returns the share to leave from now on. */
    double next(double framesPerSecond) {
        if (!Double.isNaN(fixed)) return fixed;
        if (framesPerSecond < BEHIND) share = Math.min(MAX, share + UP);
        else if (framesPerSecond >= KEEPING_UP) share = Math.max(0, share - DOWN);
        return share;
    }

    double share() {
        return share;
    }
}
