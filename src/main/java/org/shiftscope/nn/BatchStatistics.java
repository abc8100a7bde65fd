package org.shiftscope.nn;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * The normalizers that reduce over examples × positions for each channel ({@link BatchNorm}, {@link BatchRenorm};
 * PyTorch's BatchNorm1d/2d semantics): per channel, the batch's mean and biased variance over every example and
 * position with batch statistics, and running averages of the mean and the unbiased variance for inference,
 * replaced by a share {@code momentum} of each batch (PyTorch's convention) or set outright by the first batch after
 * a fresh start. In the (examples·positions) × channels layout these are column statistics.
 */
public abstract class BatchStatistics extends Normalization {
    /** running mean used at inference, per unit */
    protected final double[] runningMean;
    /** running (unbiased) variance used at inference, per unit */
    protected final double[] runningVar;
    /** fraction of the running averages replaced by each training batch */
    private double momentum;
    /** when true the next training batch sets the running averages outright (fresh start) */
    protected boolean resetRunning = true;
    /** mean of the last training batch per unit */
    protected final double[] mean;
    /** biased variance of the last training batch per unit */
    protected final double[] var;
    /** 1 / sqrt(σ² + ε) per unit: of the batch in training, of the running variance at inference */
    protected final double[] invStd;

    /** with γ and β handed in (see {@link Normalization#Normalization(Param, Param, double)}) */
    protected BatchStatistics(Param gamma, Param beta, double momentum, double eps) {
        super(gamma, beta, eps);
        this.runningMean = new double[units];
        this.runningVar = new double[units];
        this.mean = new double[units];
        this.var = new double[units];
        this.invStd = new double[units];
        this.momentum = momentum;
        Arrays.fill(runningVar, 1.0);
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
    public double figure(Figure f, int unit) {
        return switch (f) {
            case BATCH_MEAN -> mean[unit];
            case BATCH_VAR -> var[unit];
            case RUNNING_MEAN -> runningMean[unit];
            case RUNNING_VAR -> runningVar[unit];
            default -> super.figure(f, unit);
        };
    }

    /** also the running averages, whether the next batch sets them outright, and the momentum */
    @Override
    public void copyStateFrom(Normalization other) {
        super.copyStateFrom(other);
        BatchStatistics o = (BatchStatistics) other;
        System.arraycopy(o.runningMean, 0, runningMean, 0, units);
        System.arraycopy(o.runningVar, 0, runningVar, 0, units);
        resetRunning = o.resetRunning;
        momentum = o.momentum;
    }

    /**
     * The batch's statistics into {@link #mean}, {@link #var} and {@link #invStd}; returns m/(m−1), the factor
     * that makes the variance unbiased (1 for a batch of one).
     */
    protected final double batchMoments(DMatrixRMaj x) {
        final int m = x.numRows;
        final double[] xd = x.data;
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
        for (int c = 0; c < units; c++) {
            var[c] /= m;
            invStd[c] = 1.0 / Math.sqrt(var[c] + eps);
        }
        return m > 1 ? (double) m / (m - 1) : 1.0;
    }

    /** Blends this batch into the running averages (or sets them, after a fresh start). */
    protected final void updateRunning(double unbias) {
        for (int c = 0; c < units; c++) {
            // running ← (1−momentum)·running + momentum·batch  (unbiased variance, as the paper uses)
            if (resetRunning) {
                runningMean[c] = mean[c];
                runningVar[c] = var[c] * unbias;
            } else {
                runningMean[c] += momentum * (mean[c] - runningMean[c]);
                runningVar[c] += momentum * (var[c] * unbias - runningVar[c]);
            }
        }
        resetRunning = false;
    }

    /** 1 / sqrt(running variance + ε) into {@link #invStd}, for inference */
    protected final void runningInvStd() {
        for (int c = 0; c < units; c++) invStd[c] = 1.0 / Math.sqrt(runningVar[c] + eps);
    }
}
