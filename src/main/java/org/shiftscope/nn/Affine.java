package org.shiftscope.nn;

/** Whether BatchNorm's gamma/beta train or stay at the user's values. */
public enum Affine {
    /** start from the user's gamma/beta and learn them */
    LEARNED,
    /** hold gamma/beta at the user's values for every unit */
    FIXED;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
