package org.shiftscope.train.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shiftscope.train.scenario.Settings.*;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.shiftscope.data.DatasetKind;
import org.shiftscope.nn.ActivationKind;
import org.shiftscope.nn.Affine;
import org.shiftscope.nn.Backend;
import org.shiftscope.nn.Init;
import org.shiftscope.nn.NetworkSpec;
import org.shiftscope.nn.Optimizer;
import org.shiftscope.nn.Placement;

/** A scenario: every setting's value, changed one at a time within its range, compared over every setting. */
class ScenarioTest {
    private static final Scenario D = Scenario.defaults();

    @Test
    void defaultsAreEveryDefault() {
        assertSame(D, Scenario.defaults());
        for (Setting<?> s : Settings.all()) assertEquals(s.defaultValue(), D.get(s), s.key());
        assertEquals("default", D.name());
        assertEquals("Spiral with BatchNorm", D.title());
        assertTrue(D.description().startsWith("Two interleaved spirals"), D.description());
        assertFalse(D.compare());
    }

    @Test
    void viewsForTheEngine() {
        assertEquals(new DatasetSpec(DatasetKind.SPIRAL, "", 0.1, 1000, 0.2), D.dataset());
        assertEquals(new NetworkSpec(new int[] {8, 8, 8}, ActivationKind.TANH, Init.XAVIER, 1.0, true,
                Placement.BEFORE, Affine.LEARNED, 1.0, 0.0, 0.1, 1e-5, 0.0), D.network());
        assertEquals(new TrainingSpec(Optimizer.SGD, 0.03, 0.9, 32, 3000, 1, 100, 1, Backend.AUTO, 0.0),
                D.training());
        Scenario s = D.with(SAMPLES, 500L).with(BATCH_SIZE, 7L).with(EVAL_EVERY, 9L).with(STATS_EVERY, 3L)
                .with(HIDDEN, List.of(64, 32)).with(DATASET_PATH, "/data").with(SEED, -5L).with(SPEED, 20.0);
        assertEquals(500, s.dataset().samples());
        assertEquals("/data", s.dataset().path());
        assertEquals(7, s.training().batchSize());
        assertEquals(9, s.training().evalEvery());
        assertEquals(3, s.training().statsEvery());
        assertEquals(-5, s.training().seed());
        assertEquals(20.0, s.training().speed());
        assertArrayEquals(new int[] {64, 32}, s.network().hidden());
    }

    @Test
    void everySettingReachesAView() {
        for (Setting<?> k : Settings.all()) {
            Optional<Scenario> changed = changed(D, k);
            if (changed.isEmpty()) continue;
            Scenario s = changed.get();
            assertNotEquals(views(D), views(s), k.key() + " changes nothing the engine reads");
        }
    }

    private static List<Object> views(Scenario s) {
        return List.of(s.name(), s.title(), s.description(), s.compare(), s.dataset(), s.network(), s.training(),
                s.shownTap(), s.labEvery());
    }

    private static <T> Optional<Scenario> changed(Scenario s, Setting<T> k) {
        return OtherValues.of(k).map(v -> s.with(k, v));
    }

    @Test
    void onlyASettingWithASingleValueCannotChange() {
        for (Setting<?> k : Settings.all()) {
            if (OtherValues.of(k).isEmpty()) {
                assertTrue(k.type() instanceof ValueType.Choice<?> c && c.values().size() == 1, k.key());
            }
        }
        assertTrue(OtherValues.of(OPTIMIZER).isEmpty()); // SGD only, for now
    }

    @Test
    void withChangesOneSettingOnly() {
        Scenario s = D.with(LEARNING_RATE, 0.5);
        assertEquals(0.5, s.get(LEARNING_RATE));
        assertEquals(0.03, D.get(LEARNING_RATE)); // immutable
        for (Setting<?> k : Settings.all()) {
            assertEquals(k != LEARNING_RATE, !s.differs(D, k), k.key());
        }
        assertEquals(0.5, s.training().learningRate());
        assertEquals(D.network(), s.network());
        assertEquals(D.dataset(), s.dataset());
    }

    @Test
    void withTheValueInForceIsTheSameScenario() {
        assertSame(D, D.with(GAMMA, 1.0));
        Scenario s = D.with(GAMMA, 2.0);
        assertSame(s, s.with(GAMMA, 2.0));
        assertEquals(D, s.with(GAMMA, 1.0));
        assertEquals(D.hashCode(), s.with(GAMMA, 1.0).hashCode());
        assertEquals(D.toString(), s.with(GAMMA, 1.0).toString()); // back to the default: nothing stored
    }

