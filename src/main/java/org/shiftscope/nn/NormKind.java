package org.shiftscope.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The normalizer of a hidden layer (scenario key {@code network.norm}), and a factory for its layer. */
public enum NormKind {
    /** no normalization layer */
    NONE("none", "no normalization", false, false),
    /** {@link BatchNorm} (Ioffe & Szegedy 2015) */
    BATCH("BatchNorm", "over the mini-batch, per unit", true, true),
    /** {@link LayerNorm} (Ba, Kiros & Hinton 2016) */
    LAYER("LayerNorm", "over the units of each example", false, false),
    /** {@link GroupNorm} (Wu & He 2018) */
    GROUP("GroupNorm", "over each group of G units of each example", false, false),
    /** {@link BatchRenorm} (Ioffe 2017) */
    RENORM("Batch Renorm", "over the mini-batch, corrected towards the running averages", true, true);

    /** a short name for legends and captions */
    private final String label;
    /** which statistics X̂ uses, one line for the UI */
    private final String statistics;
    /** whether inference uses running averages gathered in training */
    private final boolean running;
    /** whether a training-mode output depends on the rest of the mini-batch */
    private final boolean batch;

    NormKind(String label, String statistics, boolean running, boolean batch) {
        this.label = label;
        this.statistics = statistics;
        this.running = running;
        this.batch = batch;
    }

    /** lower-case name used in scenario files and CSV output: none, batch, layer, group, renorm */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** a short name for legends and captions, e.g. "LayerNorm" */
    public String label() {
        return label;
    }

    /**
     * Which statistics X̂ uses, one line for the UI, e.g. "over the units of each example" ({@link GroupNorm}'s
     * own {@link Normalization#statistics()} names its group size instead of G).
     */
    public String statistics() {
        return statistics;
    }

    /** whether inference uses running averages gathered in training (BATCH, RENORM) */
    public boolean keepsRunningStatistics() {
        return running;
    }

    /** whether a training-mode output depends on the rest of the mini-batch (BATCH, RENORM) */
    public boolean dependsOnBatch() {
        return batch;
    }

    /**
     * Whether a per-unit bias added right before this normalizer gets no gradient (BATCH, RENORM: in every unit
     * dL/dX sums to 0 over the batch), so the linear layer before it can drop its bias, as the BatchNorm paper does.
     * Not LAYER or GROUP: their means run over the units, and a bias that differs between units still matters.
     */
    public boolean cancelsBias() {
        return batch;
    }

    /** whether {@link #create} makes a layer (every kind but NONE) */
    public boolean hasLayer() {
        return this != NONE;
    }

    /** the kind with this {@link #key()} (case-insensitive); IllegalArgumentException naming the allowed keys */
    public static NormKind fromKey(String key) {
        for (NormKind k : values()) {
            if (k.key().equalsIgnoreCase(key)) return k;
        }
        throw new IllegalArgumentException("unknown normalizer '" + key + "': one of "
                + Arrays.stream(values()).map(NormKind::key).collect(Collectors.joining(", ")));
    }

    /**
     * Makes this kind's layer; each kind reads only the arguments it needs. NONE has no layer: it throws
     * IllegalStateException (check {@link #hasLayer()} first), so a missing normalizer never travels on as null.
     *
     * @param name     suffix of the parameter names ("gamma" + name, "beta" + name)
     * @param units    number of features
     * @param groups   GROUP: number of groups, dividing units (IllegalArgumentException otherwise)
     * @param momentum BATCH, RENORM: fraction of the running averages replaced by each batch
     * @param eps      added to the variance before the square root (> 0)
     * @param rMax     RENORM: r is clipped to [1/rMax, rMax], rMax ≥ 1
     * @param dMax     RENORM: d is clipped to [−dMax, dMax], dMax ≥ 0
     */
    public Normalization create(String name, int units, int groups, double momentum, double eps, double rMax,
                                double dMax) {
        return switch (this) {
            case NONE -> throw new IllegalStateException("'none' has no normalization layer");
            case BATCH -> new BatchNorm(name, units, momentum, eps);
            case LAYER -> new LayerNorm(name, units, eps);
            case GROUP -> new GroupNorm(name, units, groups, eps);
            case RENORM -> new BatchRenorm(name, units, momentum, eps, rMax, dMax);
        };
    }
}
