package org.shiftscope.train.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.shiftscope.nn.NormKind;

/**
 * The {@code variants} list of scenario files and {@code --set variants[i].KEY=value}, for {@link ScenarioIO}: read
 * through the {@link Settings} table, refused with a {@link ScenarioException} naming {@code variants[i].key}, the
 * value and what is allowed, and written in sections like the file's own.
 */
final class VariantsIO {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private VariantsIO() {}

    /** {@code [{"name": "bn", "color": "#0072b2", "network": {"norm": "batch"}}, …]} */
    static List<Variant> fromJson(JsonNode list, String source) {
        if (!list.isArray()) {
            throw new ScenarioException(source + ": variants = " + list + " is not allowed; expected a list of "
                    + "variants, e.g. [{\"name\": \"bn\", \"network\": {\"norm\": \"batch\"}}].");
        }
        if (list.size() > Variant.MAX) {
            throw new ScenarioException(source + ": variants has " + list.size() + " entries; at most "
                    + Variant.MAX + " train side by side.");
        }
        List<Variant> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode v = list.get(i);
            String where = source + ": variants[" + i + "]";
            if (!v.isObject()) {
                throw new ScenarioException(where + " = " + v + " is not allowed; expected an object with a name "
                        + "and the settings it changes.");
            }
            JsonNode name = v.get("name");
            if (name == null || !name.isTextual()) {
                throw new ScenarioException(where + ".name is missing; expected 1–20 lower-case letters, digits "
                        + "or '-' (e.g. bn, plain, layer).");
            }
            JsonNode color = v.get("color");
            if (color != null && !color.isTextual()) {
                throw new ScenarioException(where + ".color = " + color + " has the wrong type; expected "
                        + "\"#rrggbb\".");
            }
            Variant made;
            try {
                made = new Variant(name.asText(), color == null ? "" : color.asText(), Map.of());
            } catch (ScenarioException e) {
                throw new ScenarioException(where + ": " + e.getMessage());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey();
                if (k.equals("name") || k.equals("color")) continue;
                if (ScenarioIO.isSection(k) && e.getValue().isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> f = e.getValue().fields(); f.hasNext(); ) {
                        Map.Entry<String, JsonNode> g = f.next();
                        made = override(made, k + "." + g.getKey(), g.getValue(), where);
                    }
                } else {
                    made = override(made, k, e.getValue(), where);
                }
            }
            out.add(made);
        }
        try {
            return List.copyOf(Scenario.defaults().withVariants(out).variants());
        } catch (ScenarioException e) {
            throw new ScenarioException(source + ": " + e.getMessage());
        }
    }

    private static Variant override(Variant v, String path, JsonNode value, String where) {
        if (path.equals(ScenarioIO.LEGACY_BATCHNORM)) {
            if (!value.isBoolean()) {
                throw new ScenarioException(where + "." + path + " = " + value + " has the wrong type; expected true "
                        + "or false.");
            }
            return v.with(Settings.NORM, value.asBoolean() ? NormKind.BATCH : NormKind.NONE);
        }
        Setting<?> k = Settings.byKey(path);
        if (k == null) throw ScenarioIO.unknown(where, path);
        checkPerVariant(k, where);
        return withJson(v, k, value, where);
    }

    private static void checkPerVariant(Setting<?> k, String where) {
        if (!Settings.perVariant().contains(k)) {
            throw new ScenarioException(where + "." + k.key() + " cannot differ between variants: they share it "
                    + "(same data, batches and layers). A variant may set " + Settings.perVariantKeys() + ".");
        }
    }

    private static <T> Variant withJson(Variant v, Setting<T> k, JsonNode value, String where) {
        T t = k.type().fromJson(value);
        if (t == null) {
            boolean wrongType = !(k.type() instanceof ValueType.Choice<?> && value.isTextual());
            throw new ScenarioException(where + "." + k.key() + " = " + value
                    + (wrongType ? " has the wrong type" : " is not allowed") + "; expected " + k.type().allowed()
                    + ".");
        }
        return withChecked(v, k, t, value.toString(), where);
    }

    private static <T> Variant withChecked(Variant v, Setting<T> k, T t, String shown, String where) {
        if (!k.type().allows(t)) {
            String why = t instanceof Number ? " is out of range" : " is not allowed";
            throw new ScenarioException(where + "." + k.key() + " = " + shown + why + "; expected "
                    + k.type().allowed() + ".");
        }
        return v.with(k, t);
    }

    /** {@code variants[i].KEY} in {@code --set}: KEY is name, color or a setting a variant may change */
    /** whether a {@code --set} key names one variant's setting */
    static boolean isVariantKey(String dottedKey) {
        return VARIANT_KEY.matcher(dottedKey).matches();
    }

    /** {@code --set variants[i].KEY=value} */
    static Scenario withOverride(Scenario s, String dottedKey, String value) {
        var m = VARIANT_KEY.matcher(dottedKey);
        if (!m.matches()) throw new IllegalArgumentException(dottedKey);
        return variantOverride(s, Integer.parseInt(m.group(1)), m.group(2), value);
    }

    private static final java.util.regex.Pattern VARIANT_KEY =
            java.util.regex.Pattern.compile("variants\\[(\\d{1,3})]\\.(.+)");

    private static Scenario variantOverride(Scenario s, int i, String key, String value) {
        String where = "--set variants[" + i + "]";
        if (i >= s.variants().size()) {
            throw new ScenarioException(where + "." + key + ": there is no variant " + i + "; this scenario has "
                    + (s.variants().isEmpty() ? "none (add some with --variants " + VariantPreset.keys() + ")"
                    : s.variants().size() + " (0–" + (s.variants().size() - 1) + ")") + ".");
        }
        Variant v = s.variants().get(i);
        try {
            if (key.equals("name")) return s.withVariant(i, v.renamed(value));
            if (key.equals("color")) return s.withVariant(i, new Variant(v.name(), value, v.overrides()));
        } catch (ScenarioException e) {
            throw new ScenarioException(where + ": " + e.getMessage());
        }
        if (key.equals(ScenarioIO.LEGACY_BATCHNORM)) {
            Boolean on = new ValueType.Bool().fromText(value);
            if (on == null) {
                throw new ScenarioException(where + "." + key + " = " + value + " has the wrong type; expected true "
                        + "or false.");
            }
            return s.withVariant(i, v.with(Settings.NORM, on ? NormKind.BATCH : NormKind.NONE));
        }
        Setting<?> k = Settings.byKey(key);
        if (k == null) throw ScenarioIO.unknown(where, key);
        checkPerVariant(k, where);
        return s.withVariant(i, withText(v, k, value, where));
    }

    private static <T> Variant withText(Variant v, Setting<T> k, String text, String where) {
        T t = k.type().fromText(text);
        if (t == null) {
            String why = k.type() instanceof ValueType.Choice<?> ? " is not allowed" : " has the wrong type";
            throw new ScenarioException(where + "." + k.key() + " = " + text + why + "; expected "
                    + k.type().allowed() + ".");
        }
        return withChecked(v, k, t, text, where);
    }

    static com.fasterxml.jackson.databind.node.ArrayNode toJson(List<Variant> vs) {
        var list = NODES.arrayNode();
        for (Variant v : vs) {
            ObjectNode o = list.addObject();
            o.put("name", v.name());
            if (!v.color().isEmpty()) o.put("color", v.color());
            for (Map.Entry<Setting<?>, Object> e : v.overrides().entrySet()) {
                String[] parts = e.getKey().key().split("\\.");
                ObjectNode target = o.has(parts[0]) ? (ObjectNode) o.get(parts[0]) : o.putObject(parts[0]);
                target.set(parts[1], jsonOf(e.getKey(), e.getValue()));
            }
        }
        return list;
    }

    @SuppressWarnings("unchecked")
    private static <T> JsonNode jsonOf(Setting<T> k, Object v) {
        return k.type().toJson((T) v);
    }
}
