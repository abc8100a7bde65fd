package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shiftscope.nn.GradCheck.check;
import static org.shiftscope.nn.GradCheck.random;
import static org.shiftscope.nn.GradCheck.weighted;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Gradients add up: a weight used twice in one network gets the sum of both uses' parts, an Elman cell unrolled
 * over 5 time steps shares its weights and γ/β across the steps, and a second backward without zeroGrad adds to the
 * first. Central differences in double precision, relative error ≤ 1e-6.
 */
class SharedGradientTest {
    static final MatMul MM = new EjmlMatMul();

    /**
     * Checks dX (when asked) and every unfrozen parameter of a layer against central differences of L = Σ R ⊙ output,
     * the numeric side with batch statistics and nothing updated (running averages do not move). A parameter whose
     * gradient is exactly cancelled (a bias before BatchNorm) passes as zero.
     */
    static void checkAll(String what, Layer layer, DMatrixRMaj x, Random r, boolean checkInput) {
        DMatrixRMaj out = layer.forward(x, Pass.TRAINING);
        DMatrixRMaj rr = random(r, out.numRows, out.numCols, 1);
        LayerGradientTest.Grads g = LayerGradientTest.backprop(layer, x, rr);
        DoubleSupplier loss = () -> weighted(layer.forward(x, Pass.measuring()), rr);
        if (checkInput) assertTrue(check(what + " dX", x.data, x.getNumElements(), g.dx().data, loss) > 1e-4);
        for (int k = 0; k < layer.parameters().size(); k++) {
            Param p = layer.parameters().get(k);
            if (!p.frozen) check(what + " d" + p.name, p.value.data, p.size(), g.params().get(k), loss);
        }
    }

    @Test
    void aWeightUsedTwiceGetsTheSumOfBothParts() {
        Random r = new Random(3);
        Param w = new Param("W", 4, 4), b1 = new Param("b1", 1, 4), b2 = new Param("b2", 1, 4);
        for (int i = 0; i < w.size(); i++) w.value.data[i] = r.nextGaussian() * 0.7;
        for (int i = 0; i < 4; i++) b1.value.data[i] = b2.value.data[i] = 0.1 * r.nextGaussian();
        Dense first = new Dense(w, b1, MM), second = new Dense(w, b2, MM);
        Sequential net = new Sequential(List.of(new Sequential.Part("a", first),
                new Sequential.Part("act", new Activation(ActivationKind.TANH)), new Sequential.Part("b", second)));
        assertEquals(List.of(w, b1, b2), net.parameters(), "the shared weight is listed once");
        DMatrixRMaj x = random(r, 5, 4, 1);
        checkAll("W·tanh(W·x)", net, x, r, true);

        // and the sum is exactly the two parts: each use's backward alone, added
        DMatrixRMaj rr = random(r, 5, 4, 1);
        net.forward(x, Pass.TRAINING);
        net.zeroGrad();
        net.backward(rr);
        double[] both = w.gradient().data.clone();
        w.zeroGrad();
        second.backward(rr);
        double[] secondPart = w.gradient().data.clone();
        w.zeroGrad();
        first.backward(tanhBackward(first.output(), second, rr));
        double[] firstPart = w.gradient().data;
        for (int i = 0; i < both.length; i++) {
            assertEquals(firstPart[i] + secondPart[i], both[i], 1e-12, "dW[" + i + "] = first use + second use");
        }
    }

    /** dL/dZ₁ for L = Σ R ⊙ (W·tanh(Z₁) + b₂): (R·Wᵀ) ⊙ (1 − tanh²(Z₁)) */
    private static DMatrixRMaj tanhBackward(DMatrixRMaj z1, Dense second, DMatrixRMaj rr) {
        DMatrixRMaj da = new DMatrixRMaj(1, 1);
        MM.multTransB(rr, second.w.value, da);
        for (int i = 0; i < da.getNumElements(); i++) {
            double t = Math.tanh(z1.data[i]);
            da.data[i] *= 1 - t * t;
        }
        return da;
    }

