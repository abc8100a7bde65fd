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
 * @param binLo      lower edge of the first histogram bin
 * @param binHi      upper edge of the last histogram bin
 * @param counts     histogram counts over [binLo, binHi] in equal bins; do not modify
 */
public record TapStats(int layer, Tap tap, double mean, double std, double min, double p15, double p50,
                       double p85, double max, double saturation, double binLo, double binHi, int[] counts) {

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
