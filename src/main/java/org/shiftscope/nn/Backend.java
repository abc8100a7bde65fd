package org.shiftscope.nn;

import java.util.Locale;

/** Which matrix back-end does the products. */
public enum Backend {
    /** OpenBLAS when its natives load, else EJML */
    AUTO,
    /** pure-Java EJML */
    EJML,
    /** OpenBLAS through bytedeco (one thread) */
    OPENBLAS;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
