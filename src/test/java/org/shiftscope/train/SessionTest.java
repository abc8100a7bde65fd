package org.shiftscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shiftscope.nn.Affine;
import org.shiftscope.nn.BatchNorm;
import org.shiftscope.nn.Network;
import org.shiftscope.nn.Placement;
import org.shiftscope.nn.Tap;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.stats.TapStats;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.Settings;
import org.shiftscope.train.scenario.ScenarioIO;

class SessionTest {

    static Scenario scenario(String... overrides) {
        Scenario s = Scenario.defaults();
        for (String kv : overrides) {
            int eq = kv.indexOf('=');
            s = ScenarioIO.withOverride(s, kv.substring(0, eq), kv.substring(eq + 1));
        }
        return s;
    }

    static List<Snapshot> record(Session s) {
        List<Snapshot> list = new ArrayList<>();
        s.setListener(list::add);
        return list;
    }

    @Test
    void compareTwinsStartFromTheSameWeightsAndSeeTheSameBatches() {
        Session s = Session.create(scenario("compare=true", "training.stats_every=1"));
        assertEquals(List.of("bn", "plain"), s.runs().stream().map(r -> r.name).toList());
        Network bn = s.runs().get(0).net, plain = s.runs().get(1).net;
        assertTrue(bn.batchNorm());
        assertFalse(plain.batchNorm());
        for (int h = 1; h <= bn.depth(); h++) {
            assertArrayEquals(plain.dense(h).w.value.data, bn.dense(h).w.value.data, "layer " + h);
        }
        assertArrayEquals(plain.outputLayer().w.value.data, bn.outputLayer().w.value.data);
        List<Snapshot> snaps = record(s);
        s.step();
        // the same mini-batch: the first layer's linear tap is X·W (bias 0 at start) in both twins
        TapStats a = snaps.get(0).tap(1, Tap.LINEAR), b = snaps.get(1).tap(1, Tap.LINEAR);
        assertEquals("bn", snaps.get(0).run());
        assertEquals("plain", snaps.get(1).run());
        assertEquals(a.mean(), b.mean(), 1e-15);
        assertEquals(a.p50(), b.p50(), 1e-15);
        assertNotNull(snaps.get(0).tap(1, Tap.NORMALIZED));
        assertNull(snaps.get(1).tap(1, Tap.NORMALIZED));
    }

    @Test
    void liveChangesApplyBetweenStepsWithoutLosingWeights() {
        Session s = Session.create(scenario("training.stats_every=1"));
        for (int i = 0; i < 5; i++) s.step();
        Network net = s.runs().get(0).net;
        double[] w1 = net.dense(1).w.value.data.clone();
        s.set(Settings.LEARNING_RATE, 0.5);
        s.set(Settings.MOMENTUM, 0.0);
        s.set(Settings.BATCH_SIZE, 7L);
        s.set(Settings.NORM, org.shiftscope.nn.NormKind.NONE);
        s.set(Settings.BN_PLACEMENT, Placement.AFTER);
        s.set(Settings.AFFINE, Affine.FIXED);
        s.set(Settings.GAMMA, 2.0);
        s.set(Settings.BETA, 0.5);
        s.set(Settings.BN_MOMENTUM, 0.3);
        assertEquals(5, s.stepCount());
        assertArrayEquals(w1, net.dense(1).w.value.data, "no reset, no new weights");
        List<Snapshot> snaps = record(s);
        s.step();
        Snapshot last = snaps.get(snaps.size() - 1);
        assertEquals(6, last.step());
        assertEquals(7, last.batchSize());
        assertEquals(0.5, last.learningRate());
        assertFalse(last.batchNorm());
        assertNull(last.tap(1, Tap.NORMALIZED));
        assertEquals(0.5, s.scenario().training().learningRate());
        assertEquals(7, s.scenario().training().batchSize());
        assertFalse(s.scenario().network().batchnorm());
    }

    @Test
    void turningBatchNormOnMidRunTakesRunningStatsFromTheNextBatch() {
        Session s = Session.create(scenario("network.batchnorm=false", "network.gamma=1.5", "network.beta=-0.25"));
        for (int i = 0; i < 3; i++) s.step();
        s.set(Settings.NORM, org.shiftscope.nn.NormKind.BATCH);
        s.step();
        BatchNorm bn = s.runs().get(0).net.batchNormLayer(2);
        for (int u = 0; u < bn.units(); u++) {
            assertEquals(bn.batchMean(u), bn.runningMean(u), 1e-15);
        }
        assertTrue(s.runs().get(0).net.batchNorm());
    }

