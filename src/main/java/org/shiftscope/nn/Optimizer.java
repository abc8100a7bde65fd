package org.shiftscope.nn;

import java.util.Locale;

/** The optimizer that updates the parameters. */
public enum Optimizer {
    /** stochastic gradient descent with (optional) momentum */
    SGD;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
