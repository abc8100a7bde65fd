package org.shiftscope.nn;

/** How initial weights are drawn: normal with std = gain × the scheme's own scale. */
public enum Init {
    /** normal with std = gain (the scale is 1) */
    NORMAL,
    /** Xavier/Glorot normal: scale sqrt(2 / (fan_in + fan_out)) */
    XAVIER,
    /** He normal: scale sqrt(2 / fan_in) */
    HE;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** the scheme's own standard deviation for a fan_in × fan_out matrix, before the gain */
    public double scale(int fanIn, int fanOut) {
        return switch (this) {
            case NORMAL -> 1;
            case XAVIER -> Math.sqrt(2.0 / (fanIn + fanOut));
            case HE -> Math.sqrt(2.0 / fanIn);
        };
    }

    /** standard deviation of the weights of a fan_in × fan_out matrix: gain × {@link #scale} */
    public double std(int fanIn, int fanOut, double gain) {
        return gain * scale(fanIn, fanOut);
    }
}
