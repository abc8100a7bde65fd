package org.shiftscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.shiftscope.nn.EjmlMatMul;
import org.shiftscope.nn.Network;
import org.shiftscope.nn.NetworkSpec;
import org.shiftscope.nn.NoiseModel;
import org.shiftscope.nn.Param;
import org.shiftscope.nn.Pass;
import org.shiftscope.nn.Sgd;
import org.shiftscope.stats.IcsRow;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioIO;

/** The ICS lab's measures against values known in advance and against the same computation done by hand. */
class IcsLabTest {

    @Test
    void wassersteinOfADistributionToItselfIsZeroAndToACopyShiftedByCIsC() {
        Random r = new Random(3);
        double[] p = new double[500], q = new double[500];
        for (int i = 0; i < p.length; i++) p[i] = r.nextGaussian() * 2 + 0.5;
        java.util.Arrays.sort(p);
        assertEquals(0, IcsLab.wasserstein1(p, p.clone()), 0);
        for (double c : new double[] {0.75, -1.5}) {
            for (int i = 0; i < p.length; i++) q[i] = p[i] + c;
            assertEquals(Math.abs(c), IcsLab.wasserstein1(p, q), 1e-12);
        }
    }

    private static DMatrixRMaj random(Random r, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = r.nextGaussian();
        return m;
    }

    /** Sets every parameter of hidden layer h of {@code to} to {@code from}'s, one value at a time. */
    private static void setLayer(Network from, Network to, int h) {
        List<Param> a = from.layer("h" + h).parameters(), b = to.layer("h" + h).parameters();
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            for (int i = 0; i < a.get(k).size(); i++) b.get(k).value.data[i] = a.get(k).value.data[i];
        }
    }

    /**
     * On a 3-layer BatchNorm net with the paper's noise and momentum: G is the step's own gradient, G'_i the
     * gradient of layer i's weights with layers 1…i−1 (weights, biases, γ, β) set by hand to their updated values;
     * the lab's equal them to 1e-9, its ‖G − G'‖ and cos follow, and the first layer's ICS is exactly 0.
     */
    @Test
    void gPrimeByTheLabEqualsGPrimeByHandOnAThreeLayerNet() {
        NetworkSpec spec = NetworkSpec.builder().hidden(6, 5, 4).normNoise(1).normNoiseModel(NoiseModel.PAPER)
                .build();
        Network net = new Network(3, 3, spec, 11, new EjmlMatMul());
        Sgd sgd = new Sgd(0.5, 0.9);
        Random r = new Random(4);
        DMatrixRMaj x = random(r, 16, 3), probe = random(r, 32, 3);
        int[] y = new int[16];
        for (int i = 0; i < y.length; i++) y[i] = r.nextInt(3);
        IcsLab lab = new IcsLab();
        lab.baseline(net, probe);
        for (int step = 1; step <= 3; step++) { // the third step measured, with momentum built up
            net.forward(x, y, Pass.training(new Random(step)));
            net.zeroGrad();
            net.backward();
            if (step < 3) {
                sgd.step(net.parameters());
                continue;
            }
            lab.beforeUpdate(net);
            Network old = net.copy();
            DMatrixRMaj[] g = new DMatrixRMaj[3];
            for (int h = 1; h <= 3; h++) g[h - 1] = net.dense(h).w.grad.copy();
            sgd.step(net.parameters());
            List<IcsRow> rows = lab.afterUpdate("main", 3, net, x, y, probe);
            assertEquals(3, rows.size());
            assertEquals(0, rows.get(0).icsL2(), 0, "nothing before the first layer moves");
            assertEquals(1, rows.get(0).icsCos(), 0);
            for (int i = 1; i <= 3; i++) {
                // G by hand: the step's own gradient
                assertArrayEquals(g[i - 1], lab.g(i), 1e-12, "G" + i);
                Network hand = old.copy();
                for (int h = 1; h < i; h++) setLayer(net, hand, h);
                hand.forward(x, y, Pass.measuring());
                hand.zeroGrad();
                hand.backward();
                DMatrixRMaj gp = hand.dense(i).w.grad;
                assertArrayEquals(gp, lab.gPrime(i), 1e-9, "G'" + i);
                double d2 = 0, dot = 0, na = 0, nb = 0;
                for (int k = 0; k < gp.getNumElements(); k++) {
                    double u = g[i - 1].data[k], v = gp.data[k];
                    d2 += (u - v) * (u - v);
                    dot += u * v;
                    na += u * u;
                    nb += v * v;
                }
                assertEquals(Math.sqrt(d2), rows.get(i - 1).icsL2(), 1e-9);
                assertEquals(dot / Math.sqrt(na * nb), rows.get(i - 1).icsCos(), 1e-9);
                if (i > 1) assertTrue(rows.get(i - 1).icsL2() > 1e-6, "layer " + i + " sees the layers below move");
            }
            // the shift since the baseline (before step 1): the weights moved, so the probe's values did too
            for (IcsRow row : rows) assertTrue(row.shiftW1() > 0, row.toString());
        }
    }

    private static void assertArrayEquals(DMatrixRMaj want, DMatrixRMaj got, double tol, String what) {
        assertEquals(want.numRows, got.numRows, what);
        assertEquals(want.numCols, got.numCols, what);
        for (int k = 0; k < want.getNumElements(); k++) {
            assertEquals(want.data[k], got.data[k], tol * Math.max(1, Math.abs(want.data[k])), what + "[" + k + "]");
        }
    }

    /** the lab's rows of a session trained for some steps (with every run's learning rate set to lr unless NaN) */
    private static List<IcsRow> rows(Scenario sc, int steps, double lr) {
        Session s = Session.create(sc);
        if (!Double.isNaN(lr)) for (Run r : s.runs()) r.sgd.setLearningRate(lr);
        List<IcsRow> out = new ArrayList<>();
        s.setLabListener(out::addAll);
        for (int i = 0; i < steps; i++) s.step();
        return out;
    }

    /** With learning rate 0 nothing moves: every ICS and every shift is 0, on every variant and layer. */
    @Test
    void withLearningRateZeroEveryMeasureIsZero() {
        Scenario sc = ScenarioIO.withOverride(ScenarioIO.resolve("default"), "lab.every", "5");
        sc = org.shiftscope.train.scenario.VariantPreset.BN_VS_PLAIN.applyTo(sc);
        List<IcsRow> rows = rows(sc, 20, 0.0); // (scenarios refuse a learning rate of 0; the optimizer takes it)
        int layers = sc.network().hidden().length;
        assertEquals(2 * 4 * layers, rows.size(), "2 runs × steps 5, 10, 15, 20 × layers");
        for (IcsRow row : rows) {
            assertEquals(0, row.icsL2(), 0, row.toString());
            assertEquals(1, row.icsCos(), 1e-12, row.toString());
            assertEquals(0, row.shiftW1(), 0, row.toString());
            assertEquals(0, row.shiftMean(), 0, row.toString());
            assertEquals(0, row.shiftStd(), 0, row.toString());
        }
        // and with a learning rate the same run measures shift everywhere but in layer 1's ICS
        List<IcsRow> moving = rows(sc, 10, Double.NaN);
        assertEquals(2 * 2 * layers, moving.size());
        for (IcsRow row : moving) {
            assertEquals(row.layer() == 1, row.icsL2() == 0, row.toString());
            assertTrue(row.shiftW1() > 0, row.toString());
        }
    }
}
