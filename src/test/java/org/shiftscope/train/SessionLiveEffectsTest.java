package org.shiftscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.shiftscope.nn.Affine;
import org.shiftscope.nn.BatchNorm;
import org.shiftscope.nn.BatchRenorm;
import org.shiftscope.nn.GroupNorm;
import org.shiftscope.nn.Network;
import org.shiftscope.nn.NormKind;
import org.shiftscope.nn.Placement;
import org.shiftscope.nn.Sgd;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.Settings;

/** Session.apply reaches every run's network and optimizer through each changed setting's effect. */
class SessionLiveEffectsTest {

    @Test
    void theOptimizersSettings() {
        Session s = Session.create(Scenario.defaults());
        s.apply(Scenario.defaults().with(Settings.LEARNING_RATE, 0.5).with(Settings.MOMENTUM, 0.3));
        Sgd sgd = s.runs().get(0).sgd;
        assertEquals(0.5, sgd.learningRate());
        assertEquals(0.3, sgd.momentum());
    }

    @Test
    void theNormalizerItsGroupsAndItsBounds() {
        Session s = Session.create(Scenario.defaults());
        Network net = s.runs().get(0).net;
        s.apply(s.scenario().with(Settings.NORM, NormKind.GROUP).with(Settings.NORM_GROUPS, 2L));
        assertEquals(NormKind.GROUP, net.norm());
        assertEquals(2, ((GroupNorm) net.normLayer(1)).groups());
        s.apply(s.scenario().with(Settings.NORM, NormKind.RENORM).with(Settings.RENORM_RMAX, 2.0)
                .with(Settings.RENORM_DMAX, 1.5));
        BatchRenorm renorm = (BatchRenorm) net.normLayer(1);
        assertEquals(2.0, renorm.rMax());
        assertEquals(1.5, renorm.dMax());
        s.apply(s.scenario().with(Settings.NORM, NormKind.NONE));
        assertNull(net.normLayer(1));
    }

    @Test
    void placementGammaBetaAndEps() {
        Session s = Session.create(Scenario.defaults());
        Network net = s.runs().get(0).net;
        s.apply(s.scenario().with(Settings.BN_PLACEMENT, Placement.AFTER).with(Settings.AFFINE, Affine.FIXED)
                .with(Settings.GAMMA, 2.0).with(Settings.BETA, -1.0).with(Settings.BN_EPS, 1e-3));
        assertSame(Placement.AFTER, net.placement());
        assertSame(Affine.FIXED, net.affine());
        assertEquals(2.0, net.normLayer(1).gamma.value.get(0));
        assertEquals(-1.0, net.normLayer(1).beta.value.get(0));
        assertEquals(1e-3, net.normLayer(1).eps());
    }

    @Test
    void runningAverageMomentumAndNoiseTakeEffectAtTheNextStep() {
        Session s = Session.create(Scenario.defaults());
        Network net = s.runs().get(0).net;
        s.step(); // the first batch sets the running averages outright
        s.apply(s.scenario().with(Settings.BN_MOMENTUM, 1.0).with(Settings.NORM_NOISE, 1.0));
        s.step();
        BatchNorm bn = (BatchNorm) net.normLayer(1);
        assertEquals(bn.batchMean(0), bn.runningMean(0)); // momentum 1: the batch replaces the average
        assertNotEquals(1.0, bn.noiseScale(0));
    }
}
