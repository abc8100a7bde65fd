package org.shiftscope.nn;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * Batch Normalization (Ioffe & Szegedy 2015) over the batch dimension, per feature (column). Training mode
 * normalizes with the mini-batch mean and biased variance and updates running averages; inference mode uses the
 * running averages. γ/β, noisy BN and the output are {@link Normalization}'s.
 */
public final class BatchNorm extends Normalization {
    /** running mean used at inference, per unit */
    private final double[] runningMean;
    /** running (unbiased) variance used at inference, per unit */
    private final double[] runningVar;
    /** fraction of the running averages replaced by each training batch (PyTorch convention) */
    private double momentum;
    /** when true the next training batch sets the running averages outright (fresh start) */
    private boolean resetRunning = true;
    /** mean of the last batch per unit (or the running mean at inference) */
    private final double[] mean;
    /** variance of the last batch per unit (or the running variance at inference) */
    private final double[] var;
    /** 1 / sqrt(var + eps) per unit */
    private final double[] invStd;
    /** per-unit scratch sums for backward: Σ dX̂ and Σ dX̂·X̂ */
    private final double[] sumD, sumDX;

    public BatchNorm(String name, int units, double momentum, double eps) {
        super(name, units, eps);
        this.runningMean = new double[units];
        this.runningVar = new double[units];
        this.mean = new double[units];
        this.var = new double[units];
        this.invStd = new double[units];
        this.sumD = new double[units];
        this.sumDX = new double[units];
        this.momentum = momentum;
        Arrays.fill(runningVar, 1.0);
    }

    @Override
    public NormKind kind() {
        return NormKind.BATCH;
    }

    @Override
    public void setMomentum(double momentum) {
        this.momentum = momentum;
    }

    /** The next training batch will set the running averages outright instead of blending into them. */
    @Override
    public void resetRunningStats() {
        resetRunning = true;
    }

    public double runningMean(int unit) {
        return runningMean[unit];
    }

    public double runningVar(int unit) {
        return runningVar[unit];
    }

    /** mean of the last training batch for a unit */
    public double batchMean(int unit) {
        return mean[unit];
    }

    /** biased variance of the last training batch for a unit */
    public double batchVar(int unit) {
        return var[unit];
    }

    @Override
    protected void normalize(DMatrixRMaj x, boolean training, DMatrixRMaj xhat) {
        final int m = x.numRows;
        final double[] xd = x.data, hd = xhat.data;
        if (training) {
            // μ = mean over the batch, σ² = biased variance over the batch
            Arrays.fill(mean, 0.0);
            Arrays.fill(var, 0.0);
            for (int r = 0, k = 0; r < m; r++) {
                for (int c = 0; c < units; c++, k++) mean[c] += xd[k];
            }
            for (int c = 0; c < units; c++) mean[c] /= m;
            for (int r = 0, k = 0; r < m; r++) {
                for (int c = 0; c < units; c++, k++) {
                    double d = xd[k] - mean[c];
                    var[c] += d * d;
                }
            }
            final double unbias = m > 1 ? (double) m / (m - 1) : 1.0;
            for (int c = 0; c < units; c++) {
                var[c] /= m;
                // running ← (1−momentum)·running + momentum·batch  (unbiased variance, as the paper uses)
                if (resetRunning) {
                    runningMean[c] = mean[c];
                    runningVar[c] = var[c] * unbias;
                } else {
                    runningMean[c] += momentum * (mean[c] - runningMean[c]);
                    runningVar[c] += momentum * (var[c] * unbias - runningVar[c]);
                }
                invStd[c] = 1.0 / Math.sqrt(var[c] + eps);
            }
            resetRunning = false;
        } else {
            for (int c = 0; c < units; c++) {
                invStd[c] = 1.0 / Math.sqrt(runningVar[c] + eps);
            }
        }
        final double[] mu = training ? mean : runningMean;
        // X̂ = (X − μ)·invStd
        for (int r = 0, k = 0; r < m; r++) {
            for (int c = 0; c < units; c++, k++) hd[k] = (xd[k] - mu[c]) * invStd[c];
        }
    }

    @Override
    protected void normalizeBackward(DMatrixRMaj dxhat, DMatrixRMaj dx) {
        final int m = dxhat.numRows;
        final double[] dhd = dxhat.data, hd = xhat.data, dxd = dx.data;
        Arrays.fill(sumD, 0.0);
        Arrays.fill(sumDX, 0.0);
        // per unit: Σ dX̂ and Σ dX̂⊙X̂ over the batch
        for (int r = 0, k = 0; r < m; r++) {
            for (int c = 0; c < units; c++, k++) {
                sumD[c] += dhd[k];
                sumDX[c] += dhd[k] * hd[k];
            }
        }
        // dX = invStd/m · (m·dX̂ − Σ dX̂ − X̂·Σ(dX̂⊙X̂))
        for (int r = 0, k = 0; r < m; r++) {
            for (int c = 0; c < units; c++, k++) {
                dxd[k] = invStd[c] / m * (m * dhd[k] - sumD[c] - hd[k] * sumDX[c]);
            }
        }
    }
}
