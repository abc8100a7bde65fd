package org.shiftscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shiftscope.train.scenario.Settings.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shiftscope.nn.Affine;
import org.shiftscope.nn.NormKind;
import org.shiftscope.nn.Placement;
import org.shiftscope.train.scenario.Setting;
import org.shiftscope.train.scenario.Settings;

/** A marker's words for every live setting: the table's symbol where it has one, else its label's first words. */
class EventWordsTest {

    @Test
    void everyLiveSettingsMarkerWords() {
        List<String> words = new ArrayList<>();
        for (Setting<?> k : Settings.all()) if (k.apply() == Setting.Apply.LIVE) words.add(label(k));
        assertEquals(List.of("BN→LayerNorm", "groups 4→2", "r max 3.0→2.0", "d max 5.0→2.0",
                "warm-up steps 0→100", "BN after activation", "γ/β fixed", "γ 1.00→2.00", "β 0.00→2.00",
                "BN momentum 0.10→2.00", "BN noise 0.00→2.00", "noise model per unit→per example (the paper's)",
                "ε 1e-05→2", "BN statistics per time step→shared by all steps", "lr 0.03→2", "batch 32→2",
                "momentum 0.90→2.00", "clip 0.0→2.0", "speed max→2", "test accuracy every 100→2",
                "statistics every 1→2", "ICS lab every 0→2"), words);
    }

    @Test
    void theNormalizersWordsSayWhatTurnedOnOrOff() {
        assertEquals("BN off", EventWords.label(NORM, NormKind.BATCH, NormKind.NONE));
        assertEquals("GroupNorm on", EventWords.label(NORM, NormKind.NONE, NormKind.GROUP));
        assertEquals("γ/β learned", EventWords.label(AFFINE, Affine.FIXED, Affine.LEARNED));
        assertEquals("BN before activation", EventWords.label(BN_PLACEMENT, Placement.AFTER, Placement.BEFORE));
    }

    /** the words for a change from the default to another value (2, 100, or the first other choice) */
    @SuppressWarnings("unchecked")
    private static <T> String label(Setting<T> k) {
        T def = k.defaultValue();
        Object next;
        if (k == NORM) next = NormKind.LAYER;
        else if (k == RENORM_WARMUP) next = 100L;
        else if (def instanceof Long) next = 2L;
        else if (def instanceof Double) next = 2.0;
        else next = k.choices().stream().filter(c -> !c.equals(def)).findFirst().orElseThrow();
        return EventWords.label(k, def, (T) next);
    }
}
