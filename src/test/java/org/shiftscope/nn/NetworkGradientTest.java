package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shiftscope.nn.GradCheck.check;
import static org.shiftscope.nn.GradCheck.random;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole-network gradient checks: 3 inputs → [5, 4] → 3 classes, batch 6, every activation, BN off and on
 * (before and after the activation, learned and fixed γ/β). network.backward() against central differences of
 * network.forward(x, y, true), for every unfrozen parameter.
 */
class NetworkGradientTest {

    static List<Arguments> networks() {
        List<Arguments> list = new ArrayList<>();
        for (ActivationKind a : ActivationKind.values()) {
            list.add(Arguments.of(a, false, Placement.BEFORE, Affine.LEARNED));
            for (Placement p : Placement.values()) {
                for (Affine f : Affine.values()) list.add(Arguments.of(a, true, p, f));
            }
        }
        return list;
    }

    @ParameterizedTest(name = "{0} bn={1} {2} {3}")
    @MethodSource("networks")
    void everyParameter(ActivationKind act, boolean bn, Placement placement, Affine affine) {
        Random r = new Random(5);
        Network net = new Network(3, new int[] {5, 4}, 3, act, Init.XAVIER, 1.0, 7, new EjmlMatMul(), bn,
                placement, affine, 2.0, 0.5, 0.1, 1e-5);
        // move every unfrozen parameter off its symmetric start (zero biases, equal γ/β across units)
        for (Param p : net.parameters()) {
            if (p.frozen || p.name.startsWith("W")) continue;
            for (int i = 0; i < p.size(); i++) p.value.data[i] += 0.3 * r.nextGaussian();
        }
        DMatrixRMaj x = random(r, 6, 3, 1);
        int[] y = {0, 1, 2, 1, 0, 2};
        if (act == ActivationKind.RELU) {
            // keep every pre-activation clear of the kink so central differences see a smooth function
            for (int attempt = 0; attempt < 100 && nearKink(net, x, y); attempt++) x = random(r, 6, 3, 1);
            assertFalse(nearKink(net, x, y), "no batch clear of the ReLU kink found");
        }
        final DMatrixRMaj input = x;
        double loss = net.forward(input, y, true);
        assertTrue(Double.isFinite(loss) && loss > 0);
        net.zeroGrad();
        net.backward();
        List<double[]> grads = new ArrayList<>();
        for (Param p : net.parameters()) grads.add(p.grad.data.clone());

        int checked = 0, k = 0;
        for (Param p : net.parameters()) {
            double[] g = grads.get(k++);
            if (p.frozen) {
                if (p == net.dense(1).b || p == net.dense(2).b) {
                    // a Dense bias frozen because BN follows: not added, so the loss does not depend on it at all
                    for (int i = 0; i < p.size(); i++) {
                        assertEquals(0.0, GradCheck.numeric(p.value.data, i, () -> net.forward(input, y, true)),
                                0.0, p.name);
                    }
                }
                continue;
            }
            double big = check(net + " d" + p.name, p.value.data, p.size(), g, () -> net.forward(input, y, true));
            // (a bias or β can be exactly cancelled by a later BN through a linear activation; weights never are)
            if (p.name.startsWith("W")) assertTrue(big > 1e-6, net + " d" + p.name + " is all zero");
            checked++;
        }
        // what should be trainable is: 3 W + 3 b (minus BN-cancelled biases) + 2 γ + 2 β when learned
        int expected = 3 + (bn && placement == Placement.BEFORE ? 1 : 3) + (bn && affine == Affine.LEARNED ? 4 : 0);
        assertEquals(expected, checked, "number of parameters checked");
    }

    /** whether any pre-activation of the batch lies within 1e-3 of 0 */
    static boolean nearKink(Network net, DMatrixRMaj x, int[] y) {
        net.forward(x, y, true);
        List<Layer> layers = net.layers();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof Activation) {
                DMatrixRMaj in = layers.get(i - 1).output();
                for (int j = 0; j < in.getNumElements(); j++) if (Math.abs(in.data[j]) < 1e-3) return true;
            }
        }
        return false;
    }
}
