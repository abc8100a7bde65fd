package org.shiftscope.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shiftscope.nn.Tap;
import org.shiftscope.train.scenario.Settings;

/**
 * A lesson's entry in lessons.json: its tap is one of the taps' keys, and its card names controls by key, or the
 * lesson is refused saying so.
 */
class LessonsTest {
    /** an entry of lessons.json with this "tap" field (none when null) */
    private static String entry(String tap) {
        return "{\"number\": 12, \"title\": \"Gradients\", \"scenario\": \"default\","
                + (tap == null ? "" : " \"tap\": \"" + tap + "\",")
                + " \"look\": \"l\", \"move\": \"m\", \"expect\": \"e\", \"why\": \"w\", \"from\": 0, \"rows\": [1],"
                + " \"summary\": \"{main.p50:1:gradient}\"}";
    }

    /** an entry whose "move" is these words (JSON-quoted here) and whose action is this key (none when null) */
    private static String moving(String move, String actionKey) {
        return "{\"number\": 12, \"title\": \"Gradients\", \"scenario\": \"default\", \"look\": \"l\", \"move\": \""
                + move + "\", \"expect\": \"e\", \"why\": \"w\", \"from\": 0, \"rows\": [1], \"summary\": \"s\""
                + (actionKey == null ? "" : ", \"action\": {\"label\": \"Do it\", \"key\": \"" + actionKey
                        + "\", \"value\": \"0.1\"}")
                + "}";
    }

    private static Lesson parse(String json) throws Exception {
        return Lessons.parse(new ObjectMapper().readTree(json));
    }

    @Test
    void everyTapsKeyIsALessonsTapAndTheActivationIsTheDefault() throws Exception {
        for (Tap t : Tap.values()) assertEquals(t, parse(entry(t.key())).tap());
        assertEquals(Tap.ACTIVATION, parse(entry(null)).tap());
    }

    @Test
    void aLessonWithAnUnknownTapIsRefusedNamingTheLessonAndTheKeys() {
        for (String bad : new String[] {"bogus", "GRADIENT", ""}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> parse(entry(bad)), bad);
            assertEquals("lessons.json, lesson 12: unknown tap '" + bad + "': one of linear, normalized, activation, "
                    + "gradient", e.getMessage());
        }
    }

    @Test
    void theCoursesLessonsAllRead() {
        for (Lesson l : Lessons.all()) assertEquals(l, Lessons.get(l.number()));
        assertEquals(10, Lessons.all().size());
    }

    @Test
    void aCardNamesSettingsAndControlsByKeyAndShowsTheirWordsFromTheTable() throws Exception {
        assertEquals("Try ‘Learning rate’, then ‘Reset’ (R).",
                parse(moving("Try {training.learning_rate}, then {reset}.", null)).move());
        assertEquals("Pick ‘Variants → One network’ and press ‘Play’ (Space).",
                parse(moving("Pick {variants=none} and press {play}.", null)).move());
        assertEquals("Set ‘γ/β → learned’, ‘Normalizer (B) → GroupNorm’, ‘Init gain → 20’; switch to ‘W·x+b’.",
                parse(moving("Set {network.affine=learned}, {network.norm=group}, {network.init_gain=20}; switch "
                        + "to {view.tap=linear}.", null)).move());
        assertEquals(Settings.LEARNING_RATE.label(), CardWords.label(Settings.LEARNING_RATE));
        assertEquals(List.of("training.learning_rate", "variants=none"),
                CardWords.names("{training.learning_rate} and {variants=none}"));
    }

    @Test
    void aCardThatNamesAnUnknownSettingControlOrButtonIsRefusedNamingTheLessonAndTheName() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("Switch {compare_mode} off.", "lessons.json, lesson 12: {compare_mode} names no setting, control or "
                + "button of the window (a setting's key, or one of lessons, play, step, reset, variants)");
        bad.put("Try {training.learning_rte}.", "lessons.json, lesson 12: {training.learning_rte} names no setting, "
                + "control or button of the window (a setting's key, or one of lessons, play, step, reset, variants)");
        bad.put("Pick {variants=compare-off}.", "lessons.json, lesson 12: {variants=compare-off}: ");
        bad.put("Set {network.norm=batchy}.", "lessons.json, lesson 12: {network.norm=batchy}: ");
        bad.put("Press {reset=now}.", "lessons.json, lesson 12: {reset} takes no value");
        bad.put("Read {description}.", "lessons.json, lesson 12: {description} has no control in the window");
        bad.put("An open {brace.", "lessons.json, lesson 12: a brace that names nothing in 'An open {brace.'");
        bad.put("Press the button below.", "lessons.json, lesson 12: the card names the button below, but the lesson "
                + "has no action");
        for (var e : bad.entrySet()) {
            IllegalStateException x = assertThrows(IllegalStateException.class, () -> parse(moving(e.getKey(), null)),
                    e.getKey());
            assertTrue(x.getMessage().startsWith(e.getValue()), x.getMessage());
        }
        assertDoesNotThrow(() -> parse(moving("Press the button below.", "training.learning_rate")));
    }

    @Test
    void noCardNamesAControlTheWindowDoesNotHave() {
        for (Lesson l : Lessons.all()) {
            for (String words : List.of(l.look(), l.move(), l.expect(), l.why(), l.next(), l.actionLabel())) {
                assertFalse(words.contains("{") || words.contains("}"), l.label() + ": " + words);
                // names of controls the window no longer has
                for (String gone : List.of("compare mode", "compare off", "compare on", "compare switch")) {
                    assertFalse(words.toLowerCase(java.util.Locale.ROOT).contains(gone), l.label() + ": " + gone);
                }
            }
        }
    }
}
