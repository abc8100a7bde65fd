package org.shiftscope.nn;

/** Where BatchNorm sits in a hidden layer. */
public enum Placement {
    /** linear → BN → activation (the paper's choice) */
    BEFORE,
    /** linear → activation → BN */
    AFTER;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
