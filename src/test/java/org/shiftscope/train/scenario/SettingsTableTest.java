package org.shiftscope.train.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shiftscope.train.scenario.Settings.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.shiftscope.train.scenario.Control.Kind;
import org.shiftscope.train.scenario.Setting.Apply;
import org.shiftscope.train.scenario.Setting.Group;

/** Invariants of THE table of settings: everything else is derived from it, so it has to be consistent. */
class SettingsTableTest {

    @Test
    void keysAreUniqueAndFoundByKey() {
        Set<String> keys = new HashSet<>();
        for (Setting<?> s : Settings.all()) {
            assertTrue(keys.add(s.key()), "two settings named " + s.key());
            assertSame(s, Settings.byKey(s.key()));
            assertTrue(s.key().matches("[a-z_]+(\\.[a-z_]+)?"), s.key());
        }
        assertEquals(44, keys.size());
        assertEquals(ScenarioIO.keys(), Settings.all().stream().map(Setting::key).toList());
        assertSame(LEARNING_RATE, Settings.byKey("training.learning_rate"));
        assertSame(NAME, Settings.byKey("name"));
        assertNull(Settings.byKey("learning_rate")); // dotted paths only
        assertNull(Settings.byKey("training"));
        assertNull(Settings.byKey("Training.Learning_Rate"));
        assertNull(Settings.byKey(""));
    }

    @Test
    void theTableIsInFileOrderAndReadOnly() {
        List<Setting<?>> all = Settings.all();
        assertEquals(List.of(NAME, TITLE, DESCRIPTION, DATASET), all.subList(0, 4));
        assertSame(LAB_EVERY, all.get(all.size() - 1));
        // sections are contiguous: dataset, then network, then training
        List<String> sections = new ArrayList<>();
        for (Setting<?> s : all) {
            String section = s.key().contains(".") ? s.key().substring(0, s.key().indexOf('.')) : "";
            if (sections.isEmpty() || !sections.get(sections.size() - 1).equals(section)) sections.add(section);
        }
        assertEquals(List.of("", "dataset", "network", "training", "view", "lab"), sections);
        assertThrows(UnsupportedOperationException.class, () -> all.add(NAME));
        assertThrows(UnsupportedOperationException.class, () -> Settings.all().remove(0));
    }

    @Test
    void everyPanelSettingHasALabelATooltipAndASection() {
        for (Setting<?> s : Settings.all()) {
            assertFalse(s.label().isBlank(), s.key() + " has no label");
            if (s.control() != null) {
                assertFalse(s.tooltip().isBlank(), s.key() + " has a control but no tooltip");
                assertTrue(s.group() != Group.HIDDEN, s.key());
                assertFalse(s.group().title.isBlank(), s.key());
            } else {
                assertSame(Group.HIDDEN, s.group(), s.key() + " is in a section but has no control");
            }
        }
    }

    @Test
    void everyDefaultIsAllowedByItsTypeAndOnItsControlsStep() {
        for (Setting<?> s : Settings.all()) check(s);
    }

    private static <T> void check(Setting<T> s) {
        T def = s.defaultValue();
        assertNotNull(def, s.key());
        assertSame(def, s.cast(def), s.key());
        assertTrue(s.type().allows(def), s.key() + " = " + def + " is not " + s.type().allowed());
        assertEquals(def, s.round(def), s.key() + ": the default is not what its control would show");
        assertEquals(def, s.type().fromJson(s.type().toJson(def)), s.key());
        assertEquals(def, s.type().fromText(OtherValues.text(def)), s.key());
    }

    @Test
    void everySliderStaysWithinItsSettingsRange() {
        for (Setting<?> s : Settings.all()) sliderEnds(s);
    }

    private static <T> void sliderEnds(Setting<T> s) {
        Control c = s.control();
        if (c == null || c.kind() != Kind.SLIDER) return;
        assertTrue(c.lo() < c.hi(), s.key());
        for (double end : new double[] {c.lo(), c.hi()}) {
            Object v = s.type().javaType() == Long.class ? (Object) Math.round(end) : (Object) end;
            assertTrue(s.type().allows(s.cast(v)), s.key() + ": the slider reaches " + end + ", which is refused");
        }
        // the default sits on the slider (the speed cap's 0 at its top)
        double def = ((Number) s.defaultValue()).doubleValue();
        double pos = c.position(def);
        assertTrue(pos >= c.minPosition() && pos <= c.maxPosition(), s.key());
        assertEquals(def, c.value(pos), Math.abs(def) * 1e-12, s.key());
    }

    @Test
    void sectionsListTheirSettingsInTableOrder() {
        assertEquals(List.of(SEED), Settings.inGroup(Group.SCENARIO));
        assertEquals(List.of(DATASET, NOISE, MIN_LENGTH, MAX_LENGTH, TEST_MIN_LENGTH, TEST_MAX_LENGTH),
                Settings.inGroup(Group.DATA));
        assertEquals(List.of(HIDDEN, ACTIVATION, INIT, INIT_GAIN), Settings.inGroup(Group.NETWORK));
        assertEquals(List.of(NORM, NORM_GROUPS, RENORM_RMAX, RENORM_DMAX, RENORM_WARMUP, BN_PLACEMENT, AFFINE, GAMMA, BETA,
                BN_MOMENTUM, NORM_NOISE, NORM_NOISE_MODEL, TIME_STATS),
                Settings.inGroup(Group.BATCHNORM));
        assertEquals(List.of(LEARNING_RATE, BATCH_SIZE, MOMENTUM, CLIP_NORM, SPEED), Settings.inGroup(Group.TRAINING));
        assertEquals(List.of(), Settings.inGroup(Group.HIDDEN));
        // every setting with a control is in exactly one section
        List<Setting<?>> shown = new ArrayList<>();
        for (Group g : Group.values()) shown.addAll(Settings.inGroup(g));
        assertEquals(Settings.all().stream().filter(s -> s.control() != null).toList().size(), shown.size());
        assertEquals(Set.copyOf(Settings.all().stream().filter(s -> s.control() != null).toList()),
                Set.copyOf(shown));
    }

