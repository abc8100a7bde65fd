package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** What a network says about itself (shape, names, owners, description) and its whole-network figures. */
class NetworkStructureTest {

    static Network net(int[] hidden, boolean bn, Placement placement, Affine affine) {
        return new Network(4, hidden, 3, ActivationKind.RELU, Init.HE, 1.0, 11, new EjmlMatMul(), bn, placement,
                affine, 1.0, 0.0, 0.1, 1e-5);
    }

    static List<String> names(Network n) {
        List<String> names = new ArrayList<>();
        for (Param p : n.parameters()) names.add(p.name);
        return names;
    }

    static List<Integer> owners(Network n) {
        List<Integer> h = new ArrayList<>();
        for (int i = 0; i < n.layers().size(); i++) h.add(n.hiddenOf(i));
        return h;
    }

    static DMatrixRMaj data(long seed, int rows, int cols) {
        Random r = new Random(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = r.nextGaussian();
        return m;
    }

    @Test
    void shapeGetters() {
        int[] hidden = {6, 5, 2};
        Network n = net(hidden, false, Placement.BEFORE, Affine.LEARNED);
        hidden[0] = 99; // the network keeps its own copy
        assertEquals(4, n.inputs());
        assertEquals(3, n.classes());
        assertEquals(3, n.depth());
        assertArrayEquals(new int[] {6, 5, 2}, n.hidden());
        n.hidden()[1] = 99;
        assertArrayEquals(new int[] {6, 5, 2}, n.hidden(), "hidden() returns a copy");
        assertEquals(ActivationKind.RELU, n.activation());
        assertEquals(Affine.LEARNED, n.affine());
        assertEquals(4, n.dense(1).inputs());
        assertEquals(6, n.dense(1).outputs());
        assertEquals(5, n.dense(2).outputs());
        assertEquals(2, n.dense(3).outputs());
        assertEquals(2, n.outputLayer().inputs());
        assertEquals(3, n.outputLayer().outputs());
        for (int h = 1; h <= 3; h++) assertEquals(n.dense(h).outputs(), n.batchNormLayer(h).units());
    }

    @Test
    void parametersAreNamedAfterTheirHiddenLayerInForwardOrder() {
        Network n = net(new int[] {6, 5}, true, Placement.AFTER, Affine.LEARNED);
        assertEquals(List.of("W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2", "Wout", "bout"), names(n));
        n.setPlacement(Placement.BEFORE);
        assertEquals(List.of("W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2", "Wout", "bout"), names(n));
        n.setBatchNorm(false);
        assertEquals(List.of("W1", "b1", "W2", "b2", "Wout", "bout"), names(n));
    }

    @Test
    void everyListedLayerKnowsItsHiddenLayer() {
        Network n = net(new int[] {6, 5}, true, Placement.AFTER, Affine.LEARNED);
        assertEquals(List.of(1, 1, 1, 2, 2, 2, 0), owners(n), "Dense, Activation, BN per layer; the output is 0");
        assertEquals(Tap.NORMALIZED, n.layers().get(2).tap());
        n.setPlacement(Placement.BEFORE);
        assertEquals(List.of(1, 1, 1, 2, 2, 2, 0), owners(n));
        assertEquals(Tap.NORMALIZED, n.layers().get(1).tap());
        n.setBatchNorm(false);
        assertEquals(List.of(1, 1, 2, 2, 0), owners(n));
    }

    @Test
    void toStringDescribesShapeActivationAndBn() {
        Network n = net(new int[] {6, 5}, true, Placement.AFTER, Affine.FIXED);
        assertEquals("4→[6, 5]→3 relu BN after fixed", n.toString());
        n.setBatchNorm(false);
        assertEquals("4→[6, 5]→3 relu no BN", n.toString());
    }

    @Test
    void correctCountsTheBatchesRightAnswers() {
        Network n = net(new int[] {6}, false, Placement.BEFORE, Affine.LEARNED);
        DMatrixRMaj x = data(3, 9, 4);
        int[] y = new int[9];
        n.forward(x, y, true);
        // label each row by its predicted class, then spoil three of them
        DMatrixRMaj p = n.probabilities();
        for (int r = 0; r < 9; r++) {
            int best = 0;
            for (int c = 1; c < 3; c++) if (p.get(r, c) > p.get(r, best)) best = c;
            y[r] = best;
        }
        n.forward(x, y, true);
        assertEquals(9, n.correct());
        for (int r = 0; r < 3; r++) y[r] = (y[r] + 1) % 3;
        n.forward(x, y, true);
        assertEquals(6, n.correct());
    }

    @Test
    void parametersFiniteFindsANaNOrAnInfinityInAnyListedParameter() {
        Network n = net(new int[] {6, 5}, true, Placement.BEFORE, Affine.LEARNED);
        assertTrue(n.parametersFinite());
        for (Param p : n.parameters()) {
            int last = p.size() - 1;
            for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                double old = p.value.data[last];
                p.value.data[last] = bad;
                assertFalse(n.parametersFinite(), p.name + " = " + bad);
                p.value.data[last] = old;
            }
        }
        assertTrue(n.parametersFinite());
        // a BN layer that is not listed does not count
        n.setBatchNorm(false);
        n.batchNormLayer(1).gamma.value.data[0] = Double.NaN;
        assertTrue(n.parametersFinite());
    }