    @Test
    void aSecondBackwardWithoutZeroGradAddsToTheFirst() {
        BatchNorm bn = new BatchNorm("1", 2, 0.1, 1e-5);
        Dense d = new Dense("1", 3, 2, MM);
        Random r = new Random(4);
        DMatrixRMaj x = random(r, 6, 3, 1), rr = random(r, 6, 2, 1);
        d.init(r, 1);
        bn.forward(d.forward(x, Pass.TRAINING), Pass.TRAINING);
        d.zeroGrad();
        bn.zeroGrad();
        d.backward(bn.backward(rr));
        double[] w1 = d.w.gradient().data.clone(), g1 = bn.gamma.gradient().data.clone();
        d.backward(bn.backward(rr));
        for (int i = 0; i < w1.length; i++) assertEquals(2 * w1[i], d.w.gradient().data[i], 1e-12);
        for (int i = 0; i < g1.length; i++) assertEquals(2 * g1[i], bn.gamma.gradient().data[i], 1e-12);
        d.zeroGrad();
        assertTrue(d.w.gradIsZero());
        assertArrayEquals(new double[6], d.w.gradient().data, 0.0, "zeroGrad: read as zero");
    }

    enum Norm { NONE, BATCH_PER_STEP, LAYER }

    static Recurrent.NormFactory factory(Norm n) {
        return switch (n) {
            case NONE -> null;
            case BATCH_PER_STEP -> (g, b) -> new BatchNorm(g, b, 0.1, 1e-5);
            case LAYER -> (g, b) -> new LayerNorm(g, b, 1e-5);
        };
    }

    /** a batch of 6 sequences of 5 steps of 3 features */
    static Tensor sequences(Random r) {
        Tensor x = new Tensor(6, 5, 3);
        for (int i = 0; i < x.data.length; i++) x.data[i] = r.nextGaussian();
        return x;
    }

    @ParameterizedTest
    @EnumSource(Norm.class)
    void anElmanCellUnrolledOverFiveSteps(Norm norm) {
        Random r = new Random(11);
        Recurrent rnn = new Recurrent("h", 3, 4, ActivationKind.TANH, factory(norm), MM);
        for (int i = 0; i < rnn.w.size(); i++) rnn.w.value.data[i] = 0.6 * r.nextGaussian();
        for (int i = 0; i < 4; i++) {
            rnn.b.value.data[i] = 0.2 * r.nextGaussian();
            rnn.gamma.value.data[i] = 1 + 0.3 * r.nextGaussian();
            rnn.beta.value.data[i] = 0.3 * r.nextGaussian();
        }
        Tensor x = sequences(r);
        DMatrixRMaj h = rnn.forward(x, Pass.TRAINING);
        assertEquals(5, Tensor.positionsOf(h));
        assertEquals(6 * 5, h.numRows);
        // all steps' outputs feed the loss, so the gradient flows back through time from every step
        checkAll("Elman " + norm, rnn, x, r, true);
        if (norm == Norm.BATCH_PER_STEP) {
            for (int t = 0; t < 5; t++) {
                assertSame(rnn.gamma, rnn.norm(t).gamma, "γ shared by every step");
                assertSame(rnn.beta, rnn.norm(t).beta, "β shared by every step");
            }
            assertNotSame(rnn.norm(0), rnn.norm(1));
            BatchNorm n0 = (BatchNorm) rnn.norm(0), n4 = (BatchNorm) rnn.norm(4);
            assertTrue(n0.batchMean(0) != n4.batchMean(0), "each step has statistics of its own");
            assertTrue(n0.runningMean(0) != n4.runningMean(0), "and running averages of its own");
        }
    }

    @Test
    void anElmanClassifierReadsTheLastStep() {
        Random r = new Random(12);
        Recurrent rnn = new Recurrent("h", 3, 4, ActivationKind.TANH, factory(Norm.BATCH_PER_STEP), MM);
        for (int i = 0; i < rnn.w.size(); i++) rnn.w.value.data[i] = 0.6 * r.nextGaussian();
        Dense out = new Dense("out", 4, 2, MM);
        out.init(r, 0.8);
        Sequential net = new Sequential(List.of(new Sequential.Part("rnn", rnn),
                new Sequential.Part("last", new LastPosition()), new Sequential.Part("out", out)));
        checkAll("rnn → last → out", net, sequences(r), r, true);
    }
}
