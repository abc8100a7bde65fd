package org.shiftscope.nn;

import java.util.Locale;

/**
 * What is measured at a site of a layer, declared once: its key in files, its words, the kind it falls back to
 * where a variant has none of its own, and how its values are best shown. Order matters: statistics are listed
 * per layer in this order.
 */
public enum Tap {
    /** the linear layer's output W·x + b */
    LINEAR("W·x+b", "W·x+b", null, Scale.LINEAR),
    /** the normalizer's output after gamma/beta (only where a normalizer is on) */
    NORMALIZED("after BN", "after BN", LINEAR, Scale.LINEAR),
    /** the nonlinearity's output */
    ACTIVATION("activation", "activation", null, Scale.LINEAR),
    /** dL/d(W·x + b): the gradient of the loss with respect to the linear layer's output, kept by backward */
    GRADIENT("gradient", "dL/d(W·x+b)", null, Scale.LOG_MAGNITUDE);

    /** the words on the toolbar's switch */
    public final String label;
    /** the words in chart titles and captions */
    public final String caption;
    /**
     * what a chart shows for a variant that has no values of this kind (NORMALIZED without a normalizer: W·x+b, the
     * input of its nonlinearity, as in the BatchNorm paper's figure); null: nothing
     */
    public final Tap fallback;
    /** how values of this kind can be shown besides as they are */
    public final Scale scale;

    /** the scales a kind's values can be shown on */
    public enum Scale {
        /** as they are */
        LINEAR,
        /** also as log₁₀|value|, for values that span decades (exact zeros are counted apart) */
        LOG_MAGNITUDE
    }

    Tap(String label, String caption, Tap fallback, Scale scale) {
        this.label = label;
        this.caption = caption;
        this.fallback = fallback;
        this.scale = scale;
    }

    /** lower-case name used in CSV files and lessons: linear, normalized, activation, gradient */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** the kind with this {@link #key()}; IllegalArgumentException naming the allowed keys */
    public static Tap fromKey(String key) {
        for (Tap t : values()) if (t.key().equals(key)) return t;
        throw new IllegalArgumentException("unknown tap '" + key + "': one of linear, normalized, activation, gradient");
    }
}
