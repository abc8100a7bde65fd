package org.shiftscope.nn;

/**
 * Where a recurrent layer's BatchNorm keeps the running averages it normalizes with at inference (scenario key
 * {@code network.time_stats}). Training normalizes each time step with its own mini-batch statistics either way.
 */
public enum TimeStatistics {
    /**
     * running averages for each time step (Cooijmans et al. 2016); beyond the longest trained length, the last
     * trained step's
     */
    PER_STEP,
    /** one set of running averages for every time step: each step's batch blends into it */
    SHARED;

    /** name in scenario files: per-step, shared */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
