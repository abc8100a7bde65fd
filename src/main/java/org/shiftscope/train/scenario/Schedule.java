package org.shiftscope.train.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shiftscope.nn.NormKind;

/**
 * Changes a scenario makes by itself during a run: {@code "schedule": [{"step": 3000, "set": {"network.norm":
 * "none"}}]}. Each entry sets live settings ({@link Setting.Apply#LIVE}) before the step it names, as if a control
 * had moved then. Entries are kept in step order (entries of one step in the order given). Immutable.
 *
 * @param entries the changes, by step
 */
public record Schedule(List<Entry> entries) {
    /** the key of the schedule in scenario files */
    public static final String KEY = "schedule";
    /** no scheduled changes */
    public static final Schedule NONE = new Schedule(List.of());

    /** the steps an entry may name */
    private static final ValueType.Int STEPS = new ValueType.Int(1, 100_000_000);

    public Schedule {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::step)); // stable: one step's entries keep their order
        entries = List.copyOf(sorted);
    }

    /**
     * One scheduled change.
     *
     * @param step the step trained first with the new values (≥ 1)
     * @param set  live settings and their new values
     */
    public record Entry(long step, Map<Setting<?>, Object> set) {
        public Entry {
            set = Map.copyOf(set);
        }

        /** the scenario with this entry's values */
        public Scenario applyTo(Scenario s) {
            for (Setting<?> k : Settings.all()) if (set.containsKey(k)) s = with(s, k, set.get(k));
            return s;
        }

        private static <T> Scenario with(Scenario s, Setting<T> k, Object v) {
            return s.with(k, k.cast(v));
        }
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    public Entry get(int i) {
        return entries.get(i);
    }

    // ---- JSON ----

    /**
     * Reads {@code "schedule": [...]}; every mistake is a {@link ScenarioException} naming {@code schedule[i]…},
     * the value and what is allowed.
     */
    static Schedule parse(JsonNode n, String source) {
        if (!n.isArray()) {
            throw new ScenarioException(source + ": " + KEY + " = " + n + " is not allowed; expected a list of "
                    + "{\"step\": N, \"set\": {\"key\": value, ...}}.");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) entries.add(entry(n.get(i), source, KEY + "[" + i + "]"));
        return new Schedule(entries);
    }

    private static Entry entry(JsonNode e, String source, String where) {
        if (!e.isObject() || !e.has("step") || !e.has("set") || e.size() != 2) {
            throw new ScenarioException(source + ": " + where + " = " + e + " is not allowed; expected "
                    + "{\"step\": N, \"set\": {\"key\": value, ...}} with exactly these two keys.");
        }
        JsonNode st = e.get("step");
        Long step = STEPS.fromJson(st);
        if (step == null || !STEPS.allows(step)) {
            throw new ScenarioException(source + ": " + where + ".step = " + st
                    + (step == null ? " has the wrong type" : " is out of range") + "; expected " + STEPS.allowed()
                    + ".");
        }
        JsonNode set = e.get("set");
        if (!set.isObject() || set.isEmpty()) {
            throw new ScenarioException(source + ": " + where + ".set = " + set + " is not allowed; expected an "
                    + "object of live settings and their new values, e.g. {\"" + Settings.NORM.key()
                    + "\": \"none\"}.");
        }
        Map<Setting<?>, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = set.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            value(values, f.getKey(), f.getValue(), source, where + ".set");
        }
        return new Entry(step, values);
    }

    private static void value(Map<Setting<?>, Object> out, String key, JsonNode v, String source, String where) {
        if (key.equals(ScenarioIO.LEGACY_BATCHNORM)) {
            if (!v.isBoolean()) {
                throw new ScenarioException(source + ": " + where + "." + key + " = " + v + " has the wrong type; "
                        + "expected true or false (or use " + Settings.NORM.key() + " = "
                        + Settings.NORM.type().allowed() + ").");
            }
            out.put(Settings.NORM, v.asBoolean() ? NormKind.BATCH : NormKind.NONE);
            return;
        }
        Setting<?> k = Settings.byKey(key);
        if (k == null) throw ScenarioIO.unknown(source + ": " + where, key);
        if (k.apply() != Setting.Apply.LIVE) {
            throw new ScenarioException(source + ": " + where + "." + key + " cannot be scheduled: "
                    + (k.apply() == Setting.Apply.REBUILD ? "changing it needs a rebuild (a new network from the seed)"
                    : "it describes the scenario, not the training") + "; only live settings can change during a "
                    + "run: " + String.join(", ", liveKeys()) + ".");
        }
        out.put(k, typed(k, v, source, where));
    }

    private static <T> T typed(Setting<T> k, JsonNode v, String source, String where) {
        T value = k.type().fromJson(v);
        if (value == null) {
            boolean wrongType = !(k.type() instanceof ValueType.Choice<?> && v.isTextual());
            throw new ScenarioException(source + ": " + where + "." + k.key() + " = " + v
                    + (wrongType ? " has the wrong type" : " is not allowed") + "; expected " + k.type().allowed()
                    + ".");
        }
        if (!k.type().allows(value)) {
            String why = value instanceof Number ? " is out of range" : " is not allowed";
            throw new ScenarioException(source + ": " + where + "." + k.key() + " = " + v + why + "; expected "
                    + k.type().allowed() + ".");
        }
        return value;
    }

    /** the keys a schedule may set */
    static List<String> liveKeys() {
        return Settings.all().stream().filter(s -> s.apply() == Setting.Apply.LIVE).map(Setting::key).toList();
    }

    /** the schedule as scenario files write it; each entry's keys in the table's order */
    ArrayNode toJson() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ArrayNode a = nodes.arrayNode();
        for (Entry e : entries) {
            ObjectNode o = a.addObject();
            o.put("step", e.step());
            ObjectNode set = o.putObject("set");
            for (Setting<?> k : Settings.all()) if (e.set().containsKey(k)) set.set(k.key(), json(k, e.set().get(k)));
        }
        return a;
    }

    private static <T> JsonNode json(Setting<T> k, Object v) {
        return k.type().toJson(k.cast(v));
    }
}