    @Test
    void whatAChangeDoes() {
        assertEquals(List.of(NORM, NORM_GROUPS, RENORM_RMAX, RENORM_DMAX, RENORM_WARMUP, BN_PLACEMENT, AFFINE, GAMMA, BETA,
                BN_MOMENTUM, NORM_NOISE, NORM_NOISE_MODEL, BN_EPS, TIME_STATS, LEARNING_RATE, BATCH_SIZE, MOMENTUM,
                CLIP_NORM, SPEED, EVAL_EVERY, STATS_EVERY, LAB_EVERY), withApply(Apply.LIVE));
        assertEquals(List.of(NAME, TITLE, DESCRIPTION, STEPS, VIEW_TAP), withApply(Apply.NONE));
        assertEquals(List.of(DATASET, DATASET_PATH, NOISE, SAMPLES, TEST_FRACTION, MIN_LENGTH, MAX_LENGTH,
                TEST_MIN_LENGTH, TEST_MAX_LENGTH, HIDDEN, ACTIVATION,
                INIT, INIT_GAIN, OPTIMIZER, SEED, BACKEND, PRECISION), withApply(Apply.REBUILD));
    }

    @Test
    void variantsChangeOnlyLiveSettingsOfTheNormalizerAndTheOptimizer() {
        assertEquals(List.of(NORM, NORM_GROUPS, RENORM_RMAX, RENORM_DMAX, RENORM_WARMUP, BN_PLACEMENT, AFFINE, GAMMA, BETA,
                BN_MOMENTUM, NORM_NOISE, NORM_NOISE_MODEL, BN_EPS, TIME_STATS, LEARNING_RATE, MOMENTUM),
                Settings.perVariant());
        for (Setting<?> s : Settings.perVariant()) assertEquals(Apply.LIVE, s.apply(), s.key());
    }

    @Test
    void theVariantsKeysInMessagesAreInTableOrder() {
        assertEquals("network.norm, network.norm_groups, network.renorm_rmax, network.renorm_dmax, "
                + "network.renorm_warmup, network.bn_placement, network.affine, network.gamma, network.beta, "
                + "network.bn_momentum, network.norm_noise, network.norm_noise_model, network.bn_eps, "
                + "network.time_stats, training.learning_rate, training.momentum",
                Settings.perVariantKeys());
    }

    @Test
    void theNormalizersOwnSettingsOnlyMatterWithANormalizerAndAVariantMayChangeThem() {
        List<Setting<?>> normOnly = Settings.all().stream().filter(Setting::normOnly).toList();
        assertEquals(List.of(NORM_GROUPS, RENORM_RMAX, RENORM_DMAX, RENORM_WARMUP, BN_PLACEMENT, AFFINE, GAMMA, BETA,
                BN_MOMENTUM, NORM_NOISE, NORM_NOISE_MODEL, BN_EPS, TIME_STATS), normOnly);
        assertTrue(Settings.perVariant().containsAll(normOnly));
    }

    @Test
    void markerSymbols() {
        List<String> symbols = new ArrayList<>();
        for (Setting<?> s : Settings.all()) if (!s.symbol().isEmpty()) symbols.add(s.key() + " " + s.symbol());
        assertEquals(List.of("network.norm_groups groups", "network.renorm_rmax r max", "network.renorm_dmax d max",
                "network.gamma γ", "network.beta β", "network.bn_momentum BN momentum", "network.norm_noise BN noise",
                "network.norm_noise_model noise model", "network.bn_eps ε", "network.time_stats BN statistics",
                "training.learning_rate lr", "training.batch_size batch", "training.clip_norm clip",
                "lab.every ICS lab every"), symbols);
    }

    private static List<Setting<?>> withApply(Apply a) {
        return Settings.all().stream().filter(s -> s.apply() == a).toList();
    }

    @Test
    void optionWordsAreDistinct() {
        for (Setting<?> s : Settings.all()) {
            List<String> words = s.choices().stream().map(s::optionLabel).toList();
            assertEquals(words.size(), Set.copyOf(words).size(), s.key());
            for (String w : words) assertFalse(w.isBlank(), s.key());
        }
    }

    @Test
    void controlsMatchTheirTypes() {
        for (Setting<?> s : Settings.all()) {
            Control c = s.control();
            if (c == null) continue;
            Class<?> t = s.type().javaType();
            switch (c.kind()) {
                case SLIDER -> assertTrue(t == Double.class || t == Long.class, s.key());
                case CHECK -> assertSame(Boolean.class, t, s.key());
                case TOGGLES, CHOICE -> assertTrue(t.isEnum(), s.key());
                case LAYERS -> assertSame(List.class, t, s.key());
                case TEXT -> assertFalse(t.isEnum(), s.key());
            }
        }
    }
}
