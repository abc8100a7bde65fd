package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Known values of BatchNorm in training and inference mode. */
class BatchNormTest {

    static DMatrixRMaj batch(long seed, int rows, int cols, double shift, double scale) {
        Random r = new Random(seed);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = shift + scale * r.nextGaussian();
        return m;
    }

    @Test
    void trainingModeGivesEachUnitMeanZeroVarianceOneBeforeGammaBeta() {
        BatchNorm bn = new BatchNorm("1", 5, 0.1, 1e-12);
        DMatrixRMaj x = batch(1, 32, 5, 7, 3);
        bn.forward(x, true);
        DMatrixRMaj h = bn.normalizedBeforeAffine();
        for (int c = 0; c < 5; c++) {
            double mean = 0, var = 0;
            for (int r = 0; r < 32; r++) mean += h.get(r, c) / 32;
            for (int r = 0; r < 32; r++) var += (h.get(r, c) - mean) * (h.get(r, c) - mean) / 32;
            assertEquals(0, mean, 1e-12);
            assertEquals(1, var, 1e-9);
        }
    }

    @Test
    void fixedGammaTwoBetaHalfGiveMeanHalfStdTwo() {
        BatchNorm bn = new BatchNorm("1", 6, 0.1, 1e-12);
        bn.setAffine(2.0, 0.5, true);
        DMatrixRMaj y = bn.forward(batch(2, 40, 6, -4, 0.3), true);
        double mean = 0, var = 0;
        for (double v : java.util.Arrays.copyOf(y.data, 240)) mean += v / 240;
        for (double v : java.util.Arrays.copyOf(y.data, 240)) var += (v - mean) * (v - mean) / 240;
        assertEquals(0.5, mean, 1e-12);
        assertEquals(2.0, Math.sqrt(var), 1e-9);
        assertTrue(bn.gamma.frozen && bn.beta.frozen);
    }

    @Test
    void runningAveragesFollowTheMomentumAndAreUsedAtInference() {
        double m = 0.25, eps = 1e-5;
        BatchNorm bn = new BatchNorm("1", 3, m, eps);
        bn.setAffine(1.5, -0.5, false);
        DMatrixRMaj a = batch(3, 10, 3, 2, 1), b = batch(4, 10, 3, -1, 2);
        bn.forward(a, true); // a fresh layer takes its running averages from the first batch
        double[] mean1 = new double[3], var1 = new double[3];
        for (int c = 0; c < 3; c++) {
            mean1[c] = bn.batchMean(c);
            var1[c] = bn.batchVar(c) * 10 / 9; // unbiased
            assertEquals(mean1[c], bn.runningMean(c), 1e-15);
            assertEquals(var1[c], bn.runningVar(c), 1e-12);
        }
        bn.forward(b, true);
        for (int c = 0; c < 3; c++) {
            assertEquals((1 - m) * mean1[c] + m * bn.batchMean(c), bn.runningMean(c), 1e-12);
            assertEquals((1 - m) * var1[c] + m * bn.batchVar(c) * 10 / 9, bn.runningVar(c), 1e-12);
        }
        DMatrixRMaj probe = batch(5, 4, 3, 0, 1);
        DMatrixRMaj out = bn.forward(probe, false);
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 3; c++) {
                double expected = 1.5 * (probe.get(r, c) - bn.runningMean(c)) / Math.sqrt(bn.runningVar(c) + eps)
                        - 0.5;
                assertEquals(expected, out.get(r, c), 1e-12);
            }
        }
        double before = bn.runningMean(0);
        bn.forward(probe, false);
        assertEquals(before, bn.runningMean(0), "inference does not touch the running averages");
    }

    @Test
    void batchSizeOneGivesBetaNotNaN() {
        BatchNorm bn = new BatchNorm("1", 4, 0.1, 1e-5);
        bn.setAffine(1.0, 0.25, false);
        DMatrixRMaj y = bn.forward(batch(6, 1, 4, 3, 2), true);
        for (int c = 0; c < 4; c++) assertEquals(0.25, y.get(0, c), 1e-15);
        DMatrixRMaj dx = bn.backward(batch(7, 1, 4, 0, 1));
        for (int c = 0; c < 4; c++) assertTrue(Double.isFinite(dx.get(0, c)));
        for (int c = 0; c < 4; c++) assertTrue(Double.isFinite(bn.runningVar(c)));
    }
}
