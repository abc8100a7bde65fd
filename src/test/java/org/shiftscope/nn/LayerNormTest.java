package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shiftscope.nn.GradCheck.random;
import static org.shiftscope.nn.LayerGradientTest.checkLayer;
import static org.shiftscope.nn.LayerGradientTest.shifted;
import static org.shiftscope.nn.NormAsserts.assertSameValues;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LayerNorm (Ba, Kiros & Hinton 2016): known values (each example's output has mean β and std γ), training equals
 * inference, no dependence on the rest of the batch, and gradient checks (with and without noise).
 */
class LayerNormTest {

    static double rowMean(DMatrixRMaj m, int r) {
        double s = 0;
        for (int c = 0; c < m.numCols; c++) s += m.get(r, c);
        return s / m.numCols;
    }

    /** biased (÷n) variance of a row */
    static double rowVar(DMatrixRMaj m, int r) {
        double mu = rowMean(m, r), s = 0;
        for (int c = 0; c < m.numCols; c++) s += (m.get(r, c) - mu) * (m.get(r, c) - mu);
        return s / m.numCols;
    }

    /** rows with very different means and spreads, so a per-row statistic is really per row */
    static DMatrixRMaj unevenRows(long seed, int rows, int cols) {
        Random r = new Random(seed);
        DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) {
            double shift = 10 * r.nextGaussian(), scale = Math.exp(2 * r.nextGaussian());
            for (int c = 0; c < cols; c++) x.set(i, c, shift + scale * r.nextGaussian());
        }
        return x;
    }

    @Test
    void freshLayer() {
        LayerNorm ln = new LayerNorm("2", 5, 1e-5);
        assertEquals(5, ln.units());
        assertEquals("gamma2", ln.gamma.name);
        assertEquals("beta2", ln.beta.name);
        assertSame(NormKind.LAYER, ln.kind());
        assertEquals(Tap.NORMALIZED, ln.tap());
        assertEquals("over the units of each example", ln.statistics());
        assertFalse(ln.keepsRunningStatistics());
        assertFalse(ln.dependsOnBatch());
        for (int c = 0; c < 5; c++) {
            assertEquals(1.0, ln.gamma.value.get(0, c));
            assertEquals(0.0, ln.beta.value.get(0, c));
        }
    }

    @Test
    void everyExampleComesOutWithMeanBetaAndStdGamma() {
        LayerNorm ln = new LayerNorm("1", 7, 1e-12);
        ln.setAffine(2.0, 0.5, true);
        DMatrixRMaj x = unevenRows(1, 9, 7);
        DMatrixRMaj y = ln.forward(x, true);
        DMatrixRMaj h = ln.normalizedBeforeAffine();
        for (int r = 0; r < 9; r++) {
            assertEquals(0.5, rowMean(y, r), 1e-6, "mean β, example " + r);
            assertEquals(2.0, Math.sqrt(rowVar(y, r)), 1e-6, "std γ, example " + r);
            assertEquals(0.0, rowMean(h, r), 1e-9);
            assertEquals(1.0, rowVar(h, r), 1e-9);
            assertEquals(1 / Math.sqrt(rowVar(x, r) + 1e-12), ln.invStd(r), 1e-9 * ln.invStd(r));
            for (int c = 0; c < 7; c++) assertEquals(2.0 * h.get(r, c) + 0.5, y.get(r, c), 1e-12);
        }
        assertSame(y, ln.output());
    }

    @Test
    void epsShrinksEachExamplesVarianceToVarOverVarPlusEps() {
        double eps = 0.05;
        LayerNorm ln = new LayerNorm("1", 6, eps);
        DMatrixRMaj x = random(new Random(2), 5, 6, 0.3);
        ln.forward(x, true);
        for (int r = 0; r < 5; r++) {
            double v = rowVar(x, r);
            assertEquals(0, rowMean(ln.normalizedBeforeAffine(), r), 1e-12);
            assertEquals(v / (v + eps), rowVar(ln.normalizedBeforeAffine(), r), 1e-12);
        }
    }

    @Test
    void trainingAndInferenceAreIdenticalAndNeedNoRunningAverages() {
        LayerNorm ln = new LayerNorm("1", 4, 1e-5);
        ln.setAffine(1.3, -0.2, false);
        for (int i = 0; i < 3; i++) ln.forward(unevenRows(10 + i, 8, 4), true); // nothing to remember
        ln.setMomentum(0.9); // no running averages: no-ops
        ln.resetRunningStats();
        DMatrixRMaj x = unevenRows(3, 6, 4);
        DMatrixRMaj train = ln.forward(x, true).copy();
        assertSameValues(train, ln.forward(x, false), 0.0, "inference after training");
        // a fresh layer gives the same: the earlier batches left nothing behind
        LayerNorm fresh = new LayerNorm("1", 4, 1e-5);
        fresh.setAffine(1.3, -0.2, false);
        assertSameValues(train, fresh.forward(x, false), 0.0, "a fresh layer's inference");
    }

    @Test
    void anExampleDoesNotDependOnTheRestOfTheBatchAndABatchOfOneWorks() {
        LayerNorm ln = new LayerNorm("1", 5, 1e-5);
        ln.setAffine(0.8, 0.1, false);
        DMatrixRMaj x = unevenRows(4, 7, 5);
        DMatrixRMaj all = ln.forward(x, true).copy();
        DMatrixRMaj one = new DMatrixRMaj(1, 5);
        for (int c = 0; c < 5; c++) one.set(0, c, x.get(3, c));
        DMatrixRMaj out = ln.forward(one, true);
        assertEquals(1, out.numRows);
        for (int c = 0; c < 5; c++) assertEquals(all.get(3, c), out.get(0, c), 0.0);
    }

    @Test
    void backwardRemovesEachExamplesMeanAndXhatComponent() {
        // dX = invStd/n (n dX̂ − Σ dX̂ − X̂ Σ dX̂⊙X̂) per row: Σ_c dX = 0 in every row
        LayerNorm ln = new LayerNorm("1", 6, 1e-5);
        ln.setAffine(1.5, 0.3, false);
        DMatrixRMaj x = unevenRows(5, 4, 6), dy = random(new Random(6), 4, 6, 1);
        ln.forward(x, true);
        DMatrixRMaj h = ln.normalizedBeforeAffine().copy();
        ln.zeroGrad();
        DMatrixRMaj dx = ln.backward(dy);
        for (int r = 0; r < 4; r++) {
            double s = 0;
            for (int c = 0; c < 6; c++) s += dx.get(r, c);
            assertEquals(0, s, 1e-12);
        }
        for (int c = 0; c < 6; c++) {
            double dg = 0, db = 0;
            for (int r = 0; r < 4; r++) {
                dg += dy.get(r, c) * h.get(r, c);
                db += dy.get(r, c);
            }
            assertEquals(dg, ln.gamma.grad.get(0, c), 1e-12);
            assertEquals(db, ln.beta.grad.get(0, c), 1e-12);
        }
    }

    // ---- gradient checks ----

    static LayerNorm learned(Random r, int units, double eps) {
        LayerNorm ln = new LayerNorm("1", units, eps);
        for (int i = 0; i < units; i++) {
            ln.gamma.value.data[i] = 0.5 + r.nextDouble();
            ln.beta.value.data[i] = r.nextGaussian();
        }
        return ln;
    }

    @ParameterizedTest(name = "batch {0}")
    @ValueSource(ints = {1, 2, 7})
    void gradientLearnedAffine(int rows) {
        Random r = new Random(20 + rows);
        checkLayer("layernorm m=" + rows, learned(r, 5, 1e-5), shifted(r, rows, 5), r);
    }

    @Test
    void gradientFixedAffineTwoUnitsAndLargeEps() {
        Random r = new Random(21);
        LayerNorm ln = new LayerNorm("1", 2, 0.5);
        ln.setAffine(2.0, -1.0, true);
        checkLayer("layernorm n=2 eps=0.5", ln, shifted(r, 4, 2), r);
    }

    @Test
    void gradientWithThisStepsNoise() {
        Random r = new Random(22);
        LayerNorm ln = learned(r, 6, 1e-5);
        ln.drawNoise(0.7, new Random(4));
        for (int c = 0; c < 6; c++) assertTrue(ln.noiseScale(c) != 1.0 && ln.noiseShift(c) != 0.0);
        checkLayer("noisy layernorm", ln, shifted(r, 5, 6), r);
        // the noise is that of the step: inference has none, and the same X̂ underlies both
        DMatrixRMaj x = shifted(r, 5, 6);
        DMatrixRMaj noisy = ln.forward(x, true).copy(), clean = ln.forward(x, false);
        for (int i = 0; i < 5; i++) {
            for (int c = 0; c < 6; c++) {
                assertEquals(clean.get(i, c) * ln.noiseScale(c) + ln.noiseShift(c), noisy.get(i, c), 1e-12);
            }
        }
        // the same layer, batch size changing between checks: matrices are reshaped, gradients stay right
        checkLayer("noisy layernorm m=2", ln, shifted(r, 2, 6), r);
    }
}
