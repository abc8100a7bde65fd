package org.shiftscope.nn;

import java.util.Arrays;
import java.util.Objects;

/**
 * The shape of a network and its normalization settings: everything {@link Network} needs besides the data's input
 * and class counts, the seed and the back-end. Immutable (the widths are copied in and out).
 *
 * @param hidden      hidden layer widths, input side first
 * @param activation  hidden nonlinearity
 * @param init        weight initialisation scheme
 * @param initGain    the weights' std is this gain × the init's own scale ({@link Init#std})
 * @param norm        the normalizer of every hidden layer (NONE: none)
 * @param bnPlacement the normalizer before or after the activation
 * @param affine      gamma/beta learned (from the values below) or fixed at them
 * @param gamma       the user's gamma for every unit
 * @param beta        the user's beta for every unit
 * @param bnMomentum  fraction of the running averages replaced by each batch
 * @param bnEps       added to the variance before the square root
 * @param normNoise   magnitude of the per-unit noise added after the normalizer at every training step (0 = none)
 * @param normGroups  groups of GroupNorm (must divide every width)
 * @param renormRMax  Batch Renorm's bound on r (≥ 1)
 * @param renormDMax  Batch Renorm's bound on d (≥ 0)
 * @param renormWarmup steps over which Batch Renorm's bounds rise from 1 and 0 to r_max and d_max (0 = none)
 * @param normNoiseModel how the noise after the normalizer is drawn: per unit, or per example as in the paper
 * @param timeStats   a recurrent network's BatchNorm: running averages per time step or shared by every step
 */
