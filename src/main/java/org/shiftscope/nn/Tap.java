package org.shiftscope.nn;

import java.util.Locale;

/**
 * What is measured at a site of a layer, declared once: its key in files, its words, the kind it falls back to
 * where a variant has none of its own, and how its values are best shown. Order matters: statistics are listed
 * per layer in this order.
 */
public enum Tap {
    /** the linear layer's output W·x + b */
    LINEAR("W·x+b", "W·x+b", null, Scale.LINEAR,
            "Show the values right after the weights: W·x + b, before anything else."),
    /** the normalizer's output after gamma/beta (only where a normalizer is on) */
    NORMALIZED("after BN", "after the normalizer", LINEAR, Scale.LINEAR,
            "Show BatchNorm's output: normalized over the mini-batch, then scaled by gamma and shifted by beta. "
                    + "Only exists while BatchNorm is on (a plain twin shows its W·x+b here)."),
    /** the nonlinearity's output */
    ACTIVATION("activation", "the activation", null, Scale.LINEAR,
            "Show the output of the nonlinearity (sigmoid, tanh, ReLU…)."),
    /** dL/d(W·x + b): the gradient of the loss with respect to the linear layer's output, kept by backward */
    GRADIENT("gradient", "the gradient dL/d(W·x+b)", null, Scale.LOG_MAGNITUDE,
            "Show dL/d(W·x+b): how strongly the loss pulls on each unit's input — the gradient backpropagation "
                    + "sends through this layer. Values span decades: 'log |g|' shows their orders of magnitude.");

    /** the words on the toolbar's switch */
    public final String label;
    /** the words in captions of exported figures: what the layer charts show */
    public final String caption;
    /**
     * what a chart shows for a variant that has no values of this kind (NORMALIZED without a normalizer: W·x+b, the
     * input of its nonlinearity, as in the BatchNorm paper's figure); null: nothing
     */
    public final Tap fallback;
    /** how values of this kind can be shown besides as they are */
    public final Scale scale;
    /** what the values are, in plain words for a student (the toolbar switch's tooltip) */
    public final String description;

    /** the scales a kind's values can be shown on */
    public enum Scale {
        /** as they are */
        LINEAR,
        /** also as log₁₀|value|, for values that span decades (exact zeros are counted apart) */
        LOG_MAGNITUDE
    }

    Tap(String label, String caption, Tap fallback, Scale scale, String description) {
        this.label = label;
        this.caption = caption;
        this.fallback = fallback;
        this.scale = scale;
        this.description = description;
    }

    /** lower-case name used in CSV files and lessons: linear, normalized, activation, gradient */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** the kind with this {@link #key()}; IllegalArgumentException naming the allowed keys */
    public static Tap fromKey(String key) {
        for (Tap t : values()) if (t.key().equals(key)) return t;
        throw new IllegalArgumentException("unknown tap '" + key + "': one of " + keys());
    }

    /** every key, in order: "linear, normalized, activation, gradient" */
    public static String keys() {
        StringBuilder b = new StringBuilder();
        for (Tap t : values()) b.append(b.length() == 0 ? "" : ", ").append(t.key());
        return b.toString();
    }
}
