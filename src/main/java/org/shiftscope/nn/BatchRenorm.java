package org.shiftscope.nn;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * Batch Renormalization (Ioffe 2017): BatchNorm whose training-mode output is corrected towards the running
 * averages, so that training computes what inference computes even when mini-batches are small or not i.i.d.
 * Per unit, in training mode,
 * <pre>
 *   x̂ = (x − μ_B)/σ_B · r + d,   r = clip(σ_B/σ, 1/r_max, r_max),   d = clip((μ_B − μ)/σ, −d_max, d_max)
 * </pre>
 * with μ_B, σ_B = sqrt(batch variance + ε) from the mini-batch and μ, σ = sqrt(running variance + ε) the running
 * averages as they were before this batch. Unclipped, x̂ = (x − μ)/σ: exactly what inference computes. r and d
 * are treated as constants in the backward pass (the gradient flows through μ_B and σ_B only, scaled by r).
 *
 * <p>The statistics are BatchNorm's: biased batch variance, running variance unbiased, the running averages
 * updated after r and d are computed with the same momentum convention (the share replaced by each batch), and a
 * fresh start ({@link #resetRunningStats}, a new layer) sets them from the next batch outright — that batch is
 * its own reference, r = 1 and d = 0. So r_max = 1, d_max = 0 is BatchNorm exactly. Inference uses the running
 * averages.
 *
 * <p>The paper starts with r_max = 1, d_max = 0 (plain BatchNorm while the running averages settle) and relaxes
 * them gradually: r_max = 1, d_max = 0 for the first 5,000 steps, reaching r_max = 3 at 40k steps and d_max = 5 at
 * 25k steps. {@link #warmupRMax} and {@link #warmupDMax} give such a linear schedule, to call once per step before
 * {@link #setRMax}/{@link #setDMax}; nothing here applies it by itself.
 */
public final class BatchRenorm extends BatchStatistics {
    /** r is clipped to [1/rMax, rMax], rMax ≥ 1 */
    private double rMax;
    /** d is clipped to [−dMax, dMax], dMax ≥ 0 */
    private double dMax;
    /** r of the last training step per unit */
    private final double[] r;
    /** d of the last training step per unit */
    private final double[] d;
    /** per-unit scratch sums for backward: Σ dU and Σ dU·U */
    private final double[] sumD, sumDU;
    /** U = (X − μ_B)/σ_B, the batch-normalized input before r and d, batch × units */
    private final DMatrixRMaj u = new DMatrixRMaj(1, 1);

    /**
     * @param rMax r is clipped to [1/rMax, rMax] (≥ 1; 1 = no correction of the scale)
     * @param dMax d is clipped to [−dMax, dMax] (≥ 0; 0 = no correction of the mean)
     */
    public BatchRenorm(String name, int units, double momentum, double eps, double rMax, double dMax) {
        this(ownGamma(name, units), ownBeta(name, units), momentum, eps, rMax, dMax);
    }

    /** a Batch Renorm using these γ and β (shared, e.g. by the per-time-step normalizers of a recurrent layer) */
    public BatchRenorm(Param gamma, Param beta, double momentum, double eps, double rMax, double dMax) {
        super(gamma, beta, momentum, eps);
        this.r = new double[units];
        this.d = new double[units];
        this.sumD = new double[units];
        this.sumDU = new double[units];
        Arrays.fill(r, 1.0);
        setRMax(rMax);
        setDMax(dMax);
    }

    @Override
    public NormKind kind() {
        return NormKind.RENORM;
    }

    /** @throws IllegalArgumentException unless rMax ≥ 1 */
    public void setRMax(double rMax) {
        if (!(rMax >= 1)) {
            throw new IllegalArgumentException("Batch Renorm r_max must be at least 1 (r is clipped to "
                    + "[1/r_max, r_max]), not " + rMax);
        }
        this.rMax = rMax;
    }

    /** @throws IllegalArgumentException unless dMax ≥ 0 */
    public void setDMax(double dMax) {
        if (!(dMax >= 0)) {
            throw new IllegalArgumentException("Batch Renorm d_max must be at least 0 (d is clipped to "
                    + "[−d_max, d_max]), not " + dMax);
        }
        this.dMax = dMax;
    }

    public double rMax() {
        return rMax;
    }

    public double dMax() {
        return dMax;
    }

    /**
     * r_max at a step of a linear warm-up from 1 to target: 1 for step ≤ 0, target from rampSteps on (at once when
     * rampSteps ≤ 0). The paper's schedule (1 for 5,000 steps, 3 at 40k) is {@code warmupRMax(step − 5000, 35000, 3)}.
     *
     * @param step steps trained so far (0 before the first)
     */
    public static double warmupRMax(long step, long rampSteps, double target) {
        return 1 + (target - 1) * ramp(step, rampSteps);
    }

    /**
     * d_max at a step of a linear warm-up from 0 to target: 0 for step ≤ 0, target from rampSteps on (at once when
     * rampSteps ≤ 0). The paper's schedule (0 for 5,000 steps, 5 at 25k) is {@code warmupDMax(step − 5000, 20000, 5)}.
     *
     * @param step steps trained so far (0 before the first)
     */
    public static double warmupDMax(long step, long rampSteps, double target) {
        return target * ramp(step, rampSteps);
    }

    /** share of a linear ramp done after step steps: 0 … 1 */
    private static double ramp(long step, long rampSteps) {
        if (rampSteps <= 0) return step >= 0 ? 1 : 0;
        if (step <= 0) return 0;
        if (step >= rampSteps) return 1;
        return (double) step / rampSteps;
    }

    /** r of the last training step for a unit (1 before the first) */
    public double r(int unit) {
        return r[unit];
    }

    /** d of the last training step for a unit (0 before the first) */
    public double d(int unit) {
        return d[unit];
    }

    /** also r and d */
    @Override
    public double figure(Figure f, int unit) {
        return f == Figure.R ? r[unit] : f == Figure.D ? d[unit] : super.figure(f, unit);
    }

    /** also r_max, d_max and the last step's r and d */
    @Override
    public void copyStateFrom(Normalization other) {
        super.copyStateFrom(other);
        BatchRenorm o = (BatchRenorm) other;
        rMax = o.rMax;
        dMax = o.dMax;
        System.arraycopy(o.r, 0, r, 0, units);
        System.arraycopy(o.d, 0, d, 0, units);
    }

    @Override
    protected void normalize(DMatrixRMaj x, Pass pass, Tensor xhat) {
        final int m = x.numRows;
        u.reshape(m, units);
        final double[] xd = x.data, ud = u.data, hd = xhat.data;
        if (!pass.batchStatistics()) {
            // X̂ = (X − μ)/σ with the running averages (U = X̂, so that backward stays defined)
            runningInvStd();
            for (int i = 0, k = 0; i < m; i++) {
                for (int c = 0; c < units; c++, k++) {
                    double h = (xd[k] - runningMean[c]) * invStd[c];
                    ud[k] = h;
                    hd[k] = h;
                }
            }
            return;
        }
        final double unbias = batchMoments(x); // μ_B, σ_B² (biased) and 1/σ_B
        for (int c = 0; c < units; c++) {
            if (resetRunning) {
                // a fresh start: this batch is its own reference (it then sets the running averages)
                r[c] = 1.0;
                d[c] = 0.0;
            } else {
                // r = clip(σ_B/σ, 1/r_max, r_max) ; d = clip((μ_B − μ)/σ, −d_max, d_max)  (σ before this batch)
                double sigma = Math.sqrt(runningVar[c] + eps);
                r[c] = clip(Math.sqrt(var[c] + eps) / sigma, 1 / rMax, rMax);
                d[c] = clip((mean[c] - runningMean[c]) / sigma, -dMax, dMax);
            }
        }
        if (pass.updateRunning()) updateRunning(unbias); // BatchNorm's running averages, after r and d
        // U = (X − μ_B)/σ_B ;  X̂ = U·r + d
        for (int i = 0, k = 0; i < m; i++) {
            for (int c = 0; c < units; c++, k++) {
                double h = (xd[k] - mean[c]) * invStd[c];
                ud[k] = h;
                hd[k] = h * r[c] + d[c];
            }
        }
    }

    private static double clip(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    protected void normalizeBackward(DMatrixRMaj dxhat, DMatrixRMaj dx) {
        final int m = dxhat.numRows;
        final double[] dhd = dxhat.data, ud = u.data, dxd = dx.data;
        Arrays.fill(sumD, 0.0);
        Arrays.fill(sumDU, 0.0);
        // r, d constant: dU = r·dX̂ ; per unit Σ dU and Σ dU⊙U over the batch
        for (int i = 0, k = 0; i < m; i++) {
            for (int c = 0; c < units; c++, k++) {
                double du = dhd[k] * r[c];
                sumD[c] += du;
                sumDU[c] += du * ud[k];
            }
        }
        // dX = invStd/m · (m·dU − Σ dU − U·Σ(dU⊙U))  (BatchNorm's backward through μ_B and σ_B)
        for (int i = 0, k = 0; i < m; i++) {
            for (int c = 0; c < units; c++, k++) {
                dxd[k] = invStd[c] / m * (m * (dhd[k] * r[c]) - sumD[c] - ud[k] * sumDU[c]);
            }
        }
    }
}
