package org.shiftscope.stats;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.shiftscope.nn.Activation;
import org.shiftscope.nn.ActivationKind;
import org.shiftscope.nn.Site;
import org.shiftscope.nn.Tap;

/**
 * Measures one tap into preallocated primitive fields and arrays: two passes over the values (three when a few
 * outliers lie far out), no sort and no allocation. Percentiles come from a fine histogram over [min, max],
 * accurate to a fraction of one sub-bin ((max − min) / (bins × {@value #FINE_PER_BIN})).
 *
 * <p>The display histogram spans the robust range from the {@value #ROBUST_LOW}th to the {@value #ROBUST_HIGH}th
 * percentile, so that one outlier does not squash the others into a spike; the values beyond are counted in the
 * edge bins ({@link TapStats#under()}, {@link TapStats#over()} say how many). A tail that reaches only a little
 * beyond the robust range (less than {@value #SHORT_TAIL} of it) is kept in range instead.
 *
 * <p>A tap whose values span decades ({@link Tap.Scale#LOG_MAGNITUDE}: gradients) is also measured as log₁₀|value|
 * over its values that are not zero ({@link TapStats#magnitude()}), with a fast logarithm accurate to 1e-5 decades.
 */
public final class TapProbe {
    /** default number of histogram bins */
    public static final int DEFAULT_BINS = 40;
    /** sub-bins of the fine histogram per display bin */
    public static final int FINE_PER_BIN = 16;

    /** percentiles of the display histogram's range, in percent */
    public static final double ROBUST_LOW = 0.5, ROBUST_HIGH = 99.5;
    /** a tail beyond the robust range shorter than this share of it stays inside the range */
    public static final double SHORT_TAIL = 0.1;
    /** the robust range is used only if it spans at least this many fine sub-bins (not one spike) */
    static final int NARROWEST = 4;

    /** where it measures */
    public final Site site;
    /** hidden layer, 1-based */
    public final int layer;
    /** which tap */
    public final Tap tap;
    /** log₁₀|value| of the values that are not zero, for a tap whose values span decades; else null */
    private final TapProbe magnitude;
    /** the magnitude probe's input: its values in a 1 × k matrix over a reused array */
    private final DMatrixRMaj logs;
    /** display histogram counts of the last measurement */
    private final int[] counts;
    /** fine histogram (bins × FINE_PER_BIN) of the last measurement, for the percentiles */
    private final int[] fine;
    /** the percentiles measured */
    private static final double[] PERCENTILES = {0.15, 0.50, 0.85};
    /** ranks of the order statistics the percentiles need: below and above each percentile's position */
    private final int[] rank = new int[6];
    /** those order statistics */
    private final double[] order = new double[6];
    /** results of the last measurement */
    private double mean, std, min, max, p15, p50, p85, saturation, binLo, binHi;
    /** values of the last measurement below binLo / above binHi, counted in the first / last bin */
    private int under, over;

    public TapProbe(int layer, Tap tap, int bins) {
        this(Site.of(layer, tap), bins);
    }

    public TapProbe(Site site, int bins) {
        this(site, bins, site.tap().scale == Tap.Scale.LOG_MAGNITUDE);
    }

    private TapProbe(Site site, int bins, boolean withMagnitude) {
        this.site = site;
        this.layer = site.layer();
        this.tap = site.tap();
        this.counts = new int[bins];
        this.fine = new int[bins * FINE_PER_BIN];
        this.magnitude = withMagnitude ? new TapProbe(site, bins, false) : null;
        this.logs = withMagnitude ? new DMatrixRMaj(1, 1) : null;
    }

    /**
     * Measures the values of a tap in two passes: (1) sum, range and saturation; (2) squared deviations and the
     * fine histogram, which sums up into the display histogram and gives the percentiles.
     *
     * @param kind the layer's activation, used for the saturation figure of the activation tap
     */
    public void measure(DMatrixRMaj values, ActivationKind kind) {
        measureValues(values, kind);
        if (magnitude != null) measureMagnitude(values);
    }

    /**
     * log₁₀|v| of the values that are not zero into {@link #logs}, measured by the magnitude probe, whose
     * saturation figure is then the share of zeros. Allocates only when the values outgrow the array.
     */
    private void measureMagnitude(DMatrixRMaj values) {
        final int n = values.getNumElements();
        final double[] v = values.data;
        if (logs.data.length < n) logs.data = new double[n];
        final double[] out = logs.data;
        int k = 0;
        for (int i = 0; i < n; i++) {
            final double x = v[i];
            if (x != 0) out[k++] = FastLog.log10Abs(x); // NaN stays NaN, ±∞ stays ∞: the probe reports NaN
        }
        logs.numRows = 1;
        logs.numCols = k;
        magnitude.measureValues(logs, ActivationKind.LINEAR);
        magnitude.saturation = n == 0 ? Double.NaN : (double) (n - k) / n; // the share of zeros
    }

