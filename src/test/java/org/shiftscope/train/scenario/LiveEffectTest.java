package org.shiftscope.train.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shiftscope.train.scenario.Settings.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.shiftscope.nn.Affine;

/** Which engine call a change of each live setting makes, once per call, in the order they were always made. */
class LiveEffectTest {

    @Test
    void theEffectsAreDeclaredInTheOrderAChangeAppliesThem() {
        assertEquals(List.of(LiveEffect.LEARNING_RATE, LiveEffect.MOMENTUM, LiveEffect.NORM, LiveEffect.GROUPS,
                LiveEffect.RENORM, LiveEffect.PLACEMENT, LiveEffect.AFFINE, LiveEffect.BN_MOMENTUM,
                LiveEffect.BN_EPS, LiveEffect.NORM_NOISE, LiveEffect.TIME_STATS), List.of(LiveEffect.values()));
    }

    @Test
    void eachSettingsEffect() {
        Map<Setting<?>, LiveEffect> expected = new LinkedHashMap<>();
        expected.put(NORM, LiveEffect.NORM);
        expected.put(NORM_GROUPS, LiveEffect.GROUPS);
        expected.put(RENORM_RMAX, LiveEffect.RENORM);
        expected.put(RENORM_DMAX, LiveEffect.RENORM);
        expected.put(RENORM_WARMUP, LiveEffect.RENORM);
        expected.put(BN_PLACEMENT, LiveEffect.PLACEMENT);
        expected.put(AFFINE, LiveEffect.AFFINE);
        expected.put(GAMMA, LiveEffect.AFFINE);
        expected.put(BETA, LiveEffect.AFFINE);
        expected.put(BN_MOMENTUM, LiveEffect.BN_MOMENTUM);
        expected.put(NORM_NOISE, LiveEffect.NORM_NOISE);
        expected.put(NORM_NOISE_MODEL, LiveEffect.NORM_NOISE);
        expected.put(BN_EPS, LiveEffect.BN_EPS);
        expected.put(TIME_STATS, LiveEffect.TIME_STATS);
        expected.put(LEARNING_RATE, LiveEffect.LEARNING_RATE);
        expected.put(MOMENTUM, LiveEffect.MOMENTUM);
        List<Setting<?>> withEffect = new ArrayList<>();
        for (Setting<?> s : Settings.all()) {
            assertEquals(expected.get(s), s.effect(), s.key());
            if (s.effect() != null) withEffect.add(s);
        }
        assertEquals(List.copyOf(expected.keySet()), withEffect);
        assertEquals(List.of(BATCH_SIZE, CLIP_NORM, SPEED, EVAL_EVERY, STATS_EVERY, LAB_EVERY), Settings.all().stream()
                .filter(s -> s.apply() == Setting.Apply.LIVE && s.effect() == null).toList()); // read where used
    }

    @Test
    void aSettingChangedAloneCallsItsEffectAndNoOther() {
        Scenario d = Scenario.defaults();
        for (Setting<?> k : Settings.all()) {
            Optional<?> other = OtherValues.of(k);
            if (other.isEmpty()) continue; // a choice of one: it cannot change
            EnumSet<LiveEffect> due = LiveEffect.due(d, with(d, k, other.get()));
            assertEquals(k.effect() == null ? EnumSet.noneOf(LiveEffect.class) : EnumSet.of(k.effect()), due,
                    k.key());
        }
    }

    @Test
    void settingsSetTogetherCallTheirEffectOnceAndEveryChangeCallsEveryEffectInOrder() {
        Scenario d = Scenario.defaults();
        assertEquals(EnumSet.of(LiveEffect.AFFINE),
                LiveEffect.due(d, d.with(AFFINE, Affine.FIXED).with(GAMMA, 2.0).with(BETA, 1.0)));
        assertEquals(EnumSet.of(LiveEffect.RENORM),
                LiveEffect.due(d, d.with(RENORM_RMAX, 2.0).with(RENORM_DMAX, 1.0).with(RENORM_WARMUP, 10L)));
        Scenario all = d;
        for (Setting<?> k : Settings.perVariant()) all = with(all, k, OtherValues.of(k).orElseThrow());
        assertEquals(List.of(LiveEffect.values()), List.copyOf(LiveEffect.due(d, all)));
        assertEquals(EnumSet.noneOf(LiveEffect.class), LiveEffect.due(all, all));
    }

    private static <T> Scenario with(Scenario s, Setting<T> k, Object v) {
        return s.with(k, k.cast(v));
    }
}
