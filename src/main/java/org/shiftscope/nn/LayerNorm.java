package org.shiftscope.nn;

/**
 * Layer Normalization (Ba, Kiros & Hinton 2016): every example is normalized with the mean and the biased variance
 * of all its channels (at every position), μ_n = Σ x / (P·C), σ²_n = Σ (x − μ_n)² / (P·C) — {@link GroupStatistics}
 * with one group. No batch statistics, so training and inference compute the same thing and there are no running
 * averages; a batch of one is fine. γ/β (per channel), noise and the output are {@link Normalization}'s.
 */
public final class LayerNorm extends GroupStatistics {
    /** a LayerNorm with γ and β of its own ("gamma" + name, "beta" + name; γ = 1, β = 0, learned) */
    public LayerNorm(String name, int units, double eps) {
        this(ownGamma(name, units), ownBeta(name, units), eps);
    }

    /** a LayerNorm using these γ and β, which other normalizers may use too */
    public LayerNorm(Param gamma, Param beta, double eps) {
        super(gamma, beta, 1, eps);
    }

    @Override
    public NormKind kind() {
        return NormKind.LAYER;
    }

    /** 1 / sqrt(σ²_n + eps) of example n of the last forward */
    public double invStd(int example) {
        return groupInvStd(example, 0);
    }
}
