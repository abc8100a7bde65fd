package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shiftscope.nn.GradCheck.random;
import static org.shiftscope.nn.LayerGradientTest.checkLayer;
import static org.shiftscope.nn.LayerGradientTest.shifted;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Noisy BatchNorm (Santurkar et al. 2018): a per-unit random scale and offset after γ/β, drawn every step. */
class NoisyBatchNormTest {

    @Test
    void gradientsHoldWithThisStepsNoise() {
        Random r = new Random(11);
        BatchNorm bn = new BatchNorm("1", 4, 0.1, 1e-5);
        bn.setAffine(1.3, -0.4, false);
        bn.drawNoise(0.8, new Random(5));
        for (int c = 0; c < 4; c++) assertNotEquals(1.0, bn.noiseScale(c));
        checkLayer("noisy batchnorm", bn, shifted(r, 6, 4), r);
    }

    @Test
    void outputIsTheNoiselessOneScaledAndShiftedPerUnitAndInferenceHasNoNoise() {
        Random r = new Random(12);
        DMatrixRMaj x = shifted(r, 8, 3);
        BatchNorm clean = new BatchNorm("1", 3, 0.1, 1e-5), noisy = new BatchNorm("1", 3, 0.1, 1e-5);
        clean.setAffine(2.0, 0.5, true);
        noisy.setAffine(2.0, 0.5, true);
        noisy.drawNoise(1.0, new Random(3));
        DMatrixRMaj a = clean.forward(x, true).copy(), b = noisy.forward(x, true).copy();
        for (int i = 0; i < 8; i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(a.get(i, c) * noisy.noiseScale(c) + noisy.noiseShift(c), b.get(i, c), 1e-12);
                assertTrue(noisy.noiseScale(c) >= 0.5 - 1e-12 && noisy.noiseScale(c) <= 2 + 1e-12, "s in [1/2, 2]");
                assertTrue(Math.abs(noisy.noiseShift(c)) <= 1, "m in [−1, 1]");
            }
        }
        // the running averages do not see the noise: inference is the same for both
        assertArrayEquals(clean.forward(x, false).data, noisy.forward(x, false).data, 1e-12);
        noisy.drawNoise(0, new Random(3));
        assertArrayEquals(a.data, noisy.forward(x, true).data, 1e-12, "magnitude 0 = plain BN");
    }

    @Test
    void aNetworkDrawsNewNoiseEveryTrainingStepFromItsSeed() {
        NetworkSpec spec = new NetworkSpec(new int[] {6, 5}, ActivationKind.TANH, Init.XAVIER, 1.0, true,
                Placement.BEFORE, Affine.LEARNED, 1, 0, 0.1, 1e-5, 0.5);
        Network a = new Network(3, 2, spec, 9, new EjmlMatMul()), b = new Network(3, 2, spec, 9, new EjmlMatMul());
        DMatrixRMaj x = random(new Random(1), 10, 3, 1);
        int[] y = new int[10];
        double first = a.forward(x, y, true), second = a.forward(x, y, true);
        assertNotEquals(first, second, "new noise each step");
        assertEquals(first, b.forward(x, y, true), 0, "same seed, same noise");
        a.setNormNoise(0);
        Network clean = new Network(3, 2, new NetworkSpec(new int[] {6, 5}, ActivationKind.TANH, Init.XAVIER, 1.0,
                true, Placement.BEFORE, Affine.LEARNED, 1, 0, 0.1, 1e-5, 0), 9, new EjmlMatMul());
        assertEquals(clean.forward(x, y, true), a.forward(x, y, true), 1e-12, "turned off live");
    }
}
