package org.shiftscope.nn;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * A trainable tensor with its gradient and its optimizer state. A parameter is an object of its own, handed to the
 * layers that use it: two layers holding the same parameter share it (a recurrent weight used at every time step,
 * γ/β shared by the per-step normalizers of a recurrent network), and each use adds its part to {@link #grad}.
 *
 * <p>Gradients accumulate, as in micrograd: every backward adds into {@link #grad}; {@link #zeroGrad()} starts a
 * new sum. Zeroing is lazy (as PyTorch's {@code set_to_none}): it only marks the gradient as zero, and the first
 * backward afterwards writes its part instead of adding it ({@link #startAccumulating()}), so a step costs no pass
 * over the weights to clear them and computes exactly what a single overwriting backward computes. Read the
 * gradient through {@link #gradient()} when a backward may not have reached this parameter since the last
 * {@link #zeroGrad()}.
 */
public final class Param {
    /** what it is, e.g. "W1", "gamma2" */
    public final String name;
    /** the current values */
    public final DMatrixRMaj value;
    /** dL/d(value), same shape: the sum of every use's part since the last {@link #zeroGrad()} (see the class doc) */
    public final DMatrixRMaj grad;
    /** SGD momentum buffer, same shape */
    public final DMatrixRMaj velocity;
    /** when true the optimizer leaves this parameter alone (fixed gamma/beta, a bias BN makes redundant) */
    public boolean frozen;
    /** whether {@link #grad} counts as all zero (its numbers are stale until the next use writes them) */
    private boolean zero = true;

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

    /** Starts a new sum of gradients: the gradient is zero until a backward adds to it. */
    public void zeroGrad() {
        zero = true;
    }

    /**
     * Called by a layer's backward before it adds its part: returns true when the gradient is zero, so the part is
     * to be written into {@link #grad} rather than added (and from now on, added).
     */
    public boolean startAccumulating() {
        boolean first = zero;
        zero = false;
        return first;
    }

    /** whether no backward has added to the gradient since the last {@link #zeroGrad()} */
    public boolean gradIsZero() {
        return zero;
    }

    /** dL/d(value): {@link #grad}, cleared first when no backward has added to it since {@link #zeroGrad()} */
    public DMatrixRMaj gradient() {
        if (zero) {
            Arrays.fill(grad.data, 0, size(), 0.0);
            zero = false;
        }
        return grad;
    }

    /** Copies another parameter's values, optimizer state and frozen flag (same shape); the gradient is not copied. */
    public void copyFrom(Param other) {
        if (other.size() != size()) {
            throw new IllegalArgumentException(name + " has " + size() + " values, " + other.name + " " + other.size());
        }
        System.arraycopy(other.value.data, 0, value.data, 0, size());
        System.arraycopy(other.velocity.data, 0, velocity.data, 0, size());
        frozen = other.frozen;
    }
}
