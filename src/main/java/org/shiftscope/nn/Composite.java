package org.shiftscope.nn;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A layer made of named parts run one after another ({@link #body()}): a hidden layer's block, a whole network.
 * Forward, backward, parameters, output and output derivative are its body's; the parts have the taps.
 */
public abstract class Composite implements Layer {
    /** the parts in forward order (may change between passes, e.g. when a normalizer is swapped) */
    protected abstract Sequential body();

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Pass pass) {
        return body().forward(x, pass);
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dOut) {
        return body().backward(dOut);
    }

    @Override
    public List<Param> parameters() {
        return body().parameters();
    }

    @Override
    public DMatrixRMaj output() {
        return body().output();
    }

    @Override
    public DMatrixRMaj outputGrad() {
        return body().outputGrad();
    }

}
