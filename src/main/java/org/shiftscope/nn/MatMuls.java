package org.shiftscope.nn;

/** Chooses the matrix back-end: "openblas" when its natives load, else "ejml"; a setting can force either. */
public final class MatMuls {
    private MatMuls() {}

    /** The back-end a setting asks for (see {@link #select(String)}), in double precision. */
    public static MatMul of(Backend b) {
        return select(b.key());
    }

    /**
     * The back-end a setting asks for, in a precision. Single precision needs OpenBLAS: with {@link Backend#EJML},
     * or with AUTO where OpenBLAS cannot be loaded, it throws IllegalArgumentException saying so.
     */
    public static MatMul of(Backend b, Precision p) {
        if (p == Precision.F64) return of(b);
        if (b == Backend.EJML) {
            throw new IllegalArgumentException("f32 products need the openblas back-end; ejml computes in f64 only");
        }
        MatMul m = OpenBlasMatMul.tryCreate(p);
        if (m == null) {
            throw new IllegalArgumentException("f32 products need openblas, which could not be loaded: "
                    + OpenBlasMatMul.loadError());
        }
        return m;
    }

    /**
     * @param preference "auto", "ejml" or "openblas"
     * @throws IllegalArgumentException for "openblas" when it cannot be loaded, or an unknown name
     */
    public static MatMul select(String preference) {
        switch (preference == null ? "auto" : preference) {
            case "ejml":
                return new EjmlMatMul();
            case "openblas": {
                MatMul m = OpenBlasMatMul.tryCreate();
                if (m == null) {
                    throw new IllegalArgumentException("backend openblas could not be loaded: "
                            + OpenBlasMatMul.loadError());
                }
                return m;
            }
            case "auto": {
                MatMul m = OpenBlasMatMul.tryCreate();
                return m != null ? m : new EjmlMatMul();
            }
            default:
                throw new IllegalArgumentException("unknown backend '" + preference
                        + "'; expected auto, ejml or openblas");
        }
    }
}
