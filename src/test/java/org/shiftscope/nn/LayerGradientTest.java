package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shiftscope.nn.GradCheck.check;
import static org.shiftscope.nn.GradCheck.random;
import static org.shiftscope.nn.GradCheck.weighted;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;

/**
 * Central-difference gradient checks of each layer on its own, with L = Σ R ⊙ output for a fixed random R (so
 * dL/d(output) = R): Dense (dW, db, dX; without bias; without input gradient), BatchNorm in training mode (learned
 * and fixed γ/β), every activation, and softmax cross-entropy.
 */
class LayerGradientTest {
    static final MatMul MM = new EjmlMatMul();

    /** the gradients one backward produced, copied before the checks run more forwards */
    record Grads(DMatrixRMaj dx, List<double[]> params) {}

    /** forward (training) on x, then backward(R); copies dX and every parameter gradient */
    static Grads backprop(Layer layer, DMatrixRMaj x, DMatrixRMaj rr) {
        layer.forward(x, true);
        layer.zeroGrad();
        DMatrixRMaj dx = layer.backward(rr).copy();
        List<double[]> grads = new ArrayList<>();
        for (Param p : layer.parameters()) grads.add(p.grad.data.clone());
        return new Grads(dx, grads);
    }

    static DoubleSupplier loss(Layer layer, DMatrixRMaj x, DMatrixRMaj rr) {
        return () -> weighted(layer.forward(x, true), rr);
    }

    /** Checks dX and the gradient of every unfrozen parameter; returns the gradients. */
    static Grads checkLayer(String name, Layer layer, DMatrixRMaj x, Random r) {
        DMatrixRMaj out = layer.forward(x, true);
        DMatrixRMaj rr = random(r, out.numRows, out.numCols, 1);
        Grads g = backprop(layer, x, rr);
        assertEquals(x.numRows, g.dx().numRows, name + " dX rows");
        assertEquals(x.numCols, g.dx().numCols, name + " dX cols");
        double big = check(name + " dX", x.data, x.getNumElements(), g.dx().data, loss(layer, x, rr));
        assertTrue(big > 1e-3, name + ": dX is (nearly) all zero, the check proved nothing");
        int k = 0;
        for (Param p : layer.parameters()) {
            double[] pg = g.params().get(k++);
            if (p.frozen) continue;
            big = check(name + " d" + p.name, p.value.data, p.size(), pg, loss(layer, x, rr));
            assertTrue(big > 1e-3, name + ": d" + p.name + " is (nearly) all zero");
        }
        return g;
    }

    @Test
    void theCheckerRejectsAGradientThatIsOffByOnePartInTenThousand() {
        Random r = new Random(9);
        Dense d = new Dense("1", 3, 2, MM);
        d.init(r, 1);
        DMatrixRMaj x = random(r, 4, 3, 1), rr = random(r, 4, 2, 1);
        Grads g = backprop(d, x, rr);
        double[] wrong = g.params().get(0).clone();
        wrong[2] *= 1 + 1e-4;
        assertThrows(AssertionFailedError.class, () -> check("W", d.w.value.data, d.w.size(), wrong, loss(d, x, rr)));
        // and the right one passes
        check("W", d.w.value.data, d.w.size(), g.params().get(0), loss(d, x, rr));
    }

    // ---- Dense ----

    static Dense dense(Random r) {
        Dense d = new Dense("1", 4, 3, MM);
        d.init(r, 0.7);
        for (int i = 0; i < 3; i++) d.b.value.data[i] = r.nextGaussian(); // a non-zero bias
        return d;
    }

    @Test
    void denseWeightsBiasAndInput() {
        Random r = new Random(2);
        Dense d = dense(r);
        DMatrixRMaj x = random(r, 6, 4, 1);
        checkLayer("dense", d, x, r);
        assertFalse(d.b.frozen);
        assertTrue(d.usesBias());
    }

    @Test
    void denseWithoutBiasIgnoresTheBiasAndReportsAZeroGradient() {
        Random r = new Random(3);
        Dense d = dense(r);
        d.setUseBias(false);
        assertTrue(d.b.frozen, "an unused bias is frozen");
        assertFalse(d.usesBias());
        DMatrixRMaj x = random(r, 6, 4, 1);
        Grads g = checkLayer("dense no bias", d, x, r);
        assertArrayEquals(new double[3], g.params().get(1), 0.0, "db is 0 when the bias is not used");
        // the loss really does not depend on b: its numeric gradient is 0 too
        DMatrixRMaj rr = random(r, 6, 3, 1);
        for (int i = 0; i < 3; i++) {
            assertEquals(0.0, GradCheck.numeric(d.b.value.data, i, loss(d, x, rr)), 0.0);
        }
        d.setUseBias(true);
        assertFalse(d.b.frozen);
        assertTrue(d.usesBias());
        checkLayer("dense bias back on", d, x, r);
    }

