package org.shiftscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.shiftscope.nn.BatchRenorm;
import org.shiftscope.nn.GroupNorm;
import org.shiftscope.nn.LayerNorm;
import org.shiftscope.nn.Network;
import org.shiftscope.nn.NormKind;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioException;
import org.shiftscope.train.scenario.ScenarioIO;
import org.shiftscope.train.scenario.Settings;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.VariantPreset;
import java.util.List;

/** network.norm chooses the hidden layers' normalizer, live, keeping the weights; old files' batchnorm still read. */
class NormalizerChoiceTest {

    static Scenario scenario(String... kv) {
        Scenario s = Scenario.defaults();
        for (String pair : kv) {
            int eq = pair.indexOf('=');
            s = ScenarioIO.withOverride(s, pair.substring(0, eq), pair.substring(eq + 1));
        }
        return ScenarioIO.validate(s, "test");
    }

    @Test
    void oldFilesBatchnormKeyMeansBatchOrNoneAndIsNeverWritten() {
        assertEquals(NormKind.NONE, ScenarioIO.parse("{\"network\": {\"batchnorm\": false}}", "old.json")
                .network().norm());
        assertEquals(NormKind.BATCH, ScenarioIO.parse("{\"network\": {\"batchnorm\": true}}", "old.json")
                .network().norm());
        assertEquals(NormKind.LAYER, ScenarioIO.parse("{\"network\": {\"norm\": \"layer\", \"batchnorm\": true}}",
                "mixed.json").network().norm(), "true keeps a normalizer already chosen");
        assertEquals(NormKind.NONE, scenario("network.batchnorm=false").network().norm());
        String json = ScenarioIO.toJson(scenario("network.norm=group"));
        assertTrue(json.contains("\"norm\" : \"group\""), json);
        assertFalse(json.contains("batchnorm"), json);
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioIO.parse("{\"network\": {\"batchnorm\": \"yes\"}}", "bad.json"));
        assertTrue(e.getMessage().contains("network.batchnorm") && e.getMessage().contains("true or false"));
    }

    @Test
    void aLayerWhoseWidthTheGroupsDoNotDivideUsesTheLargestNumberBelowThatDoes() {
        // files and the panel refuse such groups (ScenarioJsonTest); the engine still copes with one made in code
        assertThrows(ScenarioException.class,
                () -> scenario("network.hidden=8,12,7", "network.norm=group", "network.norm_groups=8"));
        Scenario unchecked = Scenario.defaults().with(Settings.HIDDEN, List.of(8, 12, 7))
                .with(Settings.NORM, NormKind.GROUP).with(Settings.NORM_GROUPS, 8L);
        Session s = Session.create(unchecked);
        Network net = s.runs().get(0).net;
        assertEquals(8, ((GroupNorm) net.normLayer(1)).groups());
        assertEquals(6, ((GroupNorm) net.normLayer(2)).groups());
        assertEquals(7, ((GroupNorm) net.normLayer(3)).groups());
        assertEquals(1, Network.groupsFor(7, 5), "a prime width: one group");
        assertEquals(4, Network.groupsFor(8, 5));
        s.step();
        assertTrue(Double.isFinite(s.runs().get(0).loss()));
        ScenarioException e = assertThrows(ScenarioException.class, () -> scenario("network.norm=softnorm"));
        assertTrue(e.getMessage().contains("none, batch, layer, group, renorm"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> scenario("network.renorm_rmax=0.5"));
        assertTrue(e.getMessage().contains("network.renorm_rmax"), e.getMessage());
    }

    @Test
    void theNormalizerChangesLiveAndKeepsTheWeights() {
        Session s = Session.create(scenario("training.stats_every=1"));
        for (int i = 0; i < 5; i++) s.step();
        Network net = s.runs().get(0).net;
        double[] w = net.dense(2).w.value.data.clone();
        s.set(Settings.NORM, NormKind.LAYER);
        assertInstanceOf(LayerNorm.class, net.normLayer(1));
        assertTrue(net.dense(1).useBias(), "a bias before LayerNorm still matters");
        s.step();
        s.set(Settings.NORM_GROUPS, 2L);
        s.set(Settings.NORM, NormKind.GROUP);
        assertEquals(2, ((GroupNorm) net.normLayer(2)).groups());
        s.step();
        s.set(Settings.NORM, NormKind.RENORM);
        s.set(Settings.RENORM_RMAX, 2.0);
        assertEquals(2.0, ((BatchRenorm) net.normLayer(3)).rMax());
        assertFalse(net.dense(1).useBias(), "a bias right before Batch Renorm is cancelled, as before BatchNorm");
        s.step();
        s.set(Settings.NORM, NormKind.NONE);
        assertNull(net.normLayer(1));
        assertEquals(8, s.stepCount());
        assertTrue(Double.isFinite(s.runs().get(0).loss()));
        assertFalse(java.util.Arrays.equals(w, net.dense(2).w.value.data), "it kept training the same weights");
    }

    @Test
    void oldCompareFilesTwinTheChosenNormalizerWithAPlainNetwork() {
        Session s = Session.create(scenario("network.norm=layer", "compare=true"));
        assertInstanceOf(LayerNorm.class, s.runs().get(0).net.normLayer(1));
        assertNull(s.runs().get(1).net.normLayer(1));
        s.set(Settings.NORM, NormKind.NONE); // the shared value: both variants set their own
        assertEquals(NormKind.LAYER, s.runs().get(0).net.norm());
        assertEquals(NormKind.NONE, s.runs().get(1).net.norm());
        // the twins still start from the same weights
        Session t = Session.create(scenario("network.norm=group", "compare=true"));
        assertArrayEquals(t.runs().get(0).net.dense(1).w.value.data, t.runs().get(1).net.dense(1).w.value.data);
        // a normalizer off counts as BatchNorm for the normalized twin
        Session u = Session.create(scenario("network.norm=none", "compare=true"));
        assertEquals(NormKind.BATCH, u.runs().get(0).net.norm());
    }

    @Test
    void aVariantsNormalizerChangesAtTheNextStepKeepingItsWeightsAndTheOthersAlone() {
        Scenario sc = VariantPreset.NORMALIZERS.applyTo(scenario());
        Session s = Session.create(sc);
        assertEquals(List.of(NormKind.BATCH, NormKind.LAYER, NormKind.GROUP, NormKind.RENORM),
                s.runs().stream().map(r -> r.net.norm()).toList());
        assertEquals(List.of("bn", "layer", "group", "renorm"), s.runs().stream().map(r -> r.name).toList());
        for (int i = 0; i < 3; i++) s.step();
        double[] w = s.runs().get(1).net.dense(2).w.value.data.clone();
        double[] others = s.runs().get(0).net.dense(2).w.value.data.clone();
        s.apply(sc.withVariant(1, sc.variants().get(1).with(Settings.NORM, NormKind.NONE)));
        assertEquals(NormKind.NONE, s.runs().get(1).net.norm());
        assertEquals(NormKind.BATCH, s.runs().get(0).net.norm());
        assertArrayEquals(w, s.runs().get(1).net.dense(2).w.value.data, "weights kept");
        assertArrayEquals(others, s.runs().get(0).net.dense(2).w.value.data);
        s.step();
        assertEquals(4, s.stepCount());
        assertFalse(java.util.Arrays.equals(w, s.runs().get(1).net.dense(2).w.value.data), "it trains on");
        // a variant's learning rate is its own
        s.apply(s.scenario().withVariant(2, s.scenario().variants().get(2).with(Settings.LEARNING_RATE, 0.5)));
        assertEquals(0.5, s.runs().get(2).sgd.learningRate());
        assertEquals(sc.training().learningRate(), s.runs().get(3).sgd.learningRate());
    }

    @Test
    void batchRenormsWarmUpLoosensTheClipsInAStraightLine() {
        Session s = Session.create(scenario("network.norm=renorm", "network.renorm_rmax=3", "network.renorm_dmax=5",
                "network.renorm_warmup=100"));
        BatchRenorm layer = (BatchRenorm) s.runs().get(0).net.normLayer(1);
        s.step(); // step 1 trains with the clips closed: plain BatchNorm
        assertEquals(1, layer.rMax(), 1e-12);
        assertEquals(0, layer.dMax(), 1e-12);
        while (s.stepCount() < 51) s.step(); // step 51: half way
        assertEquals(2, layer.rMax(), 1e-12);
        assertEquals(2.5, layer.dMax(), 1e-12);
        while (s.stepCount() < 130) s.step();
        assertEquals(3, layer.rMax(), 1e-12);
        assertEquals(5, layer.dMax(), 1e-12);
        // no warm-up: the clips hold from the first step; turning it off mid-ramp opens them at once
        Session t = Session.create(scenario("network.norm=renorm", "network.renorm_warmup=1000"));
        for (int i = 0; i < 10; i++) t.step();
        t.set(Settings.RENORM_WARMUP, 0L);
        BatchRenorm l2 = (BatchRenorm) t.runs().get(0).net.normLayer(1);
        assertEquals(Settings.RENORM_RMAX.defaultValue(), l2.rMax(), 1e-12);
        t.step();
        assertEquals(Settings.RENORM_DMAX.defaultValue(), l2.dMax(), 1e-12);
    }
}
