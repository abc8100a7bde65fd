package org.shiftscope.stats;

/**
 * A setting that changed during a run (a live change from a control, a lesson's "Try it" or a scenario's
 * schedule); immutable, so any thread may hold it. Charts draw it as a labelled vertical marker; exports write it
 * as a row of {@code events.csv}.
 *
 * @param step  the first step trained with the new value
 * @param run   the run it concerns: a run's name, or {@link #ALL} for every run
 * @param key   the setting's key in scenario files (e.g. {@code training.learning_rate})
 * @param old   the value before, as scenario files write it (e.g. {@code 0.1}, {@code batch})
 * @param next  the value after, as scenario files write it
 * @param label short words for the marker, e.g. "BN off" or "lr 0.1→0.5"
 */
public record Event(long step, String run, String key, String old, String next, String label) {
    /** the run name of a change that concerns every run */
    public static final String ALL = "all";

    /** the column names of {@code events.csv} */
    public static final String CSV_HEADER = "step,run,key,old,new";

    /** the key of the row saying that a run diverged (its loss or weights became NaN or infinite) */
    public static final String DIVERGED = "diverged";

    /** the row of {@code events.csv} saying that a run diverged at a step (a change of state, not of a setting) */
    public static Event divergence(String run, long step) {
        return new Event(step, run, DIVERGED, "false", "true", DIVERGED);
    }
}
