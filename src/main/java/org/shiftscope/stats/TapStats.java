package org.shiftscope.stats;

import org.shiftscope.nn.Site;
import org.shiftscope.nn.Tap;

/**
 * Immutable statistics of one site at one step, pooled over examples × positions × units.
 *
 * @param site       where the values were taken (hidden layer, position, tap)
 * @param mean       mean of the values
 * @param std        population standard deviation of the values
 * @param min        smallest value
 * @param p15        15th percentile (linear interpolation between order statistics)
 * @param p50        median
 * @param p85        85th percentile
 * @param max        largest value
 * @param saturation fraction of the activation's outputs near its bounds (sigmoid/tanh) or at zero (ReLU);
 *                   NaN for taps other than {@link Tap#ACTIVATION}; in a {@link #magnitude} measurement, the
 *                   fraction of values that were exactly zero (left out of it)
 * @param binLo      lower edge of the first histogram bin (the robust range's low end: values below it are
 *                   counted in the first bin)
 * @param binHi      upper edge of the last histogram bin (values above it are counted in the last bin)
 * @param counts     histogram counts over [binLo, binHi] in equal bins, the edge bins with the values beyond;
 *                   do not modify
 * @param under      how many values lie below binLo (counted in the first bin)
 * @param over       how many values lie above binHi (counted in the last bin)
 * @param magnitude  for a tap whose values span decades ({@link Tap.Scale#LOG_MAGNITUDE}): the statistics of
 *                   log₁₀|value| over the values that are not zero; else null
 */
public record TapStats(Site site, double mean, double std, double min, double p15, double p50, double p85,
                       double max, double saturation, double binLo, double binHi, int[] counts, int under, int over,
                       TapStats magnitude) {

    /** statistics of hidden layer {@code layer}'s tap over all positions, without a magnitude measurement */
    public TapStats(int layer, Tap tap, double mean, double std, double min, double p15, double p50, double p85,
                    double max, double saturation, double binLo, double binHi, int[] counts, int under, int over) {
        this(Site.of(layer, tap), mean, std, min, p15, p50, p85, max, saturation, binLo, binHi, counts, under, over,
                null);
    }

    /** statistics whose bins span every value (no overflow) */
    public TapStats(int layer, Tap tap, double mean, double std, double min, double p15, double p50, double p85,
                    double max, double saturation, double binLo, double binHi, int[] counts) {
        this(layer, tap, mean, std, min, p15, p50, p85, max, saturation, binLo, binHi, counts, 0, 0);
    }

    /** hidden layer, 1-based */
    public int layer() {
        return site.layer();
    }

    /** what was measured */
    public Tap tap() {
        return site.tap();
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
