package org.shiftscope.nn;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * Keeps the last position of each example: (examples, T, channels) → (examples, 1, channels), e.g. a recurrent
 * layer's last hidden state for a classifier's readout. Its gradient is zero at every other position.
 */
public final class LastPosition extends Node {
    /** dL/dX, (examples, T, channels) */
    private final Tensor dx = new Tensor();
    /** T of the last forward */
    private int length = 1;

    @Override
    protected void forward(DMatrixRMaj x, Pass pass, Tensor y) {
        final int t1 = Tensor.positionsOf(x), m = x.numRows / t1, c = x.numCols;
        length = t1;
        y.reshape(m, 1, c);
        // y_n = x(n, T−1)
        for (int n = 0; n < m; n++) System.arraycopy(x.data, (n * t1 + t1 - 1) * c, y.data, n * c, c);
    }

    @Override
    protected DMatrixRMaj backwardOf(DMatrixRMaj dOut) {
        final int m = out.numRows, c = out.numCols;
        dx.reshape(m, length, c);
        Arrays.fill(dx.data, 0, m * length * c, 0.0);
        for (int n = 0; n < m; n++) System.arraycopy(dOut.data, n * c, dx.data, (n * length + length - 1) * c, c);
        return dx;
    }

}
