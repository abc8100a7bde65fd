package org.shiftscope.nn;

/** Chooses the matrix back-end: "openblas" when its natives load, else "ejml"; a setting can force either. */
public final class MatMuls {
    private MatMuls() {}

    /** The back-end a setting asks for (see {@link #select(String)}). */
    public static MatMul of(Backend b) {
        return select(b.key());
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