    @Test
    void denseWithoutInputGradientStillGetsItsParameterGradientsRight() {
        Random r = new Random(4);
        Dense d = dense(r);
        d.setNeedInputGrad(false);
        DMatrixRMaj x = random(r, 5, 4, 1), rr = random(r, 5, 3, 1);
        Grads g = backprop(d, x, rr);
        check("dW (no dX)", d.w.value.data, d.w.size(), g.params().get(0), loss(d, x, rr));
        check("db (no dX)", d.b.value.data, d.b.size(), g.params().get(1), loss(d, x, rr));
        // switched back on, dX is computed and right again
        d.setNeedInputGrad(true);
        checkLayer("dense dX back on", d, x, r);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 9})
    void denseAtSeveralBatchSizesInARow(int rows) {
        // one layer, reused across batch sizes: its z and dX matrices are reshaped, not reallocated
        Random r = new Random(5);
        Dense d = dense(r);
        checkLayer("dense warm-up", d, random(r, 7, 4, 1), r);
        checkLayer("dense rows=" + rows, d, random(r, rows, 4, 1), r);
    }

    // ---- BatchNorm (training mode) ----

    static DMatrixRMaj shifted(Random r, int rows, int cols) {
        DMatrixRMaj x = random(r, rows, cols, 2);
        for (int i = 0; i < x.data.length; i++) x.data[i] += 3; // a non-zero mean to remove
        return x;
    }

    @Test
    void batchNormLearnedAffine() {
        Random r = new Random(6);
        BatchNorm bn = new BatchNorm("1", 4, 0.1, 1e-5);
        bn.setAffine(1, 0, false);
        for (int i = 0; i < 4; i++) {
            bn.gamma.value.data[i] = 0.5 + r.nextDouble();
            bn.beta.value.data[i] = r.nextGaussian();
        }
        checkLayer("batchnorm learned", bn, shifted(r, 7, 4), r);
    }

    @Test
    void batchNormFixedGammaTwoBetaHalf() {
        Random r = new Random(7);
        BatchNorm bn = new BatchNorm("1", 4, 0.1, 1e-5);
        bn.setAffine(2.0, 0.5, true);
        assertTrue(bn.gamma.frozen && bn.beta.frozen);
        DMatrixRMaj x = shifted(r, 7, 4);
        checkLayer("batchnorm fixed", bn, x, r);
        // dX scales with γ: the same R through γ = 1 gives exactly half the input gradient
        DMatrixRMaj rr = random(r, 7, 4, 1);
        DMatrixRMaj dx2 = backprop(bn, x, rr).dx();
        bn.setAffine(1.0, 0.5, true);
        DMatrixRMaj dx1 = backprop(bn, x, rr).dx();
        for (int i = 0; i < dx1.data.length; i++) assertEquals(2 * dx1.data[i], dx2.data[i], 1e-12);
    }

    @Test
    void batchNormTinyBatchAndSmallEps() {
        Random r = new Random(8);
        BatchNorm bn = new BatchNorm("1", 3, 0.1, 1e-3);
        bn.setAffine(1.7, -0.2, false);
        checkLayer("batchnorm m=2", bn, shifted(r, 2, 3), r);
        bn.setEps(1e-8);
        checkLayer("batchnorm m=3 eps=1e-8", bn, shifted(r, 3, 3), r);
    }

    // ---- activations ----

    @ParameterizedTest
    @EnumSource(ActivationKind.class)
    void activation(ActivationKind kind) {
        Random r = new Random(1);
        DMatrixRMaj x = random(r, 5, 4, 1.5);
        if (kind == ActivationKind.RELU) {
            // keep off the kink, and make sure both sides of it are exercised
            for (int i = 0; i < x.data.length; i++) if (Math.abs(x.data[i]) < 0.05) x.data[i] = 0.3;
            x.data[0] = -0.7;
            x.data[1] = 0.9;
        }
        Activation a = new Activation(kind);
        assertSame(kind, a.kind());
        assertTrue(a.parameters().isEmpty());
        checkLayer(kind.key(), a, x, r);
    }

    // ---- softmax cross-entropy ----

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 10})
    void softmaxCrossEntropy(int classes) {
        Random r = new Random(4);
        DMatrixRMaj z = random(r, 5, classes, 2);
        int[] y = new int[5];
        for (int i = 0; i < 5; i++) y[i] = r.nextInt(classes);
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        ce.forward(z, y);
        DMatrixRMaj g = ce.backward().copy();
        assertEquals(5, g.numRows);
        assertEquals(classes, g.numCols);
        check("softmax-ce", z.data, z.getNumElements(), g.data, () -> ce.forward(z, y));
    }

    @Test
    void softmaxCrossEntropyWithHugeLogitsAndAChangingBatch() {
        Random r = new Random(10);
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        DMatrixRMaj big = random(r, 8, 4, 1);
        big.data[0] = 800; // would overflow e^z without the max shift
        ce.forward(big, new int[] {0, 1, 2, 3, 0, 1, 2, 3});
        DMatrixRMaj z = random(r, 3, 4, 1);
        for (int i = 0; i < z.data.length; i++) z.data[i] += 500;
        int[] y = {3, 0, 2};
        ce.forward(z, y);
        DMatrixRMaj g = ce.backward().copy();
        assertEquals(3, g.numRows);
        // with logits near 500, h = 1e-5 loses digits; the loss itself is still a plain function of z − max
        check("softmax-ce shifted", z.data, z.getNumElements(), g.data, () -> ce.forward(z, y));
    }
}