    private void measureValues(DMatrixRMaj values, ActivationKind kind) {
        final int n = values.getNumElements();
        final double[] v = values.data;
        // saturated ⇔ value < satLo or value > satHi (ReLU: satLo = smallest positive double, so 0 counts)
        final boolean satTap = tap == Tap.ACTIVATION;
        double satLo = Double.NEGATIVE_INFINITY, satHi = Double.POSITIVE_INFINITY;
        if (satTap) {
            switch (kind) {
                case SIGMOID -> {
                    satLo = Activation.SIGMOID_LOW;
                    satHi = Activation.SIGMOID_HIGH;
                }
                case TANH -> {
                    satLo = -Activation.TANH_BOUND;
                    satHi = Activation.TANH_BOUND;
                }
                case RELU -> satLo = Double.MIN_VALUE;
                case LINEAR -> { }
            }
        }
        // four independent lanes (a single running sum or minimum is one long dependency chain) and no
        // data-dependent branches: on real activations those mispredict about every other value
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        double lo0 = Double.POSITIVE_INFINITY, lo1 = lo0, lo2 = lo0, lo3 = lo0;
        double hi0 = Double.NEGATIVE_INFINITY, hi1 = hi0, hi2 = hi0, hi3 = hi0;
        int sat = 0, i = 0;
        for (; i + 3 < n; i += 4) {
            final double a = v[i], b = v[i + 1], c = v[i + 2], d = v[i + 3];
            s0 += a;
            s1 += b;
            s2 += c;
            s3 += d;
            lo0 = Math.min(lo0, a);
            lo1 = Math.min(lo1, b);
            lo2 = Math.min(lo2, c);
            lo3 = Math.min(lo3, d);
            hi0 = Math.max(hi0, a);
            hi1 = Math.max(hi1, b);
            hi2 = Math.max(hi2, c);
            hi3 = Math.max(hi3, d);
            sat += (a < satLo | a > satHi ? 1 : 0) + (b < satLo | b > satHi ? 1 : 0)
                    + (c < satLo | c > satHi ? 1 : 0) + (d < satLo | d > satHi ? 1 : 0);
        }
        for (; i < n; i++) {
            final double x = v[i];
            s0 += x;
            lo0 = Math.min(lo0, x);
            hi0 = Math.max(hi0, x);
            sat += x < satLo | x > satHi ? 1 : 0;
        }
        final double lo = Math.min(Math.min(lo0, lo1), Math.min(lo2, lo3));
        final double hi = Math.max(Math.max(hi0, hi1), Math.max(hi2, hi3));
        final double sum = (s0 + s1) + (s2 + s3);
        Arrays.fill(counts, 0);
        under = over = 0;
        if (n == 0 || !Double.isFinite(sum) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            mean = std = min = max = p15 = p50 = p85 = binLo = binHi = Double.NaN;
            saturation = Double.NaN;
            return;
        }
        mean = sum / n;
        min = lo;
        max = hi;
        saturation = satTap ? (double) sat / n : Double.NaN;
        // bins span the data; a constant tap gets a unit-wide range around its value
        binLo = hi > lo ? lo : lo - 0.5;
        binHi = hi > lo ? hi : hi + 0.5;
        final int nf = fine.length;
        final double scale = nf / (binHi - binLo), m = mean, base = binLo;
        double q0 = 0, q1 = 0;
        int j = 0;
        for (; j + 1 < n; j += 2) {
            final double x = v[j], y = v[j + 1], dx = x - m, dy = y - m;
            q0 += dx * dx;
            q1 += dy * dy;
            final int bx = (int) ((x - base) * scale), by = (int) ((y - base) * scale);
            fine[bx >= nf ? nf - 1 : bx]++;
            fine[by >= nf ? nf - 1 : by]++;
        }
        for (; j < n; j++) {
            final double x = v[j], dx = x - m;
            q0 += dx * dx;
            final int bx = (int) ((x - base) * scale);
            fine[bx >= nf ? nf - 1 : bx]++;
        }
        final double ss = q0 + q1;
        std = Math.sqrt(ss / n);
        // one pass over the fine bins: read the order statistics that the percentiles need (numpy's default:
        // rank p·(n−1), linear between its two neighbours) and the sub-bins holding the robust range's ends
        final double w = (binHi - binLo) / nf;
        final long robustLoRank = (long) Math.floor(ROBUST_LOW / 100 * (n - 1));
        final long robustHiRank = (long) Math.ceil(ROBUST_HIGH / 100 * (n - 1));
        int robustLoBin = -1, robustHiBin = nf - 1;
        for (int t = 0; t < 3; t++) {
            final double pos = PERCENTILES[t] * (n - 1);
            rank[2 * t] = (int) pos;
            rank[2 * t + 1] = Math.min(n - 1, (int) pos + 1);
        }
        long below = 0;
        int found = 0; // bit k set once order[k] is known (the ranks are not always ascending: n is small)
        long next = nextRank(found);
        for (int b = 0; b < nf; b++) {
            final int c = fine[b];
            if (robustLoBin < 0 && below + c > robustLoRank) robustLoBin = b;
            if (below <= robustHiRank && below + c > robustHiRank) robustHiBin = b;
            if (below + c > next) { // c > 0 here: `next` is a rank not yet passed
                // a sub-bin's values are taken as evenly spread over it: error below one sub-bin width
                for (int k = 0; k < 6; k++) {
                    if ((found & (1 << k)) == 0 && below + c > rank[k]) {
                        order[k] = binLo + w * (b + (rank[k] - below + 0.5) / c);
                        found |= 1 << k;
                    }
                }
                next = nextRank(found);
            }
            below += c;
        }
        binDisplay(v, n, lo, hi, binLo + w * robustLoBin, binLo + w * (robustHiBin + 1));
        for (int k = 0; k < 6; k++) {
            order[k] = rank[k] == 0 ? lo : rank[k] == n - 1 ? hi : Math.max(lo, Math.min(hi, order[k]));
        }
        p15 = interpolate(0, n);
        p50 = interpolate(1, n);
        p85 = interpolate(2, n);
        if (hi == lo) p15 = p50 = p85 = lo;
    }

