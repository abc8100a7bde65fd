package org.shiftscope.nn;

/** A point inside a hidden layer where the activation distribution is measured. */
public enum Tap {
    /** the linear layer's output W·x + b */
    LINEAR,
    /** BatchNorm's output after gamma/beta (only where BN is on) */
    NORMALIZED,
    /** the nonlinearity's output */
    ACTIVATION;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
