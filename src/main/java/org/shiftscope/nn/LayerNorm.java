package org.shiftscope.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * Layer Normalization (Ba, Kiros & Hinton 2016): every example (row) is normalized with the mean and the biased
 * variance of its own units, μ_i = Σ_c x_ic / n, σ²_i = Σ_c (x_ic − μ_i)² / n. No batch statistics, so training
 * and inference compute the same thing and there are no running averages; a batch of one is fine.
 * γ/β (per unit), noise and the output are {@link Normalization}'s.
 */
public final class LayerNorm extends Normalization {
    /** 1 / sqrt(σ²_i + eps) of each example of the last forward, grown to the largest batch seen */
    private double[] invStd = new double[0];

    public LayerNorm(String name, int units, double eps) {
        super(name, units, eps);
    }

    @Override
    public NormKind kind() {
        return NormKind.LAYER;
    }

    /** 1 / sqrt(σ²_i + eps) of example i of the last forward */
    public double invStd(int example) {
        return invStd[example];
    }

    @Override
    protected void normalize(DMatrixRMaj x, boolean training, DMatrixRMaj xhat) {
        final int m = x.numRows, n = units;
        if (invStd.length < m) invStd = new double[m]; // grows only when the batch does
        final double[] xd = x.data, hd = xhat.data;
        for (int r = 0, row = 0; r < m; r++, row += n) {
            // μ_i = Σ_c x_ic / n ;  σ²_i = Σ_c (x_ic − μ_i)² / n
            double mu = 0;
            for (int c = 0; c < n; c++) mu += xd[row + c];
            mu /= n;
            double var = 0;
            for (int c = 0; c < n; c++) {
                double d = xd[row + c] - mu;
                var += d * d;
            }
            var /= n;
            // x̂_ic = (x_ic − μ_i) / sqrt(σ²_i + eps)
            double is = 1.0 / Math.sqrt(var + eps);
            invStd[r] = is;
            for (int c = 0; c < n; c++) hd[row + c] = (xd[row + c] - mu) * is;
        }
    }

    @Override
    protected void normalizeBackward(DMatrixRMaj dxhat, DMatrixRMaj dx) {
        final int m = dxhat.numRows, n = units;
        final double[] dhd = dxhat.data, hd = xhat.data, dxd = dx.data;
        for (int r = 0, row = 0; r < m; r++, row += n) {
            // per example: Σ_c dX̂ and Σ_c dX̂⊙X̂
            double sumD = 0, sumDX = 0;
            for (int c = 0; c < n; c++) {
                sumD += dhd[row + c];
                sumDX += dhd[row + c] * hd[row + c];
            }
            // dx_ic = invStd_i/n · (n·dx̂_ic − Σ_c dx̂ − x̂_ic·Σ_c(dx̂⊙x̂))
            double scale = invStd[r] / n;
            for (int c = 0; c < n; c++) {
                dxd[row + c] = scale * (n * dhd[row + c] - sumD - hd[row + c] * sumDX);
            }
        }
    }
}
