package org.shiftscope.stats;

import org.shiftscope.nn.Tap;

/**
 * Immutable statistics of one tap of one hidden layer at one step, pooled over batch × units.
 *
 * @param layer      hidden layer, 1-based
 * @param tap        where in the layer the values were taken
 * @param mean       mean of the values
 * @param std        population standard deviation of the values
 * @param min        smallest value
 * @param p15        15th percentile (linear interpolation between order statistics)
 * @param p50        median
 * @param p85        85th percentile
 * @param max        largest value
 * @param saturation fraction of the activation's outputs near its bounds (sigmoid/tanh) or at zero (ReLU);
 *                   NaN for taps other than {@link Tap#ACTIVATION}
 * @param binLo      lower edge of the first histogram bin (the robust range's low end: values below it are
 *                   counted in the first bin)
 * @param binHi      upper edge of the last histogram bin (values above it are counted in the last bin)
 * @param counts     histogram counts over [binLo, binHi] in equal bins, the edge bins with the values beyond;
 *                   do not modify
 * @param under      how many values lie below binLo (counted in the first bin)
 * @param over       how many values lie above binHi (counted in the last bin)
 */
public record TapStats(int layer, Tap tap, double mean, double std, double min, double p15, double p50,
                       double p85, double max, double saturation, double binLo, double binHi, int[] counts,
                       int under, int over) {

    /** statistics whose bins span every value (no overflow) */
    public TapStats(int layer, Tap tap, double mean, double std, double min, double p15, double p50, double p85,
                    double max, double saturation, double binLo, double binHi, int[] counts) {
        this(layer, tap, mean, std, min, p15, p50, p85, max, saturation, binLo, binHi, counts, 0, 0);
    }

    /** width of one histogram bin */
    public double binWidth() {
        return (binHi - binLo) / counts.length;
    }

    /** number of values counted */
    public int total() {
        int t = 0;
        for (int c : counts) t += c;
        return t;
    }
}
