package org.shiftscope.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * The normalizers that reduce over a group of channels × every position, for each example on its own
 * ({@link LayerNorm}: one group of all channels; {@link GroupNorm}: G groups of C/G consecutive channels; G = C
 * normalizes each channel of each example alone). No batch statistics: training and inference compute the same
 * thing, a batch of one is fine, and there are no running averages.
 *
 * <p>Group g of example n holds x(n, p, c) for every position p and c in [g·C/G, (g+1)·C/G); its mean is
 * μ = Σ x / (P·C/G) and its biased variance σ² = Σ (x − μ)² / (P·C/G).
 */
public abstract class GroupStatistics extends Normalization {
    /** number of groups G */
    private final int groups;
    /** channels per group, C / G */
    private final int size;
    /** 1 / sqrt(σ² + eps) of each example n and group g of the last forward (index n·G + g), grown as needed */
    private double[] invStd = new double[0];

    /** @throws IllegalArgumentException unless 1 ≤ groups and groups divides the channels */
    protected GroupStatistics(Param gamma, Param beta, int groups, double eps) {
        super(gamma, beta, eps);
        if (groups < 1 || units % groups != 0) {
            throw new IllegalArgumentException("GroupNorm: " + groups + " groups do not divide the layer's " + units
                    + " units into equal groups (groups must be a divisor of " + units + ")");
        }
        this.groups = groups;
        this.size = units / groups;
    }

    /** channels per group */
    @Override
    public int groupSize() {
        return size;
    }

    /** 1 / sqrt(σ² + eps) of group g of example n in the last forward */
    protected double groupInvStd(int example, int group) {
        return invStd[example * groups + group];
    }

    @Override
    protected void normalize(DMatrixRMaj x, Pass pass, Tensor xhat) {
        final int p = Tensor.positionsOf(x), m = x.numRows / p, c = units, k = size;
        if (invStd.length < m * groups) invStd = new double[m * groups]; // grows only when the batch does
        final double[] xd = x.data, hd = xhat.data;
        final int count = p * k;
        for (int n = 0, ng = 0; n < m; n++) {
            for (int g = 0; g < groups; g++, ng++) {
                // one group of one example: channels [g·k, g·k + k) at every position
                // μ = Σ x / (P·k) ;  σ² = Σ (x − μ)² / (P·k)
                double mu = 0;
                for (int q = 0, start = n * p * c + g * k; q < p; q++, start += c) {
                    for (int j = start; j < start + k; j++) mu += xd[j];
                }
                mu /= count;
                double var = 0;
                for (int q = 0, start = n * p * c + g * k; q < p; q++, start += c) {
                    for (int j = start; j < start + k; j++) {
                        double d = xd[j] - mu;
                        var += d * d;
                    }
                }
                var /= count;
                // x̂ = (x − μ) / sqrt(σ² + eps)
                double is = 1.0 / Math.sqrt(var + eps);
                invStd[ng] = is;
                for (int q = 0, start = n * p * c + g * k; q < p; q++, start += c) {
                    for (int j = start; j < start + k; j++) hd[j] = (xd[j] - mu) * is;
                }
            }
        }
    }

    @Override
    protected void normalizeBackward(DMatrixRMaj dxhat, DMatrixRMaj dx) {
        final int p = Tensor.positionsOf(xhat), m = dxhat.numRows / p, c = units, k = size;
        final double[] dhd = dxhat.data, hd = xhat.data, dxd = dx.data;
        final int count = p * k;
        for (int n = 0, ng = 0; n < m; n++) {
            for (int g = 0; g < groups; g++, ng++) {
                // per group of an example: Σ dX̂ and Σ dX̂⊙X̂
                double sumD = 0, sumDX = 0;
                for (int q = 0, start = n * p * c + g * k; q < p; q++, start += c) {
                    for (int j = start; j < start + k; j++) {
                        sumD += dhd[j];
                        sumDX += dhd[j] * hd[j];
                    }
                }
                // dx = invStd/N · (N·dx̂ − Σ dx̂ − x̂·Σ(dx̂⊙x̂)),  N = P·k values in the group
                double scale = invStd[ng] / count;
                for (int q = 0, start = n * p * c + g * k; q < p; q++, start += c) {
                    for (int j = start; j < start + k; j++) dxd[j] = scale * (count * dhd[j] - sumD - hd[j] * sumDX);
                }
            }
        }
    }
}
