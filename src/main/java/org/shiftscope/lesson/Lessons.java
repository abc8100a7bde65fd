package org.shiftscope.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.shiftscope.nn.Tap;

/**
 * The course: lessons read from {@code /lessons/lessons.json} (assets/lessons on the classpath). Each entry has
 * {@code number, title, scenario, tap, look, move, expect, why, action {label, key, value}, from, rows, summary,
 * next}; {@code next} may be left out (""). The card's words name controls by key in braces ({@link CardWords});
 * a name the window does not have is refused when the course is read.
 */
public final class Lessons {
    private static List<Lesson> all;
    private static Lesson welcome;

    private Lessons() {}

    /** every lesson, in order */
    public static synchronized List<Lesson> all() {
        if (all == null) all = load();
        return all;
    }

    /**
     * The first launch's card ({@code /lessons/welcome.json}, an entry like a lesson's with number 0): the
     * {@code welcome} scenario, what to look at, what happens and why, and what to try next. Not in {@link #all()}.
     */
    public static synchronized Lesson welcome() {
        if (welcome == null) {
            try (InputStream in = Lessons.class.getResourceAsStream("/lessons/welcome.json")) {
                if (in == null) throw new IllegalStateException("the welcome card is missing");
                welcome = parse(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new IllegalStateException("the welcome card cannot be read: " + e.getMessage(), e);
            }
        }
        return welcome;
    }

    /** lesson by number */
    public static Lesson get(int number) {
        for (Lesson l : all()) if (l.number() == number) return l;
        throw new IllegalArgumentException("no lesson " + number);
    }

    /** the lesson that teaches with this preset, or null */
    public static Lesson ofScenario(String preset) {
        for (Lesson l : all()) if (l.scenario().equals(preset)) return l;
        return null;
    }

    private static List<Lesson> load() {
        try (InputStream in = Lessons.class.getResourceAsStream("/lessons/lessons.json")) {
            if (in == null) return List.of();
            List<Lesson> list = new ArrayList<>();
            for (JsonNode n : new ObjectMapper().readTree(in)) list.add(parse(n));
            return List.copyOf(list);
        } catch (IOException e) {
            throw new IllegalStateException("the lessons cannot be read: " + e.getMessage(), e);
        }
    }

    /** A lesson from its entry in lessons.json; IllegalStateException naming the lesson and what is wrong. */
    static Lesson parse(JsonNode n) {
        String where = "lessons.json, lesson " + n.path("number").asText("?");
        JsonNode a = n.path("action");
        JsonNode r = n.path("rows");
        if (!r.isArray() || r.isEmpty()) throw new IllegalStateException(where + ": rows must be a list of layers");
        int[] rows = new int[r.size()];
        for (int i = 0; i < rows.length; i++) rows[i] = r.get(i).asInt();
        if (!n.path("from").canConvertToLong()) throw new IllegalStateException(where + ": from must be a step");
        String summary = text(n, "summary", where);
        LessonReport.check(summary); // a mistake in a template shows at start-up, not at a lesson's end
        String actionKey = a.path("key").asText("");
        String look = words(n, "look", where), move = words(n, "move", where), expect = words(n, "expect", where);
        String why = words(n, "why", where), next = CardWords.render(n.path("next").asText(""), where);
        if (actionKey.isBlank() && (move + expect + why + next).contains("button below")) {
            throw new IllegalStateException(where + ": the card names the button below, but the lesson has no action");
        }
        return new Lesson(n.get("number").asInt(), text(n, "title", where), text(n, "scenario", where),
                tap(n, where), look, move, expect, why, CardWords.render(a.path("label").asText(""), where),
                actionKey, a.path("value").asText(""), n.get("from").asLong(), rows, summary, next);
    }

    /** the entry's "tap" (a {@link Tap#key() key}; the activation when left out) */
    private static Tap tap(JsonNode n, String where) {
        try {
            return Tap.fromKey(n.path("tap").asText("activation"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }

    /** card words: a text whose names in braces are shown as the window's controls' words ({@link CardWords}) */
    private static String words(JsonNode n, String key, String where) {
        return CardWords.render(text(n, key, where), where);
    }

    private static String text(JsonNode n, String key, String where) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual()) throw new IllegalStateException(where + ": " + key + " must be a text");
        return v.asText();
    }
}
