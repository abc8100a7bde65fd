package org.shiftscope.nn;

/**
 * Group Normalization (Wu & He 2018): the channels of each example are split into G groups of C/G consecutive
 * channels, and each group (at every position) is normalized with its own mean and biased variance —
 * {@link GroupStatistics} with G groups. Like {@link LayerNorm} (which is 1 group) it needs no batch statistics:
 * training and inference compute the same thing, and there are no running averages.
 *
 * <p>With G = channels and one position every group is a single value, whose mean is the value itself:
 * x̂ = 0 / sqrt(0 + eps) = 0 and dL/dX = 0 — the output is β (plus noise), finite because eps &gt; 0. With several
 * positions, G = channels normalizes each channel of each example over its positions (instance normalization).
 * γ/β (per channel), noise and the output are {@link Normalization}'s.
 */
public final class GroupNorm extends GroupStatistics {
    /** a GroupNorm with γ and β of its own; IllegalArgumentException unless groups divides the units */
    public GroupNorm(String name, int units, int groups, double eps) {
        this(ownGamma(name, units), ownBeta(name, units), groups, eps);
    }

    /** a GroupNorm using these γ and β, which other normalizers may use too */
    public GroupNorm(Param gamma, Param beta, int groups, double eps) {
        super(gamma, beta, groups, eps);
    }

    @Override
    public NormKind kind() {
        return NormKind.GROUP;
    }

    /** number of groups G */
    public int groups() {
        return units / groupSize();
    }

    /** e.g. "over each group of 4 units of each example" */
    @Override
    public String statistics() {
        return groupSize() == 1 ? "over each unit of each example on its own"
                : "over each group of " + groupSize() + " units of each example";
    }

    /** 1 / sqrt(σ² + eps) of group g of example i in the last forward */
    public double invStd(int example, int group) {
        return groupInvStd(example, group);
    }
}
