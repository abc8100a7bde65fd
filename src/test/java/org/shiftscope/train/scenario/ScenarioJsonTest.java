package org.shiftscope.train.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shiftscope.train.scenario.Settings.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.shiftscope.data.DatasetKind;
import org.shiftscope.nn.ActivationKind;
import org.shiftscope.nn.Init;
import org.shiftscope.nn.NormKind;

/**
 * Scenario JSON and {@code --set}, following the table: sections, round trips of every preset and every setting,
 * each value type accepted and refused with a message naming the source, key, value and what is allowed, and
 * suggestions for unknown keys.
 */
class ScenarioJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Scenario D = Scenario.defaults();

    static List<String> presets() {
        return ScenarioIO.presetNames();
    }

    // ---------------------------------------------------------------- writing and round trips

    @ParameterizedTest
    @MethodSource("presets")
    void everyPresetRoundTrips(String name) {
        Scenario p = ScenarioIO.preset(name);
        assertEquals(name, p.name());
        String json = ScenarioIO.toJson(p);
        Scenario back = ScenarioIO.parse(json, name);
        assertEquals(p, back);
        assertEquals(p.hashCode(), back.hashCode());
        for (Setting<?> s : Settings.all()) assertEquals(p.get(s), back.get(s), s.key());
        assertEquals(json, ScenarioIO.toJson(back)); // writing is a fixed point
    }

    @Test
    void presetsAreListedInTheirIndexAndDiffer() {
        List<String> names = ScenarioIO.presetNames();
        assertEquals(List.of("default", "welcome", "figure1", "bn-paper"), names.subList(0, 4));
        assertEquals(15, names.size());
        for (String n : names) assertTrue(!n.isBlank() && !n.startsWith("#") && n.equals(n.trim()), n);
        List<Scenario> all = names.stream().map(ScenarioIO::preset).toList();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) assertNotEquals(all.get(i), all.get(j), names.get(j));
        }
        assertEquals(D, all.get(0));
    }

    @Test
    void everySettingRoundTripsThroughJson() {
        for (Setting<?> k : Settings.all()) roundTrip(k);
    }

    private static <T> void roundTrip(Setting<T> k) {
        Optional<T> v = OtherValues.of(k);
        if (v.isEmpty()) return;
        Scenario s = D.with(k, v.get());
        if (k == DATASET && v.get() == DatasetKind.IDX) s = s.with(DATASET_PATH, "/data");
        Scenario back = ScenarioIO.parse(ScenarioIO.toJson(s), "t");
        assertEquals(v.get(), back.get(k), k.key());
        assertEquals(s, back, k.key());
    }

    @Test
    void writesEveryKeyInSectionsInTableOrder() throws Exception {
        String json = ScenarioIO.toJson(D.with(LEARNING_RATE, 0.5).with(HIDDEN, List.of(64, 32)));
        assertTrue(json.endsWith("}\n"), json);
        JsonNode root = JSON.readTree(json);
        assertEquals(List.of("name", "title", "description", "dataset", "network", "training", "view", "lab"),
                names(root));
        assertEquals(List.of("name", "title", "description", "dataset", "network", "training", "view", "lab",
                "variants"),
                names(JSON.readTree(ScenarioIO.toJson(VariantPreset.NOISY.applyTo(D)))));
        assertEquals(List.of("name", "path", "noise", "samples", "test_fraction", "min_length", "max_length",
                "test_min_length", "test_max_length"), names(root.get("dataset")));
        assertEquals(List.of("hidden", "activation", "init", "init_gain", "norm", "norm_groups", "renorm_rmax",
                "renorm_dmax", "renorm_warmup", "bn_placement", "affine", "gamma", "beta", "bn_momentum", "norm_noise",
                "norm_noise_model", "bn_eps", "time_stats"),
                names(root.get("network")));
        assertEquals(List.of("optimizer", "learning_rate", "batch_size", "momentum", "clip_norm", "speed", "steps", "seed",
                "eval_every", "stats_every", "backend", "precision"), names(root.get("training")));
        assertEquals(0.5, root.get("training").get("learning_rate").asDouble());
        assertEquals("[64,32]", root.get("network").get("hidden").toString());
        assertEquals("\"spiral\"", root.get("dataset").get("name").toString());
        assertEquals("32", root.get("training").get("batch_size").toString());
        assertEquals("\"batch\"", root.get("network").get("norm").toString());
        assertEquals("4", root.get("network").get("norm_groups").toString());
        assertTrue(json.contains("\n  \"dataset\" : {\n    \"name\" : \"spiral\","), json); // indented
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) out.add(it.next());
        return out;
    }

    // ---------------------------------------------------------------- reading

    @Test
    void sectionsFlatKeysAndEmptySections() {
        Scenario nested = ScenarioIO.parse("{\"training\": {\"learning_rate\": 0.5}, \"name\": \"n\"}", "t");
        Scenario flat = ScenarioIO.parse("{\"training.learning_rate\": 0.5, \"name\": \"n\"}", "t");
        assertEquals(nested, flat);
        assertEquals(0.5, flat.training().learningRate());
        assertEquals("n", flat.name());
        assertEquals(D, ScenarioIO.parse("{\"network\": {}, \"dataset\": {}}", "t"));
        assertEquals(D, ScenarioIO.parse("{}", "t"));
        Scenario later = ScenarioIO.parse("{\"network\": {\"gamma\": 2}, \"network.gamma\": 3}", "t");
        assertEquals(3.0, later.get(GAMMA)); // keys apply in file order
    }

    @Test
    void aSectionMustBeAnObjectOfItsKeys() {
        assertEquals("bad.json: network = 5 is not allowed; expected an object with the keys hidden, activation, "
                + "init, init_gain, norm, norm_groups, renorm_rmax, renorm_dmax, renorm_warmup, bn_placement, affine, gamma, beta, "
                + "bn_momentum, norm_noise, norm_noise_model, bn_eps, time_stats.",
                refusal("{\"network\": 5}"));
        assertEquals("bad.json: dataset = \"spiral\" is not allowed; expected an object with the keys name, path, "
                + "noise, samples, test_fraction, min_length, max_length, test_min_length, test_max_length.", refusal("{\"dataset\": \"spiral\"}"));
        assertEquals("bad.json: training = [] is not allowed; expected an object with the keys optimizer, "
                + "learning_rate, batch_size, momentum, clip_norm, speed, steps, seed, eval_every, stats_every, backend, "
                + "precision.",
                refusal("{\"training\": []}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // numbers
        "{\"training\": {\"learning_rate\": 0}}|training.learning_rate = 0 is out of range; expected a number > 0 and ≤ 100.",
        "{\"training\": {\"learning_rate\": 100.5}}|training.learning_rate = 100.5 is out of range; expected a number > 0 and ≤ 100.",
        "{\"training\": {\"momentum\": 1}}|training.momentum = 1 is out of range; expected a number ≥ 0 and < 1.",
        "{\"training\": {\"momentum\": \"0.9\"}}|training.momentum = \"0.9\" has the wrong type; expected a number ≥ 0 and < 1.",
        "{\"dataset\": {\"test_fraction\": 0}}|dataset.test_fraction = 0 is out of range; expected a number > 0 and ≤ 0.9.",
        // whole numbers
        "{\"training\": {\"batch_size\": 0}}|training.batch_size = 0 is out of range; expected a whole number from 1 to 4096.",
        "{\"training\": {\"batch_size\": 4097}}|training.batch_size = 4097 is out of range; expected a whole number from 1 to 4096.",
        "{\"training\": {\"batch_size\": 2.5}}|training.batch_size = 2.5 has the wrong type; expected a whole number from 1 to 4096.",
        "{\"training\": {\"seed\": 12345678901234567890}}|training.seed = 12345678901234567890 has the wrong type; expected a whole number from -9223372036854775808 to 9223372036854775807.",
        // true/false
        "{\"compare\": 1}|compare = 1 has the wrong type; expected true or false (or a variants list).",
        // variants
        "{\"variants\": {}}|variants = {} is not allowed; expected a list of variants, e.g. [{\"name\": \"bn\", \"network\": {\"norm\": \"batch\"}}].",
        "{\"variants\": [{\"name\": \"a\"}, {\"name\": \"b\"}, {\"name\": \"c\"}, {\"name\": \"d\"}, {\"name\": \"e\"}]}|variants has 5 entries; at most 4 train side by side.",
        "{\"variants\": [{\"network\": {\"norm\": \"batch\"}}]}|variants[0].name is missing; expected 1–20 lower-case letters, digits or '-' (e.g. bn, plain, layer).",
        "{\"variants\": [{\"name\": \"BN\"}]}|variants[0]: variant name 'BN' is not allowed; expected 1–20 lower-case letters, digits or '-', starting with a letter or digit.",
        "{\"variants\": [{\"name\": \"a\"}, {\"name\": \"a\"}]}|variants[1].name = a is taken by variants[0]; each variant needs its own name.",
        "{\"variants\": [{\"name\": \"a\", \"color\": \"blue\"}]}|variants[0]: variant a: color = blue is not allowed; expected #rrggbb (e.g. #0072b2).",
        "{\"variants\": [{\"name\": \"a\", \"network\": {\"norm\": \"instance\"}}]}|variants[0].network.norm = \"instance\" is not allowed; expected one of none, batch, layer, group, renorm.",
        "{\"variants\": [{\"name\": \"a\", \"network\": {\"renorm_rmax\": 0.5}}]}|variants[0].network.renorm_rmax = 0.5 is out of range; expected a number ≥ 1 and ≤ 100.",
        "{\"variants\": [{\"name\": \"a\", \"training\": {\"batch_size\": 2}}]}|variants[0].training.batch_size cannot differ between variants: they share it (same data, batches and layers). A variant may set network.norm, network.norm_groups, network.renorm_rmax, network.renorm_dmax, network.renorm_warmup, network.bn_placement, network.affine, network.gamma, network.beta, network.bn_momentum, network.norm_noise, network.norm_noise_model, network.bn_eps, network.time_stats, training.learning_rate, training.momentum.",
        "{\"network\": {\"hidden\": [8, 6]}, \"variants\": [{\"name\": \"g\", \"network\": {\"norm\": \"group\", \"norm_groups\": 4}}]}|variants[0].network.norm_groups = 4 does not divide hidden layer 2's 6 units; GroupNorm needs a number of groups that divides every layer's width: 1, 2.",
        "{\"network\": {\"norm\": \"group\", \"norm_groups\": 3}}|network.norm_groups = 3 does not divide hidden layer 1's 8 units; GroupNorm needs a number of groups that divides every layer's width: 1, 2, 4, 8.",
        "{\"network\": {\"batchnorm\": \"true\"}}|network.batchnorm = \"true\" has the wrong type; expected true or false (or use network.norm = one of none, batch, layer, group, renorm).",
        // text
        "{\"name\": 5}|name = 5 has the wrong type; expected a text.",
        "{\"dataset\": {\"path\": null}}|dataset.path = null has the wrong type; expected a folder path (text).",
        // choices
        "{\"network\": {\"activation\": \"softplus\"}}|network.activation = \"softplus\" is not allowed; expected one of sigmoid, tanh, relu, linear.",
        "{\"network\": {\"activation\": 2}}|network.activation = 2 has the wrong type; expected one of sigmoid, tanh, relu, linear.",
        "{\"dataset\": {\"name\": \"FASHION_MNIST\"}}|dataset.name = \"FASHION_MNIST\" is not allowed; expected one of spiral, circles, xor, gaussians, teacher, idx, fashion-mnist, mnist, more-ones, adding.",
        // lists
        "{\"network\": {\"hidden\": [0, 3]}}|network.hidden = [0,3] is out of range; expected a list of 1 to 12 whole numbers from 1 to 1024 (e.g. [64, 32]).",
        "{\"network\": {\"hidden\": []}}|network.hidden = [] is out of range; expected a list of 1 to 12 whole numbers from 1 to 1024 (e.g. [64, 32]).",
        "{\"network\": {\"hidden\": \"64,32\"}}|network.hidden = \"64,32\" has the wrong type; expected a list of 1 to 12 whole numbers from 1 to 1024 (e.g. [64, 32]).",
    })
    void refusalsNameTheKeyTheValueAndWhatIsAllowed(String json, String message) {
        assertEquals("bad.json: " + message, refusal(json));
    }

    @Test
    void variantsSaveAndReopenIdentically() {
        for (VariantPreset p : VariantPreset.values()) {
            Scenario s = p.applyTo(D.with(LEARNING_RATE, 0.2));
            Scenario back = ScenarioIO.parse(ScenarioIO.toJson(s), "t");
            assertEquals(s, back, p.key);
            assertEquals(s.variants(), back.variants(), p.key);
            assertEquals(ScenarioIO.toJson(s), ScenarioIO.toJson(back), p.key);
        }
        Scenario own = ScenarioIO.parse("""
                {"training": {"learning_rate": 0.1},
                 "variants": [{"name": "fast", "color": "#ff0000", "training": {"learning_rate": 1.0}},
                              {"name": "slow", "network": {"norm": "layer", "bn_placement": "after"}}]}
                """, "t");
        assertEquals(List.of("fast", "slow"), own.variants().stream().map(Variant::name).toList());
        assertEquals(1.0, own.run(0).training().learningRate());
        assertEquals(0.1, own.run(1).training().learningRate());
        assertEquals(NormKind.LAYER, own.run(1).network().norm());
        assertEquals("#ff0000", own.runColor(0));
        assertEquals("#e69f00", own.runColor(1), "a colour by position when its name has none");
        assertEquals("with BN, learning rate 1", own.runLabel(0));
        assertEquals("with LayerNorm, after activation", own.runLabel(1));
        assertEquals(own, ScenarioIO.parse(ScenarioIO.toJson(own), "again"));
    }

    @Test
    void oldCompareFilesMeanTheBnVsPlainVariants() {
        Scenario s = ScenarioIO.parse("{\"compare\": true, \"network\": {\"norm\": \"layer\"}}", "old");
        assertEquals(List.of("bn", "plain"), List.of(s.runName(0), s.runName(1)));
        assertEquals(NormKind.LAYER, s.run(0).network().norm());
        assertEquals(NormKind.NONE, s.run(1).network().norm());
        assertEquals(VariantPreset.BN_VS_PLAIN.applyTo(D.with(NORM, NormKind.LAYER)), s);
        assertEquals(D, ScenarioIO.parse("{\"compare\": false}", "old"));
        assertEquals(List.of("with LayerNorm", "without BN"), List.of(s.runLabel(0), s.runLabel(1)));
    }

    @Test
    void setReachesEachVariant() {
        Scenario s = VariantPreset.NORMALIZERS.applyTo(D);
        s = ScenarioIO.withOverride(s, "variants[2].network.norm_groups", "2");
        s = ScenarioIO.withOverride(s, "variants[0].name", "batch");
        s = ScenarioIO.withOverride(s, "variants[3].color", "#00ff00");
        s = ScenarioIO.withOverride(s, "variants[1].network.batchnorm", "false");
        assertEquals(2, s.run(2).network().normGroups());
        assertEquals("batch", s.runName(0));
        assertEquals("#00ff00", s.runColor(3));
        assertEquals(NormKind.NONE, s.run(1).network().norm());
        assertEquals("--set variants[4].network.norm: there is no variant 4; this scenario has 4 (0–3).",
                assertThrows(ScenarioException.class,
                        () -> ScenarioIO.withOverride(VariantPreset.NORMALIZERS.applyTo(D),
                                "variants[4].network.norm", "layer")).getMessage());
        assertEquals("--set variants[0].network.norm = instance is not allowed; expected one of none, batch, layer, "
                + "group, renorm.", assertThrows(ScenarioException.class,
                        () -> ScenarioIO.withOverride(VariantPreset.NORMALIZERS.applyTo(D), "variants[0].network.norm",
                                "instance")).getMessage());
        assertTrue(assertThrows(ScenarioException.class, () -> ScenarioIO.withOverride(D, "variants[0].network.norm",
                "layer")).getMessage().contains("this scenario has none (add some with --variants"));
        assertTrue(assertThrows(ScenarioException.class, () -> ScenarioIO.withOverride(
                VariantPreset.NOISY.applyTo(D), "variants[1].training.seed", "3")).getMessage()
                .contains("cannot differ between variants"));
    }

    @Test
    void acceptedValuesOfEveryType() {
        Scenario s = ScenarioIO.parse("""
                {"name": "x", "compare": true,
                 "dataset": {"name": "fashion-mnist", "path": "/d", "samples": 6e4, "test_fraction": 0.9},
                 "network": {"hidden": [1024, 1.0], "activation": "relu", "gamma": -100, "beta": 100},
                 "training": {"learning_rate": 100, "momentum": 0, "batch_size": 4096, "seed": -9223372036854775808}}
                """, "t");
        assertEquals("x", s.name());
        assertTrue(s.compare());
        assertEquals(DatasetKind.FASHION_MNIST, s.dataset().name());
        assertEquals("/d", s.dataset().path());
        assertEquals(60_000, s.dataset().samples());
        assertEquals(0.9, s.dataset().testFraction());
        assertEquals(List.of(1024, 1), s.get(HIDDEN));
        assertEquals(ActivationKind.RELU, s.network().activation());
        assertEquals(-100.0, s.network().gamma());
        assertEquals(100.0, s.network().beta());
        assertEquals(100.0, s.training().learningRate());
        assertEquals(0.0, s.training().momentum());
        assertEquals(4096, s.training().batchSize());
        assertEquals(Long.MIN_VALUE, s.training().seed());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1, 2]|bad.json: a scenario must be a JSON object ({ ... }), found array.",
        "\"spiral\"|bad.json: a scenario must be a JSON object ({ ... }), found string.",
        "null|bad.json: a scenario must be a JSON object ({ ... }), found null.",
        "''|bad.json: a scenario must be a JSON object ({ ... }), found nothing.",
        "'  \n '|bad.json: a scenario must be a JSON object ({ ... }), found nothing.",
    })
    void theWholeFileMustBeAnObject(String json, String message) {
        assertEquals(message, refusal(json));
    }

    @Test
    void invalidJsonSaysWhere() {
        String m = refusal("{\n  \"name\": \"x\",\n  \"compare\": tru\n}");
        assertTrue(m.startsWith("bad.json: not valid JSON at line 3, column "), m);
        assertTrue(m.endsWith(")."), m);
        assertTrue(m.contains("tru"), m);
    }

    @Test
    void idxNeedsAFolder() {
        String expected = "bad.json: dataset.name = \"idx\" needs dataset.path = a folder holding "
                + "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and "
                + "t10k-labels-idx1-ubyte (each optionally .gz).";
        assertEquals(expected, refusal("{\"dataset\": {\"name\": \"idx\"}}"));
        assertEquals(expected, refusal("{\"dataset\": {\"name\": \"idx\", \"path\": \"  \"}}"));
        Scenario s = ScenarioIO.parse("{\"dataset\": {\"name\": \"idx\", \"path\": \"/data/mnist\"}}", "t");
        assertEquals("/data/mnist", s.dataset().path());
        // the other data sets need no folder
        for (DatasetKind k : DatasetKind.values()) {
            if (k == DatasetKind.IDX) continue;
            Scenario other = D.with(DATASET, k);
            assertSame(other, ScenarioIO.validate(other, "t"));
        }
        // --set checks keys one by one; validate checks them together once all are in
        Scenario idx = ScenarioIO.withOverride(D, "dataset.name", "idx");
        assertEquals(DatasetKind.IDX, idx.dataset().name());
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioIO.validate(idx, "--set"));
        assertEquals(expected.replace("bad.json", "--set"), e.getMessage());
        Scenario withPath = ScenarioIO.withOverride(idx, "dataset.path", "/data/mnist");
        assertSame(withPath, ScenarioIO.validate(withPath, "--set"));
    }

    // ---------------------------------------------------------------- unknown keys

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "training.learnig_rate|training.learning_rate", // a letter left out
        "training.learning_rat|training.learning_rate", // the last letter left out
        "xtraining.seed|training.seed",                  // one too many, first
        "network.gammaa|network.gamma",                  // one too many, last
        "network.gamme|network.gamma",                   // one wrong, last
        "metwork.gamma|network.gamma",                   // one wrong, first
        "trainign.seed|training.seed",                   // two swapped
        "nam|name",
        "titel|title",
        "training.learning_r|training.learning_rate",    // 3 away: still a suggestion
        "training.stat|training.steps",                  // 3 from steps and from seed: the first in file order
        "Training.Seed|training.seed",
    })
    void aNearKeyIsSuggested(String typo, String suggested) {
        String m = assertThrows(ScenarioException.class,
                () -> ScenarioIO.withOverride(D, typo, "1")).getMessage();
        assertEquals("--set: unknown key " + typo + ". Did you mean " + suggested + "?", m);
    }

    @ParameterizedTest
    @CsvSource({"training.learning_", "colour", "learning_rate", "training.optimiser.xyz", "x", "xy"})
    void aFarKeyGetsTheListOfKeys(String typo) {
        String m = assertThrows(ScenarioException.class,
                () -> ScenarioIO.withOverride(D, typo, "1")).getMessage();
        assertEquals("--set: unknown key " + typo + ". Known keys: " + String.join(", ", ScenarioIO.keys()) + ".",
                m);
    }

    @Test
    void unknownKeysInFilesAndSections() {
        assertEquals("bad.json: unknown key training.learnig_rate. Did you mean training.learning_rate?",
                refusal("{\"training\": {\"learnig_rate\": 0.1}}"));
        assertEquals("bad.json: unknown key network.gama. Did you mean network.gamma?",
                refusal("{\"network.gama\": 2}"));
        assertTrue(refusal("{\"training\": {\"training\": {}}}")
                .startsWith("bad.json: unknown key training.training. Known keys: name, title, "));
        assertTrue(refusal("{\"trainig\": {\"seed\": 1}}").startsWith("bad.json: unknown key trainig. Known keys: "));
        assertTrue(refusal("{\"name\": {\"x\": 1}}").startsWith("bad.json: name = {\"x\":1} has the wrong type"));
    }

    // ---------------------------------------------------------------- --set

    @Test
    void setEverySettingAsText() {
        for (Setting<?> k : Settings.all()) setAsText(k);
    }

    private static <T> void setAsText(Setting<T> k) {
        Optional<T> v = OtherValues.of(k);
        if (v.isEmpty()) return;
        Scenario s = ScenarioIO.withOverride(D, k.key(), OtherValues.text(v.get()));
        assertEquals(v.get(), s.get(k), k.key());
        assertEquals(D.with(k, v.get()), s, k.key());
    }

    @Test
    void setTextForms() {
        assertEquals(List.of(64, 32), ScenarioIO.withOverride(D, "network.hidden", "[64, 32]").get(HIDDEN));
        assertEquals(List.of(5), ScenarioIO.withOverride(D, "network.hidden", " 5 ").get(HIDDEN));
        assertEquals(1000L, ScenarioIO.withOverride(D, "dataset.samples", "1e3").get(SAMPLES));
        assertEquals(0.5, ScenarioIO.withOverride(D, "training.learning_rate", " .5 ").get(LEARNING_RATE));
        assertEquals("two words", ScenarioIO.withOverride(D, "title", "two words").title());
        assertEquals("", ScenarioIO.withOverride(D.with(DATASET_PATH, "/x"), "dataset.path", "").dataset().path());
        assertEquals(NormKind.NONE, ScenarioIO.withOverride(D, "network.batchnorm", "false").get(NORM));
        assertEquals(NormKind.GROUP, ScenarioIO.withOverride(D, "network.norm", "group").get(NORM));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "training.learning_rate|abc|training.learning_rate = abc has the wrong type; expected a number > 0 and ≤ 100.",
        "training.learning_rate|0|training.learning_rate = 0 is out of range; expected a number > 0 and ≤ 100.",
        "training.momentum|1|training.momentum = 1 is out of range; expected a number ≥ 0 and < 1.",
        "training.batch_size|big|training.batch_size = big has the wrong type; expected a whole number from 1 to 4096.",
        "training.batch_size|2.5|training.batch_size = 2.5 has the wrong type; expected a whole number from 1 to 4096.",
        "training.batch_size|0|training.batch_size = 0 is out of range; expected a whole number from 1 to 4096.",
        "compare|yes|compare = yes has the wrong type; expected true or false.",
        "network.activation|softplus|network.activation = softplus has the wrong type; expected one of sigmoid, tanh, relu, linear.",
        "network.hidden|64,,32|network.hidden = 64,,32 has the wrong type; expected a list of 1 to 12 whole numbers from 1 to 1024 (e.g. [64, 32]).",
        "network.hidden|0,3|network.hidden = 0,3 is out of range; expected a list of 1 to 12 whole numbers from 1 to 1024 (e.g. [64, 32]).",
        "network.hidden|''|network.hidden =  is out of range; expected a list of 1 to 12 whole numbers from 1 to 1024 (e.g. [64, 32]).",
    })
    void setRefusals(String key, String value, String message) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioIO.withOverride(D, key, value));
        assertEquals("--set: " + message, e.getMessage());
    }

    @Test
    void typedTextNamesTheControl() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioIO.setText(D, GAMMA, "1e3", GAMMA.label()));
        assertEquals("gamma γ: network.gamma = 1e3 is out of range; expected a number ≥ -100 and ≤ 100.",
                e.getMessage());
        assertEquals(2.5, ScenarioIO.setText(D, GAMMA, "2.5", GAMMA.label()).get(GAMMA));
        assertSame(D, ScenarioIO.setText(D, GAMMA, "1", GAMMA.label()));
    }

    /** old files' network.init_std: the gain with normal init, gain 1 with Xavier or He (which ignored it) */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"network\": {\"init\": \"normal\", \"init_std\": 20}}|NORMAL|20",
        "{\"network\": {\"init_std\": 0.01, \"init\": \"normal\"}}|NORMAL|0.01",
        "{\"network\": {\"init\": \"xavier\", \"init_std\": 0.1}}|XAVIER|1",
        "{\"network\": {\"init_std\": 5}}|XAVIER|1",
        "{\"network.init_std\": 3, \"network.init\": \"he\"}|HE|1",
        "{\"network.init_std\": 3, \"network.init\": \"normal\"}|NORMAL|3",
    })
    void legacyInitStdMeansTheSameRun(String json, Init init, double gain) {
        Scenario s = ScenarioIO.parse(json, "old.json");
        assertEquals(init, s.get(INIT));
        assertEquals(gain, s.get(INIT_GAIN));
        assertEquals(gain, s.network().initGain());
        assertFalse(ScenarioIO.toJson(s).contains("init_std"), "the old key is never written");
    }

    @Test
    void legacyInitStdFromSetAndItsRefusals() {
        Scenario normal = D.with(INIT, Init.NORMAL);
        assertEquals(0.5, ScenarioIO.withOverride(normal, "network.init_std", "0.5").get(INIT_GAIN));
        assertEquals(1.0, ScenarioIO.withOverride(D.with(INIT_GAIN, 4.0), "network.init_std", "0.5").get(INIT_GAIN));
        assertEquals(7.0, ScenarioIO.withOverride(D, "network.init_gain", "7").get(INIT_GAIN));
        assertEquals("--set: network.init_std = abc has the wrong type; expected a number > 0 and ≤ 100 (or use "
                + "network.init_gain).", assertThrows(ScenarioException.class,
                        () -> ScenarioIO.withOverride(normal, "network.init_std", "abc")).getMessage());
        assertEquals("bad.json: network.init_std = 0 is out of range; expected a number > 0 and ≤ 100 (or use "
                + "network.init_gain).", refusal("{\"network\": {\"init\": \"normal\", \"init_std\": 0}}"));
    }

    private static String refusal(String json) {
        return assertThrows(ScenarioException.class, () -> ScenarioIO.parse(json, "bad.json")).getMessage();
    }
}
