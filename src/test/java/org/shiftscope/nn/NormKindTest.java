package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shiftscope.nn.LayerGradientTest.checkLayer;
import static org.shiftscope.nn.LayerGradientTest.shifted;
import static org.shiftscope.nn.NormAsserts.assertSameValues;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * NormKind (keys, words, flags, the factory) and what every normalizer shares through {@link Normalization}: γ/β,
 * the tap, noise only in training, the flags matching what the layer does with a batch.
 */
class NormKindTest {

    static Normalization make(NormKind kind, int units) {
        return kind.create("3", units, 2, 0.1, 1e-5, 3, 5);
    }

    @Test
    void keysWordsAndFlags() {
        assertEquals(List.of("none", "batch", "layer", "group", "renorm"),
                java.util.Arrays.stream(NormKind.values()).map(NormKind::key).toList());
        for (NormKind k : NormKind.values()) {
            assertSame(k, NormKind.fromKey(k.key()));
            assertSame(k, NormKind.fromKey(k.key().toUpperCase(java.util.Locale.ROOT)));
            assertFalse(k.statistics().isBlank());
            assertFalse(k.label().isBlank());
        }
        assertEquals("over the mini-batch, per unit", NormKind.BATCH.statistics());
        assertEquals("over the units of each example", NormKind.LAYER.statistics());
        assertEquals("over each group of G units of each example", NormKind.GROUP.statistics());
        assertEquals("over the mini-batch, corrected towards the running averages", NormKind.RENORM.statistics());
        assertTrue(NormKind.BATCH.keepsRunningStatistics() && NormKind.RENORM.keepsRunningStatistics());
        assertFalse(NormKind.NONE.keepsRunningStatistics() || NormKind.LAYER.keepsRunningStatistics()
                || NormKind.GROUP.keepsRunningStatistics());
        assertTrue(NormKind.BATCH.dependsOnBatch() && NormKind.RENORM.dependsOnBatch());
        assertFalse(NormKind.NONE.dependsOnBatch() || NormKind.LAYER.dependsOnBatch()
                || NormKind.GROUP.dependsOnBatch());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NormKind.fromKey("instance"));
        assertTrue(e.getMessage().contains("'instance'")
                && e.getMessage().contains("none, batch, layer, group, renorm"), e.getMessage());
    }

    @Test
    void noneHasNoLayer() {
        assertFalse(NormKind.NONE.hasLayer());
        assertThrows(IllegalStateException.class, () -> make(NormKind.NONE, 4));
    }

    @Test
    void theFactoryPassesEachKindItsSettings() {
        BatchNorm bn = (BatchNorm) NormKind.BATCH.create("1", 4, 99, 0.5, 1e-3, 3, 5);
        assertEquals(1e-3, bn.eps());
        bn.forward(BatchNormTest.batch(1, 6, 4, 0, 1), true);
        DMatrixRMaj b = BatchNormTest.batch(2, 6, 4, 2, 1);
        bn.forward(b, true);
        assertEquals(0.5 * BatchNormTest.colMean(BatchNormTest.batch(1, 6, 4, 0, 1), 0)
                + 0.5 * BatchNormTest.colMean(b, 0), bn.runningMean(0), 1e-12, "momentum 0.5");
        assertEquals(3, ((GroupNorm) NormKind.GROUP.create("1", 12, 3, 0.1, 1e-5, 1, 0)).groups());
        BatchRenorm rn = (BatchRenorm) NormKind.RENORM.create("1", 4, 99, 0.1, 1e-5, 2.5, 0.75);
        assertEquals(2.5, rn.rMax());
        assertEquals(0.75, rn.dMax());
        assertEquals(1e-5, NormKind.LAYER.create("1", 4, 99, 0.1, 1e-5, 1, 0).eps());
    }

    @ParameterizedTest
    @EnumSource(value = NormKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everyKindMakesItsLayerWithGammaBetaAndTheNormalizedTap(NormKind kind) {
        Normalization n = make(kind, 6);
        assertSame(kind, n.kind());
        assertTrue(kind.hasLayer());
        assertEquals(6, n.units());
        assertEquals(List.of(n.gamma, n.beta), n.parameters());
        assertEquals("gamma3", n.gamma.name);
        assertEquals("beta3", n.beta.name);
        assertEquals(Tap.NORMALIZED, n.tap());
        assertEquals(kind.keepsRunningStatistics(), n.keepsRunningStatistics());
        assertEquals(kind.dependsOnBatch(), n.dependsOnBatch());
        assertFalse(n.statistics().isBlank());
        n.setAffine(2.0, 0.5, true);
        assertTrue(n.gamma.frozen && n.beta.frozen);
        for (int c = 0; c < 6; c++) {
            assertEquals(2.0, n.gamma.value.get(0, c));
            assertEquals(0.5, n.beta.value.get(0, c));
        }
        DMatrixRMaj y = n.forward(shifted(new Random(1), 5, 6), true);
        assertSame(y, n.output());
        for (int i = 0; i < 30; i++) {
            assertEquals(2.0 * n.normalizedBeforeAffine().data[i] + 0.5, y.data[i], 1e-12, "Y = γ·X̂ + β");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> n.forward(new DMatrixRMaj(5, 4), true));
        assertTrue(e.getMessage().contains("6 units") && e.getMessage().contains("4 columns"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = NormKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void noiseScalesAndShiftsEachUnitInTrainingOnly(NormKind kind) {
        Random r = new Random(2);
        Normalization clean = make(kind, 4), noisy = make(kind, 4);
        clean.setAffine(1.5, -0.5, false);
        noisy.setAffine(1.5, -0.5, false);
        DMatrixRMaj warm = shifted(r, 8, 4), x = shifted(r, 8, 4);
        clean.forward(warm, true);
        noisy.forward(warm, true);
        noisy.drawNoise(0.8, new Random(3));
        DMatrixRMaj a = clean.forward(x, true).copy(), b = noisy.forward(x, true).copy();
        for (int i = 0; i < 8; i++) {
            for (int c = 0; c < 4; c++) {
                assertEquals(a.get(i, c) * noisy.noiseScale(c) + noisy.noiseShift(c), b.get(i, c), 1e-12);
            }
        }
        assertSameValues(clean.forward(x, false), noisy.forward(x, false), 1e-12, "inference has no noise");
        noisy.drawNoise(0, new Random(3));
        for (int c = 0; c < 4; c++) {
            assertEquals(1.0, noisy.noiseScale(c));
            assertEquals(0.0, noisy.noiseShift(c));
        }
        // Batch Renorm's backward holds r and d fixed, its own forward does not: BatchRenormTest checks it
        if (kind != NormKind.RENORM) checkLayer(kind.key() + " after noise off", noisy, shifted(r, 6, 4), r);
    }

    @ParameterizedTest
    @EnumSource(value = NormKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void dependsOnBatchSaysWhetherAnExamplesTrainingOutputChangesWithItsBatchMates(NormKind kind) {
        Normalization n = make(kind, 4);
        Random r = new Random(4);
        n.forward(shifted(r, 16, 4), true); // running averages, where kept, start from here
        n.setMomentum(0); // and stay put
        DMatrixRMaj x = shifted(r, 6, 4);
        DMatrixRMaj all = n.forward(x, true).copy();
        DMatrixRMaj firstTwo = new DMatrixRMaj(2, 4);
        System.arraycopy(x.data, 0, firstTwo.data, 0, 8);
        DMatrixRMaj part = n.forward(firstTwo, true);
        boolean same = true;
        for (int i = 0; i < 8; i++) same &= all.data[i] == part.data[i];
        assertEquals(!kind.dependsOnBatch(), same);
    }

    @ParameterizedTest
    @EnumSource(value = NormKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void cancelsBiasSaysWhetherAPerUnitBiasBeforeItGetsAGradient(NormKind kind) {
        // dL/db_c of a bias added to unit c right before the layer is Σ_i dL/dX_ic
        Normalization n = make(kind, 4);
        Random r = new Random(6);
        n.forward(shifted(r, 16, 4), true);
        n.setAffine(1.5, 0.2, false);
        n.forward(shifted(r, 6, 4), true);
        n.zeroGrad();
        DMatrixRMaj dx = n.backward(GradCheck.random(r, 6, 4, 1));
        double largest = 0;
        for (int c = 0; c < 4; c++) {
            double db = 0;
            for (int i = 0; i < 6; i++) db += dx.get(i, c);
            largest = Math.max(largest, Math.abs(db));
        }
        if (kind.cancelsBias()) {
            assertEquals(0, largest, 1e-12);
        } else {
            assertTrue(largest > 1e-3, "a bias before " + kind.key() + " matters: " + largest);
        }
        assertFalse(NormKind.NONE.cancelsBias());
    }

    @ParameterizedTest
    @EnumSource(value = NormKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void runningStatisticsMakeInferenceDifferFromTrainingExactlyWhereKept(NormKind kind) {
        Normalization n = make(kind, 4);
        Random r = new Random(5);
        for (int i = 0; i < 3; i++) n.forward(shifted(r, 10, 4), true);
        n.resetRunningStats(); // kept: the next batch sets them outright; not kept: nothing happens
        DMatrixRMaj x = shifted(r, 5, 4);
        DMatrixRMaj train = n.forward(x, true).copy(), infer = n.forward(x, false);
        boolean same = true;
        for (int i = 0; i < 20; i++) same &= train.data[i] == infer.data[i];
        assertEquals(!kind.keepsRunningStatistics(), same);
        if (kind.keepsRunningStatistics()) assertNotEquals(train.data[0], infer.data[0]);
    }
}
