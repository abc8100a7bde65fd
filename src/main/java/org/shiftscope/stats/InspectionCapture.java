package org.shiftscope.stats;

import org.ejml.data.DMatrixRMaj;
import org.shiftscope.nn.Network;
import org.shiftscope.nn.NormKind;
import org.shiftscope.nn.Normalization;
import org.shiftscope.nn.Normalization.Figure;
import org.shiftscope.nn.Placement;
import org.shiftscope.nn.Tap;

/**
 * The step inspector's side of a training step: right after a training-mode forward, {@link #take} copies what
 * one hidden layer's normalizer read and computed (every unit, so another unit of the layer can be shown while
 * paused) into arrays reused from step to step; {@link #build} makes the immutable {@link Inspection} of one unit
 * from that copy. Reads the layers only through read-only accessors, so inspecting never changes training.
 * Trainer thread only; {@link #take} allocates only when the batch or the width grows.
 */
public final class InspectionCapture {
    /** the hidden layer (1-based) that the next {@link #take} copies */
    private int wanted = 1;
    /** bumped by every {@link #take}: a new step to show */
    private long version;
    /** whether a step was copied since the last {@link #clear} */
    private boolean has;
    /** the copied step: its run and step number */
    private String run = "";
    private long step;
    /** the copied step's hidden layer (1-based), batch size m and width n */
    private int layer, m, n;
    /** the copied layer's normalizer (NONE: none) */
    private NormKind kind = NormKind.NONE;
    /** what the normalizer read: W·x+b or the activation */
    private Tap input = Tap.LINEAR;
    /** the normalizer's words for its statistics */
    private String axis = "";
    /** ε of the normalizer */
    private double eps;
    /** LayerNorm, GroupNorm: units per group (the width for LayerNorm); else 0 */
    private int groupSize;
    /** the normalizer's input, m × n row-major */
    private double[] in = new double[0];
    /** its x̂ before γ and β, m × n row-major */
    private double[] xhat = new double[0];
    /** per unit: γ, β, batch mean and variance, running mean and variance, Renorm's r and d, noise scale and offset */
    private double[] gamma = new double[0], beta = new double[0], bMean = new double[0], bVar = new double[0],
            rMean = new double[0], rVar = new double[0], r = new double[0], d = new double[0], nScale = new double[0],
            nShift = new double[0];

    /** Chooses the hidden layer (1-based) that the following steps copy. */
    public void setLayer(int layer) {
        wanted = layer;
    }

    /** the hidden layer that the following steps copy */
    public int wantedLayer() {
        return wanted;
    }

    /** Forgets the copied step (a new session). */
    public void clear() {
        has = false;
    }

    /** whether a step has been copied */
    public boolean has() {
        return has;
    }

    /** bumped by every copy */
    public long version() {
        return version;
    }

    /** the hidden layer (1-based) of the copied step */
    public int layer() {
        return layer;
    }

    /**
     * Copies the wanted layer's normalizer state of a network right after its training-mode forward (before
     * backward and the optimizer: γ and β are then those the step used). A layer beyond the network's depth
     * copies the last one.
     */
    public void take(String run, long step, Network net) {
        int h = Math.max(1, Math.min(wanted, net.depth()));
        DMatrixRMaj x = net.normInput(h);
        Normalization norm = net.normLayer(h);
        this.run = run;
        this.step = step;
        this.layer = h;
        this.m = x.numRows;
        this.n = x.numCols;
        this.kind = norm == null ? NormKind.NONE : norm.kind();
        this.input = norm != null && net.placement() == Placement.AFTER ? Tap.ACTIVATION : Tap.LINEAR;
        this.axis = norm == null ? "no normalizer on this layer" : norm.statistics();
        this.eps = norm == null ? Double.NaN : norm.eps();
        this.groupSize = norm == null ? 0 : norm.groupSize();
        int cells = m * n;
        if (in.length < cells) {
            in = new double[cells];
            xhat = new double[cells];
        }
        if (gamma.length < n) growUnits(n);
        System.arraycopy(x.data, 0, in, 0, cells);
        if (norm == null) {
            version++;
            has = true;
            return;
        }
        System.arraycopy(norm.normalizedBeforeAffine().data, 0, xhat, 0, cells);
        System.arraycopy(norm.gamma.value.data, 0, gamma, 0, n);
        System.arraycopy(norm.beta.value.data, 0, beta, 0, n);
        // what the normalizer has: NaN where it keeps nothing of a kind (running averages, Renorm's r and d…)
        for (int c = 0; c < n; c++) {
            nScale[c] = norm.noiseScale(c);
            nShift[c] = norm.noiseShift(c);
            bMean[c] = norm.figure(Figure.BATCH_MEAN, c);
            bVar[c] = norm.figure(Figure.BATCH_VAR, c);
            rMean[c] = norm.figure(Figure.RUNNING_MEAN, c);
            rVar[c] = norm.figure(Figure.RUNNING_VAR, c);
            r[c] = norm.figure(Figure.R, c);
            d[c] = norm.figure(Figure.D, c);
        }
        version++;
        has = true;
    }

