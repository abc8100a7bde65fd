package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shiftscope.nn.GradCheck.check;
import static org.shiftscope.nn.GradCheck.random;
import static org.shiftscope.nn.GradCheck.relErr;
import static org.shiftscope.nn.GradCheck.weighted;
import static org.shiftscope.nn.LayerGradientTest.backprop;
import static org.shiftscope.nn.LayerGradientTest.checkLayer;
import static org.shiftscope.nn.NormAsserts.assertSameValues;

import java.util.Random;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Batch Renormalization (Ioffe 2017): r and d against their definition and clips, r_max = 1 / d_max = 0 is
 * BatchNorm bit for bit (training, backward, running averages, inference, over several steps), inside the clips
 * training computes inference's output, the warm-up schedule, and gradient checks with r and d inside and
 * outside their clips, with and without noise.
 *
 * <p><b>How the gradient is checked.</b> The backward pass treats r and d as constants (the paper's choice): it is
 * the gradient of L(X) = Σ R ⊙ Y(X; r, d) with r and d held at this step's values, not of the layer's forward,
 * where r = σ_B/σ and d = (μ_B − μ)/σ move with X whenever they are inside their clips. (Inside the clips the
 * forward is in fact (X − μ)/σ, whose true gradient is γ·R/σ: see
 * {@link #insideTheClipsTheTrueGradientIsNotTheOneBackpropagated}.) So the finite differences must hold r and d
 * fixed too:
 * <ul>
 *   <li>the running averages are frozen for the check: a warm-up forward on a different batch sets them (a fresh
 *       layer takes them from its first batch), then momentum 0 keeps every later training forward from moving
 *       them, so μ and σ are constants;</li>
 *   <li>dX is checked against {@link #fixedRdLoss}, the layer's formula written out in the test with r and d read
 *       once from the layer after the unperturbed forward (and asserted equal to the layer's own loss there);</li>
 *   <li>with r and d both at their clip bounds (far enough beyond them that a step of h cannot cross back) they
 *       are locally constant anyway, so there the plain {@link LayerGradientTest#checkLayer} on the layer's own
 *       forward must pass too — a check of the check;</li>
 *   <li>dγ and dβ are checked on the layer's own forward in every case: r and d do not depend on γ or β.</li>
 * </ul>
 */
class BatchRenormTest {
    static final double EPS = 1e-5;

    /** a batch whose unit c is shift[c] + scale[c]·N(0, 1) */
    static DMatrixRMaj batch(Random r, int rows, double[] shift, double[] scale) {
        DMatrixRMaj x = new DMatrixRMaj(rows, shift.length);
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < shift.length; c++) x.set(i, c, shift[c] + scale[c] * r.nextGaussian());
        }
        return x;
    }

    /**
     * A random batch moved and stretched so that unit c has exactly mean shift[c] and biased std scale[c]
     * (up to rounding): r and d then land where the test puts them, even for a handful of rows.
     */
    static DMatrixRMaj exact(Random r, int rows, double[] shift, double[] scale) {
        DMatrixRMaj x = batch(r, rows, filled(shift.length, 0), filled(shift.length, 1));
        for (int c = 0; c < shift.length; c++) {
            double mu = BatchNormTest.colMean(x, c), sd = Math.sqrt(BatchNormTest.colVar(x, c));
            for (int i = 0; i < rows; i++) x.set(i, c, shift[c] + scale[c] * (x.get(i, c) - mu) / sd);
        }
        return x;
    }

    static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /**
     * A layer whose running averages come from a warm-up batch (64 rows, mean 0, unbiased variance 1 per unit) and
     * then stay put (momentum 0), with random learned γ and β: μ = 0 and σ = sqrt(1 + ε) for the checks.
     */
    static BatchRenorm warmedUp(Random r, int units, double rMax, double dMax) {
        BatchRenorm l = new BatchRenorm("1", units, 0.1, EPS, rMax, dMax);
        l.forward(exact(r, 64, filled(units, 0), filled(units, Math.sqrt(63 / 64.0))), true);
        l.setMomentum(0);
        for (int c = 0; c < units; c++) {
            l.gamma.value.data[c] = 0.5 + r.nextDouble();
            l.beta.value.data[c] = r.nextGaussian();
        }
        return l;
    }

    /**
     * Σ R ⊙ Y for Y = ((γ·X̂ + β)·s + m), X̂ = (X − μ_B)/σ_B · r + d, with μ_B, σ_B computed from x here and r, d,
     * γ, β, the noise s, m and ε taken as given: the function whose gradient the backward pass computes.
     */
    static double fixedRdLoss(BatchRenorm l, DMatrixRMaj x, DMatrixRMaj rr, double[] r, double[] d) {
        int m = x.numRows, n = x.numCols;
        double loss = 0;
        for (int c = 0; c < n; c++) {
            double mu = 0, var = 0;
            for (int i = 0; i < m; i++) mu += x.get(i, c) / m;
            for (int i = 0; i < m; i++) var += (x.get(i, c) - mu) * (x.get(i, c) - mu) / m;
            double sigmaB = Math.sqrt(var + l.eps());
            for (int i = 0; i < m; i++) {
                double h = (x.get(i, c) - mu) / sigmaB * r[c] + d[c];
                double y = (l.gamma.value.get(0, c) * h + l.beta.value.get(0, c)) * l.noiseScale(c) + l.noiseShift(c);
                loss += rr.get(i, c) * y;
            }
        }
        return loss;
    }

    /** the checks described in the class comment; returns this step's r and d */
    static double[][] checkWithFixedRd(String name, BatchRenorm l, DMatrixRMaj x, Random rnd) {
        DMatrixRMaj rr = random(rnd, x.numRows, x.numCols, 1);
        LayerGradientTest.Grads g = backprop(l, x, rr);
        int n = l.units();
        double[] r = new double[n], d = new double[n];
        for (int c = 0; c < n; c++) {
            r[c] = l.r(c);
            d[c] = l.d(c);
        }
        DoubleSupplier fixed = () -> fixedRdLoss(l, x, rr, r, d);
        double own = weighted(l.forward(x, true), rr);
        assertEquals(own, fixed.getAsDouble(), 1e-12 * Math.max(1, Math.abs(own)), name + ": the test's formula is "
                + "the layer's forward at this point");
        double big = check(name + " dX", x.data, x.getNumElements(), g.dx().data, fixed);
        assertTrue(big > 1e-3, name + ": dX is (nearly) all zero, the check proved nothing");
        int k = 0;
        for (Param p : l.parameters()) {
            big = check(name + " d" + p.name, p.value.data, p.size(), g.params().get(k++),
                    LayerGradientTest.loss(l, x, rr));
            assertTrue(big > 1e-3, name + ": d" + p.name + " is (nearly) all zero");
        }
        return new double[][] {r, d};
    }

    // ---- r and d ----

    @Test
    void freshLayer() {
        BatchRenorm l = new BatchRenorm("5", 3, 0.1, EPS, 3, 5);
        assertSame(NormKind.RENORM, l.kind());
        assertEquals("gamma5", l.gamma.name);
        assertEquals(Tap.NORMALIZED, l.tap());
        assertEquals("over the mini-batch, corrected towards the running averages", l.statistics());
        assertTrue(l.keepsRunningStatistics() && l.dependsOnBatch());
        assertEquals(3, l.rMax());
        assertEquals(5, l.dMax());
        for (int c = 0; c < 3; c++) {
            assertEquals(1.0, l.r(c));
            assertEquals(0.0, l.d(c));
            assertEquals(0.0, l.runningMean(c));
            assertEquals(1.0, l.runningVar(c));
        }
    }

    @Test
    void rAndDFollowTheirDefinitionWithTheRunningAveragesBeforeThisBatch() {
        Random rnd = new Random(1);
        double rMax = 1.5, dMax = 0.5;
        BatchRenorm l = new BatchRenorm("1", 5, 0.2, EPS, rMax, dMax);
        // units: inside both clips, r clipped high, r clipped low, d clipped high, d clipped low
        double[] shift = {0.2, 0, 0, 3, -3}, scale = {1.1, 4, 0.2, 1, 1};
        DMatrixRMaj first = batch(rnd, 50, filled(5, 0), filled(5, 1));
        l.forward(first, true);
        for (int c = 0; c < 5; c++) {
            assertEquals(1.0, l.r(c), 0.0, "a fresh start is its own reference");
            assertEquals(0.0, l.d(c), 0.0);
        }
        double[] mu = new double[5], sigma = new double[5];
        for (int c = 0; c < 5; c++) {
            mu[c] = l.runningMean(c);
            sigma[c] = Math.sqrt(l.runningVar(c) + EPS);
        }
        DMatrixRMaj x = exact(rnd, 40, shift, scale);
        l.forward(x, true);
        for (int c = 0; c < 5; c++) {
            double sigmaB = Math.sqrt(BatchNormTest.colVar(x, c) + EPS);
            double r = Math.max(1 / rMax, Math.min(rMax, sigmaB / sigma[c]));
            double d = Math.max(-dMax, Math.min(dMax, (BatchNormTest.colMean(x, c) - mu[c]) / sigma[c]));
            assertEquals(r, l.r(c), 1e-12, "r of unit " + c);
            assertEquals(d, l.d(c), 1e-12, "d of unit " + c);
            for (int i = 0; i < 40; i++) {
                double h = (x.get(i, c) - BatchNormTest.colMean(x, c)) / sigmaB * r + d;
                assertEquals(h, l.normalizedBeforeAffine().get(i, c), 1e-12);
            }
            // and then the running averages took their share of this batch, as BatchNorm's do
            assertEquals(0.8 * mu[c] + 0.2 * BatchNormTest.colMean(x, c), l.runningMean(c), 1e-12);
        }
        assertEquals(1 / rMax, l.r(2), 0.0);
        assertEquals(rMax, l.r(1), 0.0);
        assertEquals(dMax, l.d(3), 0.0);
        assertEquals(-dMax, l.d(4), 0.0);
        assertTrue(l.r(0) > 1 / rMax && l.r(0) < rMax && Math.abs(l.d(0)) < dMax, "unit 0 inside both clips");
        // resetRunningStats: the next batch is again its own reference
        l.resetRunningStats();
        l.forward(x, true);
        for (int c = 0; c < 5; c++) {
            assertEquals(1.0, l.r(c), 0.0);
            assertEquals(0.0, l.d(c), 0.0);
            assertEquals(BatchNormTest.colMean(x, c), l.runningMean(c), 1e-12);
        }
    }

    @Test
    void insideTheClipsTrainingComputesWhatInferenceComputes() {
        // x̂ = (x − μ_B)/σ_B · σ_B/σ + (μ_B − μ)/σ = (x − μ)/σ
        Random rnd = new Random(2);
        BatchRenorm l = warmedUp(rnd, 4, 100, 100);
        DMatrixRMaj x = exact(rnd, 6, new double[] {0.5, -0.4, 1, 0}, new double[] {2, 0.5, 1.3, 1.5});
        DMatrixRMaj train = l.forward(x, true).copy();
        for (int c = 0; c < 4; c++) assertTrue(Math.abs(l.r(c) - 1) > 0.05, "r really corrects: " + l.r(c));
        assertSameValues(l.forward(x, false), train, 1e-12, "training = inference inside the clips");
    }

    @Test
    void insideTheClipsTheTrueGradientIsNotTheOneBackpropagated() {
        // why the check holds r and d fixed: the layer's own forward is (X − μ)/σ here, whose gradient is γ·R/σ
        Random rnd = new Random(3);
        BatchRenorm l = warmedUp(rnd, 3, 100, 100);
        DMatrixRMaj x = exact(rnd, 5, new double[] {0.5, -0.4, 1}, new double[] {2, 0.5, 1});
        DMatrixRMaj rr = random(rnd, 5, 3, 1);
        DMatrixRMaj dx = backprop(l, x, rr).dx();
        double worst = 0;
        for (int k = 0; k < x.getNumElements(); k++) {
            int c = k % 3;
            double trueGrad = GradCheck.numeric(x.data, k, LayerGradientTest.loss(l, x, rr));
            double sigma = Math.sqrt(l.runningVar(c) + EPS);
            assertEquals(l.gamma.value.get(0, c) * rr.data[k] / sigma, trueGrad, 1e-6);
            worst = Math.max(worst, relErr(dx.data[k], trueGrad));
        }
        assertTrue(worst > 1e-2, "r and d held constant change the gradient: " + worst);
    }

    // ---- gradient checks ----

    @ParameterizedTest(name = "noise {0}")
    @ValueSource(doubles = {0, 0.6})
    void gradientWithRAndDInsideTheirClips(double noise) {
        Random rnd = new Random(10);
        BatchRenorm l = warmedUp(rnd, 4, 3, 5);
        l.drawNoise(noise, new Random(8));
        DMatrixRMaj x = exact(rnd, 6, new double[] {0.6, -0.5, 1.2, -0.8}, new double[] {1.6, 0.6, 1.3, 0.8});
        double[][] rd = checkWithFixedRd("renorm inside", l, x, rnd);
        for (int c = 0; c < 4; c++) {
            assertTrue(rd[0][c] > 1 / 3.0 + 0.01 && rd[0][c] < 3 - 0.01 && Math.abs(rd[0][c] - 1) > 0.05,
                    "r inside its clip and not 1: " + rd[0][c]);
            assertTrue(Math.abs(rd[1][c]) < 5 - 0.01 && Math.abs(rd[1][c]) > 0.05, "d inside, not 0: " + rd[1][c]);
        }
    }

    @ParameterizedTest(name = "noise {0}")
    @ValueSource(doubles = {0, 0.6})
    void gradientWithRAndDOutsideTheirClips(double noise) {
        Random rnd = new Random(11);
        double rMax = 1.5, dMax = 0.5;
        BatchRenorm l = warmedUp(rnd, 4, rMax, dMax);
        l.drawNoise(noise, new Random(9));
        // every unit's σ_B/σ far beyond [1/1.5, 1.5] and (μ_B − μ)/σ far beyond ±0.5, on both sides
        DMatrixRMaj x = exact(rnd, 7, new double[] {3, -3, -3, 3}, new double[] {4, 0.2, 4, 0.2});
        double[][] rd = checkWithFixedRd("renorm clipped", l, x, rnd);
        double[] rWant = {rMax, 1 / rMax, rMax, 1 / rMax}, dWant = {dMax, -dMax, -dMax, dMax};
        for (int c = 0; c < 4; c++) {
            assertEquals(rWant[c], rd[0][c], 0.0, "r at its clip");
            assertEquals(dWant[c], rd[1][c], 0.0, "d at its clip");
        }
        // clipped, r and d are locally constant: the layer's own forward has the same gradient
        checkLayer("renorm clipped, own forward", l, x, rnd);
    }

    @ParameterizedTest(name = "noise {0}")
    @ValueSource(doubles = {0, 0.6})
    void gradientWithSomeClipsActiveAndSomeNot(double noise) {
        Random rnd = new Random(12);
        double rMax = 2, dMax = 1;
        BatchRenorm l = warmedUp(rnd, 4, rMax, dMax);
        l.drawNoise(noise, new Random(10));
        // r clipped / d inside, r inside / d clipped, both inside, both clipped
        DMatrixRMaj x = exact(rnd, 6, new double[] {0.3, 3, -0.4, -4}, new double[] {5, 1.2, 0.8, 0.1});
        double[][] rd = checkWithFixedRd("renorm mixed", l, x, rnd);
        assertEquals(rMax, rd[0][0], 0.0);
        assertTrue(Math.abs(rd[1][0]) < dMax);
        assertTrue(rd[0][1] < rMax && rd[0][1] > 1 / rMax);
        assertEquals(dMax, rd[1][1], 0.0);
        assertEquals(1 / rMax, rd[0][3], 0.0);
        assertEquals(-dMax, rd[1][3], 0.0);
    }

    /**
     * Batch size 2 (the small-batch lesson's): each unit's (x − μ_B)/σ_B is ±1 up to ε, so the gradient through
     * μ_B and σ_B is of the order of ε — a large ε keeps the check from being vacuous. And batch size 3.
     */
    @Test
    void gradientAtBatchSizesTwoAndThreeWithFixedAffine() {
        Random rnd = new Random(13);
        BatchRenorm l = warmedUp(rnd, 3, 3, 5);
        l.setAffine(2.0, 0.5, true);
        l.setEps(0.5);
        checkWithFixedRd("renorm m=2", l, exact(rnd, 2, new double[] {1, -1, 0.5}, new double[] {1, 2, 0.7}), rnd);
        l.setEps(EPS);
        checkWithFixedRd("renorm m=3", l, exact(rnd, 3, new double[] {1, -1, 0.5}, new double[] {1, 2, 0.7}), rnd);
    }

    // ---- r_max = 1, d_max = 0 is BatchNorm ----

    @Test
    void withRMaxOneAndDMaxZeroItIsBatchNormBitForBit() {
        Random rnd = new Random(20);
        int units = 4;
        BatchNorm bn = new BatchNorm("1", units, 0.3, 1e-5);
        BatchRenorm rn = new BatchRenorm("1", units, 0.3, 1e-5, 1, 0);
        bn.setAffine(1.4, -0.3, false);
        rn.setAffine(1.4, -0.3, false);
        Random noiseA = new Random(5), noiseB = new Random(5);
        int[] sizes = {8, 5, 2, 1, 9, 16, 3, 8};
        for (int step = 0; step < sizes.length; step++) {
            double noise = step % 3 == 1 ? 0.5 : 0;
            bn.drawNoise(noise, noiseA);
            rn.drawNoise(noise, noiseB);
            if (step == 4) { // live changes between steps
                bn.setMomentum(0.6);
                rn.setMomentum(0.6);
                bn.resetRunningStats();
                rn.resetRunningStats();
            }
            if (step == 6) {
                bn.setEps(1e-3);
                rn.setEps(1e-3);
            }
            double drift = 0.5 * step;
            DMatrixRMaj x = batch(rnd, sizes[step], new double[] {drift, -drift, 1, 2 + drift},
                    new double[] {1 + step, 0.5, 2, 0.3});
            DMatrixRMaj dy = random(rnd, sizes[step], units, 1);
            String s = "step " + step + ": ";
            assertSameValues(bn.forward(x, true), rn.forward(x, true), 0.0, s + "Y");
            assertSameValues(bn.normalizedBeforeAffine(), rn.normalizedBeforeAffine(), 0.0, s + "X̂");
            bn.zeroGrad();
            rn.zeroGrad();
            assertSameValues(bn.backward(dy), rn.backward(dy), 0.0, s + "dX");
            assertSameValues(bn.gamma.grad, rn.gamma.grad, 0.0, s + "dγ");
            assertSameValues(bn.beta.grad, rn.beta.grad, 0.0, s + "dβ");
            for (int c = 0; c < units; c++) {
                assertEquals(1.0, rn.r(c), 0.0);
                assertEquals(0.0, rn.d(c), 0.0);
                assertEquals(bn.runningMean(c), rn.runningMean(c), 0.0, s + "running mean");
                assertEquals(bn.runningVar(c), rn.runningVar(c), 0.0, s + "running var");
                assertEquals(bn.batchMean(c), rn.batchMean(c), 0.0, s + "batch mean");
                assertEquals(bn.batchVar(c), rn.batchVar(c), 0.0, s + "batch var");
                // a plain SGD step on γ and β, the same for both
                bn.gamma.value.data[c] -= 0.1 * bn.gamma.grad.data[c];
                rn.gamma.value.data[c] -= 0.1 * rn.gamma.grad.data[c];
                bn.beta.value.data[c] -= 0.1 * bn.beta.grad.data[c];
                rn.beta.value.data[c] -= 0.1 * rn.beta.grad.data[c];
            }
            DMatrixRMaj probe = batch(rnd, 3, new double[] {0, 0, 0, 0}, new double[] {3, 3, 3, 3});
            assertSameValues(bn.forward(probe, false), rn.forward(probe, false), 0.0, s + "inference");
        }
    }

    @Test
    void theRunningAveragesAreBatchNormsWhateverRAndDAre() {
        Random rnd = new Random(21);
        BatchNorm bn = new BatchNorm("1", 3, 0.2, 1e-5);
        BatchRenorm rn = new BatchRenorm("1", 3, 0.2, 1e-5, 3, 5);
        for (int step = 0; step < 6; step++) {
            DMatrixRMaj x = batch(rnd, 4, new double[] {step, -step, 0}, new double[] {1, 1 + step, 0.1});
            bn.forward(x, true);
            rn.forward(x, true);
            for (int c = 0; c < 3; c++) {
                assertEquals(bn.runningMean(c), rn.runningMean(c), 0.0);
                assertEquals(bn.runningVar(c), rn.runningVar(c), 0.0);
            }
        }
    }

    @Test
    void inferenceUsesTheRunningAveragesWithoutNoiseAndChangesNothing() {
        Random rnd = new Random(22);
        BatchRenorm l = new BatchRenorm("1", 3, 0.25, EPS, 2, 1);
        l.setAffine(1.5, -0.5, false);
        for (int i = 0; i < 4; i++) l.forward(batch(rnd, 10, new double[] {i, 1, -1}, new double[] {1, 2, 3}), true);
        l.drawNoise(0.8, new Random(1));
        double[] r = {l.r(0), l.r(1), l.r(2)}, d = {l.d(0), l.d(1), l.d(2)}, mu = {l.runningMean(0), l.runningMean(1),
            l.runningMean(2)}, var = {l.runningVar(0), l.runningVar(1), l.runningVar(2)};
        DMatrixRMaj probe = batch(rnd, 5, new double[] {0, 0, 0}, new double[] {2, 2, 2});
        DMatrixRMaj out = l.forward(probe, false);
        for (int i = 0; i < 5; i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(1.5 * (probe.get(i, c) - mu[c]) / Math.sqrt(var[c] + EPS) - 0.5, out.get(i, c), 1e-12);
            }
        }
        for (int c = 0; c < 3; c++) {
            assertEquals(mu[c], l.runningMean(c), 0.0);
            assertEquals(var[c], l.runningVar(c), 0.0);
            assertEquals(r[c], l.r(c), 0.0, "r stays the last training step's");
            assertEquals(d[c], l.d(c), 0.0);
        }
    }

    // ---- settings ----

    @Test
    void rMaxBelowOneAndNegativeDMaxAreRefused() {
        BatchRenorm l = new BatchRenorm("1", 2, 0.1, EPS, 1, 0);
        for (double bad : new double[] {0.99, 0, -1, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.setRMax(bad));
            assertTrue(e.getMessage().contains("r_max") && e.getMessage().contains(String.valueOf(bad)));
        }
        for (double bad : new double[] {-0.01, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.setDMax(bad));
            assertTrue(e.getMessage().contains("d_max") && e.getMessage().contains(String.valueOf(bad)));
        }
        assertThrows(IllegalArgumentException.class, () -> new BatchRenorm("1", 2, 0.1, EPS, 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> NormKind.RENORM.create("1", 2, 1, 0.1, EPS, 3, -5));
        l.setRMax(Double.POSITIVE_INFINITY); // no clip at all is allowed
        l.setDMax(Double.POSITIVE_INFINITY);
        l.setRMax(3);
        l.setDMax(5);
        assertEquals(3, l.rMax());
        assertEquals(5, l.dMax());
    }

    @Test
    void aNewRMaxApplysAtTheNextStep() {
        Random rnd = new Random(23);
        BatchRenorm l = warmedUp(rnd, 2, 1, 0);
        DMatrixRMaj x = exact(rnd, 8, new double[] {2, -2}, new double[] {3, 0.3});
        l.forward(x, true);
        assertEquals(1.0, l.r(0), 0.0);
        l.setRMax(2);
        l.setDMax(0.5);
        l.forward(x, true);
        assertEquals(2.0, l.r(0), 0.0);
        assertEquals(0.5, l.r(1), 0.0);
        assertEquals(0.5, l.d(0), 0.0);
        assertEquals(-0.5, l.d(1), 0.0);
    }

    @Test
    void warmUpScheduleIsLinearFromBatchNormToTheTargets() {
        assertEquals(1.0, BatchRenorm.warmupRMax(0, 100, 3), 0.0);
        assertEquals(1.0, BatchRenorm.warmupRMax(-7, 100, 3), 0.0);
        assertEquals(2.0, BatchRenorm.warmupRMax(50, 100, 3), 1e-15);
        assertEquals(3.0, BatchRenorm.warmupRMax(100, 100, 3), 0.0);
        assertEquals(3.0, BatchRenorm.warmupRMax(10_000, 100, 3), 0.0);
        assertEquals(0.0, BatchRenorm.warmupDMax(0, 100, 5), 0.0);
        assertEquals(1.25, BatchRenorm.warmupDMax(25, 100, 5), 1e-15);
        assertEquals(5.0, BatchRenorm.warmupDMax(100, 100, 5), 0.0);
        assertEquals(3.0, BatchRenorm.warmupRMax(0, 0, 3), 0.0, "no ramp: the target at once");
        assertEquals(5.0, BatchRenorm.warmupDMax(0, 0, 5), 0.0);
        // the paper: r_max = 1, d_max = 0 for 5,000 steps, r_max = 3 at 40k, d_max = 5 at 25k
        assertEquals(1.0, BatchRenorm.warmupRMax(5_000 - 5_000, 35_000, 3), 0.0);
        assertEquals(2.0, BatchRenorm.warmupRMax(22_500 - 5_000, 35_000, 3), 1e-15);
        assertEquals(3.0, BatchRenorm.warmupRMax(40_000 - 5_000, 35_000, 3), 0.0);
        assertEquals(0.0, BatchRenorm.warmupDMax(3_000 - 5_000, 20_000, 5), 0.0);
        assertEquals(2.5, BatchRenorm.warmupDMax(15_000 - 5_000, 20_000, 5), 1e-15);
        assertEquals(5.0, BatchRenorm.warmupDMax(25_000 - 5_000, 20_000, 5), 0.0);
        double last = 1;
        for (long s = 0; s <= 120; s++) {
            double v = BatchRenorm.warmupRMax(s, 100, 3);
            assertTrue(v >= last && v >= 1 && v <= 3);
            last = v;
        }
    }
}