    @Test
    void bnMomentumAndEpsReachEveryBnLayer() {
        Network n = net(new int[] {6, 5}, true, Placement.BEFORE, Affine.LEARNED);
        int[] y = {0, 1, 2, 0, 1, 2, 0, 1};
        n.forward(data(1, 8, 4), y, true); // the first batch sets the running averages
        double[][] before = new double[2][];
        for (int h = 1; h <= 2; h++) before[h - 1] = new double[] {n.batchNormLayer(h).runningMean(0)};
        n.setBnMomentum(0.5);
        n.forward(data(2, 8, 4), y, true);
        for (int h = 1; h <= 2; h++) {
            BatchNorm bn = n.batchNormLayer(h);
            assertEquals(0.5 * before[h - 1][0] + 0.5 * bn.batchMean(0), bn.runningMean(0), 1e-12, "layer " + h);
        }
        n.setBnEps(0.5);
        n.forward(data(3, 8, 4), y, true);
        for (int h = 1; h <= 2; h++) {
            BatchNorm bn = n.batchNormLayer(h);
            double var = bn.batchVar(0);
            DMatrixRMaj xhat = bn.normalizedBeforeAffine();
            double s = 0;
            for (int r = 0; r < 8; r++) s += xhat.get(r, 0) * xhat.get(r, 0) / 8;
            assertEquals(var / (var + 0.5), s, 1e-12, "X̂ variance shrinks with ε in layer " + h);
        }
    }

    @Test
    void turningBnOnFreezesGammaBetaOnlyWhenFixed() {
        for (Affine affine : Affine.values()) {
            Network n = net(new int[] {6, 5}, false, Placement.BEFORE, affine);
            n.setBatchNorm(true);
            for (int h = 1; h <= 2; h++) {
                assertEquals(affine == Affine.FIXED, n.batchNormLayer(h).gamma.frozen, affine + " layer " + h);
                assertEquals(affine == Affine.FIXED, n.batchNormLayer(h).beta.frozen);
            }
        }
    }

    @Test
    void noHiddenLayersIsSoftmaxRegressionWithCorrectGradients() {
        Network n = net(new int[0], true, Placement.BEFORE, Affine.LEARNED);
        assertEquals(0, n.depth());
        assertEquals(1, n.layers().size());
        assertEquals(List.of("Wout", "bout"), names(n));
        assertEquals("4→[]→3 relu BN before learned", n.toString());
        DMatrixRMaj x = data(5, 6, 4);
        int[] y = {0, 1, 2, 2, 1, 0};
        n.forward(x, y, true);
        n.zeroGrad();
        n.backward();
        double[] analytic = n.outputLayer().w.grad.data.clone();
        double largest = GradCheck.check("Wout", n.outputLayer().w.value.data, 12, analytic,
                () -> n.forward(x, y, true));
        assertTrue(largest > 1e-3);
        assertEquals(4 * 3 + 3, n.parameterCount());
    }

    @Test
    void turningBnOffOnlyUnlistsItsLayers() {
        // "switching BN on or off only re-lists the layers": the BN layers keep what they learned while off
        Network n = net(new int[] {6, 5}, true, Placement.BEFORE, Affine.LEARNED);
        int[] y = {0, 1, 2, 0, 1, 2, 0, 1};
        Sgd sgd = new Sgd(0.5, 0.9);
        for (int step = 0; step < 3; step++) {
            n.forward(data(20 + step, 8, 4), y, true);
            n.zeroGrad();
            n.backward();
            sgd.step(n.parameters());
        }
        BatchNorm bn = n.batchNormLayer(2);
        double[] gamma = bn.gamma.value.data.clone(), velocity = bn.gamma.velocity.data.clone();
        double runningMean = bn.runningMean(0);
        n.setBatchNorm(false);
        assertArrayEquals(gamma, bn.gamma.value.data, 0.0);
        assertArrayEquals(velocity, bn.gamma.velocity.data, 0.0);
        assertEquals(runningMean, bn.runningMean(0), 0.0);
        assertFalse(bn.gamma.frozen);
    }
}
