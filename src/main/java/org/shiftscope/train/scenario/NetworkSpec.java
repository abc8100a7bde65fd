package org.shiftscope.train.scenario;

import java.util.Arrays;
import org.shiftscope.nn.ActivationKind;
import org.shiftscope.nn.Affine;
import org.shiftscope.nn.Init;
import org.shiftscope.nn.Placement;

/**
 * The network's shape and its BatchNorm settings.
 *
 * @param hidden      hidden layer widths, input side first (a defensive copy is kept and returned)
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
 */
public record NetworkSpec(int[] hidden, ActivationKind activation, Init init, double initStd, boolean batchnorm,
                          Placement bnPlacement, Affine affine, double gamma, double beta, double bnMomentum,
                          double bnEps) {
    public NetworkSpec {
        hidden = hidden.clone();
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    public NetworkSpec withHidden(int[] v) {
        return new NetworkSpec(v, activation, init, initStd, batchnorm, bnPlacement, affine, gamma, beta, bnMomentum,
                bnEps);
    }

    public NetworkSpec withActivation(ActivationKind v) {
        return new NetworkSpec(hidden, v, init, initStd, batchnorm, bnPlacement, affine, gamma, beta, bnMomentum,
                bnEps);
    }

    public NetworkSpec withInit(Init v) {
        return new NetworkSpec(hidden, activation, v, initStd, batchnorm, bnPlacement, affine, gamma, beta, bnMomentum,
                bnEps);
    }

    public NetworkSpec withInitStd(double v) {
        return new NetworkSpec(hidden, activation, init, v, batchnorm, bnPlacement, affine, gamma, beta, bnMomentum,
                bnEps);
    }

    public NetworkSpec withBatchnorm(boolean v) {
        return new NetworkSpec(hidden, activation, init, initStd, v, bnPlacement, affine, gamma, beta, bnMomentum,
                bnEps);
    }

    public NetworkSpec withBnPlacement(Placement v) {
        return new NetworkSpec(hidden, activation, init, initStd, batchnorm, v, affine, gamma, beta, bnMomentum,
                bnEps);
    }

    public NetworkSpec withAffine(Affine v) {
        return new NetworkSpec(hidden, activation, init, initStd, batchnorm, bnPlacement, v, gamma, beta, bnMomentum,
                bnEps);
    }

    public NetworkSpec withGamma(double v) {
        return new NetworkSpec(hidden, activation, init, initStd, batchnorm, bnPlacement, affine, v, beta, bnMomentum,
                bnEps);
    }

    public NetworkSpec withBeta(double v) {
        return new NetworkSpec(hidden, activation, init, initStd, batchnorm, bnPlacement, affine, gamma, v, bnMomentum,
                bnEps);
    }

    public NetworkSpec withBnMomentum(double v) {
        return new NetworkSpec(hidden, activation, init, initStd, batchnorm, bnPlacement, affine, gamma, beta, v,
                bnEps);
    }

    public NetworkSpec withBnEps(double v) {
        return new NetworkSpec(hidden, activation, init, initStd, batchnorm, bnPlacement, affine, gamma, beta,
                bnMomentum, v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkSpec n && Arrays.equals(hidden, n.hidden) && activation == n.activation
                && init == n.init && Double.compare(initStd, n.initStd) == 0 && batchnorm == n.batchnorm
                && bnPlacement == n.bnPlacement && affine == n.affine && Double.compare(gamma, n.gamma) == 0
                && Double.compare(beta, n.beta) == 0 && Double.compare(bnMomentum, n.bnMomentum) == 0
                && Double.compare(bnEps, n.bnEps) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(hidden) + java.util.Objects.hash(activation, init, initStd, batchnorm,
                bnPlacement, affine, gamma, beta, bnMomentum, bnEps);
    }

    @Override
    public String toString() {
        return "NetworkSpec[hidden=" + Arrays.toString(hidden) + ", activation=" + activation + ", init=" + init
                + ", initStd=" + initStd + ", batchnorm=" + batchnorm + ", bnPlacement=" + bnPlacement
                + ", affine=" + affine + ", gamma=" + gamma + ", beta=" + beta + ", bnMomentum=" + bnMomentum
                + ", bnEps=" + bnEps + "]";
    }
}
