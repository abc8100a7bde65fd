package org.shiftscope.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.shiftscope.nn.ActivationKind;
import org.shiftscope.nn.Affine;
import org.shiftscope.nn.EjmlMatMul;
import org.shiftscope.nn.Init;
import org.shiftscope.nn.Network;
import org.shiftscope.nn.NetworkSpec;
import org.shiftscope.nn.NormKind;
import org.shiftscope.nn.Param;
import org.shiftscope.nn.Placement;
import org.shiftscope.nn.Sgd;
import org.shiftscope.nn.Tap;

/**
 * The step inspector's capture and record on every normalizer, with known values: one input feature, one hidden
 * layer of 4 units with weights 1, 2, −1, 0.5 (so unit c of example i reads w_c·x_i), γ = 1.5 and β = 0.25 fixed.
 */
class InspectionCaptureTest {
    static final double EPS = 1e-5, TOL = 1e-12, G = 1.5, B = 0.25;
    /** the first mini-batch's single feature, and the second's */
    static final double[] FIRST = {1, 2, 3, 6}, SECOND = {5, 5, 5, 9};

    static Network tiny(NormKind kind, Placement placement, ActivationKind act) {
        NetworkSpec spec = new NetworkSpec(new int[] {4}, act, Init.NORMAL, 0.1, kind, placement, Affine.FIXED, G, B,
                0.1, EPS, 0, 2, 3, 5, 0);
        Network net = new Network(1, 2, spec, 7, new EjmlMatMul());
        double[] w = net.dense(1).w.value.data;
        w[0] = 1;
        w[1] = 2;
        w[2] = -1;
        w[3] = 0.5;
        java.util.Arrays.fill(net.dense(1).b.value.data, 0);
        return net;
    }

    static DMatrixRMaj batch(double... xs) {
        DMatrixRMaj x = new DMatrixRMaj(xs.length, 1);
        for (int i = 0; i < xs.length; i++) x.set(i, 0, xs[i]);
        return x;
    }

    /** one training forward of a batch, copied */
    static InspectionCapture capture(Network net, double[] xs, long step) {
        InspectionCapture c = new InspectionCapture();
        c.setLayer(1);
        net.forward(batch(xs), new int[xs.length], true);
        c.take("main", step, net);
        return c;
    }

    static double[] times(double k, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = k * v[i];
        return out;
    }

    static void assertY(Inspection in) {
        for (int i = 0; i < in.m(); i++) assertEquals(G * in.xhat()[i] + B, in.y()[i], TOL);
        assertEquals(G, in.gamma(), 0);
        assertEquals(B, in.beta(), 0);
    }

    @Test
    void nothingBeforeTheFirstCopy() {
        assertNull(new InspectionCapture().build(0, 0, InspectMode.TRAINING));
        assertFalse(new InspectionCapture().has());
    }

    @Test
    void batchNormTrainingUsesTheBatchsMeanAndVariance() {
        Inspection in = capture(tiny(NormKind.BATCH, Placement.BEFORE, ActivationKind.TANH), FIRST, 1)
                .build(3, 0, InspectMode.TRAINING);
        assertEquals(3, in.generation());
        assertEquals("main", in.run());
        assertEquals(1, in.step());
        assertEquals(1, in.layer());
        assertEquals(0, in.unit());
        assertEquals(4, in.units());
        assertEquals(NormKind.BATCH, in.kind());
        assertEquals(Tap.LINEAR, in.input());
        assertEquals("over the mini-batch, per unit", in.axis());
        assertArrayEquals(FIRST, in.x(), TOL);
        // μ_B = (1+2+3+6)/4 = 3 ; σ²_B = (4+1+0+9)/4 = 3.5
        assertEquals(3, in.mean(), TOL);
        assertEquals(3.5, in.var(), TOL);
        assertEquals(3, in.batchMean(), TOL);
        assertEquals(3.5, in.batchVar(), TOL);
        assertEquals(EPS, in.eps(), 0);
        for (int i = 0; i < 4; i++) assertEquals((FIRST[i] - 3) / Math.sqrt(3.5 + EPS), in.xhat()[i], TOL);
        assertY(in);
        // the first batch sets the running averages outright (unbiased variance 3.5·4/3)
        assertEquals(3, in.runningMean(), TOL);
        assertEquals(14.0 / 3, in.runningVar(), TOL);
        assertTrue(Double.isNaN(in.r()) && Double.isNaN(in.d()));
        assertFalse(in.perExample() || in.noisy());
        // unit 1 reads 2·x: μ_B = 6, σ²_B = 14 ; a unit past the width is the last unit
        Inspection u1 = capture(tiny(NormKind.BATCH, Placement.BEFORE, ActivationKind.TANH), FIRST, 1)
                .build(0, 1, InspectMode.TRAINING);
        assertEquals(6, u1.mean(), TOL);
        assertEquals(14, u1.var(), TOL);
        assertEquals(3, capture(tiny(NormKind.BATCH, Placement.BEFORE, ActivationKind.TANH), FIRST, 1)
                .build(0, 99, InspectMode.TRAINING).unit());
    }

