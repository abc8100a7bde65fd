package org.shiftscope.train.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.shiftscope.nn.ActivationKind;
import org.shiftscope.nn.Affine;
import org.shiftscope.nn.Init;
import org.shiftscope.nn.Placement;

/**
 * Reads, checks and writes scenario JSON. Every key is described once in {@link #KEYS}: its type, its allowed
 * values and how it reads and sets a {@link Scenario}; parsing, {@code --set} overrides and writing all use that
 * table. Every failure is a {@link ScenarioException} naming the source, the key, the value and what is allowed.
 */
public final class ScenarioIO {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The data set names a scenario may use. */
    public static final List<String> DATASETS =
            List.of("spiral", "circles", "xor", "gaussians", "teacher", "idx", "fashion-mnist", "mnist");

    private ScenarioIO() {}

    /** How one key is typed, checked, read and set. */
    private record Key(String path, Kind kind, String allowed, Function<JsonNode, Boolean> ok,
                       Function<Scenario, JsonNode> get, BiFunction<Scenario, JsonNode, Scenario> set) { }

    private enum Kind { STRING, NUMBER, INTEGER, BOOLEAN, ENUM, INT_LIST }

    /** every key, in the order files are written */
    private static final Map<String, Key> KEYS = new LinkedHashMap<>();

    private static void key(String path, Kind kind, String allowed, Function<JsonNode, Boolean> ok,
                            Function<Scenario, JsonNode> get, BiFunction<Scenario, JsonNode, Scenario> set) {
        KEYS.put(path, new Key(path, kind, allowed, ok, get, set));
    }

    private static Function<JsonNode, Boolean> range(double lo, boolean loIn, double hi, boolean hiIn) {
        return n -> {
            double v = n.asDouble();
            return Double.isFinite(v) && (loIn ? v >= lo : v > lo) && (hiIn ? v <= hi : v < hi);
        };
    }

