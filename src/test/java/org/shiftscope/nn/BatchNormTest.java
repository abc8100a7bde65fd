package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Known values of BatchNorm in training and inference mode. */
class BatchNormTest {

    static DMatrixRMaj batch(long seed, int rows, int cols, double shift, double scale) {
        Random r = new Random(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = shift + scale * r.nextGaussian();
        return m;
    }

    static double colMean(DMatrixRMaj m, int c) {
        double s = 0;
        for (int r = 0; r < m.numRows; r++) s += m.get(r, c);
        return s / m.numRows;
    }

    /** biased (÷m) variance of a column */
    static double colVar(DMatrixRMaj m, int c) {
        double mu = colMean(m, c), s = 0;
        for (int r = 0; r < m.numRows; r++) s += (m.get(r, c) - mu) * (m.get(r, c) - mu);
        return s / m.numRows;
    }

    @Test
    void freshLayerDefaults() {
        BatchNorm bn = new BatchNorm("3", 4, 0.1, 1e-5);
        assertEquals(4, bn.units());
        assertEquals("gamma3", bn.gamma.name);
        assertEquals("beta3", bn.beta.name);
        assertEquals(Tap.NORMALIZED, bn.tap());
        for (int c = 0; c < 4; c++) {
            assertEquals(1.0, bn.gamma.value.get(0, c));
            assertEquals(0.0, bn.beta.value.get(0, c));
            assertEquals(0.0, bn.runningMean(c));
            assertEquals(1.0, bn.runningVar(c));
        }
        assertTrue(!bn.gamma.frozen && !bn.beta.frozen);
    }

    @Test
    void trainingModeGivesEachUnitMeanZeroVarianceOneBeforeGammaBeta() {
        BatchNorm bn = new BatchNorm("1", 5, 0.1, 1e-12);
        bn.setAffine(3.0, -2.0, false); // γ/β must not leak into X̂
        DMatrixRMaj x = batch(1, 32, 5, 7, 3);
        for (int r = 0; r < 32; r++) x.set(r, 4, 1000 + 0.1 * x.get(r, 4)); // a large mean, a tiny spread
        DMatrixRMaj y = bn.forward(x, true);
        DMatrixRMaj h = bn.normalizedBeforeAffine();
        assertEquals(32, h.numRows);
        assertEquals(5, h.numCols);
        for (int c = 0; c < 5; c++) {
            assertEquals(0, colMean(h, c), 1e-9);
            assertEquals(1, colVar(h, c), 1e-9);
            assertEquals(colMean(x, c), bn.batchMean(c), 1e-9 * Math.abs(colMean(x, c)));
            assertEquals(colVar(x, c), bn.batchVar(c), 1e-9 * colVar(x, c));
            for (int r = 0; r < 32; r++) assertEquals(3.0 * h.get(r, c) - 2.0, y.get(r, c), 1e-12);
        }
        assertSame(y, bn.output());
    }

    @Test
    void epsShrinksTheNormalizedVarianceToVarOverVarPlusEps() {
        double eps = 1e-2;
        BatchNorm bn = new BatchNorm("1", 3, 0.1, eps);
        DMatrixRMaj x = batch(11, 20, 3, 0, 0.2);
        bn.forward(x, true);
        DMatrixRMaj h = bn.normalizedBeforeAffine();
        for (int c = 0; c < 3; c++) {
            double v = colVar(x, c);
            assertEquals(0, colMean(h, c), 1e-12);
            assertEquals(v / (v + eps), colVar(h, c), 1e-12);
        }
        bn.setEps(1e-12);
        bn.forward(x, true);
        for (int c = 0; c < 3; c++) assertEquals(1, colVar(bn.normalizedBeforeAffine(), c), 1e-9);
    }

    @Test
    void fixedGammaTwoBetaHalfGiveMeanHalfStdTwo() {
        BatchNorm bn = new BatchNorm("1", 6, 0.1, 1e-12);
        bn.setAffine(2.0, 0.5, true);
        DMatrixRMaj y = bn.forward(batch(2, 40, 6, -4, 0.3), true);
        double mean = 0, var = 0;
        for (int i = 0; i < 240; i++) mean += y.data[i] / 240;
        for (int i = 0; i < 240; i++) var += (y.data[i] - mean) * (y.data[i] - mean) / 240;
        assertEquals(0.5, mean, 1e-9);
        assertEquals(2.0, Math.sqrt(var), 1e-6);
        assertTrue(bn.gamma.frozen && bn.beta.frozen);
        for (int c = 0; c < 6; c++) {
            assertEquals(0.5, colMean(y, c), 1e-9);
            assertEquals(2.0, Math.sqrt(colVar(y, c)), 1e-6);
        }
    }

    @Test
    void runningAveragesFollowTheMomentumAndAreUsedAtInference() {
        double m = 0.25, eps = 1e-5;
        BatchNorm bn = new BatchNorm("1", 3, m, eps);
        bn.setAffine(1.5, -0.5, false);
        DMatrixRMaj a = batch(3, 10, 3, 2, 1), b = batch(4, 10, 3, -1, 2);
        bn.forward(a, true); // a fresh layer takes its running averages from the first batch
        double[] mean1 = new double[3], var1 = new double[3];
        for (int c = 0; c < 3; c++) {
            mean1[c] = colMean(a, c);
            var1[c] = colVar(a, c) * 10 / 9; // unbiased
            assertEquals(mean1[c], bn.runningMean(c), 1e-14);
            assertEquals(var1[c], bn.runningVar(c), 1e-12);
        }
        bn.forward(b, true);
        for (int c = 0; c < 3; c++) {
            assertEquals((1 - m) * mean1[c] + m * colMean(b, c), bn.runningMean(c), 1e-12);
            assertEquals((1 - m) * var1[c] + m * colVar(b, c) * 10 / 9, bn.runningVar(c), 1e-12);
        }
        DMatrixRMaj probe = batch(5, 4, 3, 0, 1);
        DMatrixRMaj out = bn.forward(probe, false);
        assertEquals(4, out.numRows);
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 3; c++) {
                double expected = 1.5 * (probe.get(r, c) - bn.runningMean(c)) / Math.sqrt(bn.runningVar(c) + eps)
                        - 0.5;
                assertEquals(expected, out.get(r, c), 1e-12);
            }
        }
        double before = bn.runningMean(0), beforeVar = bn.runningVar(0), lastBatchMean = bn.batchMean(0);
        bn.forward(probe, false);
        assertEquals(before, bn.runningMean(0), "inference does not touch the running averages");
        assertEquals(beforeVar, bn.runningVar(0));
        assertEquals(lastBatchMean, bn.batchMean(0), "batchMean stays the last training batch's");
    }

    @Test
    void resetRunningStatsMakesTheNextBatchSetThemOutright() {
        BatchNorm bn = new BatchNorm("1", 2, 0.1, 1e-5);
        for (int i = 0; i < 5; i++) bn.forward(batch(20 + i, 8, 2, 5, 3), true);
        bn.resetRunningStats();
        DMatrixRMaj x = batch(30, 6, 2, -3, 0.5);
        bn.forward(x, true);
        for (int c = 0; c < 2; c++) {
            assertEquals(colMean(x, c), bn.runningMean(c), 1e-14);
            assertEquals(colVar(x, c) * 6 / 5, bn.runningVar(c), 1e-14);
        }
        // only the one batch: the next blends again with the new momentum
        bn.setMomentum(0.5);
        DMatrixRMaj z = batch(31, 6, 2, 1, 1);
        bn.forward(z, true);
        for (int c = 0; c < 2; c++) {
            assertEquals(0.5 * colMean(x, c) + 0.5 * colMean(z, c), bn.runningMean(c), 1e-14);
            assertEquals(0.5 * colVar(x, c) * 6 / 5 + 0.5 * colVar(z, c) * 6 / 5, bn.runningVar(c), 1e-14);
        }
    }

    @Test
    void inferenceTreatsEveryRowOnItsOwn() {
        BatchNorm bn = new BatchNorm("1", 3, 0.1, 1e-5);
        bn.setAffine(0.7, 0.2, false);
        bn.forward(batch(40, 16, 3, 1, 2), true);
        DMatrixRMaj big = batch(41, 9, 3, 0, 1);
        DMatrixRMaj all = bn.forward(big, false).copy();
        DMatrixRMaj two = new DMatrixRMaj(2, 3);
        for (int c = 0; c < 3; c++) {
            two.set(0, c, big.get(4, c));
            two.set(1, c, big.get(7, c));
        }
        DMatrixRMaj out = bn.forward(two, false);
        assertEquals(2, out.numRows);
        for (int c = 0; c < 3; c++) {
            assertEquals(all.get(4, c), out.get(0, c), 1e-15);
            assertEquals(all.get(7, c), out.get(1, c), 1e-15);
        }
    }

    @Test
    void backwardRemovesTheMeanAndTheXhatComponentOfTheGradient() {
        // dX = invStd/m (m dX̂ − Σ dX̂ − X̂ Σ dX̂⊙X̂) with dX̂ = γ dY: per unit Σ dX = 0, and
        // Σ dX⊙X̂ = invStd Σ(dX̂⊙X̂) (1 − Σ X̂²/m), which is 0 but for ε (Σ X̂²/m = σ²/(σ²+ε));
        // dγ = Σ dY⊙X̂, dβ = Σ dY
        double eps = 0.05, g = 1.3;
        BatchNorm bn = new BatchNorm("1", 4, 0.1, eps);
        bn.setAffine(g, 0.1, false);
        DMatrixRMaj x = batch(50, 9, 4, 2, 0.4);
        bn.forward(x, true);
        DMatrixRMaj h = bn.normalizedBeforeAffine().copy();
        DMatrixRMaj dy = batch(51, 9, 4, 0.5, 1);
        bn.zeroGrad();
        DMatrixRMaj dx = bn.backward(dy);
        for (int c = 0; c < 4; c++) {
            double s = 0, sh = 0, dg = 0, db = 0, h2 = 0;
            for (int r = 0; r < 9; r++) {
                s += dx.get(r, c);
                sh += dx.get(r, c) * h.get(r, c);
                dg += dy.get(r, c) * h.get(r, c);
                db += dy.get(r, c);
                h2 += h.get(r, c) * h.get(r, c);
            }
            assertEquals(0, s, 1e-12);
            double invStd = 1 / Math.sqrt(colVar(x, c) + eps);
            assertEquals(invStd * g * dg * (1 - h2 / 9), sh, 1e-12);
            assertTrue(Math.abs(sh) > 1e-4, "ε is large enough here to matter");
            assertEquals(dg, bn.gamma.grad.get(0, c), 1e-12);
            assertEquals(db, bn.beta.grad.get(0, c), 1e-12);
        }
    }

    @Test
    void batchSizeOneGivesBetaNotNaN() {
        BatchNorm bn = new BatchNorm("1", 4, 0.1, 1e-5);
        bn.setAffine(1.0, 0.25, false);
        DMatrixRMaj y = bn.forward(batch(6, 1, 4, 3, 2), true);
        for (int c = 0; c < 4; c++) assertEquals(0.25, y.get(0, c), 1e-15);
        DMatrixRMaj dy = batch(7, 1, 4, 0, 1);
        bn.zeroGrad();
        DMatrixRMaj dx = bn.backward(dy);
        for (int c = 0; c < 4; c++) {
            assertTrue(Double.isFinite(dx.get(0, c)));
            assertEquals(0.0, dx.get(0, c), 1e-12, "a lone sample's output does not depend on its input");
            assertEquals(0.0, bn.gamma.grad.get(0, c), 1e-12);
            assertEquals(dy.get(0, c), bn.beta.grad.get(0, c), 1e-15);
            assertTrue(Double.isFinite(bn.runningVar(c)));
            assertTrue(Double.isFinite(bn.runningMean(c)));
        }
        // a constant column in a bigger batch is just as harmless
        DMatrixRMaj x = batch(8, 5, 4, 0, 1);
        for (int r = 0; r < 5; r++) x.set(r, 2, 4.0);
        y = bn.forward(x, true);
        for (int r = 0; r < 5; r++) assertEquals(0.25, y.get(r, 2), 1e-15);
        bn.zeroGrad();
        dx = bn.backward(batch(9, 5, 4, 0, 1));
        for (double v : dx.data) assertTrue(Double.isFinite(v));
        // and inference afterwards stays finite
        for (double v : bn.forward(batch(10, 3, 4, 0, 1), false).data) assertTrue(Double.isFinite(v));
    }

    @Test
    void setAffineClearsTheMomentumOfGammaAndBeta() {
        BatchNorm bn = new BatchNorm("1", 3, 0.1, 1e-5);
        Sgd sgd = new Sgd(0.5, 0.9);
        for (int i = 0; i < 3; i++) {
            bn.forward(batch(60 + i, 8, 3, 1, 2), true);
            bn.zeroGrad();
            bn.backward(batch(70 + i, 8, 3, 0.5, 1));
            sgd.step(bn.parameters());
        }
        for (int c = 0; c < 3; c++) {
            assertTrue(bn.gamma.velocity.get(0, c) != 0 && bn.beta.velocity.get(0, c) != 0, "moving");
        }
        bn.setAffine(1.5, 0.25, false);
        // with zero gradients the next step must leave γ/β where the user put them: no leftover momentum
        bn.gamma.grad.zero();
        bn.beta.grad.zero();
        sgd.step(bn.parameters());
        for (int c = 0; c < 3; c++) {
            assertEquals(1.5, bn.gamma.value.get(0, c), 0.0);
            assertEquals(0.25, bn.beta.value.get(0, c), 0.0);
        }
    }

    @Test
    void withoutNoiseTheNoiseIsScaleOneShiftZero() {
        BatchNorm bn = new BatchNorm("1", 3, 0.1, 1e-5);
        for (int c = 0; c < 3; c++) {
            assertEquals(1.0, bn.noiseScale(c), 0.0, "a fresh layer");
            assertEquals(0.0, bn.noiseShift(c), 0.0);
        }
        java.util.Random rng = new Random(1);
        bn.drawNoise(0.5, rng);
        for (int c = 0; c < 3; c++) assertTrue(bn.noiseScale(c) != 1.0 && bn.noiseShift(c) != 0.0, "noisy");
        bn.drawNoise(0.0, rng);
        for (int c = 0; c < 3; c++) {
            assertEquals(1.0, bn.noiseScale(c), 0.0, "noise turned off");
            assertEquals(0.0, bn.noiseShift(c), 0.0);
        }
        // and magnitude 0 draws nothing from the generator
        Random a = new Random(2), b = new Random(2);
        bn.drawNoise(0.0, a);
        assertEquals(b.nextLong(), a.nextLong());
    }
}
