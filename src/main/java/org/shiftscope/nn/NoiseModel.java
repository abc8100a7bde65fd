package org.shiftscope.nn;

/**
 * How noisy normalization draws its noise (scenario key {@code network.norm_noise_model}); the noise's magnitude n is
 * {@code network.norm_noise}, 0 = none. Both scale and shift the normalizer's output, y ← s·y + m.
 */
public enum NoiseModel {
    /**
     * One scale and one offset per unit and step, shared by every example: s = e^u with u uniform in
     * [−ln(1+n), ln(1+n)], m uniform in [−n, n].
     */
    SIMPLE("per unit"),
    /**
     * Algorithm 1 of Santurkar et al. (2018): per unit and step a centre μ ~ U(−0.5n, 0.5n) and a scale σ ~
     * U(1, 1 + 0.25n); per example m ~ U(μ − 0.1n, μ + 0.1n) and s ~ N(σ, (0.1n)²). With n = 1 these are the
     * paper's constants.
     */
    PAPER("per example (the paper's)");

    /** the words for legends and tooltips */
    public final String label;

    NoiseModel(String label) {
        this.label = label;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