    private static String rangeText(String what, double lo, boolean loIn, double hi, boolean hiIn) {
        return what + " " + (loIn ? "≥ " : "> ") + num(lo) + " and " + (hiIn ? "≤ " : "< ") + num(hi);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static void number(String path, double lo, boolean loIn, double hi, boolean hiIn,
                               Function<Scenario, Double> get, BiFunction<Scenario, Double, Scenario> set) {
        key(path, Kind.NUMBER, rangeText("a number", lo, loIn, hi, hiIn), range(lo, loIn, hi, hiIn),
                s -> NODES.numberNode(get.apply(s)), (s, n) -> set.apply(s, n.asDouble()));
    }

    private static void integer(String path, long lo, long hi, Function<Scenario, Long> get,
                                BiFunction<Scenario, Long, Scenario> set) {
        key(path, Kind.INTEGER, "a whole number from " + lo + " to " + hi,
                n -> n.canConvertToLong() && n.asLong() >= lo && n.asLong() <= hi,
                s -> NODES.numberNode(get.apply(s)), (s, n) -> set.apply(s, n.asLong()));
    }

    private static <E extends Enum<E>> void choice(String path, List<String> values, Function<Scenario, String> get,
                                                   BiFunction<Scenario, String, Scenario> set) {
        key(path, Kind.ENUM, "one of " + String.join(", ", values), n -> values.contains(n.asText()),
                s -> NODES.textNode(get.apply(s)), (s, n) -> set.apply(s, n.asText()));
    }

    private static <E extends Enum<E>> List<String> keysOf(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String v) {
        return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
    }

    static {
        key("name", Kind.STRING, "a text", JsonNode::isTextual, s -> NODES.textNode(s.name()),
                (s, n) -> s.withName(n.asText()));
        key("title", Kind.STRING, "a text", JsonNode::isTextual, s -> NODES.textNode(s.title()),
                (s, n) -> new Scenario(s.name(), n.asText(), s.description(), s.compare(), s.dataset(), s.network(),
                        s.training()));
        key("description", Kind.STRING, "a text", JsonNode::isTextual, s -> NODES.textNode(s.description()),
                (s, n) -> new Scenario(s.name(), s.title(), n.asText(), s.compare(), s.dataset(), s.network(),
                        s.training()));
        key("compare", Kind.BOOLEAN, "true or false", JsonNode::isBoolean, s -> NODES.booleanNode(s.compare()),
                (s, n) -> s.withCompare(n.asBoolean()));

        choice("dataset.name", DATASETS, s -> s.dataset().name(),
                (s, v) -> s.withDataset(s.dataset().withName(v)));
        key("dataset.path", Kind.STRING, "a folder path (text)", JsonNode::isTextual,
                s -> NODES.textNode(s.dataset().path()), (s, n) -> s.withDataset(s.dataset().withPath(n.asText())));
        number("dataset.noise", 0, true, 1, true, s -> s.dataset().noise(),
                (s, v) -> s.withDataset(s.dataset().withNoise(v)));
        integer("dataset.samples", 0, 10_000_000, s -> (long) s.dataset().samples(),
                (s, v) -> s.withDataset(s.dataset().withSamples(v.intValue())));
        number("dataset.test_fraction", 0, false, 0.9, true, s -> s.dataset().testFraction(),
                (s, v) -> s.withDataset(new DatasetSpec(s.dataset().name(), s.dataset().path(), s.dataset().noise(),
                        s.dataset().samples(), v)));

        key("network.hidden", Kind.INT_LIST, "a list of 1 to 12 layer widths, each a whole number from 1 to 1024",
                n -> {
                    if (!n.isArray() || n.size() < 1 || n.size() > 12) return false;
                    for (JsonNode e : n) {
                        if (!e.canConvertToInt() || !e.isIntegralNumber() || e.asInt() < 1 || e.asInt() > 1024) {
                            return false;
                        }
                    }
                    return true;
                },
                s -> {
                    ArrayNode a = NODES.arrayNode();
                    for (int h : s.network().hidden()) a.add(h);
                    return a;
                },
                (s, n) -> {
                    int[] h = new int[n.size()];
                    for (int i = 0; i < h.length; i++) h[i] = n.get(i).asInt();
                    return s.withNetwork(s.network().withHidden(h));
                });
        choice("network.activation", keysOf(ActivationKind.class), s -> s.network().activation().key(),
                (s, v) -> s.withNetwork(s.network().withActivation(parseEnum(ActivationKind.class, v))));
        choice("network.init", keysOf(Init.class), s -> s.network().init().key(),
                (s, v) -> s.withNetwork(s.network().withInit(parseEnum(Init.class, v))));
        number("network.init_std", 0, false, 100, true, s -> s.network().initStd(),
                (s, v) -> s.withNetwork(s.network().withInitStd(v)));
        key("network.batchnorm", Kind.BOOLEAN, "true or false", JsonNode::isBoolean,
                s -> NODES.booleanNode(s.network().batchnorm()),
                (s, n) -> s.withNetwork(s.network().withBatchnorm(n.asBoolean())));
        choice("network.bn_placement", keysOf(Placement.class), s -> s.network().bnPlacement().key(),
                (s, v) -> s.withNetwork(s.network().withBnPlacement(parseEnum(Placement.class, v))));
        choice("network.affine", keysOf(Affine.class), s -> s.network().affine().key(),
                (s, v) -> s.withNetwork(s.network().withAffine(parseEnum(Affine.class, v))));
        number("network.gamma", -100, true, 100, true, s -> s.network().gamma(),
                (s, v) -> s.withNetwork(s.network().withGamma(v)));
        number("network.beta", -100, true, 100, true, s -> s.network().beta(),
                (s, v) -> s.withNetwork(s.network().withBeta(v)));
        number("network.bn_momentum", 0, true, 1, true, s -> s.network().bnMomentum(),
                (s, v) -> s.withNetwork(s.network().withBnMomentum(v)));
        number("network.bn_eps", 0, false, 1, true, s -> s.network().bnEps(),
                (s, v) -> s.withNetwork(s.network().withBnEps(v)));

        choice("training.optimizer", List.of("sgd"), s -> s.training().optimizer(),
                (s, v) -> s.withTraining(new TrainingSpec(v, s.training().learningRate(), s.training().momentum(),
                        s.training().batchSize(), s.training().steps(), s.training().seed(),
                        s.training().evalEvery(), s.training().statsEvery(), s.training().backend(),
                        s.training().speed())));
        number("training.learning_rate", 0, false, 100, true, s -> s.training().learningRate(),
                (s, v) -> s.withTraining(s.training().withLearningRate(v)));
        number("training.momentum", 0, true, 1, false, s -> s.training().momentum(),
                (s, v) -> s.withTraining(s.training().withMomentum(v)));
        integer("training.batch_size", 1, 4096, s -> (long) s.training().batchSize(),
                (s, v) -> s.withTraining(s.training().withBatchSize(v.intValue())));
        integer("training.steps", 1, 100_000_000, s -> s.training().steps(),
                (s, v) -> s.withTraining(s.training().withSteps(v)));
        integer("training.seed", Long.MIN_VALUE, Long.MAX_VALUE, s -> s.training().seed(),
                (s, v) -> s.withTraining(s.training().withSeed(v)));
        integer("training.eval_every", 1, 10_000_000, s -> (long) s.training().evalEvery(),
                (s, v) -> s.withTraining(s.training().withEvalEvery(v.intValue())));
        integer("training.stats_every", 1, 10_000_000, s -> (long) s.training().statsEvery(),
                (s, v) -> s.withTraining(s.training().withStatsEvery(v.intValue())));
        choice("training.backend", List.of("auto", "ejml", "openblas"), s -> s.training().backend(),
                (s, v) -> s.withTraining(s.training().withBackend(v)));
        number("training.speed", 0, true, 1_000_000, true, s -> s.training().speed(),
                (s, v) -> s.withTraining(s.training().withSpeed(v)));
    }

    /** every key as a dotted path, in file order */
    public static List<String> keys() {
        return List.copyOf(KEYS.keySet());
    }

    // ---- reading ----

    /** Parses scenario JSON; keys left out take their {@link Scenario#defaults()} value. */
    public static Scenario parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ScenarioException(source + ": not valid JSON"
                    + (loc != null ? " at line " + loc.getLineNr() + ", column " + loc.getColumnNr() : "") + " ("
                    + e.getOriginalMessage() + ").");
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException(source + ": a scenario must be a JSON object ({ ... }), found "
                    + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase(Locale.ROOT)) + ".");
        }
        Scenario s = Scenario.defaults();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            JsonNode v = e.getValue();
            if (k.equals("dataset") || k.equals("network") || k.equals("training")) {
                if (!v.isObject()) {
                    throw new ScenarioException(source + ": " + k + " = " + v + " is not allowed; expected an object "
                            + "with the keys " + sectionKeys(k) + ".");
                }
                for (Iterator<Map.Entry<String, JsonNode>> f = v.fields(); f.hasNext(); ) {
                    Map.Entry<String, JsonNode> g = f.next();
                    s = apply(s, k + "." + g.getKey(), g.getValue(), source);
                }
            } else {
                s = apply(s, k, v, source);
            }
        }
        return validate(s, source);
    }

    /** Reads a scenario file. */
    public static Scenario load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such scenario file.");
        } catch (IOException | SecurityException e) {
            throw new ScenarioException(file + ": cannot be read (" + e.getMessage() + ").");
        }
        return parse(text, file.getFileName() == null ? file.toString() : file.toString());
    }

    /** A preset from {@code assets/scenarios} (on the classpath as {@code /scenarios/NAME.json}). */
    public static Scenario preset(String name) {
        try (InputStream in = ScenarioIO.class.getResourceAsStream("/scenarios/" + name + ".json")) {
            if (in == null) {
                throw new ScenarioException("no preset named '" + name + "'; presets are " + presetNames() + ".");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "preset " + name);
        } catch (IOException e) {
            throw new ScenarioException("preset " + name + " cannot be read: " + e.getMessage());
        }
    }

    /** Names of the presets, from {@code /scenarios/index.txt}. */
    public static List<String> presetNames() {
        try (InputStream in = ScenarioIO.class.getResourceAsStream("/scenarios/index.txt")) {
            if (in == null) return List.of();
            List<String> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line = line.trim();
                if (!line.isEmpty() && !line.startsWith("#")) names.add(line);
            }
            return names;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A preset name, or else a file path. */
    public static Scenario resolve(String nameOrFile) {
        if (presetNames().contains(nameOrFile)) return preset(nameOrFile);
        Path p = Path.of(nameOrFile);
        if (Files.exists(p) || nameOrFile.endsWith(".json") || nameOrFile.contains("/")) return load(p);
        throw new ScenarioException("'" + nameOrFile + "' is neither a preset (" + String.join(", ", presetNames())
                + ") nor an existing scenario file.");
    }

    /** Applies {@code --set key=value}: the value is read according to the key's type. */
    public static Scenario withOverride(Scenario s, String dottedKey, String value) {
        Key k = KEYS.get(dottedKey);
        if (k == null) throw unknown("--set", dottedKey);
        JsonNode node = switch (k.kind()) {
            case STRING, ENUM -> NODES.textNode(value);
            case BOOLEAN -> value.equals("true") ? NODES.booleanNode(true)
                    : value.equals("false") ? NODES.booleanNode(false) : NODES.textNode(value);
            case NUMBER, INTEGER -> numberNode(value);
            case INT_LIST -> {
                String v = value.trim();
                if (v.startsWith("[") && v.endsWith("]")) v = v.substring(1, v.length() - 1);
                ArrayNode a = NODES.arrayNode();
                for (String part : v.split(",")) {
                    JsonNode n = numberNode(part.trim());
                    if (!n.isNumber()) {
                        a = null;
                        break;
                    }
                    a.add(n);
                }
                yield a == null ? NODES.textNode(value) : a;
            }
        };
        return apply(s, dottedKey, node, "--set"); // cross-key checks: validate() once all overrides are in
    }

    private static JsonNode numberNode(String v) {
        try {
            return NODES.numberNode(Long.parseLong(v));
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(v);
                return NODES.numberNode(d);
            } catch (NumberFormatException e2) {
                return NODES.textNode(v);
            }
        }
    }

    private static Scenario apply(Scenario s, String path, JsonNode v, String source) {
        Key k = KEYS.get(path);
        if (k == null) throw unknown(source, path);
        boolean typeOk = switch (k.kind()) {
            case STRING, ENUM -> v.isTextual();
            case BOOLEAN -> v.isBoolean();
            case NUMBER -> v.isNumber();
            case INTEGER -> v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()));
            case INT_LIST -> v.isArray();
        };
        if (!typeOk || !k.ok().apply(v)) {
            String why = !typeOk ? " has the wrong type" : " is not allowed";
            if (typeOk && (k.kind() == Kind.NUMBER || k.kind() == Kind.INTEGER)) why = " is out of range";
            throw new ScenarioException(source + ": " + path + " = " + v + why + "; expected " + k.allowed() + ".");
        }
        return k.set().apply(s, v);
    }

    /** Checks between keys (parse does this itself; call it after a series of {@link #withOverride}). */
    public static Scenario validate(Scenario s, String source) {
        if (s.dataset().name().equals("idx") && s.dataset().path().isBlank()) {
            throw new ScenarioException(source + ": dataset.name = \"idx\" needs dataset.path = a folder holding "
                    + "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and "
                    + "t10k-labels-idx1-ubyte (each optionally .gz).");
        }
        return s;
    }

    private static ScenarioException unknown(String source, String path) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : KEYS.keySet()) {
            int d = distance(path, k);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        String hint = bestD <= 3 ? " Did you mean " + best + "?" : " Known keys: " + String.join(", ", KEYS.keySet())
                + ".";
        return new ScenarioException(source + ": unknown key " + path + "." + hint);
    }

    private static String sectionKeys(String section) {
        return String.join(", ", KEYS.keySet().stream().filter(k -> k.startsWith(section + "."))
                .map(k -> k.substring(section.length() + 1)).toList());
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    // ---- writing ----

    /** Every key, sections in a fixed order; {@code parse(toJson(s), ...)} equals {@code s}. */
    public static String toJson(Scenario s) {
        ObjectNode root = NODES.objectNode();
        for (Key k : KEYS.values()) {
            String[] parts = k.path().split("\\.");
            ObjectNode target = parts.length == 1 ? root
                    : root.has(parts[0]) ? (ObjectNode) root.get(parts[0]) : root.putObject(parts[0]);
            target.set(parts[parts.length - 1], k.get().apply(s));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a scenario file. */
    public static void save(Scenario s, Path file) throws IOException {
        Files.writeString(file, toJson(s), StandardCharsets.UTF_8);
    }
}