    @Test
    void fixedGammaBetaGiveTheNormalizedTapMeanBetaAndStdGamma() {
        Session s = Session.create(scenario("training.stats_every=1", "network.bn_eps=1e-9"));
        s.apply(s.scenario().with(Settings.AFFINE, Affine.FIXED).with(Settings.GAMMA, 2.0)
                .with(Settings.BETA, 0.5));
        List<Snapshot> snaps = record(s);
        s.step();
        s.step();
        for (int h = 1; h <= 3; h++) {
            TapStats t = snaps.get(1).tap(h, Tap.NORMALIZED);
            assertEquals(0.5, t.mean(), 1e-9, "layer " + h);
            assertEquals(2.0, t.std(), 1e-6, "layer " + h);
        }
    }

    @Test
    void divergenceIsRecordedAndStopsThatRun() {
        Session s = Session.create(scenario("network.batchnorm=false", "network.activation=linear",
                "network.init=normal", "network.init_gain=1", "training.learning_rate=10"));
        List<Snapshot> snaps = record(s);
        for (int i = 0; i < 300 && !s.allDiverged(); i++) s.step();
        assertTrue(s.allDiverged());
        Snapshot last = snaps.get(snaps.size() - 1);
        assertTrue(last.diverged());
        assertEquals(s.runs().get(0).divergedAt(), last.divergedAt());
        long at = s.stepCount();
        s.step(); // a diverged run is skipped, not thrown
        assertEquals(at + 1, s.stepCount());
    }

    @Test
    void twinsOnTwoThreadsGiveExactlyTheSequentialRun() {
        String[] big = {"compare=true", "dataset.name=teacher", "network.hidden=128,128", "training.batch_size=64",
            "training.stats_every=5", "training.eval_every=20"};
        Session seq = Session.create(scenario(big)), par = Session.create(scenario(big));
        par.setParallelRuns(2);
        List<Snapshot> a = record(seq), b = record(par);
        for (int i = 0; i < 60; i++) {
            seq.step();
            par.step();
        }
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).run(), b.get(i).run(), "published in run order");
            assertEquals(a.get(i).loss(), b.get(i).loss(), 0.0);
            assertEquals(a.get(i).testAccuracy(), b.get(i).testAccuracy(), 0.0);
            assertEquals(a.get(i).taps().size(), b.get(i).taps().size());
            for (int k = 0; k < a.get(i).taps().size(); k++) {
                assertEquals(a.get(i).taps().get(k).p50(), b.get(i).taps().get(k).p50(), 0.0);
            }
        }
        assertArrayEquals(seq.runs().get(1).net.dense(1).w.value.data, par.runs().get(1).net.dense(1).w.value.data);
    }

    @Test
    void sameSeedSameRun() {
        Session a = Session.create(scenario("training.stats_every=3"));
        Session b = Session.create(scenario("training.stats_every=3"));
        List<Snapshot> sa = record(a), sb = record(b);
        for (int i = 0; i < 30; i++) {
            a.step();
            b.step();
        }
        assertEquals(sa.size(), sb.size());
        for (int i = 0; i < sa.size(); i++) {
            assertEquals(sa.get(i).loss(), sb.get(i).loss());
            assertEquals(sa.get(i).taps().size(), sb.get(i).taps().size());
        }
    }

    @Test
    void noiseAfterBatchNormAppliesLiveAndOnlyWhileTraining() {
        Session s = Session.create(scenario("training.stats_every=1"));
        s.step();
        BatchNorm bn = s.runs().get(0).net.batchNormLayer(1);
        assertEquals(1.0, bn.noiseScale(0));
        s.set(Settings.NORM_NOISE, 0.5);
        s.step();
        assertNotEquals(1.0, bn.noiseScale(0), "a new draw at the step after the change");
        assertEquals(0.5, s.scenario().network().normNoise());
        s.set(Settings.NORM_NOISE, 0.0);
        s.step();
        assertEquals(1.0, bn.noiseScale(0));
    }
}
