package org.shiftscope.nn;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * A fully connected layer applied at every position: Z = X·W + b. Its output is the {@link Tap#LINEAR} site, and
 * dL/dZ from the last backward the {@link Tap#GRADIENT} site. W and b may be shared with other dense layers (the
 * same weights applied at several time steps): each one's backward adds its part to their gradients.
 */
public final class Dense extends Node {
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
    /** the input of the last forward (not owned), (examples·positions) × in */
    private DMatrixRMaj x;
    /** dL/dX, (examples·positions) × in */
    private final Tensor dx = new Tensor();

    /** a layer with weights of its own, named "W" + name and "b" + name */
    public Dense(String name, int in, int out, MatMul mm) {
        this(new Param("W" + name, in, out), new Param("b" + name, 1, out), mm);
    }

    /** a layer using these weights (in × out) and bias (1 × out), which other layers may use too */
    public Dense(Param w, Param b, MatMul mm) {
        if (b.value.numRows != 1 || b.value.numCols != w.value.numCols) {
            throw new IllegalArgumentException("bias " + b.name + " must be 1 × " + w.value.numCols);
        }
        this.w = w;
        this.b = b;
        this.mm = mm;
    }

    /** Draws W from N(0, std²) and sets b to 0. */
    public void init(Random rng, double std) {
        double[] wd = w.value.data;
        for (int i = 0; i < w.size(); i++) {
            wd[i] = rng.nextGaussian() * std;
        }
        Arrays.fill(b.value.data, 0.0);
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

    /** Z = X·W + b into z */
    @Override
    protected void forward(DMatrixRMaj x, Pass pass, Tensor z) {
        this.x = x;
        // Z = X·W
        mm.mult(x, w.value, z);
        z.setPositions(Tensor.positionsOf(x));
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
    }

    @Override
    protected DMatrixRMaj backwardOf(DMatrixRMaj dz) {
        // dW += Xᵀ·dZ  (written when it is the first part since zeroGrad)
        if (w.startAccumulating()) mm.multTransA(x, dz, w.grad);
        else mm.multAddTransA(x, dz, w.grad);
        // db += 1ᵀ·dZ (column sums; nothing while the bias is not used)
        final double[] db = b.grad.data, dzd = dz.data;
        if (b.startAccumulating()) Arrays.fill(db, 0, b.size(), 0.0);
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
            dx.setPositions(Tensor.positionsOf(x));
        }
        return dx;
    }

    @Override
    public List<Param> parameters() {
        return List.of(w, b);
    }

    @Override
    public Tap tap() {
        return Tap.LINEAR;
    }

    /** its output (W·x+b) and dL/d(W·x+b) */
    @Override
    public void sites(String path, int layer, List<SiteBuffer> out) {
        out.add(SiteBuffer.of(new Site(path, layer, Site.ALL, Tap.LINEAR), this));
        out.add(SiteBuffer.of(new Site(path, layer, Site.ALL, Tap.GRADIENT), this));
    }
}
