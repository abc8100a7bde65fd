package org.shiftscope.stats;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.shiftscope.nn.Activation;
import org.shiftscope.nn.ActivationKind;
import org.shiftscope.nn.Tap;

/**
 * Measures one tap into preallocated primitive fields and arrays: one pass for moments and range, a
 * histogram pass, and percentiles by selection (no sort). Reused every step; allocates only when the batch
 * grows past every earlier size.
 */
public final class TapProbe {
    /** default number of histogram bins */
    public static final int DEFAULT_BINS = 40;

    /** hidden layer, 1-based */
    public final int layer;
    /** which tap */
    public final Tap tap;
    /** values of the last measurement, partially reordered by selection */
    private double[] scratch = new double[0];
    /** histogram counts of the last measurement */
    private final int[] counts;
    /** results of the last measurement */
    private double mean, std, min, max, p15, p50, p85, saturation, binLo, binHi;

    public TapProbe(int layer, Tap tap, int bins) {
        this.layer = layer;
        this.tap = tap;
        this.counts = new int[bins];
    }

    /**
     * Measures the values of a tap.
     *
     * @param kind the layer's activation, used for the saturation figure of the activation tap
     */
    public void measure(DMatrixRMaj values, ActivationKind kind) {
        final int n = values.getNumElements();
        if (scratch.length < n) scratch = new double[n];
        final double[] v = values.data, s = scratch;
        double sum = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        int sat = 0;
        final boolean satTap = tap == Tap.ACTIVATION;
        for (int i = 0; i < n; i++) {
            double x = v[i];
            s[i] = x;
            sum += x;
            if (x < lo) lo = x;
            if (x > hi) hi = x;
            if (satTap && Activation.saturated(kind, x)) sat++;
        }
        Arrays.fill(counts, 0);
        if (n == 0 || !Double.isFinite(sum) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            mean = std = min = max = p15 = p50 = p85 = binLo = binHi = Double.NaN;
            saturation = Double.NaN;
            return;
        }
        mean = sum / n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = v[i] - mean;
            ss += d * d;
        }
        std = Math.sqrt(ss / n);
        min = lo;
        max = hi;
        saturation = satTap ? (double) sat / n : Double.NaN;
        // bins span the data; a constant tap gets a unit-wide range around its value
        if (hi > lo) {
            binLo = lo;
            binHi = hi;
        } else {
            binLo = lo - 0.5;
            binHi = hi + 0.5;
        }
        final int bins = counts.length;
        final double scale = bins / (binHi - binLo);
        for (int i = 0; i < n; i++) {
            int b = (int) ((v[i] - binLo) * scale);
            counts[b >= bins ? bins - 1 : (b < 0 ? 0 : b)]++;
        }
        // percentiles: numpy's default (linear) definition, position p·(n−1), found by selection
        p15 = percentile(s, n, 0.15, 0);
        int from = (int) Math.floor(0.15 * (n - 1)) + 1;
        p50 = percentile(s, n, 0.50, Math.min(from, (int) Math.floor(0.50 * (n - 1))));
        from = (int) Math.floor(0.50 * (n - 1)) + 1;
        p85 = percentile(s, n, 0.85, Math.min(from, (int) Math.floor(0.85 * (n - 1))));
    }

    /** Percentile p of s[0..n) where s[0..from) already holds values ≤ every value of s[from..n). */
    private static double percentile(double[] s, int n, double p, int from) {
        double pos = p * (n - 1);
        int k = (int) Math.floor(pos);
        double frac = pos - k;
        double lo = select(s, from, n - 1, k);
        if (frac == 0 || k + 1 >= n) return lo;
        // after selection everything right of k is ≥ s[k]: the next order statistic is their minimum
        double next = Double.POSITIVE_INFINITY;
        for (int i = k + 1; i < n; i++) if (s[i] < next) next = s[i];
        return lo + frac * (next - lo);
    }

    /** Wirth's selection: reorders a[lo..hi] so that a[k] is the k-th smallest; returns it. */
    static double select(double[] a, int lo, int hi, int k) {
        while (lo < hi) {
            double x = a[k];
            int i = lo, j = hi;
            do {
                while (a[i] < x) i++;
                while (x < a[j]) j--;
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            } while (i <= j);
            if (j < k) lo = i;
            if (k < i) hi = j;
        }
        return a[k];
    }

    /** An immutable copy of the last measurement. */
    public TapStats snapshot() {
        return new TapStats(layer, tap, mean, std, min, p15, p50, p85, max, saturation, binLo, binHi,
                counts.clone());
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
}
