package org.shiftscope.train;

import java.util.concurrent.atomic.AtomicReference;
import org.shiftscope.stats.InspectMode;
import org.shiftscope.stats.Inspection;
import org.shiftscope.stats.InspectionCapture;

/**
 * The step inspector's side of the trainer: while open, the session copies each training step of the inspected
 * layer, and the inspected unit's {@link Inspection} is published for other threads. Trainer thread, except
 * {@link #latest()}.
 */
final class InspectorFeed {
    /** the latest record for other threads, or null (closed, or nothing trained since it opened) */
    private final AtomicReference<Inspection> latest = new AtomicReference<>();
    /** the session's copy of each step, or null while closed */
    private InspectionCapture capture;
    /** the inspected unit (0-based) and mode */
    private int unit;
    private InspectMode mode = InspectMode.TRAINING;
    /** the capture version last published, and when (nanoTime) */
    private long publishedVersion = -1, publishedAt;

    /** Inspects a unit of a layer (1-based) in a mode from now on; the record is rebuilt from the copy in hand. */
    void open(Session session, int layer, int unit, InspectMode mode) {
        if (capture == null) {
            capture = new InspectionCapture();
            session.setCapture(capture);
        }
        capture.setLayer(layer);
        this.unit = unit;
        this.mode = mode;
        publishedVersion = -1;
    }

    /** Stops copying steps; {@link #latest()} becomes null. */
    void close(Session session) {
        capture = null;
        session.setCapture(null);
        latest.set(null);
    }

    /** Follows a new session: its steps are copied if open; nothing of the old one is shown. */
    void follow(Session fresh) {
        fresh.setCapture(capture);
        if (capture != null) capture.clear();
        latest.set(null);
    }

    /**
     * Publishes the inspected unit of the latest copied step when there is news: a new step (while playing at most
     * every 33 ms, as often as the charts redraw; paused at once) or a new unit or mode.
     */
    void maybePublish(boolean playing, int generation) {
        if (capture == null || !capture.has() || capture.version() == publishedVersion) return;
        long now = System.nanoTime();
        if (playing && publishedVersion >= 0 && now - publishedAt < 33_000_000L) return;
        latest.set(capture.build(generation, unit, mode));
        publishedVersion = capture.version();
        publishedAt = now;
    }

    /** the latest record, or null (any thread) */
    Inspection latest() {
        return latest.get();
    }
}
