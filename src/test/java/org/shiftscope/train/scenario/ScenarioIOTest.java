package org.shiftscope.train.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shiftscope.nn.ActivationKind;
import org.shiftscope.nn.Placement;

class ScenarioIOTest {

    @Test
    void presetsRoundTripAndDefaultIsTheDefault() {
        assertTrue(ScenarioIO.presetNames().containsAll(java.util.List.of("default", "bn-paper")));
        for (String name : ScenarioIO.presetNames()) {
            Scenario s = ScenarioIO.preset(name);
            assertEquals(name, s.name());
            assertEquals(s, ScenarioIO.parse(ScenarioIO.toJson(s), name));
        }
        assertEquals(Scenario.defaults(), ScenarioIO.preset("default"));
        Scenario paper = ScenarioIO.preset("bn-paper");
        assertArrayEquals(new int[] {100, 100, 100}, paper.network().hidden());
        assertEquals(ActivationKind.SIGMOID, paper.network().activation());
        assertEquals(0.01, paper.network().initGain());
        assertEquals(60, paper.training().batchSize());
        assertEquals(50_000, paper.training().steps());
        assertTrue(paper.compare());
    }

    @Test
    void missingKeysTakeDefaults() {
        Scenario s = ScenarioIO.parse("{\"training\": {\"learning_rate\": 0.5}}", "t.json");
        assertEquals(0.5, s.training().learningRate());
        assertEquals(Scenario.defaults().network(), s.network());
    }

    @Test
    void overridesOfEveryType() {
        Scenario s = Scenario.defaults();
        s = ScenarioIO.withOverride(s, "network.hidden", "64,32");
        s = ScenarioIO.withOverride(s, "network.bn_placement", "after");
        s = ScenarioIO.withOverride(s, "compare", "true");
        s = ScenarioIO.withOverride(s, "training.seed", "-7");
        s = ScenarioIO.withOverride(s, "training.learning_rate", "1e-3");
        s = ScenarioIO.withOverride(s, "dataset.name", "xor");
        assertArrayEquals(new int[] {64, 32}, s.network().hidden());
        assertEquals(Placement.AFTER, s.network().bnPlacement());
        assertTrue(s.compare());
        assertEquals(-7, s.training().seed());
        assertEquals(1e-3, s.training().learningRate());
        assertEquals(org.shiftscope.data.DatasetKind.XOR, s.dataset().name());
        assertArrayEquals(new int[] {5}, ScenarioIO.withOverride(s, "network.hidden", "[5]").network().hidden());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"training\": {\"learning_rate\": -1}}|training.learning_rate|-1|> 0 and ≤ 100",
        "{\"training\": {\"batch_size\": 2.5}}|training.batch_size|2.5|whole number from 1 to 4096",
        "{\"training\": {\"batch_size\": \"big\"}}|training.batch_size|big|wrong type",
        "{\"network\": {\"activation\": \"softplus\"}}|network.activation|softplus|sigmoid, tanh, relu, linear",
        "{\"network\": {\"hidden\": [0, 3]}}|network.hidden|[0,3]|from 1 to 1024",
        "{\"network\": {\"hidden\": 3}}|network.hidden|3|list of 1 to 12",
        "{\"network\": {\"bn_momentum\": 1.5}}|network.bn_momentum|1.5|≥ 0 and ≤ 1",
        "{\"compare\": \"yes\"}|compare|yes|true or false",
        "{\"network\": 5}|network|5|expected an object",
        "{\"training\": {\"learnig_rate\": 0.1}}|learnig_rate|unknown key|Did you mean training.learning_rate",
        "{\"dataset\": {\"name\": \"idx\"}}|dataset.path|idx|a folder",
        "[1, 2]|bad.json|array|JSON object",
        "{\"name\": |bad.json|line 1|not valid JSON",
    })
    void rejectionsNameTheKeyTheValueAndWhatIsAllowed(String json, String key, String value, String allowed) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioIO.parse(json, "bad.json"));
        String m = e.getMessage();
        assertTrue(m.startsWith("bad.json: "), m);
        assertTrue(m.contains(key), m);
        assertTrue(m.contains(value), m);
        assertTrue(m.contains(allowed), m);
    }

    @Test
    void overrideRejections() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioIO.withOverride(Scenario.defaults(), "training.momentum", "1"));
        assertTrue(e.getMessage().contains("--set: training.momentum = 1 is out of range"), e.getMessage());
        e = assertThrows(ScenarioException.class,
                () -> ScenarioIO.withOverride(Scenario.defaults(), "network.batchnorm", "yes"));
        assertTrue(e.getMessage().contains("true or false"), e.getMessage());
        e = assertThrows(ScenarioException.class,
                () -> ScenarioIO.withOverride(Scenario.defaults(), "colour", "red"));
        assertTrue(e.getMessage().contains("unknown key colour"), e.getMessage());
    }

    @Test
    void filesSaveLoadAndFailClearly(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.json");
        Scenario s = ScenarioIO.withOverride(Scenario.defaults(), "network.gamma", "2.5");
        ScenarioIO.save(s, f);
        assertEquals(s, ScenarioIO.load(f));
        assertEquals(s, ScenarioIO.resolve(f.toString()));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioIO.load(dir.resolve("no.json")));
        assertTrue(e.getMessage().contains("no.json") && e.getMessage().contains("no such"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> ScenarioIO.resolve("nonsense"));
        assertTrue(e.getMessage().contains("nonsense") && e.getMessage().contains("bn-paper"), e.getMessage());
        Files.writeString(f, "{ \"network\": { \"gamma\": 1e9 } }");
        e = assertThrows(ScenarioException.class, () -> ScenarioIO.load(f));
        assertTrue(e.getMessage().contains("mine.json") && e.getMessage().contains("network.gamma"), e.getMessage());
    }
}
