package org.shiftscope.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.shiftscope.nn.Tap;

/** A lesson's entry in lessons.json: its tap is one of the taps' keys, or the lesson is refused saying so. */
class LessonsTest {
    /** an entry of lessons.json with this "tap" field (none when null) */
    private static String entry(String tap) {
        return "{\"number\": 12, \"title\": \"Gradients\", \"scenario\": \"default\","
                + (tap == null ? "" : " \"tap\": \"" + tap + "\",")
                + " \"look\": \"l\", \"move\": \"m\", \"expect\": \"e\", \"why\": \"w\", \"from\": 0, \"rows\": [1],"
                + " \"summary\": \"{main.p50:1:gradient}\"}";
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
}