    @Test
    void batchNormInferenceUsesTheRunningAverages() {
        Network net = tiny(NormKind.BATCH, Placement.BEFORE, ActivationKind.TANH);
        net.forward(batch(FIRST), new int[4], true);
        Inspection in = capture(net, SECOND, 2).build(0, 0, InspectMode.INFERENCE);
        // second batch: μ_B = 6, σ²_B = 3 ; running: 3 + 0.1·(6 − 3) = 3.3 and 14/3 + 0.1·(4 − 14/3) = 4.6
        assertEquals(6, in.batchMean(), TOL);
        assertEquals(3, in.batchVar(), TOL);
        assertEquals(3.3, in.runningMean(), TOL);
        assertEquals(4.6, in.runningVar(), TOL);
        assertEquals(3.3, in.mean(), TOL);
        assertEquals(4.6, in.var(), TOL);
        assertEquals(InspectMode.INFERENCE, in.mode());
        for (int i = 0; i < 4; i++) assertEquals((SECOND[i] - 3.3) / Math.sqrt(4.6 + EPS), in.xhat()[i], TOL);
        assertY(in);
        // and what inference computes on these values is exactly that
        net.forward(batch(SECOND), new int[4], false);
        for (int i = 0; i < 4; i++) assertEquals(net.normLayer(1).normalizedBeforeAffine().get(i, 0), in.xhat()[i], TOL);
    }

    @Test
    void batchRenormShowsRAndD() {
        Network net = tiny(NormKind.RENORM, Placement.BEFORE, ActivationKind.TANH);
        Inspection first = capture(net, FIRST, 1).build(0, 0, InspectMode.TRAINING);
        assertEquals(1, first.r(), 0); // a fresh start is its own reference
        assertEquals(0, first.d(), 0);
        Inspection in = capture(net, SECOND, 2).build(0, 0, InspectMode.TRAINING);
        double sigma = Math.sqrt(14.0 / 3 + EPS);
        double r = Math.sqrt(3 + EPS) / sigma, d = (6 - 3) / sigma; // within the clips 1/3…3 and ±5
        assertEquals(r, in.r(), TOL);
        assertEquals(d, in.d(), TOL);
        assertEquals(6, in.mean(), TOL);
        assertEquals(3, in.var(), TOL);
        for (int i = 0; i < 4; i++) assertEquals((SECOND[i] - 6) / Math.sqrt(3 + EPS) * r + d, in.xhat()[i], TOL);
        assertY(in);
        assertEquals(NormKind.RENORM.statistics(), in.axis());
        Inspection inf = capture(tiny(NormKind.RENORM, Placement.BEFORE, ActivationKind.TANH), FIRST, 1)
                .build(0, 0, InspectMode.INFERENCE);
        assertTrue(Double.isNaN(inf.r()) && Double.isNaN(inf.d())); // inference has no r, d
        assertEquals(14.0 / 3, inf.var(), TOL);
    }

    @Test
    void layerNormShowsEachExamplesOwnStatistics() {
        Network net = tiny(NormKind.LAYER, Placement.BEFORE, ActivationKind.TANH);
        for (InspectMode mode : InspectMode.values()) {
            Inspection in = capture(net, FIRST, 1).build(0, 0, mode);
            assertEquals(NormKind.LAYER, in.kind());
            assertEquals("over the units of each example", in.axis());
            assertEquals(4, in.groupSize());
            assertTrue(in.perExample());
            assertTrue(Double.isNaN(in.mean()) && Double.isNaN(in.var()) && Double.isNaN(in.runningMean()));
            // example i reads x_i·(1, 2, −1, 0.5): mean 0.625·x_i, variance 1.171875·x_i²
            assertArrayEquals(times(0.625, FIRST), in.exampleMean(), TOL);
            for (int i = 0; i < 4; i++) {
                assertEquals(1.171875 * FIRST[i] * FIRST[i], in.exampleVar()[i], TOL);
                assertEquals(0.375 * FIRST[i] / Math.sqrt(1.171875 * FIRST[i] * FIRST[i] + EPS), in.xhat()[i], TOL);
            }
            assertEquals(3, in.batchMean(), TOL); // still the unit's batch mean, for comparison
            assertY(in);
        }
    }

