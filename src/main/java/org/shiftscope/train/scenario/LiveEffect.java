package org.shiftscope.train.scenario;

import java.util.EnumSet;
import java.util.function.BiConsumer;
import org.shiftscope.nn.NetworkSpec;

/**
 * What a change of a live setting ({@link Setting#effect}) does to one run's network or optimizer, with the values of
 * the scenario the run trains from then on, weights kept. Declared in the order one change applies them: the
 * optimizer's, then the normalizer before its groups, bounds, placement and γ/β. Settings set together share one
 * effect (r max, d max and the warm-up: {@code setRenorm}; γ/β mode, γ and β: {@code setAffine}), called once
 * however many of them changed.
 */
public enum LiveEffect {
    LEARNING_RATE((e, s) -> e.sgd().setLearningRate(s.training().learningRate())),
    MOMENTUM((e, s) -> e.sgd().setMomentum(s.training().momentum())),
    NORM((e, s) -> e.net().setNorm(s.network().norm())),
    GROUPS((e, s) -> e.net().setGroups(s.network().normGroups())),
    /** a warm-up still running sets them again before each of its steps */
    RENORM((e, s) -> e.net().setRenorm(s.network().renormRMax(), s.network().renormDMax())),
    PLACEMENT((e, s) -> e.net().setPlacement(s.network().bnPlacement())),
    AFFINE((e, s) -> {
        NetworkSpec n = s.network();
        e.net().setAffine(n.affine(), n.gamma(), n.beta());
    }),
    BN_MOMENTUM((e, s) -> e.net().setBnMomentum(s.network().bnMomentum())),
    BN_EPS((e, s) -> e.net().setBnEps(s.network().bnEps())),
    /** its magnitude and its model together */
    NORM_NOISE((e, s) -> e.net().setNormNoise(s.network().normNoise(), s.network().normNoiseModel())),
    TIME_STATS((e, s) -> e.net().setTimeStatistics(s.network().timeStats()));

    /** the engine call, given the run and the scenario it now trains */
    private final BiConsumer<Engine, Scenario> call;

    LiveEffect(BiConsumer<Engine, Scenario> call) {
        this.call = call;
    }

    /** the effects of the settings that differ from {@code old} to {@code next}: each once, in declared order */
    public static EnumSet<LiveEffect> due(Scenario old, Scenario next) {
        EnumSet<LiveEffect> due = EnumSet.noneOf(LiveEffect.class);
        for (Setting<?> s : Settings.all()) if (s.effect() != null && next.differs(old, s)) due.add(s.effect());
        return due;
    }

    /** Makes one run's network or optimizer take the new value(s) of this effect's settings from {@code next}. */
    public void apply(Engine run, Scenario next) {
        call.accept(run, next);
    }
}
