package org.shiftscope.nn;

import org.ejml.data.DMatrixRMaj;

/** An element-wise nonlinearity: A = f(Z). Its output is the {@link Tap#ACTIVATION} tap. */
public final class Activation extends Node {
    /** which function */
    private final ActivationKind kind;
    /** the input of the last forward (not owned), batch × units */
    private DMatrixRMaj z;
    /** dL/dZ, (examples·positions) × units */
    private final Tensor dz = new Tensor();

    public Activation(ActivationKind kind) {
        this.kind = kind;
    }

    public ActivationKind kind() {
        return kind;
    }

    @Override
    protected void forward(DMatrixRMaj z, Pass pass, Tensor a) {
        this.z = z;
        a.reshapeLike(z);
        final int n = z.getNumElements();
        final double[] zd = z.data, ad = a.data;
        switch (kind) {
            case SIGMOID -> {
                // A = 1 / (1 + e^-Z)
                for (int i = 0; i < n; i++) ad[i] = 1.0 / (1.0 + Math.exp(-zd[i]));
            }
            case TANH -> {
                // A = tanh(Z)
                for (int i = 0; i < n; i++) ad[i] = Math.tanh(zd[i]);
            }
            case RELU -> {
                // A = max(0, Z)   (Math.max keeps NaN, so a diverged weight still shows in the loss)
                for (int i = 0; i < n; i++) ad[i] = Math.max(0.0, zd[i]);
            }
            case LINEAR -> System.arraycopy(zd, 0, ad, 0, n);
        }
    }

    @Override
    protected DMatrixRMaj backwardOf(DMatrixRMaj da) {
        final Tensor a = out;
        dz.reshapeLike(a);
        final int n = da.getNumElements();
        final double[] dad = da.data, ad = a.data, zd = z.data, dzd = dz.data;
        switch (kind) {
            case SIGMOID -> {
                // dZ = dA ⊙ A(1−A)
                for (int i = 0; i < n; i++) dzd[i] = dad[i] * ad[i] * (1.0 - ad[i]);
            }
            case TANH -> {
                // dZ = dA ⊙ (1−A²)
                for (int i = 0; i < n; i++) dzd[i] = dad[i] * (1.0 - ad[i] * ad[i]);
            }
            case RELU -> {
                // dZ = dA ⊙ [Z > 0]
                for (int i = 0; i < n; i++) dzd[i] = zd[i] > 0 ? dad[i] : 0.0;
            }
            case LINEAR -> System.arraycopy(dad, 0, dzd, 0, n);
        }
        return dz;
    }

    @Override
    public Tap tap() {
        return Tap.ACTIVATION;
    }

    /** a sigmoid output below this counts as saturated (within 2% of the bound 0) */
    public static final double SIGMOID_LOW = 0.02;
    /** a sigmoid output above this counts as saturated (within 2% of the bound 1) */
    public static final double SIGMOID_HIGH = 0.98;
    /** a tanh output beyond ± this counts as saturated (within 2% of the range from a bound) */
    public static final double TANH_BOUND = 0.96;

    /** Whether an output value counts as saturated: sigmoid/tanh within 2% of a bound, ReLU at zero. */
    public static boolean saturated(ActivationKind kind, double a) {
        return switch (kind) {
            case SIGMOID -> a < SIGMOID_LOW || a > SIGMOID_HIGH;
            case TANH -> a < -TANH_BOUND || a > TANH_BOUND;
            case RELU -> a <= 0.0;
            case LINEAR -> false;
        };
    }
}