    @Test
    void groupNormUsesTheUnitsGroup() {
        Network net = tiny(NormKind.GROUP, Placement.BEFORE, ActivationKind.TANH); // 2 groups of 2 units
        Inspection in = capture(net, FIRST, 1).build(0, 3, InspectMode.TRAINING);
        assertEquals("over each group of 2 units of each example", in.axis());
        assertEquals(2, in.groupSize());
        // unit 3 is in the group of units 2, 3: x_i·(−1, 0.5), mean −0.25·x_i, variance 0.5625·x_i²
        assertArrayEquals(times(-0.25, FIRST), in.exampleMean(), TOL);
        for (int i = 0; i < 4; i++) {
            assertEquals(0.5625 * FIRST[i] * FIRST[i], in.exampleVar()[i], TOL);
            assertEquals(0.75 * FIRST[i] / Math.sqrt(0.5625 * FIRST[i] * FIRST[i] + EPS), in.xhat()[i], TOL);
        }
        assertArrayEquals(times(0.5, FIRST), in.x(), TOL);
        assertY(in);
    }

    @Test
    void withoutANormalizerOnlyTheValues() {
        Inspection in = capture(tiny(NormKind.NONE, Placement.BEFORE, ActivationKind.TANH), FIRST, 1)
                .build(0, 1, InspectMode.TRAINING);
        assertEquals(NormKind.NONE, in.kind());
        assertFalse(in.normalized());
        assertArrayEquals(times(2, FIRST), in.x(), TOL);
        assertEquals(6, in.batchMean(), TOL);
        assertEquals(14, in.batchVar(), TOL);
        assertEquals(0, in.xhat().length);
        assertEquals(0, in.y().length);
        assertTrue(Double.isNaN(in.mean()) && Double.isNaN(in.gamma()));
    }

    @Test
    void afterTheActivationTheInputIsTheActivation() {
        Inspection in = capture(tiny(NormKind.BATCH, Placement.AFTER, ActivationKind.RELU), FIRST, 1)
                .build(0, 2, InspectMode.TRAINING);
        assertEquals(Tap.ACTIVATION, in.input());
        assertArrayEquals(new double[4], in.x(), 0); // relu(−x_i) = 0 for positive x_i
        assertEquals(0, in.var(), 0);
    }

    @Test
    void noisyNormalizationIsReported() {
        NetworkSpec spec = new NetworkSpec(new int[] {4}, ActivationKind.TANH, Init.NORMAL, 0.1, NormKind.BATCH,
                Placement.BEFORE, Affine.FIXED, G, B, 0.1, EPS, 0.5, 2, 3, 5, 0);
        Network net = new Network(1, 2, spec, 7, new EjmlMatMul());
        InspectionCapture c = capture(net, FIRST, 1);
        Inspection in = c.build(0, 0, InspectMode.TRAINING);
        assertTrue(in.noisy());
        assertEquals(net.normLayer(1).noiseScale(0), in.noiseScale(), 0);
        assertFalse(c.build(0, 0, InspectMode.INFERENCE).noisy()); // inference adds no noise
    }

    /** copying every step changes nothing in training: the same weights, bit for bit */
    @Test
    void inspectingDoesNotChangeTraining() {
        for (NormKind kind : NormKind.values()) {
            Network a = new Network(1, 2, new NetworkSpec(new int[] {4, 4}, ActivationKind.TANH, Init.XAVIER, 0.1,
                    kind, Placement.BEFORE, Affine.LEARNED, 1, 0, 0.1, EPS, 0.2, 2, 3, 5, 0), 3, new EjmlMatMul());
            Network b = new Network(1, 2, new NetworkSpec(new int[] {4, 4}, ActivationKind.TANH, Init.XAVIER, 0.1,
                    kind, Placement.BEFORE, Affine.LEARNED, 1, 0, 0.1, EPS, 0.2, 2, 3, 5, 0), 3, new EjmlMatMul());
            Sgd sa = new Sgd(0.1, 0.9), sb = new Sgd(0.1, 0.9);
            InspectionCapture c = new InspectionCapture();
            Random rng = new Random(5);
            for (int step = 1; step <= 20; step++) {
                DMatrixRMaj x = batch(rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian());
                int[] y = {rng.nextInt(2), rng.nextInt(2), rng.nextInt(2), rng.nextInt(2)};
                a.forward(x, y, true);
                b.forward(x, y, true);
                c.setLayer(step % 2 + 1);
                c.take("main", step, b);
                c.build(0, step % 4, InspectMode.values()[step % 2]);
                a.backward();
                b.backward();
                sa.step(a.parameters());
                sb.step(b.parameters());
            }
            for (int p = 0; p < a.parameters().size(); p++) {
                Param pa = a.parameters().get(p), pb = b.parameters().get(p);
                assertArrayEquals(pa.value.data, pb.value.data, 0, kind + " " + pa.name);
            }
        }
    }
}
