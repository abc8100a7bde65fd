package org.shiftscope.train;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The decision regions of 2-D data for other threads: the first live run's surface on a 48 × 48 grid, recomputed
 * on the trainer thread at most ~8 times a second (and at once after a single step).
 */
final class BoundaryFeed {
    /** grid points per side */
    private static final int SIZE = 48;
    /** the latest surface, or null (not 2-D data, or not computed since the last rebuild) */
    private final AtomicReference<Boundary> latest = new AtomicReference<>();
    /** when it was last computed (nanoTime), 0 = compute at the next chance */
    private long at;

    /** Recomputes the surface if it is due and the session has moved on. Trainer thread. */
    void maybeCompute(Session session, int generation) {
        if (session.data().inputs() != 2) return;
        long now = System.nanoTime();
        if (at != 0 && now - at < 125_000_000L) return;
        Boundary shown = latest.get();
        if (shown != null && shown.step() == session.stepCount() && shown.generation() == generation) return;
        at = now;
        for (Run r : session.runs()) {
            if (!r.diverged()) {
                latest.set(session.decisionSurface(r, generation, SIZE));
                return;
            }
        }
    }

    /** Computes at the next chance (after a single step). */
    void soon() {
        at = 0;
    }

    /** Forgets the old session's surface. */
    void clear() {
        at = 0;
        latest.set(null);
    }

    /** the latest surface, or null (any thread) */
    Boundary latest() {
        return latest.get();
    }
}
