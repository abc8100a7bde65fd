package org.shiftscope.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.shiftscope.nn.Tap;

/** The course: lessons read from {@code /lessons/lessons.json} (assets/lessons on the classpath). */
public final class Lessons {
    private static List<Lesson> all;

    private Lessons() {}

    /** every lesson, in order */
    public static synchronized List<Lesson> all() {
        if (all == null) all = load();
        return all;
    }

    /** lesson by number */
    public static Lesson get(int number) {
        for (Lesson l : all()) if (l.number() == number) return l;
        throw new IllegalArgumentException("no lesson " + number);
    }

    private static List<Lesson> load() {
        try (InputStream in = Lessons.class.getResourceAsStream("/lessons/lessons.json")) {
            if (in == null) return List.of();
            List<Lesson> list = new ArrayList<>();
            for (JsonNode n : new ObjectMapper().readTree(in)) {
                JsonNode a = n.path("action");
                list.add(new Lesson(n.get("number").asInt(), n.get("title").asText(), n.get("scenario").asText(),
                        Tap.valueOf(n.path("tap").asText("activation").toUpperCase(Locale.ROOT)),
                        n.get("look").asText(), n.get("move").asText(), n.get("expect").asText(),
                        n.get("why").asText(), a.path("label").asText(""), a.path("key").asText(""),
                        a.path("value").asText("")));
            }
            return List.copyOf(list);
        } catch (IOException e) {
            throw new IllegalStateException("the lessons cannot be read: " + e.getMessage(), e);
        }
    }
}
