package org.shiftscope.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.shiftscope.nn.Activation;
import org.shiftscope.nn.ActivationKind;
import org.shiftscope.nn.Tap;

class TapProbeTest {

    @Test
    void percentilesOfAUniformGridAreExactToTheSubBin() {
        double[] v = new double[10001];
        for (int i = 0; i < v.length; i++) v[i] = i / 10000.0; // 0, 0.0001, …, 1
        TapProbe p = new TapProbe(1, Tap.LINEAR, 40);
        p.measure(matrix(1, v.length, v), ActivationKind.TANH);
        TapStats s = p.snapshot();
        assertEquals(0.15, s.p15(), 1.0 / 640);
        assertEquals(0.50, s.p50(), 1.0 / 640);
        assertEquals(0.85, s.p85(), 1.0 / 640);
        assertEquals(250, s.counts()[0], 1, "a quarter of a 40th of 10001 values");
    }

    /** numpy's default percentile: linear interpolation at position p·(n−1) of the sorted values */
    static double reference(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        double pos = p * (s.length - 1);
        int k = (int) Math.floor(pos);
        return k + 1 < s.length ? s[k] + (pos - k) * (s[k + 1] - s[k]) : s[k];
    }

    static DMatrixRMaj matrix(int rows, int cols, double[] v) {
        return DMatrixRMaj.wrap(rows, cols, v.clone());
    }