    /**
     * Picks the display range from the data's [lo, hi] and its robust range [rLo, rHi] (each end widened to the
     * data's when the tail beyond is short), counts the display bins and clears the fine histogram. Spanning
     * [lo, hi], the display bins are sums of the fine ones; otherwise a third pass bins the values, counting
     * those beyond the range in the edge bins.
     */
    private void binDisplay(double[] v, int n, double lo, double hi, double rLo, double rHi) {
        final double span = rHi - rLo;
        final boolean robust = hi > lo && span >= NARROWEST * (hi - lo) / fine.length;
        final double a = robust && rLo - lo > SHORT_TAIL * span ? rLo : binLo;
        final double b = robust && hi - rHi > SHORT_TAIL * span ? rHi : binHi;
        if (a == binLo && b == binHi) {
            for (int f = 0; f < fine.length; f++) {
                counts[f / FINE_PER_BIN] += fine[f];
                fine[f] = 0;
            }
            return;
        }
        Arrays.fill(fine, 0);
        binLo = a;
        binHi = b;
        final int nb = counts.length, last = nb - 1;
        final double scale = nb / (b - a);
        int below = 0, above = 0;
        for (int i = 0; i < n; i++) {
            final double x = v[i];
            below += x < a ? 1 : 0;
            above += x > b ? 1 : 0;
            final int k = (int) ((x - a) * scale);
            counts[x < a ? 0 : k > last ? last : k]++;
        }
        under = below;
        over = above;
    }

    /** the smallest rank not yet found, or Long.MAX_VALUE */
    private long nextRank(int found) {
        long next = Long.MAX_VALUE;
        for (int k = 0; k < 6; k++) if ((found & (1 << k)) == 0) next = Math.min(next, rank[k]);
        return next;
    }

    private double interpolate(int t, int n) {
        final double pos = PERCENTILES[t] * (n - 1);
        return order[2 * t] + (pos - (int) pos) * (order[2 * t + 1] - order[2 * t]);
    }

    /** An immutable copy of the last measurement. */
    public TapStats snapshot() {
        return new TapStats(site, mean, std, min, p15, p50, p85, max, saturation, binLo, binHi, counts.clone(), under,
                over, magnitude == null ? null : magnitude.snapshot());
    }

    public double mean() {
        return mean;
    }

    public double std() {
        return std;
    }

    public double p50() {
        return p50;
    }

    /** width of one fine sub-bin in the last measurement: the percentiles' resolution */
    public double resolution() {
        return Double.isFinite(min) && max > min ? (max - min) / fine.length : (binHi - binLo) / fine.length;
    }
}