    @Test
    void withRefusesValuesOutOfRange() {
        assertEquals("training.learning_rate = -1.0 is out of range; expected a number > 0 and ≤ 100.",
                refusal(LEARNING_RATE, -1.0));
        assertEquals("training.learning_rate = 0.0 is out of range; expected a number > 0 and ≤ 100.",
                refusal(LEARNING_RATE, 0.0));
        assertEquals("training.momentum = 1.0 is out of range; expected a number ≥ 0 and < 1.",
                refusal(MOMENTUM, 1.0));
        assertEquals("training.batch_size = 0 is out of range; expected a whole number from 1 to 4096.",
                refusal(BATCH_SIZE, 0L));
        assertEquals("network.hidden = [8,0] is out of range; expected a list of 1 to 12 whole numbers from 1 to "
                + "1024 (e.g. [64, 32]).", refusal(HIDDEN, List.of(8, 0)));
        assertEquals("network.hidden = [] is out of range; expected a list of 1 to 12 whole numbers from 1 to "
                + "1024 (e.g. [64, 32]).", refusal(HIDDEN, List.of()));
        assertTrue(refusal(GAMMA, Double.NaN).startsWith("network.gamma = \"NaN\" is out of range"));
        assertTrue(refusal(SPEED, Double.POSITIVE_INFINITY).contains("≥ 0 and ≤ 1000000"));
    }

    private static <T> String refusal(Setting<T> k, T v) {
        return assertThrows(ScenarioException.class, () -> D.with(k, v)).getMessage();
    }

    @Test
    void withRefusesNothingAndTheWrongType() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> D.with(GAMMA, null));
        assertEquals("network.gamma", e.getMessage());
        @SuppressWarnings({"unchecked", "rawtypes"})
        Setting<Object> raw = (Setting) BATCH_SIZE;
        assertThrows(ClassCastException.class, () -> D.with(raw, 32));
        assertThrows(ClassCastException.class, () -> D.with(raw, "32"));
    }

    @Test
    void equalityAndHashOverEverySetting() {
        Set<Integer> hashes = new HashSet<>();
        hashes.add(D.hashCode());
        int changedSettings = 0;
        for (Setting<?> k : Settings.all()) {
            Optional<Scenario> c = changed(D, k);
            if (c.isEmpty()) continue;
            changedSettings++;
            Scenario s = c.get();
            assertNotEquals(D, s, k.key());
            assertNotEquals(s, D, k.key());
            assertTrue(s.differs(D, k), k.key());
            assertTrue(hashes.add(s.hashCode()), k.key() + ": same hash as another scenario");
            // the same values reached another way are equal, with the same hash
            Scenario again = changed(D.with(SEED, 5L), k).orElseThrow();
            again = k == SEED ? again : again.with(SEED, 1L);
            assertEquals(s, again, k.key());
            assertEquals(s.hashCode(), again.hashCode(), k.key());
        }
        assertEquals(Settings.all().size() - 1, changedSettings);
        assertEquals(D, D);
        assertNotEquals(D, null);
        assertNotEquals(D, "default");
        assertEquals(D.with(NAME, "x").with(SEED, 9L), D.with(SEED, 9L).with(NAME, "x"));
        assertEquals(D.with(NAME, "x").with(SEED, 9L).hashCode(), D.with(SEED, 9L).with(NAME, "x").hashCode());
    }

    @Test
    void hashFollowsTheValuesInTableOrder() {
        int h = 1;
        for (Setting<?> s : Settings.all()) h = 31 * h + s.defaultValue().hashCode();
        assertEquals(31 * h + List.of().hashCode(), D.hashCode()); // and then the (no) variants
    }

    @Test
    void namedCopy() {
        Scenario s = D.withName("mine");
        assertEquals("mine", s.name());
        assertEquals("mine", s.get(NAME));
        assertEquals("default", D.name());
        assertEquals("Spiral with BatchNorm", s.title());
        assertEquals(D.with(TITLE, "T").title(), "T");
        assertEquals(D.with(DESCRIPTION, "What it shows").description(), "What it shows");
        assertTrue(VariantPreset.BN_VS_PLAIN.applyTo(D).compare());
    }

    @Test
    void toStringListsWhatDiffersFromTheDefaultsInTableOrder() {
        assertEquals("Scenario[defaults otherwise]", D.toString());
        assertEquals("Scenario[name=x, network.hidden=[4, 4], training.learning_rate=0.5, defaults otherwise]",
                D.with(LEARNING_RATE, 0.5).with(NAME, "x").with(HIDDEN, List.of(4, 4)).toString());
    }
}
