package org.shiftscope.nn;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Keeps the last position of each example: (examples, T, channels) → (examples, 1, channels), e.g. a recurrent
 * layer's last hidden state for a classifier's readout. Its gradient is zero at every other position.
 */
public final class LastPosition implements Layer {
    /** the output, examples × channels */
    private final Tensor y = new Tensor();
    /** dL/dX, (examples, T, channels) */
    private final Tensor dx = new Tensor();
    /** T of the last forward */
    private int length = 1;
    /** dL/d(output) of the last backward (not owned), or null since the last forward */
    private DMatrixRMaj dy;

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Pass pass) {
        final int t1 = Tensor.positionsOf(x), m = x.numRows / t1, c = x.numCols;
        length = t1;
        dy = null;
        y.reshape(m, 1, c);
        // y_n = x(n, T−1)
        for (int n = 0; n < m; n++) System.arraycopy(x.data, (n * t1 + t1 - 1) * c, y.data, n * c, c);
        return y;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dOut) {
        this.dy = dOut;
        final int m = y.numRows, c = y.numCols;
        dx.reshape(m, length, c);
        Arrays.fill(dx.data, 0, m * length * c, 0.0);
        for (int n = 0; n < m; n++) System.arraycopy(dOut.data, n * c, dx.data, (n * length + length - 1) * c, c);
        return dx;
    }

    @Override
    public List<Param> parameters() {
        return List.of();
    }

    @Override
    public DMatrixRMaj output() {
        return y;
    }

    @Override
    public DMatrixRMaj outputGrad() {
        return dy;
    }

    /** nothing to measure: it only selects */
    @Override
    public Tap tap() {
        return null;
    }
}
