package org.shiftscope.nn;

import org.ejml.data.DMatrixRMaj;

/** A trainable tensor with its gradient and its optimizer state. */
public final class Param {
    /** what it is, e.g. "W1", "gamma2" */
    public final String name;
    /** the current values */
    public final DMatrixRMaj value;
    /** dL/d(value), same shape, written by the owning layer's backward */
    public final DMatrixRMaj grad;
    /** SGD momentum buffer, same shape */
    public final DMatrixRMaj velocity;
    /** when true the optimizer leaves this parameter alone (fixed gamma/beta, a bias BN makes redundant) */
    public boolean frozen;

    public Param(String name, int rows, int cols) {
        this.name = name;
        this.value = new DMatrixRMaj(rows, cols);
        this.grad = new DMatrixRMaj(rows, cols);
        this.velocity = new DMatrixRMaj(rows, cols);
    }

    /** number of scalar values */
    public int size() {
        return value.getNumElements();
    }
}
