package org.shiftscope.nn;

import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/** A fully connected layer: Z = X·W + b. Its output is the {@link Tap#LINEAR} tap. */
public final class Dense implements Layer {
    /** weights, in × out */
    public final Param w;
    /** bias, 1 × out; frozen (and not added) while BatchNorm directly follows this layer */
    public final Param b;
    /** the product back-end */
    private final MatMul mm;
    /** whether the bias is added; false when a BN right after this layer would cancel it anyway */
    private boolean useBias = true;
    /** whether backward computes dL/dX (not needed for the first layer, whose input is the data) */
    private boolean needInputGrad = true;
    /** the input of the last forward (not owned), batch × in */
    private DMatrixRMaj x;
    /** Z = X·W + b, batch × out */
    private final DMatrixRMaj z = new DMatrixRMaj(1, 1);
    /** dL/dX, batch × in */
    private final DMatrixRMaj dx = new DMatrixRMaj(1, 1);

    public Dense(String name, int in, int out, MatMul mm) {
        this.w = new Param("W" + name, in, out);
        this.b = new Param("b" + name, 1, out);
        this.mm = mm;
    }

    /** Draws W from N(0, std²) and sets b to 0. */
    public void init(Random rng, double std) {
        double[] wd = w.value.data;
        for (int i = 0; i < w.size(); i++) {
            wd[i] = rng.nextGaussian() * std;
        }
        java.util.Arrays.fill(b.value.data, 0.0);
    }

    public int inputs() {
        return w.value.numRows;
    }

    public int outputs() {
        return w.value.numCols;
    }

    /** whether the bias is used (off right before a normalizer that cancels it) */
    public boolean useBias() {
        return useBias;
    }

    public void setUseBias(boolean useBias) {
        this.useBias = useBias;
        b.frozen = !useBias;
    }

    public boolean usesBias() {
        return useBias;
    }

    public void setNeedInputGrad(boolean needInputGrad) {
        this.needInputGrad = needInputGrad;
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, boolean training) {
        this.x = x;
        // Z = X·W
        mm.mult(x, w.value, z);
        if (useBias) {
            // Z += 1·b
            final int rows = z.numRows, cols = z.numCols;
            final double[] zd = z.data, bd = b.value.data;
            for (int r = 0, k = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++, k++) {
                    zd[k] += bd[c];
                }
            }
        }
        return z;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dz) {
        // dW = Xᵀ·dZ
        mm.multTransA(x, dz, w.grad);
        // db = 1ᵀ·dZ (column sums)
        final double[] db = b.grad.data, dzd = dz.data;
        java.util.Arrays.fill(db, 0, b.size(), 0.0);
        if (useBias) {
            final int rows = dz.numRows, cols = dz.numCols;
            for (int r = 0, k = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++, k++) {
                    db[c] += dzd[k];
                }
            }
        }
        if (needInputGrad) {
            // dX = dZ·Wᵀ
            mm.multTransB(dz, w.value, dx);
        }
        return dx;
    }

    @Override
    public List<Param> parameters() {
        return List.of(w, b);
    }

    @Override
    public DMatrixRMaj output() {
        return z;
    }

    @Override
    public Tap tap() {
        return Tap.LINEAR;
    }
}