public record NetworkSpec(int[] hidden, ActivationKind activation, Init init, double initGain, NormKind norm,
                          Placement bnPlacement, Affine affine, double gamma, double beta, double bnMomentum,
                          double bnEps, double normNoise, int normGroups, double renormRMax, double renormDMax,
                          long renormWarmup, NoiseModel normNoiseModel, TimeStatistics timeStats) {
    /** GroupNorm's groups, Batch Renorm's r_max and d_max when a spec does not say */
    public static final int GROUPS = 4;
    public static final double R_MAX = 3, D_MAX = 5;

    public NetworkSpec {
        hidden = hidden.clone();
    }

    /** every setting but the noise model (the simple one) and a recurrent network's time statistics (per step) */
    public NetworkSpec(int[] hidden, ActivationKind activation, Init init, double initGain, NormKind norm,
                       Placement bnPlacement, Affine affine, double gamma, double beta, double bnMomentum,
                       double bnEps, double normNoise, int normGroups, double renormRMax, double renormDMax,
                       long renormWarmup) {
        this(hidden, activation, init, initGain, norm, bnPlacement, affine, gamma, beta, bnMomentum, bnEps, normNoise,
                normGroups, renormRMax, renormDMax, renormWarmup, NoiseModel.SIMPLE, TimeStatistics.PER_STEP);
    }

    /** BatchNorm on or off, the other normalizers' settings at their defaults */
    public NetworkSpec(int[] hidden, ActivationKind activation, Init init, double initGain, boolean batchnorm,
                       Placement bnPlacement, Affine affine, double gamma, double beta, double bnMomentum, double bnEps,
                       double normNoise) {
        this(hidden, activation, init, initGain, batchnorm ? NormKind.BATCH : NormKind.NONE, bnPlacement, affine,
                gamma, beta, bnMomentum, bnEps, normNoise, GROUPS, R_MAX, D_MAX, 0);
    }

    /**
     * A spec built field by field, each by its name, so two fields of one type cannot be swapped unnoticed. Every
     * field but the widths has a default: tanh, Xavier with gain 1, BatchNorm before the activation with learned
     * γ = 1 and β = 0, momentum 0.1, ε = 1e-5, no noise (the simple model when on), {@link #GROUPS} groups,
     * {@link #R_MAX}, {@link #D_MAX}, no warm-up and running averages per time step.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects a spec's fields by name; {@link #build} checks that the widths were given. */
    public static final class Builder {
        private int[] hidden;
        private ActivationKind activation = ActivationKind.TANH;
        private Init init = Init.XAVIER;
        private double initGain = 1;
        private NormKind norm = NormKind.BATCH;
        private Placement bnPlacement = Placement.BEFORE;
        private Affine affine = Affine.LEARNED;
        private double gamma = 1, beta = 0, bnMomentum = 0.1, bnEps = 1e-5, normNoise = 0;
        private int normGroups = GROUPS;
        private double renormRMax = R_MAX, renormDMax = D_MAX;
        private long renormWarmup = 0;
        private NoiseModel normNoiseModel = NoiseModel.SIMPLE;
        private TimeStatistics timeStats = TimeStatistics.PER_STEP;

        private Builder() {}

        public Builder hidden(int... widths) {
            hidden = widths.clone();
            return this;
        }

        public Builder activation(ActivationKind a) {
            activation = a;
            return this;
        }

        public Builder init(Init i) {
            init = i;
            return this;
        }

        public Builder initGain(double g) {
            initGain = g;
            return this;
        }

        public Builder norm(NormKind k) {
            norm = k;
            return this;
        }

        public Builder bnPlacement(Placement p) {
            bnPlacement = p;
            return this;
        }

        public Builder affine(Affine a) {
            affine = a;
            return this;
        }

        public Builder gamma(double g) {
            gamma = g;
            return this;
        }

        public Builder beta(double b) {
            beta = b;
            return this;
        }

        public Builder bnMomentum(double m) {
            bnMomentum = m;
            return this;
        }

        public Builder bnEps(double e) {
            bnEps = e;
            return this;
        }

        public Builder normNoise(double n) {
            normNoise = n;
            return this;
        }

        public Builder normGroups(int g) {
            normGroups = g;
            return this;
        }

        public Builder renormRMax(double r) {
            renormRMax = r;
            return this;
        }

        public Builder renormDMax(double d) {
            renormDMax = d;
            return this;
        }

        public Builder renormWarmup(long steps) {
            renormWarmup = steps;
            return this;
        }

        public Builder normNoiseModel(NoiseModel m) {
            normNoiseModel = m;
            return this;
        }

        public Builder timeStats(TimeStatistics t) {
            timeStats = t;
            return this;
        }

        /** the spec; refused (IllegalStateException) when the widths were not given */
        public NetworkSpec build() {
            if (hidden == null) throw new IllegalStateException("a network spec needs its hidden widths");
            return new NetworkSpec(hidden, activation, init, initGain, norm, bnPlacement, affine, gamma, beta,
                    bnMomentum, bnEps, normNoise, normGroups, renormRMax, renormDMax, renormWarmup, normNoiseModel,
                    timeStats);
        }
    }

    /** whether the hidden layers are normalized at all */
    public boolean batchnorm() {
        return norm.hasLayer();
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
                && init == n.init && Double.compare(initGain, n.initGain) == 0 && norm == n.norm
                && bnPlacement == n.bnPlacement && affine == n.affine && Double.compare(gamma, n.gamma) == 0
                && Double.compare(beta, n.beta) == 0 && Double.compare(bnMomentum, n.bnMomentum) == 0
                && Double.compare(bnEps, n.bnEps) == 0 && Double.compare(normNoise, n.normNoise) == 0
                && normGroups == n.normGroups && Double.compare(renormRMax, n.renormRMax) == 0
                && Double.compare(renormDMax, n.renormDMax) == 0 && renormWarmup == n.renormWarmup
                && normNoiseModel == n.normNoiseModel && timeStats == n.timeStats;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(hidden) + Objects.hash(activation, init, initGain, norm, bnPlacement, affine, gamma,
                beta, bnMomentum, bnEps, normNoise, normGroups, renormRMax, renormDMax, renormWarmup, normNoiseModel,
                timeStats);
    }

    @Override
    public String toString() {
        return "NetworkSpec[hidden=" + Arrays.toString(hidden) + ", activation=" + activation + ", init=" + init
                + ", initGain=" + initGain + ", norm=" + norm + ", bnPlacement=" + bnPlacement
                + ", affine=" + affine + ", gamma=" + gamma + ", beta=" + beta + ", bnMomentum=" + bnMomentum
                + ", bnEps=" + bnEps + ", normNoise=" + normNoise + ", normGroups=" + normGroups + ", renormRMax="
                + renormRMax + ", renormDMax=" + renormDMax + ", renormWarmup=" + renormWarmup + ", normNoiseModel="
                + normNoiseModel + ", timeStats=" + timeStats + "]";
    }
}
