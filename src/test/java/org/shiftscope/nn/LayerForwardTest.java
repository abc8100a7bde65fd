package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Known forward values of Dense, the activations and softmax cross-entropy. */
class LayerForwardTest {

    @Test
    void denseComputesXTimesWPlusB() {
        Dense d = new Dense("7", 2, 3, new EjmlMatMul());
        assertEquals("W7", d.w.name);
        assertEquals("b7", d.b.name);
        assertEquals(2, d.inputs());
        assertEquals(3, d.outputs());
        d.w.value.setData(new double[] {1, 2, 3, 4, 5, 6});
        d.b.value.setData(new double[] {0.5, -1, 10});
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}, {2, -1}});
        DMatrixRMaj z = d.forward(x, true);
        double[][] expected = {{1.5, 1, 13}, {4.5, 4, 16}, {-1.5, -2, 10}};
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) assertEquals(expected[r][c], z.get(r, c), 1e-15);
        }
        assertSame(z, d.output());
        d.setUseBias(false);
        z = d.forward(x, true);
        assertEquals(1.0, z.get(0, 0), 1e-15);
        assertEquals(0.0, z.get(2, 2), 1e-15);
        // Dense.init: N(0, std²) weights and a zero bias
        d.b.value.set(0, 1, 3.0);
        d.init(new java.util.Random(1), 0.1);
        for (double v : d.b.value.data) assertEquals(0.0, v);
    }

    @Test
    void activationKnownValues() {
        DMatrixRMaj z = new DMatrixRMaj(new double[][] {{-2, 0, 3}, {1e3, -1e3, 0.5}});
        DMatrixRMaj s = new Activation(ActivationKind.SIGMOID).forward(z, true);
        assertEquals(1 / (1 + Math.exp(2)), s.get(0, 0), 1e-15);
        assertEquals(0.5, s.get(0, 1), 1e-15);
        assertEquals(1.0, s.get(1, 0), 1e-15);
        assertEquals(0.0, s.get(1, 1), 1e-15);
        DMatrixRMaj t = new Activation(ActivationKind.TANH).forward(z, true);
        assertEquals(Math.tanh(3), t.get(0, 2), 1e-15);
        assertEquals(-1.0, t.get(1, 1), 1e-15);
        DMatrixRMaj r = new Activation(ActivationKind.RELU).forward(z, true);
        assertEquals(0.0, r.get(0, 0));
        assertEquals(3.0, r.get(0, 2));
        assertEquals(0.0, r.get(1, 1));
        Activation lin = new Activation(ActivationKind.LINEAR);
        DMatrixRMaj l = lin.forward(z, true);
        for (int i = 0; i < 6; i++) assertEquals(z.data[i], l.data[i]);
        assertTrue(l != z, "the linear activation owns its own output");
        assertEquals(2, l.numRows);
        // a smaller batch next: the output is reshaped
        DMatrixRMaj one = new DMatrixRMaj(new double[][] {{4, 5, 6}});
        assertEquals(1, lin.forward(one, true).numRows);
        assertEquals(Tap.ACTIVATION, lin.tap());
    }

    @Test
    void softmaxCrossEntropyKnownValues() {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        // all-zero logits: uniform probabilities, loss log k
        assertEquals(Math.log(4), ce.forward(new DMatrixRMaj(3, 4), new int[] {0, 1, 3}), 1e-15);
        for (double p : ce.probabilities().data) assertEquals(0.25, p, 1e-15);
        // one row: loss = log(Σe^z) − z_y
        DMatrixRMaj z = new DMatrixRMaj(new double[][] {{1, 2, 3}, {5, 1, 0}});
        double l0 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 3;
        double l1 = Math.log(Math.exp(5) + Math.exp(1) + 1) - 1;
        assertEquals((l0 + l1) / 2, ce.forward(z, new int[] {2, 1}), 1e-14);
        assertEquals(1, ce.correct(), "row 0 argmax 2 = label, row 1 argmax 0 ≠ label 1");
        DMatrixRMaj p = ce.probabilities();
        for (int r = 0; r < 2; r++) {
            double sum = 0;
            for (int c = 0; c < 3; c++) sum += p.get(r, c);
            assertEquals(1.0, sum, 1e-15);
        }
        DMatrixRMaj g = ce.backward();
        assertEquals((p.get(1, 1) - 1) / 2, g.get(1, 1), 1e-16);
        assertEquals(p.get(0, 0) / 2, g.get(0, 0), 1e-16);
        // huge logits do not overflow
        double l = ce.forward(new DMatrixRMaj(new double[][] {{1000, 0}}), new int[] {1});
        assertEquals(1000, l, 1e-9);
        assertEquals(1.0, ce.probabilities().get(0, 0), 0.0);
    }

    @Test
    void softmaxCountsCorrectPredictionsAndBreaksTiesTowardTheFirstClass() {
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        DMatrixRMaj z = new DMatrixRMaj(new double[][] {{0, 3, 1}, {2, 2, 2}, {1, 5, 5}, {-1, -2, -3}});
        // argmax: 1, 0 (tie: first), 1 (tie between 1 and 2: first), 0
        ce.forward(z, new int[] {1, 0, 1, 0});
        assertEquals(4, ce.correct());
        ce.forward(z, new int[] {1, 1, 2, 0});
        assertEquals(2, ce.correct(), "rows 0 and 3");
        ce.forward(z, new int[] {0, 2, 0, 1});
        assertEquals(0, ce.correct());
    }

    @Test
    void reluPassesNoGradientAtExactlyZero() {
        // like PyTorch: the derivative of max(0, z) at z = 0 is taken as 0 (the unit counts as off, see saturated)
        Activation relu = new Activation(ActivationKind.RELU);
        relu.forward(new DMatrixRMaj(new double[][] {{-1, 0, 1e-300, 2}}), true);
        relu.zeroGrad();
        DMatrixRMaj dz = relu.backward(new DMatrixRMaj(new double[][] {{5, 7, 11, 13}}));
        assertEquals(0.0, dz.get(0, 0));
        assertEquals(0.0, dz.get(0, 1));
        assertEquals(11.0, dz.get(0, 2));
        assertEquals(13.0, dz.get(0, 3));
        assertTrue(Activation.saturated(ActivationKind.RELU, relu.output().get(0, 1)));
    }
}
