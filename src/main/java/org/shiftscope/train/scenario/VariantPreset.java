package org.shiftscope.train.scenario;

import static org.shiftscope.train.scenario.Settings.BATCH_SIZE;
import static org.shiftscope.train.scenario.Settings.NORM;
import static org.shiftscope.train.scenario.Settings.NORM_NOISE;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.shiftscope.nn.NormKind;

/**
 * Ready-made sets of variants (headless {@code --variants NAME}, the panel's Variants list). Applying one replaces
 * a scenario's variants and keeps its other settings, except "small-batch", which also sets batch size 2.
 */
public enum VariantPreset {
    /** one network, no variants */
    NONE("none", "One network"),
    /** the twins of the BatchNorm paper's Figure 1: the normalized one (BatchNorm unless another is chosen) and a plain one */
    BN_VS_PLAIN("bn-vs-plain", "BN vs plain"),
    /** BatchNorm, LayerNorm, GroupNorm and Batch Renorm */
    NORMALIZERS("normalizers", "All normalizers"),
    /** BatchNorm, BatchNorm with noise after it (Santurkar et al. 2018) and no normalizer */
    NOISY("noisy", "BN, noisy BN, plain"),
    /** batch size 2: BatchNorm, Batch Renorm, LayerNorm and no normalizer */
    SMALL_BATCH("small-batch", "Batch 2: BN, Renorm, LN");

    /** its name on the command line */
    public final String key;
    /** its words in the panel */
    public final String label;

    VariantPreset(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** the scenario with this preset's variants (and its batch size, for small-batch) */
    public Scenario applyTo(Scenario s) {
        return switch (this) {
            case NONE -> s.withVariants(List.of());
            case BN_VS_PLAIN -> s.withVariants(List.of(
                    norm("bn", s.get(NORM).hasLayer() ? s.get(NORM) : NormKind.BATCH), norm("plain", NormKind.NONE)));
            case NORMALIZERS -> s.withVariants(List.of(norm("bn", NormKind.BATCH), norm("layer", NormKind.LAYER),
                    norm("group", NormKind.GROUP), norm("renorm", NormKind.RENORM)));
            case NOISY -> s.withVariants(List.of(norm("bn", NormKind.BATCH).with(NORM_NOISE, 0.0),
                    norm("noisy-bn", NormKind.BATCH).with(NORM_NOISE, 1.0), norm("plain", NormKind.NONE)));
            case SMALL_BATCH -> s.with(BATCH_SIZE, 2L).withVariants(List.of(norm("bn", NormKind.BATCH),
                    norm("renorm", NormKind.RENORM), norm("layer", NormKind.LAYER), norm("plain", NormKind.NONE)));
        };
    }

    private static Variant norm(String name, NormKind k) {
        return Variant.named(name).with(NORM, k);
    }

    /** the preset with this command-line name; ScenarioException naming the allowed ones otherwise */
    public static VariantPreset fromKey(String key) {
        for (VariantPreset p : values()) if (p.key.equals(key.toLowerCase(Locale.ROOT))) return p;
        throw new ScenarioException("--variants " + key + " is not a preset; expected one of " + keys() + ".");
    }

    /** every preset's name, comma-separated */
    public static String keys() {
        return Arrays.stream(values()).map(p -> p.key).collect(Collectors.joining(", "));
    }
}
