package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Switching BN on/off, moving it and fixing γ/β on a live network; batch-size changes; seeding. */
class NetworkLiveChangeTest {
    static final int IN = 3, CLASSES = 3;
    static final int[] HIDDEN = {5, 4};

    static Network net(boolean bn, Placement placement, Affine affine, long seed) {
        return new Network(IN, HIDDEN, CLASSES, ActivationKind.TANH, Init.XAVIER, 1.0, seed, new EjmlMatMul(), bn,
                placement, affine, 1.0, 0.0, 0.1, 1e-5);
    }

    static DMatrixRMaj data(Random r, int rows) {
        DMatrixRMaj m = new DMatrixRMaj(rows, IN);
        for (int i = 0; i < m.data.length; i++) m.data[i] = r.nextGaussian();
        return m;
    }

    static int[] labels(Random r, int rows) {
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) y[i] = r.nextInt(CLASSES);
        return y;
    }

    static List<Class<?>> kinds(Network n) {
        List<Class<?>> k = new ArrayList<>();
        for (Layer l : n.layers()) k.add(l.getClass());
        return k;
    }

    /** the three Dense layers of a network, input side first */
    static Dense[] denses(Network n) {
        return new Dense[] {n.dense(1), n.dense(2), n.outputLayer()};
    }

    static final List<Class<?>> NO_BN = List.of(Dense.class, Activation.class, Dense.class, Activation.class,
            Dense.class);
    static final List<Class<?>> BN_BEFORE = List.of(Dense.class, BatchNorm.class, Activation.class, Dense.class,
            BatchNorm.class, Activation.class, Dense.class);
    static final List<Class<?>> BN_AFTER = List.of(Dense.class, Activation.class, BatchNorm.class, Dense.class,
            Activation.class, BatchNorm.class, Dense.class);

    @Test
    void togglingAndMovingBnRelistsLayersAndKeepsTheWeights() {
        Network n = net(false, Placement.BEFORE, Affine.LEARNED, 1);
        // train a little so the weights are not just the initial draw
        Random r = new Random(2);
        Sgd sgd = new Sgd(0.1, 0.9);
        for (int i = 0; i < 3; i++) {
            n.forward(data(r, 8), labels(r, 8), true);
            n.zeroGrad();
            n.backward();
            sgd.step(n.parameters());
        }
        Dense[] d = denses(n);
        DMatrixRMaj[] w = new DMatrixRMaj[3], wCopy = new DMatrixRMaj[3], bCopy = new DMatrixRMaj[3];
        for (int i = 0; i < 3; i++) {
            w[i] = d[i].w.value;
            wCopy[i] = d[i].w.value.copy();
            bCopy[i] = d[i].b.value.copy();
        }
        assertEquals(NO_BN, kinds(n));
        assertEquals(List.of(1, 1, 2, 2, 0), hiddenOf(n));
        assertEquals(6, n.parameters().size());
        assertEquals(3 * 5 + 5 + 5 * 4 + 4 + 4 * 3 + 3, n.parameterCount());

        n.setBatchNorm(true);
        assertTrue(n.batchNorm());
        assertEquals(BN_BEFORE, kinds(n));
        assertEquals(List.of(1, 1, 1, 2, 2, 2, 0), hiddenOf(n));
        assertSame(n.dense(1), n.layers().get(0));
        assertSame(n.batchNormLayer(1), n.layers().get(1));
        assertSame(n.batchNormLayer(2), n.layers().get(4));
        assertSame(n.outputLayer(), n.layers().get(6));
        assertEquals(10, n.parameters().size());
        assertTrue(n.parameters().contains(n.batchNormLayer(2).gamma));
        assertSameWeights(n, d, w, wCopy, bCopy);

        n.setPlacement(Placement.AFTER);
        assertEquals(Placement.AFTER, n.placement());
        assertEquals(BN_AFTER, kinds(n));
        assertSame(n.batchNormLayer(1), n.layers().get(2));
        assertSame(n.batchNormLayer(2), n.layers().get(5));
        assertSameWeights(n, d, w, wCopy, bCopy);

        n.setBatchNorm(false);
        assertFalse(n.batchNorm());
        assertEquals(NO_BN, kinds(n));
        for (Param p : n.parameters()) assertFalse(p.name.startsWith("gamma") || p.name.startsWith("beta"));
        assertSameWeights(n, d, w, wCopy, bCopy);
        assertThrows(UnsupportedOperationException.class, () -> n.layers().remove(0));
    }

    static List<Integer> hiddenOf(Network n) {
        List<Integer> h = new ArrayList<>();
        for (int i = 0; i < n.layers().size(); i++) h.add(n.hiddenOf(i));
        return h;
    }

    static void assertSameWeights(Network n, Dense[] d, DMatrixRMaj[] w, DMatrixRMaj[] wCopy, DMatrixRMaj[] bCopy) {
        Dense[] now = denses(n);
        for (int i = 0; i < 3; i++) {
            assertSame(d[i], now[i], "the same Dense object");
            assertSame(w[i], now[i].w.value, "the same weight matrix");
            assertArrayEquals(wCopy[i].data, now[i].w.value.data, 0.0, "the same weight values");
            assertArrayEquals(bCopy[i].data, now[i].b.value.data, 0.0, "the same bias values");
            assertTrue(n.parameters().contains(now[i].w));
            assertTrue(n.parameters().contains(now[i].b));
        }
    }

    @Test
    void withBnBeforeTheDenseBiasIsFrozenAndNotAdded() {
        Random r = new Random(3);
        DMatrixRMaj x = data(r, 8);
        int[] y = labels(r, 8);
        Network n = net(true, Placement.BEFORE, Affine.LEARNED, 4);
        for (int h = 1; h <= 2; h++) {
            assertFalse(n.dense(h).usesBias());
            assertTrue(n.dense(h).b.frozen);
        }
        assertTrue(n.outputLayer().usesBias(), "no BN after the output layer");
        assertFalse(n.outputLayer().b.frozen);
        double loss = n.forward(x, y, true);
        n.dense(1).b.value.fill(3.0);
        n.dense(2).b.value.fill(-2.0);
        assertEquals(loss, n.forward(x, y, true), 0.0, "the bias before BN is not added at all");
        n.zeroGrad();
        n.backward();
        new Sgd(0.5, 0.9).step(n.parameters());
        for (double v : n.dense(1).b.value.data) assertEquals(3.0, v, 0.0);
        for (double v : n.dense(2).b.value.data) assertEquals(-2.0, v, 0.0);

        n.setPlacement(Placement.AFTER);
        for (int h = 1; h <= 2; h++) {
            assertTrue(n.dense(h).usesBias());
            assertFalse(n.dense(h).b.frozen);
        }
        n.setPlacement(Placement.BEFORE);
        assertFalse(n.dense(1).usesBias());
        n.setBatchNorm(false);
        assertTrue(n.dense(1).usesBias(), "without BN the bias is back");
        assertFalse(n.dense(1).b.frozen);
        double withBias = n.forward(x, y, true);
        n.dense(1).b.value.fill(0.0);
        assertNotEquals(withBias, n.forward(x, y, true), "and it is added again");
    }

    @Test
    void fixedAffineSetsEveryUnitAndSgdLeavesItAlone() {
        Random r = new Random(5);
        Network n = net(true, Placement.BEFORE, Affine.LEARNED, 6);
        n.setAffine(Affine.FIXED, 2.0, 0.5);
        assertEquals(Affine.FIXED, n.affine());
        Sgd sgd = new Sgd(0.2, 0.9);
        DMatrixRMaj w1 = n.dense(1).w.value.copy();
        for (int step = 0; step < 4; step++) {
            n.forward(data(r, 8), labels(r, 8), true);
            n.zeroGrad();
            n.backward();
            sgd.step(n.parameters());
        }
        for (int h = 1; h <= 2; h++) {
            BatchNorm bn = n.batchNormLayer(h);
            assertTrue(bn.gamma.frozen && bn.beta.frozen);
            for (int c = 0; c < bn.units(); c++) {
                assertEquals(2.0, bn.gamma.value.get(0, c), 0.0);
                assertEquals(0.5, bn.beta.value.get(0, c), 0.0);
                assertTrue(bn.gamma.grad.get(0, c) != 0, "its gradient is still computed, just not applied");
            }
        }
        assertFalse(java.util.Arrays.equals(w1.data, n.dense(1).w.value.data), "the weights did train");

        // learned from the same values: they move on the next step
        n.setAffine(Affine.LEARNED, 2.0, 0.5);
        assertFalse(n.batchNormLayer(1).gamma.frozen);
        n.forward(data(r, 8), labels(r, 8), true);
        n.zeroGrad();
        n.backward();
        sgd.step(n.parameters());
        assertNotEquals(2.0, n.batchNormLayer(1).gamma.value.get(0, 0));
        assertNotEquals(0.5, n.batchNormLayer(2).beta.value.get(0, 0));

        // fixing again puts every unit back at the values
        n.setAffine(Affine.FIXED, -1.0, 0.25);
        for (int h = 1; h <= 2; h++) {
            for (int c = 0; c < n.batchNormLayer(h).units(); c++) {
                assertEquals(-1.0, n.batchNormLayer(h).gamma.value.get(0, c), 0.0);
                assertEquals(0.25, n.batchNormLayer(h).beta.value.get(0, c), 0.0);
                assertEquals(0.0, n.batchNormLayer(h).gamma.velocity.get(0, c), 0.0);
            }
        }
    }

    @Test
    void turningBnOnStartsFromTheUsersGammaBetaAndFreshRunningAverages() {
        Random r = new Random(7);
        Network n = net(true, Placement.BEFORE, Affine.LEARNED, 8);
        Sgd sgd = new Sgd(0.2, 0.9);
        for (int step = 0; step < 4; step++) {
            n.forward(data(r, 8), labels(r, 8), true);
            n.zeroGrad();
            n.backward();
            sgd.step(n.parameters());
        }
        BatchNorm bn1 = n.batchNormLayer(1);
        double learned = bn1.gamma.value.get(0, 0);
        assertNotEquals(1.0, learned);
        n.setBatchNorm(true); // already on: nothing happens
        assertEquals(learned, bn1.gamma.value.get(0, 0), 0.0);

        n.setBatchNorm(false);
        n.setBatchNorm(true);
        for (int c = 0; c < bn1.units(); c++) {
            assertEquals(1.0, bn1.gamma.value.get(0, c), 0.0);
            assertEquals(0.0, bn1.beta.value.get(0, c), 0.0);
            assertEquals(0.0, bn1.gamma.velocity.get(0, c), 0.0);
        }
        n.forward(data(r, 6), labels(r, 6), true);
        for (int h = 1; h <= 2; h++) {
            for (int c = 0; c < HIDDEN[h - 1]; c++) {
                BatchNorm bn = n.batchNormLayer(h);
                assertEquals(bn.batchMean(c), bn.runningMean(c), 0.0, "running mean restarted from this batch");
                assertEquals(bn.batchVar(c) * 6 / 5, bn.runningVar(c), 1e-15);
            }
        }
        // moving BN restarts them too
        n.forward(data(r, 6), labels(r, 6), true);
        n.setPlacement(Placement.AFTER);
        n.forward(data(r, 4), labels(r, 4), true);
        BatchNorm bn2 = n.batchNormLayer(2);
        for (int c = 0; c < 4; c++) assertEquals(bn2.batchMean(c), bn2.runningMean(c), 0.0);
    }

    @Test
    void sameShapeAndSeedGiveTheSameInitialWeightsWhateverTheBnSettings() {
        Network plain = net(false, Placement.BEFORE, Affine.LEARNED, 42);
        Network[] others = {
            net(true, Placement.BEFORE, Affine.LEARNED, 42),
            net(true, Placement.AFTER, Affine.FIXED, 42),
            new Network(IN, HIDDEN, CLASSES, ActivationKind.TANH, Init.XAVIER, 1.0, 42, new EjmlMatMul(), true,
                    Placement.BEFORE, Affine.FIXED, 3.0, -1.0, 0.5, 1e-3),
        };
        for (Network o : others) {
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(denses(plain)[i].w.value.data, denses(o)[i].w.value.data, 0.0, o + " layer " + i);
                assertArrayEquals(denses(plain)[i].b.value.data, denses(o)[i].b.value.data, 0.0);
            }
        }
        Network otherSeed = net(false, Placement.BEFORE, Affine.LEARNED, 43);
        assertFalse(java.util.Arrays.equals(plain.dense(1).w.value.data, otherSeed.dense(1).w.value.data));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void changingTheBatchSizeGivesWhatAFreshNetworkGives(boolean bn) {
        Random r = new Random(9);
        DMatrixRMaj x8 = data(r, 8), x3 = data(r, 3);
        int[] y8 = labels(r, 8), y3 = labels(r, 3);
        Network n = net(bn, Placement.BEFORE, Affine.LEARNED, 10);
        n.forward(x8, y8, true);
        n.zeroGrad();
        n.backward();
        // 8 → 3
        Run small = Run.of(n, x3, y3);
        Run freshSmall = Run.of(net(bn, Placement.BEFORE, Affine.LEARNED, 10), x3, y3);
        small.assertSameAs(freshSmall);
        // 3 → 8
        Run big = Run.of(n, x8, y8);
        Run freshBig = Run.of(net(bn, Placement.BEFORE, Affine.LEARNED, 10), x8, y8);
        big.assertSameAs(freshBig);
        // inference treats rows independently: the first 3 rows of an 8-row batch equal a 3-row batch of them
        DMatrixRMaj first3 = new DMatrixRMaj(3, IN);
        System.arraycopy(x8.data, 0, first3.data, 0, 3 * IN);
        n.forward(x8, y8, false);
        DMatrixRMaj p8 = n.probabilities().copy();
        n.forward(first3, new int[] {y8[0], y8[1], y8[2]}, false);
        assertEquals(3, n.probabilities().numRows);
        for (int i = 0; i < 3 * CLASSES; i++) assertEquals(p8.data[i], n.probabilities().data[i], 1e-14);
    }

    /** the loss, probabilities and parameter gradients of one forward + backward */
    record Run(double loss, DMatrixRMaj p, List<double[]> grads) {
        static Run of(Network n, DMatrixRMaj x, int[] y) {
            double loss = n.forward(x, y, true);
            n.zeroGrad();
            n.backward();
            List<double[]> g = new ArrayList<>();
            for (Param p : n.parameters()) g.add(p.grad.data.clone());
            return new Run(loss, n.probabilities().copy(), g);
        }

        void assertSameAs(Run o) {
            assertEquals(o.loss, loss, 1e-13);
            assertEquals(o.p.numRows, p.numRows);
            assertEquals(o.p.numCols, p.numCols);
            for (int i = 0; i < p.getNumElements(); i++) assertEquals(o.p.data[i], p.data[i], 1e-13);
            assertEquals(o.grads.size(), grads.size());
            for (int k = 0; k < grads.size(); k++) {
                for (int i = 0; i < grads.get(k).length; i++) {
                    assertEquals(o.grads.get(k)[i], grads.get(k)[i], 1e-13, "gradient " + k + "[" + i + "]");
                }
            }
        }
    }
}
