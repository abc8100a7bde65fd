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
        Session s = Session.create(scenario("network.hidden=8,12,7", "network.norm=group", "network.norm_groups=8"));
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
    void inCompareModeTheNormalizedTwinUsesTheChoiceAndThePlainTwinStaysPlain() {
        Session s = Session.create(scenario("compare=true", "network.norm=layer"));
        assertInstanceOf(LayerNorm.class, s.runs().get(0).net.normLayer(1));
        assertNull(s.runs().get(1).net.normLayer(1));
        s.set(Settings.NORM, NormKind.NONE); // none counts as BatchNorm for the normalized twin
        assertEquals(NormKind.BATCH, s.runs().get(0).net.norm());
        assertEquals(NormKind.NONE, s.runs().get(1).net.norm());
        // both twins still start from the same weights
        Session t = Session.create(scenario("compare=true", "network.norm=group"));
        assertArrayEquals(t.runs().get(0).net.dense(1).w.value.data, t.runs().get(1).net.dense(1).w.value.data);
    }
}
