package org.shiftscope.nn;

import java.util.Locale;

/**
 * The element type of the engine's matrix products, chosen in one place ({@link MatMuls#of(Backend, Precision)}):
 * the products are most of a step's arithmetic, and a layer never multiplies matrices itself. F64 is the default and
 * what gradient checks use; F32 runs the products in single precision (OpenBLAS's sgemm, twice the numbers per
 * vector instruction), while the layers' element-wise arithmetic, statistics and parameters stay in double.
 */
public enum Precision {
    /** double precision throughout */
    F64,
    /** products in single precision (their inputs rounded to float, their results widened back) */
    F32;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
