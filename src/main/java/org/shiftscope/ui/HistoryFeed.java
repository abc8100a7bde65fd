package org.shiftscope.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.shiftscope.stats.History;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.train.Status;
import org.shiftscope.train.Trainer;
import org.shiftscope.train.scenario.Scenario;

/**
 * What the charts draw, fed once per frame from the trainer: its snapshots of the current session, the settings
 * changed during it (the markers), each run's legend words and colour, and the snapshots with a test accuracy that
 * a lesson's summary reads. FX thread only.
 */
final class HistoryFeed {
    /** every snapshot drawn, bounded */
    final History history = new History();
    /** the snapshots of this session that carry a test accuracy */
    private final List<Snapshot> checkpoints = new ArrayList<>();
    /** drained this frame */
    private final List<Trainer.Published> drained = new ArrayList<>();

    /** Starts over: a new session. */
    void clear() {
        history.clear();
        checkpoints.clear();
    }

    /** Takes what the trainer published for the session of {@code st}; returns whether the history changed. */
    boolean take(Trainer trainer, Status st) {
        drained.clear();
        trainer.drain(drained);
        boolean changed = false;
        for (Trainer.Published p : drained) {
            if (p.generation() != st.generation()) continue;
            history.add(p.snapshot());
            if (p.snapshot().hasTestAccuracy()) checkpoints.add(p.snapshot());
            changed = true;
        }
        Trainer.Events ev = trainer.events();
        if (ev.generation() == st.generation() && ev.list() != history.events()) {
            history.setEvents(ev.list()); // the charts mark the changes
            changed = true;
        }
        Scenario trained = st.scenario();
        for (int i = 0; i < trained.runCount(); i++) {
            history.setStyle(trained.runName(i), trained.runLabel(i), trained.runColor(i));
        }
        return changed;
    }

    /** the snapshots of this session that carry a test accuracy, oldest first (read-only) */
    List<Snapshot> checkpoints() {
        return Collections.unmodifiableList(checkpoints);
    }
}
