package org.shiftscope.nn;

import java.util.Arrays;
import java.util.Objects;

/**
 * The shape of a network and its BatchNorm settings: everything {@link Network} needs besides the data's input
 * and class counts, the seed and the back-end. Immutable (the widths are copied in and out).
 *
 * @param hidden      hidden layer widths, input side first
 * @param activation  hidden nonlinearity
 * @param init        weight initialisation scheme
 * @param initStd     standard deviation for {@link Init#NORMAL}
 * @param batchnorm   whether BN is on
 * @param bnPlacement BN before or after the activation
 * @param affine      gamma/beta learned (from the values below) or fixed at them
 * @param gamma       the user's gamma for every unit
 * @param beta        the user's beta for every unit
 * @param bnMomentum  fraction of the running averages replaced by each batch
 * @param bnEps       added to the variance before the square root
 * @param normNoise   magnitude of the per-unit noise added after BN at every training step (0 = none)
 */
public record NetworkSpec(int[] hidden, ActivationKind activation, Init init, double initStd, boolean batchnorm,
                          Placement bnPlacement, Affine affine, double gamma, double beta, double bnMomentum,
                          double bnEps, double normNoise) {
    public NetworkSpec {
        hidden = hidden.clone();
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** number of hidden layers */
    public int depth() {
        return hidden.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkSpec n && Arrays.equals(hidden, n.hidden) && activation == n.activation
                && init == n.init && Double.compare(initStd, n.initStd) == 0 && batchnorm == n.batchnorm
                && bnPlacement == n.bnPlacement && affine == n.affine && Double.compare(gamma, n.gamma) == 0
                && Double.compare(beta, n.beta) == 0 && Double.compare(bnMomentum, n.bnMomentum) == 0
                && Double.compare(bnEps, n.bnEps) == 0 && Double.compare(normNoise, n.normNoise) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(hidden) + Objects.hash(activation, init, initStd, batchnorm, bnPlacement, affine,
                gamma, beta, bnMomentum, bnEps, normNoise);
    }

    @Override
    public String toString() {
        return "NetworkSpec[hidden=" + Arrays.toString(hidden) + ", activation=" + activation + ", init=" + init
                + ", initStd=" + initStd + ", batchnorm=" + batchnorm + ", bnPlacement=" + bnPlacement
                + ", affine=" + affine + ", gamma=" + gamma + ", beta=" + beta + ", bnMomentum=" + bnMomentum
                + ", bnEps=" + bnEps + ", normNoise=" + normNoise + "]";
    }
}
