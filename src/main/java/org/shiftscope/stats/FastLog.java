package org.shiftscope.stats;

/**
 * log₁₀|x| from the exponent bits and a table of log₂ over the mantissa's top bits with linear interpolation: about
 * a tenth of {@link Math#log10}'s time, within 1e-5 decades of it (enough to bin values by their order of magnitude).
 * Zero gives −∞, NaN gives NaN, ±∞ gives ∞.
 */
final class FastLog {
    private FastLog() {}

    /** mantissa bits that index the table */
    private static final int BITS = 10;
    /** log₂(1 + i/2^BITS) for i = 0 … 2^BITS */
    private static final double[] LOG2 = new double[(1 << BITS) + 1];
    /** log₁₀ 2 */
    private static final double LOG10_2 = Math.log10(2);

    static {
        for (int i = 0; i < LOG2.length; i++) LOG2[i] = Math.log(1 + (double) i / (1 << BITS)) / Math.log(2);
    }

    /** log₁₀|x| (see the class doc) */
    static double log10Abs(double x) {
        final double a = Math.abs(x);
        if (!(a >= Double.MIN_NORMAL) || a == Double.POSITIVE_INFINITY) return Math.log10(a); // 0, subnormal, NaN, ∞
        final long bits = Double.doubleToRawLongBits(a);
        final int exponent = (int) (bits >>> 52) - 1023;
        final long mantissa = bits & 0xFFFFFFFFFFFFFL;
        final int i = (int) (mantissa >>> (52 - BITS));
        // the share of the way from table entry i to i+1
        final double f = (mantissa & ((1L << (52 - BITS)) - 1)) * (1.0 / (1L << (52 - BITS)));
        return (exponent + LOG2[i] + f * (LOG2[i + 1] - LOG2[i])) * LOG10_2;
    }
}
