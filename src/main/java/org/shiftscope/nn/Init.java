package org.shiftscope.nn;

/** How initial weights are drawn. */
public enum Init {
    /** normal with the user's standard deviation ({@code network.init_std}) */
    NORMAL,
    /** Xavier/Glorot normal: std = sqrt(2 / (fan_in + fan_out)) */
    XAVIER,
    /** He normal: std = sqrt(2 / fan_in) */
    HE;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** standard deviation of the weights of a fan_in × fan_out matrix */
    public double std(int fanIn, int fanOut, double normalStd) {
        return switch (this) {
            case NORMAL -> normalStd;
            case XAVIER -> Math.sqrt(2.0 / (fanIn + fanOut));
            case HE -> Math.sqrt(2.0 / fanIn);
        };
    }
}
