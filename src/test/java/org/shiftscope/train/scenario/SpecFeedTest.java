package org.shiftscope.train.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shiftscope.train.scenario.Settings.*;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every field of the engine's specs is fed by exactly one line of the table, and by the right one: a setting changed
 * alone changes its own field, to its value, and no other (a swapped or missing column fails here).
 */
class SpecFeedTest {
    /** which spec field each setting feeds, written out here independently of the table's columns */
    private static final Map<Setting<?>, String> FIELD = new LinkedHashMap<>();

    static {
        FIELD.put(DATASET, "dataset.name");
        FIELD.put(DATASET_PATH, "dataset.path");
        FIELD.put(NOISE, "dataset.noise");
        FIELD.put(SAMPLES, "dataset.samples");
        FIELD.put(TEST_FRACTION, "dataset.testFraction");
        FIELD.put(MIN_LENGTH, "dataset.minLength");
        FIELD.put(MAX_LENGTH, "dataset.maxLength");
        FIELD.put(TEST_MIN_LENGTH, "dataset.testMinLength");
        FIELD.put(TEST_MAX_LENGTH, "dataset.testMaxLength");
        FIELD.put(HIDDEN, "network.hidden");
        FIELD.put(ACTIVATION, "network.activation");
        FIELD.put(INIT, "network.init");
        FIELD.put(INIT_GAIN, "network.initGain");
        FIELD.put(NORM, "network.norm");
        FIELD.put(NORM_GROUPS, "network.normGroups");
        FIELD.put(RENORM_RMAX, "network.renormRMax");
        FIELD.put(RENORM_DMAX, "network.renormDMax");
        FIELD.put(RENORM_WARMUP, "network.renormWarmup");
        FIELD.put(BN_PLACEMENT, "network.bnPlacement");
        FIELD.put(AFFINE, "network.affine");
        FIELD.put(GAMMA, "network.gamma");
        FIELD.put(BETA, "network.beta");
        FIELD.put(BN_MOMENTUM, "network.bnMomentum");
        FIELD.put(NORM_NOISE, "network.normNoise");
        FIELD.put(NORM_NOISE_MODEL, "network.normNoiseModel");
        FIELD.put(BN_EPS, "network.bnEps");
        FIELD.put(TIME_STATS, "network.timeStats");
        FIELD.put(OPTIMIZER, "training.optimizer");
        FIELD.put(LEARNING_RATE, "training.learningRate");
        FIELD.put(BATCH_SIZE, "training.batchSize");
        FIELD.put(MOMENTUM, "training.momentum");
        FIELD.put(CLIP_NORM, "training.clipNorm");
        FIELD.put(SPEED, "training.speed");
        FIELD.put(STEPS, "training.steps");
        FIELD.put(SEED, "training.seed");
        FIELD.put(EVAL_EVERY, "training.evalEvery");
        FIELD.put(STATS_EVERY, "training.statsEvery");
        FIELD.put(BACKEND, "training.backend");
        FIELD.put(PRECISION, "training.precision");
    }

    @Test
    void everySpecFieldIsNamedOnceAboveAndOnlyTheScenariosWordsFeedNothing() {
        Set<String> named = new HashSet<>(FIELD.values());
        assertEquals(FIELD.size(), named.size());
        assertEquals(named, fields(Scenario.defaults()).keySet());
        List<Setting<?>> none = new ArrayList<>(Settings.all());
        none.removeAll(FIELD.keySet());
        assertEquals(List.of(NAME, TITLE, DESCRIPTION, VIEW_TAP, LAB_EVERY), none);
    }

    @Test
    void theDefaultScenariosSpecsHoldEverySettingsDefault() {
        Map<String, Object> spec = fields(Scenario.defaults());
        for (Map.Entry<Setting<?>, String> e : FIELD.entrySet()) {
            assertEquals(plain(e.getKey().defaultValue()), spec.get(e.getValue()), e.getValue());
        }
    }

    @Test
    void aSettingChangedAloneChangesItsOwnFieldToItsValueAndNoOther() {
        Map<String, Object> before = fields(Scenario.defaults());
        for (Setting<?> k : Settings.all()) {
            Optional<?> other = OtherValues.of(k);
            if (other.isEmpty()) { // a choice of one (the optimizer): its default is checked above
                assertEquals(1, k.choices().size(), k.key());
                continue;
            }
            Map<String, Object> after = fields(with(Scenario.defaults(), k, other.get()));
            List<String> changed = after.keySet().stream().filter(f -> !after.get(f).equals(before.get(f))).toList();
            String field = FIELD.get(k);
            assertEquals(field == null ? List.of() : List.of(field), changed, k.key());
            if (field != null) assertEquals(plain(other.get()), after.get(field), k.key());
        }
    }

    private static <T> Scenario with(Scenario s, Setting<T> k, Object v) {
        return s.with(k, k.cast(v));
    }

    /** every field of the three specs, as "spec.field" → value with whole numbers as long and widths as a list */
    private static Map<String, Object> fields(Scenario s) {
        Map<String, Object> out = new LinkedHashMap<>();
        add(out, "dataset", s.dataset());
        add(out, "network", s.network());
        add(out, "training", s.training());
        return out;
    }

    private static void add(Map<String, Object> out, String spec, Record r) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                out.put(spec + "." + c.getName(), plain(c.getAccessor().invoke(r)));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** a value in one form for comparing a setting with a spec field: int as long, int[] as a list */
    private static Object plain(Object v) {
        if (v instanceof Integer i) return i.longValue();
        if (v instanceof int[] a) return Arrays.stream(a).boxed().toList();
        return v;
    }
}
