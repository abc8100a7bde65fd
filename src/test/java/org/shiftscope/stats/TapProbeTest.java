package org.shiftscope.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
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
}
