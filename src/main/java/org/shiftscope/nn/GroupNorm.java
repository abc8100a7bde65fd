package org.shiftscope.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * Group Normalization (Wu & He 2018) for a fully connected layer: the units of each example (row) are split into
 * G groups of n/G consecutive units, and each group is normalized with its own mean and biased variance. Like
 * {@link LayerNorm} (which is 1 group) it needs no batch statistics: training and inference compute the same
 * thing, and there are no running averages.
 *
 * <p>With G = units every group is a single unit, whose mean is the unit itself: x̂ = 0 / sqrt(0 + eps) = 0 and
 * dL/dX = 0 — the output is β (plus noise), finite because eps &gt; 0. γ/β (per unit), noise and the output are
 * {@link Normalization}'s.
 */
public final class GroupNorm extends Normalization {
    /** number of groups G */
    private final int groups;
    /** units per group, units / G */
    private final int size;
    /** 1 / sqrt(σ²_ig + eps) of each example i and group g of the last forward (index i·G + g), grown as needed */
    private double[] invStd = new double[0];

    /** @throws IllegalArgumentException unless 1 ≤ groups and groups divides units */
    public GroupNorm(String name, int units, int groups, double eps) {
        super(name, units, eps);
        if (groups < 1 || units % groups != 0) {
            throw new IllegalArgumentException("GroupNorm: " + groups + " groups do not divide the layer's " + units
                    + " units into equal groups (groups must be a divisor of " + units + ")");
        }
        this.groups = groups;
        this.size = units / groups;
    }

    @Override
    public NormKind kind() {
        return NormKind.GROUP;
    }

    public int groups() {
        return groups;
    }

    /** e.g. "over each group of 4 units of each example" */
    @Override
    public String statistics() {
        return size == 1 ? "over each unit of each example on its own"
                : "over each group of " + size + " units of each example";
    }

    /** 1 / sqrt(σ² + eps) of group g of example i in the last forward */
    public double invStd(int example, int group) {
        return invStd[example * groups + group];
    }

    @Override
    protected void normalize(DMatrixRMaj x, boolean training, DMatrixRMaj xhat) {
        final int m = x.numRows, k = size;
        if (invStd.length < m * groups) invStd = new double[m * groups]; // grows only when the batch does
        final double[] xd = x.data, hd = xhat.data;
        for (int rg = 0, m0 = m * groups, start = 0; rg < m0; rg++, start += k) {
            // one group of one example: x[start .. start+k)
            // μ = Σ x / k ;  σ² = Σ (x − μ)² / k
            double mu = 0;
            for (int j = start; j < start + k; j++) mu += xd[j];
            mu /= k;
            double var = 0;
            for (int j = start; j < start + k; j++) {
                double d = xd[j] - mu;
                var += d * d;
            }
            var /= k;
            // x̂ = (x − μ) / sqrt(σ² + eps)
            double is = 1.0 / Math.sqrt(var + eps);
            invStd[rg] = is;
            for (int j = start; j < start + k; j++) hd[j] = (xd[j] - mu) * is;
        }
    }

    @Override
    protected void normalizeBackward(DMatrixRMaj dxhat, DMatrixRMaj dx) {
        final int m = dxhat.numRows, k = size;
        final double[] dhd = dxhat.data, hd = xhat.data, dxd = dx.data;
        for (int rg = 0, m0 = m * groups, start = 0; rg < m0; rg++, start += k) {
            // per group of an example: Σ dX̂ and Σ dX̂⊙X̂
            double sumD = 0, sumDX = 0;
            for (int j = start; j < start + k; j++) {
                sumD += dhd[j];
                sumDX += dhd[j] * hd[j];
            }
            // dx = invStd/k · (k·dx̂ − Σ dx̂ − x̂·Σ(dx̂⊙x̂))
            double scale = invStd[rg] / k;
            for (int j = start; j < start + k; j++) dxd[j] = scale * (k * dhd[j] - sumD - hd[j] * sumDX);
        }
    }
}
