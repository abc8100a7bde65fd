package org.shiftscope.nn;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * One step of the forward pass, micrograd style. Rows are samples (batch × features). Every layer owns its
 * output and input-gradient matrices and reuses them from step to step.
 */
public interface Layer {
    /** Computes and returns this layer's output (owned by the layer; valid until the next forward). */
    DMatrixRMaj forward(DMatrixRMaj x, boolean training);

    /** Given dL/d(output) returns dL/d(input) (owned by the layer) and fills the parameters' gradients. */
    DMatrixRMaj backward(DMatrixRMaj dOut);

    /** the layer's parameters (may be empty) */
    List<Param> parameters();

    /** the output of the last forward */
    DMatrixRMaj output();

    /** which tap this layer's output is, for statistics */
    Tap tap();
}
