package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Copies of a network: equal when made, independent afterwards, equal again after copyStateFrom. */
class CopyTest {
    static Network net(NormKind norm, double noise) {
        return new Network(3, 3, new NetworkSpec(new int[] {6, 4}, ActivationKind.SIGMOID, Init.XAVIER, 2.0, norm,
                Placement.BEFORE, Affine.LEARNED, 1.0, 0.0, 0.2, 1e-5, noise, 2, 3, 5, 0), 9, new EjmlMatMul());
    }

    static final int[] Y = {0, 1, 2, 2, 1, 0, 1, 2};

    static DMatrixRMaj batch(long seed) {
        return GradCheck.random(new Random(seed), 8, 3, 1);
    }

    /** a few training steps with momentum */
    static void train(Network n, Sgd sgd, int steps, long seed) {
        for (int i = 0; i < steps; i++) GradCheck.trainStep(n, sgd, batch(seed + i), Y);
    }

    static double[] logits(Network n, DMatrixRMaj x, Pass pass) {
        return n.forward(x, pass).data.clone();
    }

    @ParameterizedTest
    @EnumSource(NormKind.class)
    void aCopyComputesWhatItsOriginalDoesAndStaysApart(NormKind norm) {
        Network a = net(norm, 0);
        train(a, new Sgd(0.5, 0.9), 5, 100);
        Network c = a.copy();
        DMatrixRMaj x = batch(7);
        assertArrayEquals(logits(a, x, Pass.INFERENCE), logits(c, x, Pass.INFERENCE), 0.0, "inference: running averages");
        assertArrayEquals(logits(a, x, Pass.measuring()), logits(c, x, Pass.measuring()), 0.0, "batch statistics");
        // training the copy leaves the original alone
        double[] before = logits(a, x, Pass.INFERENCE);
        train(c, new Sgd(0.5, 0.9), 3, 200);
        assertArrayEquals(before, logits(a, x, Pass.INFERENCE), 0.0);
        assertNotEquals(before[0], logits(c, x, Pass.INFERENCE)[0]);
        // and copyStateFrom brings it back, optimizer state included: the next step agrees
        c.copyStateFrom(a);
        Sgd sa = new Sgd(0.5, 0.9), sc = new Sgd(0.5, 0.9);
        train(a, sa, 2, 300);
        train(c, sc, 2, 300);
        assertArrayEquals(logits(a, x, Pass.INFERENCE), logits(c, x, Pass.INFERENCE), 0.0);
    }

    @Test
    void aCopysPassSeesTheNoiseItsOriginalDrew() {
        Network a = net(NormKind.BATCH, 0.8);
        Network c = a.copy();
        DMatrixRMaj x = batch(3);
        double[] trained = logits(a, x, Pass.training(new Random(5)));
        c.copyStateFrom(a);
        assertArrayEquals(trained, logits(c, x, Pass.measuring()), 0.0, "the step's noise, replayed");
        assertNotEquals(trained[0], logits(c, x, Pass.training(new Random(6)))[0], "new noise from another generator");
    }

    @Test
    void copiesFollowNormalizerChangesAndRefuseOtherShapes() {
        Network a = net(NormKind.BATCH, 0), c = a.copy();
        a.setNorm(NormKind.GROUP);
        a.setGroups(3);
        a.setPlacement(Placement.AFTER);
        train(a, new Sgd(0.3, 0), 2, 50);
        c.copyStateFrom(a);
        assertEquals(NormKind.GROUP, c.norm());
        assertEquals(Placement.AFTER, c.placement());
        assertEquals(a.normLayer(1).statistics(), c.normLayer(1).statistics());
        DMatrixRMaj x = batch(4);
        assertArrayEquals(logits(a, x, Pass.INFERENCE), logits(c, x, Pass.INFERENCE), 0.0);
        Network other = new Network(3, 3, new NetworkSpec(new int[] {6, 5}, ActivationKind.SIGMOID, Init.XAVIER, 2.0,
                NormKind.BATCH, Placement.BEFORE, Affine.LEARNED, 1.0, 0.0, 0.2, 1e-5, 0, 2, 3, 5, 0), 9,
                new EjmlMatMul());
        assertThrows(IllegalArgumentException.class, () -> other.copyStateFrom(a));
    }

    @Test
    void aMeasuringPassLeavesTheRunningAveragesAlone() {
        Network a = net(NormKind.BATCH, 0);
        train(a, new Sgd(0.5, 0.9), 3, 10);
        BatchNorm bn = (BatchNorm) a.normLayer(1);
        double mean = bn.runningMean(0), var = bn.runningVar(0);
        a.forward(batch(99), Y, Pass.measuring());
        assertEquals(mean, bn.runningMean(0), 0.0);
        assertEquals(var, bn.runningVar(0), 0.0);
        a.forward(batch(99), Y, true);
        assertNotEquals(mean, bn.runningMean(0));
        assertThrows(IllegalArgumentException.class, () -> new Pass(false, true, false, null));
    }
}
