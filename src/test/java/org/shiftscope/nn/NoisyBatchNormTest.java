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

/**
 * Noisy BatchNorm (Santurkar et al. 2018): a per-unit random scale and offset after γ/β, drawn every step; or, with
 * the paper's model (its Algorithm 1), a scale and an offset per example drawn around a per-unit centre.
 */
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

    @Test
    void gradientsHoldWithThePapersPerExampleNoise() {
        Random r = new Random(21);
        BatchNorm bn = new BatchNorm("1", 4, 0.1, 1e-5);
        bn.setAffine(1.3, -0.4, false);
        bn.drawNoise(1.0, NoiseModel.PAPER, 6, new Random(5));
        assertTrue(bn.noisePerExample());
        assertNotEquals(bn.noiseScale(0, 1), bn.noiseScale(1, 1), "each example has its own scale");
        checkLayer("batchnorm with the paper's noise", bn, shifted(r, 6, 4), r);
    }

    /**
     * Algorithm 1 of the paper with n = 1: per unit μ ~ U(−0.5, 0.5) and σ ~ U(1, 1.25); per example m within 0.1
     * of μ and s ~ N(σ, 0.1²); the output is the noiseless one times s plus m, example by example.
     */
    @Test
    void thePapersNoiseHasItsConstantsAndScalesEachExample() {
        int rows = 4000, units = 5;
        Random r = new Random(13);
        DMatrixRMaj x = shifted(r, rows, units);
        BatchNorm clean = new BatchNorm("1", units, 0.1, 1e-5), noisy = new BatchNorm("1", units, 0.1, 1e-5);
        clean.setAffine(2.0, 0.5, true);
        noisy.setAffine(2.0, 0.5, true);
        noisy.drawNoise(1.0, NoiseModel.PAPER, rows, new Random(3));
        DMatrixRMaj a = clean.forward(x, true).copy(), b = noisy.forward(x, true).copy();
        for (int c = 0; c < units; c++) {
            double mu = noisy.noiseShift(c), sigma = noisy.noiseScale(c);
            assertTrue(Math.abs(mu) <= 0.5 && sigma >= 1 && sigma <= 1.25, "centre " + mu + ", scale " + sigma);
            double sum = 0, sq = 0;
            for (int i = 0; i < rows; i++) {
                double s = noisy.noiseScale(i, c), m = noisy.noiseShift(i, c);
                assertEquals(a.get(i, c) * s + m, b.get(i, c), 1e-12);
                assertTrue(Math.abs(m - mu) <= 0.1 + 1e-12, "m within 0.1 of μ");
                sum += s - sigma;
                sq += (s - sigma) * (s - sigma);
            }
            double mean = sum / rows, sd = Math.sqrt(sq / rows - mean * mean);
            // s − σ ~ N(0, 0.1²): over 4,000 examples its mean is within 4 standard errors of 0, its spread near 0.1
            assertEquals(0, mean, 4 * 0.1 / Math.sqrt(rows));
            assertEquals(0.1, sd, 0.01);
        }
        noisy.drawNoise(0.5, NoiseModel.PAPER, rows, new Random(4));
        for (int c = 0; c < units; c++) {
            assertTrue(Math.abs(noisy.noiseShift(c)) <= 0.25 && noisy.noiseScale(c) <= 1.125, "n = 0.5 halves them");
        }
    }

    /** A network draws the paper's noise for each example of its batch; a copy's measuring pass replays it. */
    @Test
    void aNetworkDrawsThePapersNoisePerExampleAndACopyReplaysIt() {
        NetworkSpec spec = NetworkSpec.builder().hidden(6, 5).normNoise(1).normNoiseModel(NoiseModel.PAPER).build();
        Network a = new Network(3, 2, spec, 9, new EjmlMatMul());
        DMatrixRMaj x = random(new Random(1), 10, 3, 1);
        int[] y = new int[10];
        double loss = a.forward(x, y, true);
        assertTrue(a.normLayer(1).noisePerExample());
        Network copy = a.copy();
        assertEquals(loss, copy.forward(x, y, Pass.measuring()), 0, "the copy replays this step's noise");
        a.setNormNoise(1, NoiseModel.SIMPLE);
        a.forward(x, y, true);
        assertTrue(!a.normLayer(1).noisePerExample(), "switched to the simple model live");
    }

    /**
     * The per-unit centres over many units: μ ~ U(−0.5, 0.5) has mean 0 and variance 1/12, σ ~ U(1, 1.25) mean 1.125
     * and variance 0.25²/12; the per-example offsets m − μ ~ U(−0.1, 0.1) have variance 0.1²/3.
     */
    @Test
    void thePapersCentresAndOffsetsHaveTheirDistributions() {
        int units = 20_000;
        BatchNorm bn = new BatchNorm("1", units, 0.1, 1e-5);
        bn.drawNoise(1.0, NoiseModel.PAPER, 1, new Random(8));
        double[] mu = new double[units], sigma = new double[units], off = new double[units];
        for (int c = 0; c < units; c++) {
            mu[c] = bn.noiseShift(c);
            sigma[c] = bn.noiseScale(c);
            off[c] = bn.noiseShift(0, c) - mu[c];
        }
        // each mean within 4 standard errors, each variance within 10% (over 20,000 draws its error is about 1.3%)
        assertMoments("μ", mu, 0, 1.0 / 12);
        assertMoments("σ", sigma, 1.125, 0.25 * 0.25 / 12);
        assertMoments("m − μ", off, 0, 0.01 / 3);
        for (int c = 0; c < units; c++) {
            assertTrue(Math.abs(mu[c]) <= 0.5 && sigma[c] >= 1 && sigma[c] <= 1.25 && Math.abs(off[c]) <= 0.1 + 1e-12);
        }
    }

    private static void assertMoments(String what, double[] v, double mean, double var) {
        double sum = 0, sq = 0;
        for (double d : v) sum += d;
        double m = sum / v.length;
        for (double d : v) sq += (d - m) * (d - m);
        double s2 = sq / v.length;
        assertEquals(mean, m, 4 * Math.sqrt(var / v.length), what + " mean");
        assertEquals(var, s2, 0.1 * var, what + " variance");
    }

    /**
     * A whole network with the paper's noise, the noise held fixed (a copy's measuring passes replay the step's
     * draw): every parameter's gradient against central differences of the loss.
     */
    @Test
    void aNetworksGradientsHoldWithThePapersNoiseHeldFixed() {
        Random r = new Random(6);
        NetworkSpec spec = NetworkSpec.builder().hidden(5, 4).normNoise(1).normNoiseModel(NoiseModel.PAPER)
                .gamma(1.5).beta(0.2).build();
        Network net = new Network(3, 3, spec, 7, new EjmlMatMul());
        for (Param p : net.parameters()) {
            if (p.frozen || p.name.startsWith("W")) continue;
            for (int i = 0; i < p.size(); i++) p.value.data[i] += 0.3 * r.nextGaussian();
        }
        DMatrixRMaj x = random(r, 6, 3, 1);
        int[] y = {0, 1, 2, 1, 0, 2};
        net.forward(x, y, true); // draws this step's noise
        Network fixed = net.copy();
        double loss = fixed.forward(x, y, Pass.measuring());
        assertTrue(Double.isFinite(loss));
        fixed.zeroGrad();
        fixed.backward();
        int checked = 0;
        for (Param p : fixed.parameters()) {
            if (p.frozen) continue;
            double[] g = p.grad.data.clone();
            GradCheck.check("paper noise d" + p.name, p.value.data, p.size(), g,
                    () -> fixed.forward(x, y, Pass.measuring()));
            checked++;
        }
        assertTrue(checked >= 7, "W, b of the output, γ and β of both layers: " + checked);
    }

    /** The default model is the simple one, and it draws exactly what noisy BN drew before the paper's model. */
    @Test
    void theDefaultModelIsTheSimpleOneWithTheSameDraws() {
        assertEquals(NoiseModel.SIMPLE, NetworkSpec.builder().hidden(3).build().normNoiseModel());
        BatchNorm a = new BatchNorm("1", 6, 0.1, 1e-5), b = new BatchNorm("1", 6, 0.1, 1e-5);
        a.drawNoise(0.7, new Random(2));
        b.drawNoise(0.7, NoiseModel.SIMPLE, 32, new Random(2));
        Random ref = new Random(2);
        for (int c = 0; c < 6; c++) {
            double s = Math.exp(Math.log1p(0.7) * (2 * ref.nextDouble() - 1)), m = 0.7 * (2 * ref.nextDouble() - 1);
            assertEquals(s, a.noiseScale(c), 0);
            assertEquals(m, a.noiseShift(c), 0);
            assertEquals(s, b.noiseScale(5, c), 0, "one scale for every example");
            assertEquals(m, b.noiseShift(5, c), 0);
        }
        assertTrue(!b.noisePerExample());
    }
}
