package org.shiftscope.nn;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Batch Normalization over the batch dimension, per feature (column). Training mode normalizes with the
 * mini-batch mean and biased variance and updates running averages; inference mode uses the running averages.
 * Its output is the {@link Tap#NORMALIZED} tap: X̂·γ + β — in training mode times a per-unit random scale plus a
 * per-unit random offset when noisy BN is on ({@link #drawNoise}).
 */
public final class BatchNorm implements Layer {
    /** scale γ, 1 × units */
    public final Param gamma;
    /** shift β, 1 × units */
    public final Param beta;
    /** number of features */
    private final int units;
    /** running mean used at inference, per unit */
    private final double[] runningMean;
    /** running (unbiased) variance used at inference, per unit */
    private final double[] runningVar;
    /** fraction of the running averages replaced by each training batch (PyTorch convention) */
    private double momentum;
    /** added to the variance before the square root */
    private double eps;
    /** when true the next training batch sets the running averages outright (fresh start) */
    private boolean resetRunning = true;
    /** mean of the last batch per unit (or the running mean at inference) */
    private final double[] mean;
    /** variance of the last batch per unit (or the running variance at inference) */
    private final double[] var;
    /** 1 / sqrt(var + eps) per unit */
    private final double[] invStd;
    /** noisy BN: this step's random scale per unit (1 when off) */
    private final double[] noiseScale;
    /** noisy BN: this step's random offset per unit (0 when off) */
    private final double[] noiseShift;
    /** whether this step's training forward adds noise */
    private boolean noisy;
    /** whether the last forward was in training mode (its noise then applies in backward) */
    private boolean trainedLast;
    /** per-unit scratch sums for backward: Σ dX̂ and Σ dX̂·X̂ */
    private final double[] sumD, sumDX;
    /** X̂ = (X − μ) / sqrt(σ² + ε), batch × units */
    private final DMatrixRMaj xhat = new DMatrixRMaj(1, 1);
    /** Y = γ·X̂ + β, batch × units */
    private final DMatrixRMaj y = new DMatrixRMaj(1, 1);
    /** dL/dX, batch × units */
    private final DMatrixRMaj dx = new DMatrixRMaj(1, 1);

    public BatchNorm(String name, int units, double momentum, double eps) {
        this.units = units;
        this.gamma = new Param("gamma" + name, 1, units);
        this.beta = new Param("beta" + name, 1, units);
        this.runningMean = new double[units];
        this.runningVar = new double[units];
        this.mean = new double[units];
        this.var = new double[units];
        this.invStd = new double[units];
        this.sumD = new double[units];
        this.sumDX = new double[units];
        this.noiseScale = new double[units];
        this.noiseShift = new double[units];
        Arrays.fill(noiseScale, 1.0);
        this.momentum = momentum;
        this.eps = eps;
        setAffine(1.0, 0.0, false);
        Arrays.fill(runningVar, 1.0);
    }

    public int units() {
        return units;
    }

    /** Sets γ and β of every unit to the given values; frozen = fixed at them, else learned from them on. */
    public void setAffine(double g, double b, boolean frozen) {
        Arrays.fill(gamma.value.data, 0, units, g);
        Arrays.fill(beta.value.data, 0, units, b);
        Arrays.fill(gamma.velocity.data, 0, units, 0.0);
        Arrays.fill(beta.velocity.data, 0, units, 0.0);
        gamma.frozen = frozen;
        beta.frozen = frozen;
    }

    public void setMomentum(double momentum) {
        this.momentum = momentum;
    }

    public void setEps(double eps) {
        this.eps = eps;
    }

    /**
     * Noisy BN (Santurkar et al. 2018, §2): draws this step's per-unit scale s = e^u, u uniform in
     * [−ln(1+n), ln(1+n)], and offset m uniform in [−n, n]; training-mode outputs become (γ·X̂ + β)·s + m.
     * Magnitude 0 turns the noise off and draws nothing.
     */
    public void drawNoise(double magnitude, java.util.Random rng) {
        noisy = magnitude > 0;
        if (!noisy) {
            Arrays.fill(noiseScale, 1.0);
            Arrays.fill(noiseShift, 0.0);
            return;
        }
        double spread = Math.log1p(magnitude);
        for (int c = 0; c < units; c++) {
            noiseScale[c] = Math.exp(spread * (2 * rng.nextDouble() - 1));
            noiseShift[c] = magnitude * (2 * rng.nextDouble() - 1);
        }
    }

    /** this step's noise scale of a unit (1 without noise) */
    public double noiseScale(int unit) {
        return noiseScale[unit];
    }

    /** this step's noise offset of a unit (0 without noise) */
    public double noiseShift(int unit) {
        return noiseShift[unit];
    }

    /** The next training batch will set the running averages outright instead of blending into them. */
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

    /** X̂ of the last forward, before γ and β */
    public DMatrixRMaj normalizedBeforeAffine() {
        return xhat;
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, boolean training) {
        final int m = x.numRows;
        xhat.reshape(m, units);
        y.reshape(m, units);
        final double[] xd = x.data, hd = xhat.data, yd = y.data, g = gamma.value.data, b = beta.value.data;
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
        trainedLast = training;
        if (training && noisy) {
            // X̂ = (X − μ)·invStd ;  Y = (γ·X̂ + β)·s + m  (noisy BN)
            for (int r = 0, k = 0; r < m; r++) {
                for (int c = 0; c < units; c++, k++) {
                    double h = (xd[k] - mu[c]) * invStd[c];
                    hd[k] = h;
                    yd[k] = (g[c] * h + b[c]) * noiseScale[c] + noiseShift[c];
                }
            }
            return y;
        }
        // X̂ = (X − μ)·invStd ;  Y = γ·X̂ + β
        for (int r = 0, k = 0; r < m; r++) {
            for (int c = 0; c < units; c++, k++) {
                double h = (xd[k] - mu[c]) * invStd[c];
                hd[k] = h;
                yd[k] = g[c] * h + b[c];
            }
        }
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dy) {
        final int m = dy.numRows;
        dx.reshape(m, units);
        final double[] dyd = dy.data, hd = xhat.data, dxd = dx.data, g = gamma.value.data;
        final double[] dg = gamma.grad.data, db = beta.grad.data;
        final double[] s = noiseScale;
        final boolean scaled = noisy && trainedLast;
        Arrays.fill(dg, 0, units, 0.0);
        Arrays.fill(db, 0, units, 0.0);
        Arrays.fill(sumD, 0.0);
        Arrays.fill(sumDX, 0.0);
        // dγ = Σ dY'⊙X̂ ; dβ = Σ dY' ; dX̂ = dY'·γ  with dY' = dY·s (s = 1 without noise)
        for (int r = 0, k = 0; r < m; r++) {
            for (int c = 0; c < units; c++, k++) {
                double d = scaled ? dyd[k] * s[c] : dyd[k];
                dg[c] += d * hd[k];
                db[c] += d;
                double dh = d * g[c];
                sumD[c] += dh;
                sumDX[c] += dh * hd[k];
            }
        }
        // dX = invStd/m · (m·dX̂ − Σ dX̂ − X̂·Σ(dX̂⊙X̂))
        for (int r = 0, k = 0; r < m; r++) {
            for (int c = 0; c < units; c++, k++) {
                double dh = (scaled ? dyd[k] * s[c] : dyd[k]) * g[c];
                dxd[k] = invStd[c] / m * (m * dh - sumD[c] - hd[k] * sumDX[c]);
            }
        }
        return dx;
    }

    @Override
    public List<Param> parameters() {
        return List.of(gamma, beta);
    }

    @Override
    public DMatrixRMaj output() {
        return y;
    }

    @Override
    public Tap tap() {
        return Tap.NORMALIZED;
    }
}
