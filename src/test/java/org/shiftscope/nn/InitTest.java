package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Weight initialisation: the formulas and what a large layer actually draws. */
class InitTest {

    @Test
    void stdFormulas() {
        assertEquals(Math.sqrt(2.0 / 150), Init.XAVIER.std(100, 50, 1), 1e-15);
        assertEquals(Math.sqrt(2.0 / 100), Init.HE.std(100, 50, 1), 1e-15);
        assertEquals(0.2, Init.HE.std(50, 7, 1), 1e-15);
        assertEquals(Math.sqrt(2.0 / 10), Init.XAVIER.std(3, 7, 1), 1e-15);
        assertEquals(0.37, Init.NORMAL.std(100, 50, 0.37), 0.0);
        assertEquals("xavier", Init.XAVIER.key());
    }

    @Test
    void theGainMultipliesEveryInitsOwnScale() {
        assertEquals(2.5, Init.NORMAL.std(100, 50, 2.5), 0.0);
        assertEquals(2.5 * Math.sqrt(2.0 / 150), Init.XAVIER.std(100, 50, 2.5), 1e-15);
        assertEquals(0.5 * 0.2, Init.HE.std(50, 7, 0.5), 1e-15);
        assertEquals(1.0, Init.NORMAL.scale(3, 4), 0.0);
        assertEquals(0.2, Init.HE.scale(50, 7), 1e-15);
    }

    /** known values: the std of the weights drawn for a 400 × 300 layer, for each init and gain */
    @ParameterizedTest
    @CsvSource({"NORMAL, 1, 1", "NORMAL, 0.02, 0.02", "NORMAL, 20, 20",
        "XAVIER, 1, 0.0534522483824849", "XAVIER, 3, 0.1603567451474547", "XAVIER, 0.1, 0.00534522483824849",
        "HE, 1, 0.0707106781186548", "HE, 2, 0.1414213562373095", "HE, 0.5, 0.0353553390593274"})
    void drawnWeightsHaveGainTimesTheInitsScale(Init init, double gain, double expected) {
        Network n = new Network(400, new int[] {300}, 10, ActivationKind.RELU, init, gain, 5, new EjmlMatMul(),
                false, Placement.BEFORE, Affine.LEARNED, 1, 0, 0.1, 1e-5);
        // 120 000 draws: the sample std is within ~0.2% of the true one (1 σ)
        assertEquals(expected, meanStd(n.dense(1).w.value)[1], expected * 0.01, init + " × " + gain);
    }

    static double[] meanStd(DMatrixRMaj m) {
        int n = m.getNumElements();
        double mean = 0, var = 0;
        for (int i = 0; i < n; i++) mean += m.data[i] / n;
        for (int i = 0; i < n; i++) var += (m.data[i] - mean) * (m.data[i] - mean) / n;
        return new double[] {mean, Math.sqrt(var)};
    }

    @Test
    void aLargeDenseLayerHasTheRequestedStd() {
        Dense d = new Dense("1", 500, 400, new EjmlMatMul());
        d.b.value.fill(1.0);
        d.init(new Random(1), 0.05);
        double[] ms = meanStd(d.w.value);
        // 200 000 draws: the sample std is within ~0.16% of the true one (1 σ), the mean within ~1.1e-4
        assertEquals(0.05, ms[1], 0.05 * 0.01);
        assertEquals(0, ms[0], 6e-4);
        for (double b : d.b.value.data) assertEquals(0.0, b, 0.0);
    }

    @Test
    void networksDrawHiddenLayersFirstThenTheOutputFromRandomSeed() {
        Network n = new Network(3, new int[] {5, 4}, 2, ActivationKind.TANH, Init.XAVIER, 0.1, 77, new EjmlMatMul(),
                true, Placement.AFTER, Affine.FIXED, 1, 0, 0.1, 1e-5);
        Random rng = new Random(77);
        Dense[] layers = {n.dense(1), n.dense(2), n.outputLayer()};
        for (Dense d : layers) {
            double std = Init.XAVIER.std(d.inputs(), d.outputs(), 0.1);
            for (int i = 0; i < d.w.size(); i++) assertEquals(rng.nextGaussian() * std, d.w.value.data[i], 0.0);
            for (double b : d.b.value.data) assertEquals(0.0, b, 0.0);
        }
    }

    @Test
    void networksUseTheInitOfTheirSetting() {
        for (Init init : Init.values()) {
            Network n = new Network(400, new int[] {300}, 10, ActivationKind.RELU, init, 0.03, 5, new EjmlMatMul(),
                    false, Placement.BEFORE, Affine.LEARNED, 1, 0, 0.1, 1e-5);
            double hidden = init.std(400, 300, 0.03), out = init.std(300, 10, 0.03);
            assertEquals(hidden, meanStd(n.dense(1).w.value)[1], hidden * 0.01, init + " hidden");
            // 3000 draws: ~1.3% (1 σ)
            assertEquals(out, meanStd(n.outputLayer().w.value)[1], out * 0.06, init + " output");
        }
    }
}
