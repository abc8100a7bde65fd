package org.shiftscope.nn;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * What every normalizer shares: it turns its input X into X̂ with some statistics (a subclass's business: over the
 * mini-batch, over the units of each example, over groups of units...), then scales and shifts every unit,
 * Y = γ·X̂ + β — in training mode also times a per-unit random scale plus a per-unit random offset when noisy
 * normalization is on ({@link #drawNoise}). Its output is the {@link Tap#NORMALIZED} tap.
 *
 * <p>Subclasses implement {@link #normalize} (X → X̂, training and inference mode) and {@link #normalizeBackward}
 * (dL/dX̂ → dL/dX); this class does the affine and noise steps and their gradients dγ, dβ, dX̂. Rows are examples,
 * columns units. Not thread-safe, no allocation per step.
 */
public abstract class Normalization implements Layer {
    /** scale γ, 1 × units */
    public final Param gamma;
    /** shift β, 1 × units */
    public final Param beta;
    /** number of features (columns) */
    protected final int units;
    /** added to the variance before the square root (> 0) */
    protected double eps;
    /** noisy normalization: this step's random scale per unit (1 when off) */
    private final double[] noiseScale;
    /** noisy normalization: this step's random offset per unit (0 when off) */
    private final double[] noiseShift;
    /** whether this step's training forward adds noise */
    private boolean noisy;
    /** whether the last forward was in training mode (its noise then applies in backward) */
    private boolean trainedLast;
    /** X̂, the subclass's normalized input before γ and β, batch × units */
    protected final DMatrixRMaj xhat = new DMatrixRMaj(1, 1);
    /** Y = γ·X̂ + β (noisy: (γ·X̂ + β)·s + m), batch × units */
    private final DMatrixRMaj y = new DMatrixRMaj(1, 1);
    /** dL/dX̂ = dY·s·γ, batch × units */
    private final DMatrixRMaj dxhat = new DMatrixRMaj(1, 1);
    /** dL/dX, batch × units */
    private final DMatrixRMaj dx = new DMatrixRMaj(1, 1);
    /** γ and β */
    private final List<Param> params;

    /**
     * @param name  suffix of the parameter names ("gamma" + name, "beta" + name), e.g. the hidden layer's number
     * @param units number of features
     * @param eps   added to the variance before the square root
     */
    protected Normalization(String name, int units, double eps) {
        if (units < 1) throw new IllegalArgumentException("a normalization layer needs at least 1 unit, not " + units);
        this.units = units;
        this.eps = eps;
        this.gamma = new Param("gamma" + name, 1, units);
        this.beta = new Param("beta" + name, 1, units);
        this.noiseScale = new double[units];
        this.noiseShift = new double[units];
        Arrays.fill(noiseScale, 1.0);
        this.params = List.of(gamma, beta);
        setAffine(1.0, 0.0, false);
    }

    /** which normalizer this is */
    public abstract NormKind kind();

    /** One line for the UI: which statistics X̂ uses, e.g. "over the mini-batch, per unit". */
    public String statistics() {
        return kind().statistics();
    }

    /**
     * X → X̂ into {@code xhat} (already shaped batch × units). Training mode may use and update batch statistics;
     * inference mode must not change any state that a later training step reads.
     */
    protected abstract void normalize(DMatrixRMaj x, boolean training, DMatrixRMaj xhat);

    /**
     * dL/dX̂ → dL/dX into {@code dx} (already shaped batch × units), for the last forward (its X̂ is in
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
     * Noisy normalization (Santurkar et al. 2018, §2): draws this step's per-unit scale s = e^u, u uniform in
     * [−ln(1+n), ln(1+n)], and offset m uniform in [−n, n]; training-mode outputs become (γ·X̂ + β)·s + m.
     * Magnitude 0 turns the noise off and draws nothing.
     */
    public void drawNoise(double magnitude, Random rng) {
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

    /** X̂ of the last forward, before γ and β */
    public DMatrixRMaj normalizedBeforeAffine() {
        return xhat;
    }

    @Override
    public final DMatrixRMaj forward(DMatrixRMaj x, boolean training) {
        if (x.numCols != units) {
            throw new IllegalArgumentException(kind().key() + " normalization of " + units + " units got "
                    + x.numCols + " columns");
        }
        final int m = x.numRows;
        xhat.reshape(m, units);
        y.reshape(m, units);
        normalize(x, training, xhat);
        trainedLast = training;
        final double[] hd = xhat.data, yd = y.data, g = gamma.value.data, b = beta.value.data;
        if (training && noisy) {
            // Y = (γ·X̂ + β)·s + m  (noisy normalization)
            for (int r = 0, k = 0; r < m; r++) {
                for (int c = 0; c < units; c++, k++) yd[k] = (g[c] * hd[k] + b[c]) * noiseScale[c] + noiseShift[c];
            }
            return y;
        }
        // Y = γ·X̂ + β
        for (int r = 0, k = 0; r < m; r++) {
            for (int c = 0; c < units; c++, k++) yd[k] = g[c] * hd[k] + b[c];
        }
        return y;
    }

    @Override
    public final DMatrixRMaj backward(DMatrixRMaj dy) {
        final int m = dy.numRows;
        dxhat.reshape(m, units);
        dx.reshape(m, units);
        final double[] dyd = dy.data, hd = xhat.data, dhd = dxhat.data, g = gamma.value.data;
        final double[] dg = gamma.grad.data, db = beta.grad.data;
        final double[] s = noiseScale;
        final boolean scaled = noisy && trainedLast;
        Arrays.fill(dg, 0, units, 0.0);
        Arrays.fill(db, 0, units, 0.0);
        // dγ = Σ dY'⊙X̂ ; dβ = Σ dY' ; dX̂ = dY'·γ  with dY' = dY·s (s = 1 without noise)
        for (int r = 0, k = 0; r < m; r++) {
            for (int c = 0; c < units; c++, k++) {
                double d = scaled ? dyd[k] * s[c] : dyd[k];
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
    public DMatrixRMaj output() {
        return y;
    }

    @Override
    public Tap tap() {
        return Tap.NORMALIZED;
    }
}
