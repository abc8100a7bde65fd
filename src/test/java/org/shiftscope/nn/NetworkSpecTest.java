package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A network spec is a value: equal field by field (the widths by content), immutable; the file keys of the enums. */
class NetworkSpecTest {

    static NetworkSpec spec(int[] hidden) {
        return new NetworkSpec(hidden, ActivationKind.TANH, Init.XAVIER, 0.1, true, Placement.BEFORE, Affine.LEARNED,
                1.0, 0.0, 0.1, 1e-5, 0.0);
    }

    @Test
    void equalSpecsFromDifferentArraysAreEqualAndHashAlike() {
        NetworkSpec a = spec(new int[] {8, 8, 8}), b = spec(new int[] {8, 8, 8});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, spec(new int[] {8, 8}));
        assertNotEquals(a.hashCode(), spec(new int[] {8, 9, 8}).hashCode());
        assertNotEquals(a, null);
        assertNotEquals(a, "NetworkSpec");
        assertEquals(3, a.depth());
        assertEquals(0, spec(new int[0]).depth());
    }

    @Test
    void everyFieldTakesPartInEquality() {
        NetworkSpec a = spec(new int[] {4});
        List<NetworkSpec> others = List.of(
                new NetworkSpec(new int[] {4}, ActivationKind.RELU, Init.XAVIER, 0.1, true, Placement.BEFORE,
                        Affine.LEARNED, 1.0, 0.0, 0.1, 1e-5, 0.0),
                new NetworkSpec(new int[] {4}, ActivationKind.TANH, Init.HE, 0.1, true, Placement.BEFORE,
                        Affine.LEARNED, 1.0, 0.0, 0.1, 1e-5, 0.0),
                new NetworkSpec(new int[] {4}, ActivationKind.TANH, Init.XAVIER, 0.2, true, Placement.BEFORE,
                        Affine.LEARNED, 1.0, 0.0, 0.1, 1e-5, 0.0),
                new NetworkSpec(new int[] {4}, ActivationKind.TANH, Init.XAVIER, 0.1, false, Placement.BEFORE,
                        Affine.LEARNED, 1.0, 0.0, 0.1, 1e-5, 0.0),
                new NetworkSpec(new int[] {4}, ActivationKind.TANH, Init.XAVIER, 0.1, true, Placement.AFTER,
                        Affine.LEARNED, 1.0, 0.0, 0.1, 1e-5, 0.0),
                new NetworkSpec(new int[] {4}, ActivationKind.TANH, Init.XAVIER, 0.1, true, Placement.BEFORE,
                        Affine.FIXED, 1.0, 0.0, 0.1, 1e-5, 0.0),
                new NetworkSpec(new int[] {4}, ActivationKind.TANH, Init.XAVIER, 0.1, true, Placement.BEFORE,
                        Affine.LEARNED, 2.0, 0.0, 0.1, 1e-5, 0.0),
                new NetworkSpec(new int[] {4}, ActivationKind.TANH, Init.XAVIER, 0.1, true, Placement.BEFORE,
                        Affine.LEARNED, 1.0, 0.5, 0.1, 1e-5, 0.0),
                new NetworkSpec(new int[] {4}, ActivationKind.TANH, Init.XAVIER, 0.1, true, Placement.BEFORE,
                        Affine.LEARNED, 1.0, 0.0, 0.2, 1e-5, 0.0),
                new NetworkSpec(new int[] {4}, ActivationKind.TANH, Init.XAVIER, 0.1, true, Placement.BEFORE,
                        Affine.LEARNED, 1.0, 0.0, 0.1, 1e-3, 0.0),
                new NetworkSpec(new int[] {4}, ActivationKind.TANH, Init.XAVIER, 0.1, true, Placement.BEFORE,
                        Affine.LEARNED, 1.0, 0.0, 0.1, 1e-5, 0.1));
        for (NetworkSpec o : others) {
            assertNotEquals(a, o, o.toString());
            assertNotEquals(o, a);
        }
    }

    @Test
    void theWidthsAreCopiedInAndOut() {
        int[] hidden = {5, 3};
        NetworkSpec s = spec(hidden);
        hidden[0] = 99;
        assertArrayEquals(new int[] {5, 3}, s.hidden());
        s.hidden()[1] = 99;
        assertArrayEquals(new int[] {5, 3}, s.hidden());
    }

    @Test
    void toStringShowsTheWidthsAndEveryField() {
        String s = spec(new int[] {8, 4}).toString();
        assertTrue(s.startsWith("NetworkSpec[hidden=[8, 4], activation=TANH, init=XAVIER, initGain=0.1"), s);
        assertTrue(s.contains("bnEps=1.0E-5") && s.contains("normNoise=0.0") && s.endsWith("renormDMax=5.0, renormWarmup=0, normNoiseModel=SIMPLE, timeStats=PER_STEP]"), s);
    }

    @Test
    void theBuilderSetsEachFieldByItsName() {
        NetworkSpec built = NetworkSpec.builder().hidden(6, 2).activation(ActivationKind.RELU).init(Init.HE)
                .initGain(0.5).norm(NormKind.GROUP).bnPlacement(Placement.AFTER).affine(Affine.FIXED).gamma(2)
                .beta(-1).bnMomentum(0.3).bnEps(1e-3).normNoise(0.7).normGroups(2).renormRMax(4).renormDMax(6)
                .renormWarmup(100).normNoiseModel(NoiseModel.PAPER).timeStats(TimeStatistics.SHARED).build();
        assertEquals(new NetworkSpec(new int[] {6, 2}, ActivationKind.RELU, Init.HE, 0.5, NormKind.GROUP,
                Placement.AFTER, Affine.FIXED, 2, -1, 0.3, 1e-3, 0.7, 2, 4, 6, 100, NoiseModel.PAPER,
                TimeStatistics.SHARED), built);
        assertNotEquals(built, NetworkSpec.builder().hidden(6, 2).activation(ActivationKind.RELU).init(Init.HE)
                .initGain(0.5).norm(NormKind.GROUP).bnPlacement(Placement.AFTER).affine(Affine.FIXED).gamma(2)
                .beta(-1).bnMomentum(0.3).bnEps(1e-3).normNoise(0.7).normGroups(2).renormRMax(4).renormDMax(6)
                .renormWarmup(100).normNoiseModel(NoiseModel.PAPER).build(), "the time statistics count");
        assertNotEquals(built, NetworkSpec.builder().hidden(6, 2).activation(ActivationKind.RELU).init(Init.HE)
                .initGain(0.5).norm(NormKind.GROUP).bnPlacement(Placement.AFTER).affine(Affine.FIXED).gamma(2)
                .beta(-1).bnMomentum(0.3).bnEps(1e-3).normNoise(0.7).normGroups(2).renormRMax(4).renormDMax(6)
                .renormWarmup(100).timeStats(TimeStatistics.SHARED).build(), "the noise model counts");
    }

    @Test
    void theBuildersDefaultsAreATanhXavierNetworkWithBatchNormAndTheConstructorsDefaults() {
        assertEquals(new NetworkSpec(new int[] {8, 8}, ActivationKind.TANH, Init.XAVIER, 1, true, Placement.BEFORE,
                Affine.LEARNED, 1, 0, 0.1, 1e-5, 0), NetworkSpec.builder().hidden(8, 8).build());
    }

    @Test
    void theBuilderNeedsTheWidthsAndCopiesThem() {
        assertThrows(IllegalStateException.class, () -> NetworkSpec.builder().gamma(2).build());
        int[] hidden = {5, 3};
        NetworkSpec.Builder b = NetworkSpec.builder().hidden(hidden);
        hidden[0] = 99;
        assertArrayEquals(new int[] {5, 3}, b.build().hidden());
    }

    @Test
    void enumKeysAreTheLowerCaseNamesScenarioFilesUse() {
        assertEquals("sgd", Optimizer.SGD.key());
        assertEquals("relu", ActivationKind.RELU.key());
        assertEquals("fixed", Affine.FIXED.key());
        assertEquals("after", Placement.AFTER.key());
        assertEquals("normalized", Tap.NORMALIZED.key());
        assertEquals("he", Init.HE.key());
    }
}