    @Test
    void percentilesMatchASortedReference() {
        Random r = new Random(3);
        for (int n : new int[] {1, 2, 3, 7, 60, 601, 6000}) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = r.nextGaussian() * 3 + 1;
            TapProbe p = new TapProbe(1, Tap.LINEAR, 40);
            p.measure(matrix(1, n, v), ActivationKind.TANH);
            TapStats s = p.snapshot();
            double tol = n == 1 ? 0 : p.resolution(); // percentiles are read off the fine histogram
            assertTrue(tol <= (s.max() - s.min()) / 640 || n == 1);
            assertEquals(reference(v, 0.15), s.p15(), tol, "n=" + n);
            assertEquals(reference(v, 0.50), s.p50(), tol, "n=" + n);
            assertEquals(reference(v, 0.85), s.p85(), tol, "n=" + n);
            assertEquals(Arrays.stream(v).min().getAsDouble(), s.min());
            assertEquals(Arrays.stream(v).max().getAsDouble(), s.max());
            assertEquals(Arrays.stream(v).average().getAsDouble(), s.mean(), 1e-12);
            assertEquals(n, s.total());
        }
    }

    /** two outliers at ±20 around 998 values in [−1, 1]: the bins span [−1, 1], the outliers go to the edge bins */
    @Test
    void theDisplayRangeIsRobustAndOutliersCountInTheEdgeBins() {
        double[] v = new double[1000];
        for (int i = 0; i < 998; i++) v[i] = -1 + 2 * (i + 0.5) / 998;
        v[998] = 20;
        v[999] = -20;
        TapProbe p = new TapProbe(1, Tap.NORMALIZED, 40);
        p.measure(matrix(10, 100, v), ActivationKind.TANH);
        TapStats s = p.snapshot();
        // the 0.5th and 99.5th percentiles' sub-bins (40 / 640 wide, from −20) end at −1 and 1 exactly
        assertEquals(-1.0, s.binLo(), 0.0);
        assertEquals(1.0, s.binHi(), 0.0);
        assertEquals(-20.0, s.min());
        assertEquals(20.0, s.max());
        assertEquals(1, s.under());
        assertEquals(1, s.over());
        assertEquals(1000, s.total(), "every value is counted once");
        // 998 values evenly over 40 bins of width 0.05: 24 or 25 each, the edge bins one more
        for (int b = 0; b < 40; b++) {
            int inRange = 0;
            for (int i = 0; i < 998; i++) {
                if (v[i] >= -1 + 0.05 * b && (v[i] < -1 + 0.05 * (b + 1) || b == 39)) inRange++;
            }
            assertEquals(inRange + (b == 0 || b == 39 ? 1 : 0), s.counts()[b], "bin " + b);
        }
        // the percentiles still come from every value
        assertEquals(reference(v, 0.50), s.p50(), p.resolution());
        assertEquals(reference(v, 0.15), s.p15(), p.resolution());
        assertEquals(40.0 / 640, p.resolution(), 1e-15);
    }

    /** one long tail only: the other end stays at the data's own extreme, with nothing beyond it */
    @Test
    void aShortTailStaysInRange() {
        double[] v = new double[1000];
        for (int i = 0; i < 999; i++) v[i] = i / 999.0; // [0, 1)
        v[999] = 50;
        TapProbe p = new TapProbe(1, Tap.LINEAR, 40);
        p.measure(matrix(1, 1000, v), ActivationKind.TANH);
        TapStats s = p.snapshot();
        assertEquals(0.0, s.binLo(), 0.0, "no tail below: the range starts at the minimum");
        assertEquals(0, s.under());
        assertEquals(1, s.over());
        assertTrue(s.binHi() >= 0.99 && s.binHi() <= 1.1, "" + s.binHi());
        assertEquals(1000, s.total());
        // a uniform sample has no outliers: its bins span min … max as before
        double[] u = new double[1000];
        for (int i = 0; i < u.length; i++) u[i] = i / 999.0;
        p.measure(matrix(1, 1000, u), ActivationKind.TANH);
        TapStats t = p.snapshot();
        assertEquals(0.0, t.binLo(), 0.0);
        assertEquals(1.0, t.binHi(), 0.0);
        assertEquals(0, t.under() + t.over());
    }

    /** a spike with a few spread values (ReLU's zeros): the robust range would be one sub-bin, so min … max */
    @Test
    void aRobustRangeTooNarrowFallsBackToTheDataRange() {
        double[] v = new double[1000];
        for (int i = 996; i < 1000; i++) v[i] = i - 995; // 996 zeros, then 1 … 4
        TapProbe p = new TapProbe(1, Tap.ACTIVATION, 10);
        p.measure(matrix(1, 1000, v), ActivationKind.RELU);
        TapStats s = p.snapshot();
        assertEquals(0.0, s.binLo());
        assertEquals(4.0, s.binHi());
        assertEquals(0, s.under() + s.over());
    }

    @Test
    void manyTiesLikeReluZeros() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) v[i] = i % 2 == 0 ? 0.0 : i;
        TapProbe p = new TapProbe(2, Tap.ACTIVATION, 10);
        p.measure(matrix(10, 100, v), ActivationKind.RELU);
        TapStats s = p.snapshot();
        assertEquals(reference(v, 0.15), s.p15(), p.resolution());
        assertEquals(reference(v, 0.50), s.p50(), p.resolution());
        assertEquals(reference(v, 0.85), s.p85(), p.resolution());
        assertEquals(0.5, s.saturation(), 1e-12, "half the ReLU outputs are zero");
        assertEquals(500 + 50, s.counts()[0], "bin [0, 99.9) holds the 500 zeros and 50 odd numbers");
    }

    @Test
    void knownMomentsHistogramAndSaturation() {
        double[] v = {0.0, 0.5, 0.5, 1.0};
        TapProbe p = new TapProbe(1, Tap.ACTIVATION, 4);
        p.measure(matrix(2, 2, v), ActivationKind.SIGMOID);
        TapStats s = p.snapshot();
        assertEquals(0.5, s.mean(), 1e-15);
        assertEquals(Math.sqrt(0.125), s.std(), 1e-15);
        assertEquals(0.5, s.saturation(), 1e-15);
        assertEquals(0.0, s.binLo());
        assertEquals(1.0, s.binHi());
        assertEquals(4, s.counts().length);
        assertEquals(1, s.counts()[0]);
        assertEquals(2, s.counts()[2]);
        assertEquals(1, s.counts()[3]);
        TapProbe lin = new TapProbe(1, Tap.LINEAR, 4);
        lin.measure(matrix(2, 2, v), ActivationKind.SIGMOID);
        assertTrue(Double.isNaN(lin.snapshot().saturation()), "saturation belongs to the activation tap");
    }

    @Test
    void constantAndNonFiniteValuesDoNotThrow() {
        TapProbe p = new TapProbe(1, Tap.LINEAR, 8);
        p.measure(matrix(1, 3, new double[] {2, 2, 2}), ActivationKind.RELU);
        TapStats s = p.snapshot();
        assertEquals(2.0, s.p50());
        assertEquals(0.0, s.std());
        assertEquals(3, s.total());
        p.measure(matrix(1, 3, new double[] {1, Double.NaN, 2}), ActivationKind.RELU);
        assertTrue(Double.isNaN(p.snapshot().mean()));
        assertEquals(0, p.snapshot().total());
    }

    @Test
    void snapshotsAreIndependentCopies() {
        TapProbe p = new TapProbe(1, Tap.LINEAR, 4);
        p.measure(matrix(1, 4, new double[] {0, 1, 2, 3}), ActivationKind.TANH);
        TapStats first = p.snapshot();
        p.measure(matrix(1, 4, new double[] {0, 0, 0, 3}), ActivationKind.TANH);
        assertEquals(1, first.counts()[1]);
        assertEquals(1.5, first.mean());
    }

    /** values at, just inside and just outside every saturation bound, and ordinary ones */
    static final double[] SPECIAL = {Activation.SIGMOID_LOW, Activation.SIGMOID_HIGH, 0.0199, 0.9801, 0.5,
        -Activation.TANH_BOUND, Activation.TANH_BOUND, -0.9601, 0.9601, -0.5, 0.0, -0.0, Double.MIN_VALUE, 1e-300,
        -1e-300, 0.97, 0.03, 1.0, -1.0, 2.5};

    @Test
    void saturationCountsWhatActivationSaturatedSaysInEveryLaneAndTheTail() {
        for (ActivationKind kind : ActivationKind.values()) {
            TapProbe p = new TapProbe(1, Tap.ACTIVATION, 8);
            // every special value in each of the four lanes of the main loop and in the tail loop
            for (int n = SPECIAL.length * 4; n < SPECIAL.length * 4 + 4; n++) {
                for (int offset = 0; offset < SPECIAL.length; offset++) {
                    double[] v = new double[n];
                    int expected = 0;
                    for (int i = 0; i < n; i++) {
                        v[i] = SPECIAL[(i + offset) % SPECIAL.length];
                        if (Activation.saturated(kind, v[i])) expected++;
                    }
                    p.measure(matrix(1, n, v), kind);
                    assertEquals((double) expected / n, p.snapshot().saturation(), 1e-15,
                            kind + " n=" + n + " offset " + offset);
                }
            }
        }
    }

    @Test
    void saturatedKnownValues() {
        assertTrue(Activation.saturated(ActivationKind.SIGMOID, 0.0199));
        assertFalse(Activation.saturated(ActivationKind.SIGMOID, 0.02));
        assertFalse(Activation.saturated(ActivationKind.SIGMOID, 0.98));
        assertTrue(Activation.saturated(ActivationKind.SIGMOID, 0.9801));
        assertTrue(Activation.saturated(ActivationKind.TANH, -0.9601));
        assertFalse(Activation.saturated(ActivationKind.TANH, -0.96));
        assertFalse(Activation.saturated(ActivationKind.TANH, 0.96));
        assertTrue(Activation.saturated(ActivationKind.TANH, 0.9601));
        assertFalse(Activation.saturated(ActivationKind.TANH, 0.0));
        assertTrue(Activation.saturated(ActivationKind.RELU, 0.0), "a ReLU output of exactly 0 is off");
        assertTrue(Activation.saturated(ActivationKind.RELU, -0.0));
        assertFalse(Activation.saturated(ActivationKind.RELU, Double.MIN_VALUE));
        assertFalse(Activation.saturated(ActivationKind.LINEAR, 1e9));
        assertFalse(Activation.saturated(ActivationKind.LINEAR, -1e9));
    }

    /** population standard deviation, two passes */
    static double referenceStd(double[] v) {
        double mean = Arrays.stream(v).average().getAsDouble(), s = 0;
        for (double x : v) s += (x - mean) * (x - mean);
        return Math.sqrt(s / v.length);
    }

    @Test
    void stdOfOddAndEvenCountsMatchesTheDefinition() {
        Random r = new Random(9);
        for (int n = 1; n <= 12; n++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = r.nextGaussian() * 2 - 3;
            TapProbe p = new TapProbe(1, Tap.LINEAR, 40);
            p.measure(matrix(1, n, v), ActivationKind.TANH);
            assertEquals(referenceStd(v), p.std(), 1e-12, "n=" + n);
            assertEquals(referenceStd(v), p.snapshot().std(), 1e-12);
            assertEquals(Arrays.stream(v).average().getAsDouble(), p.mean(), 1e-12);
            assertEquals(p.snapshot().p50(), p.p50());
            assertEquals(n, p.snapshot().total());
        }
    }

    @Test
    void twoValuesGiveExactPercentiles() {
        // with two values the order statistics are the minimum and the maximum themselves
        TapProbe p = new TapProbe(1, Tap.LINEAR, 40);
        p.measure(matrix(1, 2, new double[] {3.0, -1.0}), ActivationKind.TANH);
        TapStats s = p.snapshot();
        assertEquals(-1 + 0.15 * 4, s.p15(), 1e-12);
        assertEquals(1.0, s.p50(), 1e-12);
        assertEquals(-1 + 0.85 * 4, s.p85(), 1e-12);
        p.measure(matrix(1, 3, new double[] {5.0, -7.0, 0.25}), ActivationKind.TANH);
        s = p.snapshot();
        assertEquals(-7.0, s.min());
        assertEquals(5.0, s.max());
        assertEquals(0.25, s.p50(), p.resolution(), "the median of three is the middle one");
        assertEquals(-7.0 + 0.3 * (0.25 + 7.0), s.p15(), 0.3 * p.resolution(), "0.3 of the way to the middle");
    }

    @Test
    void aConstantTapGetsAUnitWideRangeAroundItsValue() {
        TapProbe p = new TapProbe(1, Tap.LINEAR, 4);
        p.measure(matrix(1, 5, new double[] {-2.5, -2.5, -2.5, -2.5, -2.5}), ActivationKind.TANH);
        TapStats s = p.snapshot();
        assertEquals(-3.0, s.binLo());
        assertEquals(-2.0, s.binHi());
        assertEquals(0.25, s.binWidth());
        assertEquals(List.of(-2.5, -2.5, -2.5), List.of(s.p15(), s.p50(), s.p85()));
        assertEquals(5, s.counts()[2], "the value sits in the middle of the range");
        assertEquals(5, s.total());
    }

    @Test
    void theLargestValueFallsInTheLastBin() {
        TapProbe p = new TapProbe(1, Tap.LINEAR, 5);
        for (int n = 2; n <= 5; n++) {
            for (boolean up : new boolean[] {true, false}) { // the maximum first, last, at even and odd positions
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = up ? i : n - 1 - i;
                p.measure(matrix(1, n, v), ActivationKind.TANH);
                TapStats s = p.snapshot();
                assertEquals(1, s.counts()[4], "n=" + n);
                assertEquals(1, s.counts()[0], "n=" + n);
                assertEquals(n, s.total());
                assertEquals((n - 1) / 5.0, s.binWidth(), 1e-15);
            }
        }
    }

    @Test
    void snapshotCarriesLayerTapAndAllFigures() {
        TapProbe p = new TapProbe(3, Tap.NORMALIZED, 4);
        assertEquals(3, p.layer);
        assertEquals(Tap.NORMALIZED, p.tap);
        p.measure(matrix(1, 4, new double[] {1, 2, 3, 4}), ActivationKind.SIGMOID);
        TapStats s = p.snapshot();
        assertEquals(3, s.layer());
        assertEquals(Tap.NORMALIZED, s.tap());
        assertEquals(2.5, s.mean());
        assertEquals(1.0, s.min());
        assertEquals(4.0, s.max());
        assertEquals(reference(new double[] {1, 2, 3, 4}, 0.5), s.p50(), p.resolution());
        assertTrue(Double.isNaN(s.saturation()));
        assertEquals(3.0 / (4 * TapProbe.FINE_PER_BIN), p.resolution(), 1e-15);
    }
}
