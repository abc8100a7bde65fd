package org.shiftscope.train;

import org.shiftscope.stats.Snapshot;

/** Receives each published snapshot, on the trainer thread; must be quick (copy a reference, write a row). */
@FunctionalInterface
public interface SnapshotListener {
    void accept(Snapshot snapshot);
}
