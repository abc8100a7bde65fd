package org.shiftscope.nn;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * The normalizers, one family (as PyTorch's {@code _NormBase}, and Wu &amp; He's Figure 2): each turns its input X
 * of shape (examples, positions, channels) into X̂ with a mean and a variance taken over some of those axes, then
 * scales and shifts every channel, Y = γ·X̂ + β — in training also times a per-channel random scale plus a
 * per-channel random offset when noisy normalization is on ({@link #drawNoise}). What they reduce over is all
 * that differs: {@link BatchStatistics} over examples × positions for each channel (BatchNorm, Batch Renorm),
 * {@link GroupStatistics} over a group of channels × positions for each example (LayerNorm: all channels;
 * GroupNorm: G groups). Its output is the {@link Tap#NORMALIZED} site.
 *
 * <p>γ and β are parameters handed in, so several normalizers can share them (per-time-step BatchNorm in a
 * recurrent network keeps statistics for each step and one γ, β for all). Subclasses implement {@link #normalize}
 * (X → X̂) and {@link #normalizeBackward} (dL/dX̂ → dL/dX); this class does the affine and noise steps and their
 * gradients dγ, dβ (added to what other users of γ and β put there), dX̂. Not thread-safe, no allocation per step.
 */
public abstract class Normalization extends Node {
    /** scale γ, 1 × units */
    public final Param gamma;
    /** shift β, 1 × units */
    public final Param beta;
    /** number of channels (columns) */
    protected final int units;
    /** added to the variance before the square root (> 0) */
    protected double eps;
    /** noisy normalization: this step's random scale per unit (1 when off); the paper's model: each unit's σ */
    private final double[] noiseScale;
    /** noisy normalization: this step's random offset per unit (0 when off); the paper's model: each unit's μ */
    private final double[] noiseShift;
    /** whether this step's training forward adds noise */
    private boolean noisy;
    /** whether this step's noise is drawn per example ({@link NoiseModel#PAPER}) rather than per unit */
    private boolean perExample;
    /** the paper's model: this step's scale of each example (row) and unit, row-major, {@link #noiseRows} rows */
    private double[] rowScale = new double[0];
    /** the paper's model: this step's offset of each example (row) and unit, row-major */
    private double[] rowShift = new double[0];
    /** the rows the per-example noise was drawn for (a pass over more rows reuses them cyclically) */
    private int noiseRows;
    /** whether the last forward added the noise (it then applies in backward) */
    private boolean noisedLast;
    /** X̂, the subclass's normalized input before γ and β, (examples·positions) × channels */
    protected final Tensor xhat = new Tensor();
    /** dL/dX̂ = dY·s·γ, (examples·positions) × channels */
    private final Tensor dxhat = new Tensor();
    /** dL/dX, (examples·positions) × channels */
    private final Tensor dx = new Tensor();
    /** γ and β */
    private final List<Param> params;

    /**
     * A normalizer using these γ and β (1 × channels each), which other normalizers may use too; their values are
     * left as they are.
     */
    protected Normalization(Param gamma, Param beta, double eps) {
        this.units = gamma.value.numCols;
        if (units < 1) throw new IllegalArgumentException("a normalization layer needs at least 1 unit, not " + units);
        if (gamma.value.numRows != 1 || beta.value.numRows != 1 || beta.value.numCols != units) {
            throw new IllegalArgumentException("gamma and beta must both be 1 × " + units);
        }
        this.eps = eps;
        this.gamma = gamma;
        this.beta = beta;
        this.noiseScale = new double[units];
        this.noiseShift = new double[units];
        Arrays.fill(noiseScale, 1.0);
        this.params = List.of(gamma, beta);
    }

    /** γ of a normalizer's own, "gamma" + name, 1 × units, every value 1 (learned) */
    static Param ownGamma(String name, int units) {
        if (units < 1) throw new IllegalArgumentException("a normalization layer needs at least 1 unit, not " + units);
        Param g = new Param("gamma" + name, 1, units);
        Arrays.fill(g.value.data, 1.0);
        return g;
    }

    /** β of a normalizer's own, "beta" + name, 1 × units, every value 0 (learned) */
    static Param ownBeta(String name, int units) {
        return new Param("beta" + name, 1, units);
    }

    /** which normalizer this is */
    public abstract NormKind kind();

    /** One line for the UI: which statistics X̂ uses, e.g. "over the mini-batch, per unit". */
    public String statistics() {
        return kind().statistics();
    }

    /**
     * X → X̂ into {@code xhat} (already shaped like X). With {@link Pass#batchStatistics()} it uses this batch's
     * statistics and with {@link Pass#updateRunning()} updates running averages; otherwise it must not change any
     * state that a later training step reads.
     */
    protected abstract void normalize(DMatrixRMaj x, Pass pass, Tensor xhat);

    /**
     * dL/dX̂ → dL/dX into {@code dx} (already shaped like X), for the last forward (its X̂ is in
     * {@link #xhat}).
     */
    protected abstract void normalizeBackward(DMatrixRMaj dxhat, DMatrixRMaj dx);

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

    /** Fraction of the running averages replaced by each training batch; ignored without running averages. */
    public void setMomentum(double momentum) {
    }

    public void setEps(double eps) {
        this.eps = eps;
    }

    public double eps() {
        return eps;
    }

    /** The next training batch sets the running averages outright; nothing to do without running averages. */
    public void resetRunningStats() {
    }

    /** whether inference uses running averages gathered in training (else it computes what training computes) */
    public boolean keepsRunningStatistics() {
        return kind().keepsRunningStatistics();
    }

    /** whether an example's output depends on the other examples of its mini-batch in training mode */
    public boolean dependsOnBatch() {
        return kind().dependsOnBatch();
    }

    /**
     * Noisy normalization (Santurkar et al. 2018, §2) with the simple model ({@link NoiseModel#SIMPLE}): draws this
     * step's per-unit scale s = e^u, u uniform in [−ln(1+n), ln(1+n)], and offset m uniform in [−n, n];
     * training-mode outputs become (γ·X̂ + β)·s + m. Magnitude 0 turns the noise off and draws nothing.
     */
    public void drawNoise(double magnitude, Random rng) {
        drawNoise(magnitude, NoiseModel.SIMPLE, 1, rng);
    }

    /**
     * Draws this step's noise with a model ({@link NoiseModel}): the simple one per unit as above; the paper's
     * (Algorithm 1 of Santurkar et al.) per unit a centre μ ~ U(−0.5n, 0.5n) and a scale σ ~ U(1, 1 + 0.25n), then
     * for each of {@code rows} examples (rows of the next pass) m ~ U(μ − 0.1n, μ + 0.1n) and s ~ N(σ, (0.1n)²).
     * Magnitude 0 turns the noise off and draws nothing. Allocates only when a larger batch than before comes.
     */
    public void drawNoise(double magnitude, NoiseModel model, int rows, Random rng) {
        noisy = magnitude > 0;
        perExample = noisy && model == NoiseModel.PAPER;
        if (!noisy) {
            Arrays.fill(noiseScale, 1.0);
            Arrays.fill(noiseShift, 0.0);
            return;
        }
        if (!perExample) {
            double spread = Math.log1p(magnitude);
            for (int c = 0; c < units; c++) {
                noiseScale[c] = Math.exp(spread * (2 * rng.nextDouble() - 1));
                noiseShift[c] = magnitude * (2 * rng.nextDouble() - 1);
            }
            return;
        }
        for (int c = 0; c < units; c++) {
            noiseShift[c] = magnitude * (rng.nextDouble() - 0.5); // μ ~ U(−0.5n, 0.5n)
            noiseScale[c] = 1 + 0.25 * magnitude * rng.nextDouble(); // σ ~ U(1, 1 + 0.25n)
        }
        ensureRows(Math.max(1, rows));
        noiseRows = Math.max(1, rows);
        double r = 0.1 * magnitude;
        for (int i = 0, k = 0; i < noiseRows; i++) {
            for (int c = 0; c < units; c++, k++) {
                rowShift[k] = noiseShift[c] + r * (2 * rng.nextDouble() - 1); // m ~ U(μ − 0.1n, μ + 0.1n)
                rowScale[k] = noiseScale[c] + r * rng.nextGaussian(); // s ~ N(σ, (0.1n)²)
            }
        }
    }

    /** Makes room for per-example noise of this many rows. */
    private void ensureRows(int rows) {
        if (rowScale.length >= rows * units) return;
        rowScale = new double[rows * units];
        rowShift = new double[rows * units];
    }

    /** this step's noise scale of a unit (1 without noise; the paper's model: the unit's centre σ) */
    public double noiseScale(int unit) {
        return noiseScale[unit];
    }

    /** this step's noise offset of a unit (0 without noise; the paper's model: the unit's centre μ) */
    public double noiseShift(int unit) {
        return noiseShift[unit];
    }

    /** whether this step's noise is drawn per example (the paper's model) */
    public boolean noisePerExample() {
        return perExample;
    }

    /** the paper's model: this step's scale s of one example (row, taken cyclically) and unit */
    public double noiseScale(int row, int unit) {
        return perExample ? rowScale[(row % noiseRows) * units + unit] : noiseScale[unit];
    }

    /** the paper's model: this step's offset m of one example (row, taken cyclically) and unit */
    public double noiseShift(int row, int unit) {
        return perExample ? rowShift[(row % noiseRows) * units + unit] : noiseShift[unit];
    }

    // ---- what the step inspector shows: each normalizer says what it has (NaN or 0 where it has nothing) ----

    /** per-channel figures a normalizer may keep, for the step inspector */
    public enum Figure {
        /** this batch's mean (statistics per channel over the batch) */
        BATCH_MEAN,
        /** this batch's biased variance */
        BATCH_VAR,
        /** the running mean used at inference */
        RUNNING_MEAN,
        /** the running (unbiased) variance used at inference */
        RUNNING_VAR,
        /** Batch Renorm's r of the last training step */
        R,
        /** Batch Renorm's d of the last training step */
        D
    }

    /** one of a channel's figures, or NaN where this normalizer keeps none of that kind */
    public double figure(Figure f, int unit) {
        return Double.NaN;
    }

    /** channels whose statistics an example shares with each channel (per-example normalizers), else 0 */
    public int groupSize() {
        return 0;
    }

    /**
     * Takes another normalizer's state (same kind and width): γ and β (values, optimizer state, fixed or learned),
     * ε, the noise drawn last, and in subclasses the running averages and their settings. Gradients and the last
     * pass's buffers are not copied.
     */
    public void copyStateFrom(Normalization other) {
        if (other.kind() != kind() || other.units != units) {
            throw new IllegalArgumentException("cannot copy a " + other.kind().key() + " normalizer of " + other.units
                    + " units into a " + kind().key() + " one of " + units);
        }
        if (gamma != other.gamma) gamma.copyFrom(other.gamma);
        if (beta != other.beta) beta.copyFrom(other.beta);
        eps = other.eps;
        noisy = other.noisy;
        System.arraycopy(other.noiseScale, 0, noiseScale, 0, units);
        System.arraycopy(other.noiseShift, 0, noiseShift, 0, units);
        perExample = other.perExample;
        if (perExample) {
            ensureRows(other.noiseRows);
            noiseRows = other.noiseRows;
            System.arraycopy(other.rowScale, 0, rowScale, 0, noiseRows * units);
            System.arraycopy(other.rowShift, 0, rowShift, 0, noiseRows * units);
        }
    }

    /** X̂ of the last forward, before γ and β */
    public DMatrixRMaj normalizedBeforeAffine() {
        return xhat;
    }

    @Override
    protected final void forward(DMatrixRMaj x, Pass pass, Tensor y) {
        if (x.numCols != units) {
            throw new IllegalArgumentException(kind().key() + " normalization of " + units + " units got "
                    + x.numCols + " columns");
        }
        final int m = x.numRows;
        xhat.reshapeLike(x);
        y.reshapeLike(x);
        normalize(x, pass, xhat);
        noisedLast = pass.noisy() && noisy;
        final double[] hd = xhat.data, yd = y.data, g = gamma.value.data, b = beta.value.data;
        if (noisedLast && perExample) {
            // Y = (γ·X̂ + β)·S + M  (the paper's noise: a scale and an offset per example and unit)
            final double[] rs = rowScale, rm = rowShift;
            for (int r = 0, k = 0; r < m; r++) {
                final int base = (r % noiseRows) * units;
                for (int c = 0; c < units; c++, k++) yd[k] = (g[c] * hd[k] + b[c]) * rs[base + c] + rm[base + c];
            }
            return;
        }
        if (noisedLast) {
            // Y = (γ·X̂ + β)·s + m  (noisy normalization)
            for (int r = 0, k = 0; r < m; r++) {
                for (int c = 0; c < units; c++, k++) yd[k] = (g[c] * hd[k] + b[c]) * noiseScale[c] + noiseShift[c];
            }
            return;
        }
        // Y = γ·X̂ + β
        for (int r = 0, k = 0; r < m; r++) {
            for (int c = 0; c < units; c++, k++) yd[k] = g[c] * hd[k] + b[c];
        }
    }

    @Override
    protected final DMatrixRMaj backwardOf(DMatrixRMaj dy) {
        final int m = dy.numRows;
        dxhat.reshapeLike(xhat);
        dx.reshapeLike(xhat);
        final double[] dyd = dy.data, hd = xhat.data, dhd = dxhat.data, g = gamma.value.data;
        final double[] dg = gamma.grad.data, db = beta.grad.data;
        final double[] s = noisedLast && perExample ? rowScale : noiseScale;
        final boolean scaled = noisedLast;
        final int rowStride = noisedLast && perExample ? units : 0, rows = perExample ? noiseRows : 1;
        if (gamma.startAccumulating()) Arrays.fill(dg, 0, units, 0.0);
        if (beta.startAccumulating()) Arrays.fill(db, 0, units, 0.0);
        // dγ += Σ dY'⊙X̂ ; dβ += Σ dY' ; dX̂ = dY'·γ  with dY' = dY·s (s = 1 without noise; per example and unit
        // with the paper's noise)
        for (int r = 0, k = 0; r < m; r++) {
            final int base = (r % rows) * rowStride;
            for (int c = 0; c < units; c++, k++) {
                double d = scaled ? dyd[k] * s[base + c] : dyd[k];
                dg[c] += d * hd[k];
                db[c] += d;
                dhd[k] = d * g[c];
            }
        }
        normalizeBackward(dxhat, dx);
        return dx;
    }

    @Override
    public List<Param> parameters() {
        return params;
    }

    @Override
    public Tap tap() {
        return Tap.NORMALIZED;
    }
}
