package org.shiftscope.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The gradient-flow figures of a layer against values worked out by hand. */
class LayerFlowTest {

    @Test
    void normAndUpdateRatioByHand() {
        // W = [1 −1; 3 −3]: mean 0, std √5; G = [0 0.3; 0.4 0]: ‖G‖ = 0.5, mean 0.175, std √(0.0625 − 0.030625)
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{1, -1}, {3, -3}});
        DMatrixRMaj g = new DMatrixRMaj(new double[][] {{0, 0.3}, {0.4, 0}});
        LayerFlow f = LayerFlow.of(2, w, g, 0.1);
        assertEquals(2, f.layer());
        assertEquals(0.5, f.gradNorm(), 1e-15);
        double gStd = Math.sqrt(0.25 / 4 - 0.175 * 0.175);
        assertEquals(Math.log10(0.1 * gStd / Math.sqrt(5)), f.updateRatio(), 1e-12);
    }

    @Test
    void aLearningRateTenTimesLargerMovesTheRatioUpOneDecade() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{0.2, -0.5, 0.1}});
        DMatrixRMaj g = new DMatrixRMaj(new double[][] {{0.01, 0.03, -0.02}});
        assertEquals(LayerFlow.of(1, w, g, 0.01).updateRatio() + 1, LayerFlow.of(1, w, g, 0.1).updateRatio(), 1e-12);
    }

    @Test
    void noUpdateIsMinusInfinityAndWeightsWithoutSpreadHaveNoRatio() {
        DMatrixRMaj w = new DMatrixRMaj(new double[][] {{0.2, -0.5}});
        DMatrixRMaj g = new DMatrixRMaj(new double[][] {{0.01, 0.03}});
        assertEquals(Double.NEGATIVE_INFINITY, LayerFlow.of(1, w, g, 0).updateRatio());
        assertTrue(Double.isNaN(LayerFlow.of(1, new DMatrixRMaj(new double[][] {{0.4, 0.4}}), g, 0.1).updateRatio()));
    }
}
