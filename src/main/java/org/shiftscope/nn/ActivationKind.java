package org.shiftscope.nn;

/** The nonlinearity of a hidden layer. */
public enum ActivationKind {
    SIGMOID, TANH, RELU, LINEAR;

    /** lower-case name used in scenario files and CSV output */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
