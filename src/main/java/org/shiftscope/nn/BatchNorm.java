package org.shiftscope.nn;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * Batch Normalization (Ioffe & Szegedy 2015), per channel over examples × positions. With batch statistics it
 * normalizes with the mini-batch mean and biased variance (and updates the running averages when the pass says
 * so); at inference it uses the running averages. γ/β, noisy BN and the output are {@link Normalization}'s.
 */
public final class BatchNorm extends BatchStatistics {
    /** per-unit scratch sums for backward: Σ dX̂ and Σ dX̂·X̂ */
    private final double[] sumD, sumDX;

    /** a BatchNorm with γ and β of its own ("gamma" + name, "beta" + name; γ = 1, β = 0, learned) */
    public BatchNorm(String name, int units, double momentum, double eps) {
        this(ownGamma(name, units), ownBeta(name, units), momentum, eps);
    }

    /** a BatchNorm using these γ and β (shared, e.g. by the per-time-step normalizers of a recurrent layer) */
    public BatchNorm(Param gamma, Param beta, double momentum, double eps) {
        super(gamma, beta, momentum, eps);
        this.sumD = new double[units];
        this.sumDX = new double[units];
    }

    @Override
    public NormKind kind() {
        return NormKind.BATCH;
    }

    @Override
    protected void normalize(DMatrixRMaj x, Pass pass, Tensor xhat) {
        final int m = x.numRows;
        final double[] xd = x.data, hd = xhat.data;
        final boolean batch = pass.batchStatistics();
        if (batch) {
            double unbias = batchMoments(x);
            if (pass.updateRunning()) updateRunning(unbias);
        } else {
            runningInvStd();
        }
        final double[] mu = batch ? mean : runningMean;
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
