package org.shiftscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticTest {

    static double[] features(Dataset d) {
        double[] f = new double[d.trainSize() * d.inputs()];
        for (int i = 0; i < d.trainSize(); i++) {
            for (int j = 0; j < d.inputs(); j++) f[i * d.inputs() + j] = d.trainFeature(i, j);
        }
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"spiral", "circles", "xor", "gaussians", "teacher"})
    void sameSeedSameDataOtherSeedOtherData(String name) {
        Dataset a = Datasets.load(name, "", 0.1, 500, 0.2, 4), b = Datasets.load(name, "", 0.1, 500, 0.2, 4);
        Dataset c = Datasets.load(name, "", 0.1, 500, 0.2, 5);
        assertArrayEquals(features(a), features(b));
        assertFalse(Arrays.equals(features(a), features(c)));
        assertEquals(400, a.trainSize());
        assertEquals(100, a.testSize());
        int[] perClass = new int[a.classes()];
        for (int i = 0; i < a.trainSize(); i++) perClass[a.trainLabel(i)]++;
        for (int count : perClass) {
            assertTrue(count > a.trainSize() / a.classes() / 3, name + " classes " + Arrays.toString(perClass));
        }
        if (Datasets.isPlanar(name)) {
            assertEquals(2, a.inputs());
            for (double v : features(a)) assertTrue(Math.abs(v) < 2.5, name + " feature " + v);
        } else {
            assertEquals(Synthetic.TEACHER_INPUTS, a.inputs());
        }
    }

    @Test
    void batchesCopyTheRightRows() {
        Dataset d = Datasets.load("spiral", "", 0, 100, 0.2, 1);
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        int[] y = new int[3];
        d.trainBatch(new int[] {5, 7, 5}, 3, x, y);
        assertEquals(d.trainFeature(7, 1), x.get(1, 1));
        assertEquals(d.trainLabel(5), y[2]);
    }

    @Test
    void unknownNameListsTheAllowedOnes() {
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.load("moons", "", 0, 10, 0.2, 1));
        assertTrue(e.getMessage().contains("moons") && e.getMessage().contains("spiral"));
    }

    @Test
    void samplerIsSeededAndCoversEachEpoch() {
        BatchSampler a = new BatchSampler(10, 3), b = new BatchSampler(10, 3);
        int[] ia = new int[10], ib = new int[10];
        a.next(ia, 10);
        b.next(ib, 10);
        assertArrayEquals(ia, ib);
        int[] sorted = ia.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted, "one epoch = every index once");
        int[] small = new int[4];
        boolean[] seen = new boolean[10];
        for (int k = 0; k < 2; k++) {
            a.next(small, 4);
            for (int i = 0; i < 4; i++) seen[small[i]] = true;
        }
        a.next(small, 2);
        for (int i = 0; i < 2; i++) seen[small[i]] = true;
        for (boolean s : seen) assertTrue(s, "batch sizes may change between calls; epochs still cover all");
    }

    /** every sample, training part first then test part: {features (sample-major), labels as doubles} */
    static double[][] all(Dataset d) {
        int n = d.trainSize() + d.testSize(), k = d.inputs();
        double[] x = new double[n * k], y = new double[n];
        for (int i = 0; i < d.trainSize(); i++) {
            for (int j = 0; j < k; j++) x[i * k + j] = d.trainFeature(i, j);
            y[i] = d.trainLabel(i);
        }
        DMatrixRMaj tx = new DMatrixRMaj(1, 1);
        int[] ty = new int[d.testSize()];
        d.testBatch(0, d.testSize(), tx, ty);
        System.arraycopy(tx.data, 0, x, d.trainSize() * k, d.testSize() * k);
        for (int i = 0; i < d.testSize(); i++) y[d.trainSize() + i] = ty[i];
        return new double[][] {x, y};
    }

    /** the radius of sample i in Playground units (features × 6) */
    static double radius(double[] x, int i) {
        return 6 * Math.hypot(x[2 * i], x[2 * i + 1]);
    }

    @Test
    void spiralWithoutNoiseLiesOnTwoInterleavedArms() {
        Dataset d = Synthetic.spiral(1000, 0, 3, 0.2);
        assertEquals("spiral", d.name());
        assertEquals(2, d.classes());
        double[][] xy = all(d);
        double[] x = xy[0];
        List<Double> radii = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            double r = radius(x, i), t = r / 5 * 1.75 * 2 * Math.PI, delta = xy[1][i] == 0 ? 0 : Math.PI;
            // arm: (r sin(t + δ), r cos(t + δ)) with the angle t growing with the radius, δ = π for class 1
            assertEquals(r * Math.sin(t + delta), 6 * x[2 * i], 1e-9, "sample " + i);
            assertEquals(r * Math.cos(t + delta), 6 * x[2 * i + 1], 1e-9, "sample " + i);
            radii.add(Math.round(r / 5 * 500) + 1000.0 * xy[1][i]);
            assertEquals(0, r / 5 * 500 - Math.round(r / 5 * 500), 1e-9, "radii on the grid 5k/500");
        }
        // each class has one point at each radius 5k/500, k = 0..499
        Collections.sort(radii);
        for (int k = 0; k < 1000; k++) assertEquals(k % 500 + 1000 * (k / 500), radii.get(k), 1e-9);
    }

    @Test
    void theTestPartIsAShuffledMixNotTheOuterEnd() {
        Dataset d = Synthetic.spiral(1000, 0, 3, 0.2);
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        int[] y = new int[200];
        d.testBatch(0, 200, x, y);
        double lo = Double.MAX_VALUE, hi = 0;
        int ones = 0;
        for (int i = 0; i < 200; i++) {
            double r = 6 * Math.hypot(x.get(i, 0), x.get(i, 1));
            lo = Math.min(lo, r);
            hi = Math.max(hi, r);
            ones += y[i];
        }
        assertTrue(lo < 0.5 && hi > 4.5, "radii from the centre to the rim: " + lo + ".." + hi);
        assertTrue(ones > 70 && ones < 130, "both classes: " + ones);
    }

    /** noisy minus clean features of the same seed (the same draws, so sample i is the same point) */
    static double[] displacement(Dataset noisy, Dataset clean) {
        double[] a = all(noisy)[0], b = all(clean)[0];
        assertArrayEquals(all(noisy)[1], all(clean)[1], "noise moves points, it does not relabel them");
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i] - b[i];
        return d;
    }

    /** the noise is uniform on ±bound: within it, reaching near it on both sides, centred */
    static void assertUniformNoise(double[] d, double bound, String what) {
        double max = 0, min = 0, sum = 0, abs = 0;
        for (double v : d) {
            max = Math.max(max, v);
            min = Math.min(min, v);
            sum += v;
            abs += Math.abs(v);
        }
        assertTrue(max <= bound + 1e-12 && min >= -bound - 1e-12, what + ": " + min + ".." + max + " vs ±" + bound);
        assertTrue(max > 0.95 * bound && min < -0.95 * bound, what + ": " + min + ".." + max + " vs ±" + bound);
        assertEquals(0, sum / d.length, 0.05 * bound, what + " centred");
        assertEquals(0.5 * bound, abs / d.length, 0.05 * bound, what + " mean |noise| of a uniform");
    }

    @Test
    void spiralNoiseIsUniformAndProportionalToTheSetting() {
        Dataset clean = Synthetic.spiral(1000, 0, 8, 0.2);
        double[] d1 = displacement(Synthetic.spiral(1000, 0.1, 8, 0.2), clean);
        double[] d2 = displacement(Synthetic.spiral(1000, 0.2, 8, 0.2), clean);
        assertUniformNoise(d1, 0.1 * 5 / 6, "noise 0.1");
        for (int i = 0; i < d1.length; i++) assertEquals(2 * d1[i], d2[i], 1e-12);
    }

    @Test
    void circlesWithoutNoiseAreADiscInsideARing() {
        Dataset d = Synthetic.circles(2000, 0, 4, 0.25);
        assertEquals("circles", d.name());
        assertEquals(1500, d.trainSize());
        double[][] xy = all(d);
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE}, hi = {0, 0};
        int[][] quadrants = new int[2][4];
        for (int i = 0; i < 2000; i++) {
            int label = (int) xy[1][i];
            double r = radius(xy[0], i);
            lo[label] = Math.min(lo[label], r);
            hi[label] = Math.max(hi[label], r);
            quadrants[label][(xy[0][2 * i] > 0 ? 1 : 0) + (xy[0][2 * i + 1] > 0 ? 2 : 0)]++;
        }
        // class 0 inside radius 2.5, class 1 in the ring 3.5..5, both filling their region
        assertTrue(lo[0] < 0.1 && hi[0] <= 2.5 && hi[0] > 2.45, "disc " + lo[0] + ".." + hi[0]);
        assertTrue(lo[1] >= 3.5 && lo[1] < 3.55 && hi[1] <= 5 && hi[1] > 4.95, "ring " + lo[1] + ".." + hi[1]);
        for (int[] q : quadrants) {
            for (int c : q) assertTrue(c > 150, "every direction: " + Arrays.toString(q));
        }
    }

    @Test
    void circlesNoiseIsUniformAndProportionalToTheSetting() {
        Dataset clean = Synthetic.circles(1000, 0, 8, 0.2);
        double[] d1 = displacement(Synthetic.circles(1000, 0.3, 8, 0.2), clean);
        double[] d2 = displacement(Synthetic.circles(1000, 0.6, 8, 0.2), clean);
        assertUniformNoise(d1, 5 * 0.3 * 0.5 / 6, "noise 0.3");
        for (int i = 0; i < d1.length; i++) assertEquals(2 * d1[i], d2[i], 1e-12);
    }

    @Test
    void xorWithoutNoiseKeepsAGapAlongTheAxesAndLabelsByQuadrant() {
        Dataset d = Synthetic.xor(2000, 0, 5, 0.2);
        assertEquals("xor", d.name());
        double[][] xy = all(d);
        double lo = Double.MAX_VALUE, hi = 0;
        int[] quadrants = new int[4];
        for (int i = 0; i < 2000; i++) {
            double a = 6 * xy[0][2 * i], b = 6 * xy[0][2 * i + 1];
            lo = Math.min(lo, Math.min(Math.abs(a), Math.abs(b)));
            hi = Math.max(hi, Math.max(Math.abs(a), Math.abs(b)));
            assertEquals(a * b > 0 ? 0 : 1, xy[1][i], "sample " + i + " at " + a + ", " + b);
            quadrants[(a > 0 ? 1 : 0) + (b > 0 ? 2 : 0)]++;
        }
        assertTrue(lo >= 0.3 - 1e-12 && lo < 0.32, "0.3 of padding on each side of the axes: " + lo);
        assertTrue(hi <= 5.3 + 1e-12 && hi > 5.28, "reaches 5.3: " + hi);
        for (int q : quadrants) assertTrue(q > 400, Arrays.toString(quadrants));
    }

    @Test
    void xorNoiseIsUniformAndProportionalToTheSetting() {
        Dataset clean = Synthetic.xor(1000, 0, 8, 0.2);
        double[] d1 = displacement(Synthetic.xor(1000, 0.25, 8, 0.2), clean);
        double[] d2 = displacement(Synthetic.xor(1000, 0.5, 8, 0.2), clean);
        assertUniformNoise(d1, 5 * 0.25 / 6, "noise 0.25");
        for (int i = 0; i < d1.length; i++) assertEquals(2 * d1[i], d2[i], 1e-12);
    }

    @Test
    void gaussiansAreTwoBlobsWhoseSpreadGrowsWithNoise() {
        for (double noise : new double[] {0, 0.1, 1}) {
            Dataset d = Synthetic.gaussians(4000, noise, 6, 0.2);
            assertEquals("gaussians", d.name());
            double[][] xy = all(d);
            double spread = (0.5 + 3.5 * noise) / 6;
            for (int label = 0; label < 2; label++) {
                for (int j = 0; j < 2; j++) {
                    double sum = 0, sq = 0;
                    int n = 0;
                    for (int i = 0; i < 4000; i++) {
                        if (xy[1][i] != label) continue;
                        double v = xy[0][2 * i + j];
                        sum += v;
                        sq += v * v;
                        n++;
                    }
                    double mean = sum / n, std = Math.sqrt(sq / n - mean * mean);
                    assertEquals(2000, n);
                    // 2000 draws: the mean within 4 standard errors, the std within ~6%
                    assertEquals(label == 0 ? 2.0 / 6 : -2.0 / 6, mean, 4 * spread / Math.sqrt(n),
                            "noise " + noise + " class " + label);
                    assertEquals(spread, std, 0.06 * spread, "noise " + noise + " class " + label);
                }
            }
        }
    }

    @Test
    void teacherFeaturesAreStandardNormal() {
        Dataset clean = Synthetic.teacher(3000, 0, 2, 0.2);
        assertEquals("teacher", clean.name());
        assertEquals(Synthetic.TEACHER_INPUTS, clean.inputs());
        assertEquals(Synthetic.TEACHER_CLASSES, clean.classes());
        double[][] c = all(clean);
        double sum = 0, sq = 0;
        for (double v : c[0]) {
            sum += v;
            sq += v * v;
        }
        int n = c[0].length;
        assertEquals(0, sum / n, 4 / Math.sqrt(n));
        assertEquals(1, Math.sqrt(sq / n), 0.02);
    }
}