    private void growUnits(int n) {
        gamma = new double[n];
        beta = new double[n];
        bMean = new double[n];
        bVar = new double[n];
        rMean = new double[n];
        rVar = new double[n];
        r = new double[n];
        d = new double[n];
        nScale = new double[n];
        nShift = new double[n];
    }

    /**
     * The inspection of one unit (0-based, clamped to the width) of the copied step, in a mode; null before the
     * first copy. Allocates the record and its arrays (called at most once per frame).
     */
    public Inspection build(int generation, int unit, InspectMode mode) {
        if (!has) return null;
        final int u = Math.max(0, Math.min(unit, n - 1));
        double[] xs = new double[m];
        for (int i = 0; i < m; i++) xs[i] = in[i * n + u];
        final boolean batchKind = kind.dependsOnBatch();
        // μ_B = Σ x_i / m ; σ²_B = Σ (x_i − μ_B)² / m  — the layer's own figures where it keeps them
        double mu = batchKind ? bMean[u] : mean(xs);
        double var = batchKind ? bVar[u] : variance(xs, mu);
        if (!kind.hasLayer()) {
            double[] none = new double[0];
            return new Inspection(generation, run, step, layer, u, n, mode, kind, input, axis, xs, mu, var,
                    Double.NaN, Double.NaN, Double.NaN, 0, none, none, none, Double.NaN, Double.NaN, none,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1, 0);
        }
        final boolean running = kind.keepsRunningStatistics() && mode == InspectMode.INFERENCE;
        double[] xh = new double[m], ys = new double[m];
        if (running) {
            // inference: x̂_i = (x_i − running μ) / √(running σ² + ε)
            double is = 1.0 / Math.sqrt(rVar[u] + eps);
            for (int i = 0; i < m; i++) xh[i] = (xs[i] - rMean[u]) * is;
        } else {
            for (int i = 0; i < m; i++) xh[i] = xhat[i * n + u]; // the step's own x̂
        }
        // y_i = γ·x̂_i + β
        for (int i = 0; i < m; i++) ys[i] = gamma[u] * xh[i] + beta[u];
        double[] exMean = new double[0], exVar = new double[0];
        if (groupSize > 0) {
            exMean = new double[m];
            exVar = new double[m];
            int start = u / groupSize * groupSize;
            for (int i = 0; i < m; i++) {
                // the example's own μ and σ² over the units it normalizes this unit with
                double s = 0;
                for (int c = start; c < start + groupSize; c++) s += in[i * n + c];
                double mu_i = s / groupSize, v = 0;
                for (int c = start; c < start + groupSize; c++) {
                    double dd = in[i * n + c] - mu_i;
                    v += dd * dd;
                }
                exMean[i] = mu_i;
                exVar[i] = v / groupSize;
            }
        }
        double usedMean = !batchKind ? Double.NaN : running ? rMean[u] : mu;
        double usedVar = !batchKind ? Double.NaN : running ? rVar[u] : var;
        boolean training = mode == InspectMode.TRAINING;
        return new Inspection(generation, run, step, layer, u, n, mode, kind, input, axis, xs, mu, var, usedMean,
                usedVar, eps, groupSize, exMean, exVar, xh, gamma[u], beta[u], ys, rMean[u], rVar[u],
                training ? r[u] : Double.NaN, training ? d[u] : Double.NaN, training ? nScale[u] : 1,
                training ? nShift[u] : 0);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double a : v) s += a;
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    private static double variance(double[] v, double mu) {
        double s = 0;
        for (double a : v) s += (a - mu) * (a - mu);
        return v.length == 0 ? Double.NaN : s / v.length;
    }
}
