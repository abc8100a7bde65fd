package org.shiftscope.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * A leaf layer's value and derivative side by side, as TensorFlow Playground's {@code Node} keeps {@code output}
 * and {@code outputDer}: the output of its last forward, and dL/d(output) handed to its last backward (null until a
 * backward follows the forward). Subclasses compute the output into {@link #out} (output argument last, as EJML's
 * operations) and dL/d(input) from dL/d(output).
 */
public abstract class Node implements Layer {
    /** the output of the last forward, (examples·positions) × channels */
    protected final Tensor out = new Tensor();
    /** dL/d(output) handed to the last backward (not owned), or null since the last forward */
    private DMatrixRMaj outDer;

    @Override
    public final DMatrixRMaj forward(DMatrixRMaj x, Pass pass) {
        outDer = null;
        forward(x, pass, out);
        return out;
    }

    @Override
    public final DMatrixRMaj backward(DMatrixRMaj dOut) {
        outDer = dOut;
        return backwardOf(dOut);
    }

    /** Computes the output of x into {@code out} (reshaped to fit, its positions set). */
    protected abstract void forward(DMatrixRMaj x, Pass pass, Tensor out);

    /** dL/d(input) (owned by the layer) from dL/d(output), adding each parameter's part of the gradient. */
    protected abstract DMatrixRMaj backwardOf(DMatrixRMaj dOut);

    @Override
    public final DMatrixRMaj output() {
        return out;
    }

    @Override
    public final DMatrixRMaj outputGrad() {
        return outDer;
    }
}
