package org.shiftscope.stats;

import org.ejml.data.DMatrixRMaj;

/**
 * How a hidden layer's weights learn at one step: the size of their gradient and of the step's update relative to
 * the weights themselves (the gradient-flow row, {@code gradflow.csv}).
 *
 * @param layer       hidden layer, 1..H
 * @param gradNorm    ‖∂L/∂W_h‖, the Frobenius norm of the weight gradient of this step's mini-batch
 * @param updateRatio log₁₀(std(lr·∂L/∂W_h) / std(W_h)) before the update: around −3 is the usual rule of thumb;
 *                    −∞ when the update is 0 (learning rate 0), NaN when the weights have no spread
 */
public record LayerFlow(int layer, double gradNorm, double updateRatio) {

    /** The figures of one layer from its weights W, their gradient G (same shape) and the learning rate. */
    public static LayerFlow of(int layer, DMatrixRMaj w, DMatrixRMaj g, double lr) {
        int n = w.getNumElements();
        // ‖G‖ = √Σ g² ; std(lr·G) = |lr|·std(G) ; std over every entry (population)
        double gs = 0, gss = 0, ws = 0, wss = 0;
        final double[] wd = w.data, gd = g.data;
        for (int i = 0; i < n; i++) {
            gs += gd[i];
            gss += gd[i] * gd[i];
            ws += wd[i];
            wss += wd[i] * wd[i];
        }
        double gMean = gs / n, wMean = ws / n;
        double gStd = Math.sqrt(Math.max(0, gss / n - gMean * gMean));
        double wStd = Math.sqrt(Math.max(0, wss / n - wMean * wMean));
        double ratio = wStd > 0 ? Math.log10(Math.abs(lr) * gStd / wStd) : Double.NaN;
        return new LayerFlow(layer, Math.sqrt(gss), ratio);
    }
}
