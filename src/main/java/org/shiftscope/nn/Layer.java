package org.shiftscope.nn;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * One step of the forward pass, micrograd's {@code Module}: {@link #forward}, {@link #backward} (which adds into the
 * parameters' gradients), {@link #zeroGrad}, {@link #parameters}. Composite layers — a hidden layer's block, a whole
 * {@link Network} — are layers too. Inputs and outputs are {@link Tensor}s of shape (examples, positions, channels),
 * or plain matrices of one position per row. Every layer owns its output and input-gradient buffers and reuses
 * them from pass to pass; beside its output it keeps dL/d(output) from the last backward ({@link #outputGrad}),
 * so a gradient is as readable as a value.
 */
public interface Layer {
    /** Computes and returns this layer's output (owned by the layer; valid until its next forward). */
    DMatrixRMaj forward(DMatrixRMaj x, Pass pass);

    /** {@link #forward(DMatrixRMaj, Pass)} in training ({@link Pass#TRAINING}) or inference mode */
    default DMatrixRMaj forward(DMatrixRMaj x, boolean training) {
        return forward(x, Pass.of(training));
    }

    /**
     * Given dL/d(output) of the last forward, returns dL/d(input) (owned by the layer) and adds each parameter's
     * part of the gradient into it ({@link Param#startAccumulating}).
     */
    DMatrixRMaj backward(DMatrixRMaj dOut);

    /** the layer's parameters (none unless it says; a parameter shared by two of its parts is listed once) */
    default List<Param> parameters() {
        return List.of();
    }

    /** Starts a new sum of gradients for every parameter. */
    default void zeroGrad() {
        for (Param p : parameters()) p.zeroGrad();
    }

    /** the output of the last forward */
    DMatrixRMaj output();

    /** dL/d(output) handed to the last backward after the last forward (not owned), or null when there was none */
    DMatrixRMaj outputGrad();

    /** what this layer's output is, for statistics; null (the default) when it is not measured itself */
    default Tap tap() {
        return null;
    }

    /**
     * Appends the sites this layer measures, named with the path and hidden-layer number its parent gives it. A
     * leaf publishes its output at its {@link #tap()}; a composite, its parts' sites.
     */
    default void sites(String path, int layer, List<SiteBuffer> out) {
        if (tap() != null) out.add(SiteBuffer.of(new Site(path, layer, Site.ALL, tap()), this));
    }
}
