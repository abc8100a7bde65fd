package org.shiftscope.train.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shiftscope.io.AtomicFile;
import org.shiftscope.nn.NormKind;

/**
 * Reads, checks and writes scenario JSON, following the {@link Settings} table: a file's sections are the keys'
 * first parts ({@code "training": {"learning_rate": 0.1}}), keys left out take their defaults, and every failure
 * is a {@link ScenarioException} naming the source, the key, the value and what is allowed.
 */
public final class ScenarioIO {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScenarioIO() {}

    /** every key as a dotted path, in file order */
    public static List<String> keys() {
        return Settings.all().stream().map(Setting::key).toList();
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
            // an empty file reads as a MissingNode (Jackson 2.10+), not null
            boolean empty = root == null || root.isMissingNode();
            throw new ScenarioException(source + ": a scenario must be a JSON object ({ ... }), found "
                    + (empty ? "nothing" : root.getNodeType().toString().toLowerCase(Locale.ROOT)) + ".");
        }
        Scenario s = Scenario.defaults();
        JsonNode variants = null;
        Boolean compare = null;
        List<Map.Entry<String, JsonNode>> legacy = new ArrayList<>(); // old keys: read last, they depend on others
        Schedule schedule = Schedule.NONE;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            JsonNode v = e.getValue();
            if (k.equals(Schedule.KEY)) {
                schedule = Schedule.parse(v, source);
            } else if (k.equals(VARIANTS)) {
                variants = v;
            } else if (k.equals(LEGACY_COMPARE)) {
                if (!v.isBoolean()) {
                    throw new ScenarioException(source + ": compare = " + v + " has the wrong type; expected true or "
                            + "false (or a variants list).");
                }
                compare = v.asBoolean();
            } else if (isSection(k)) {
                if (!v.isObject()) {
                    throw new ScenarioException(source + ": " + k + " = " + v + " is not allowed; expected an object "
                            + "with the keys " + sectionKeys(k) + ".");
                }
                for (Iterator<Map.Entry<String, JsonNode>> f = v.fields(); f.hasNext(); ) {
                    Map.Entry<String, JsonNode> g = f.next();
                    String path = k + "." + g.getKey();
                    if (isLegacy(path)) legacy.add(Map.entry(path, g.getValue()));
                    else s = apply(s, path, g.getValue(), source);
                }
            } else if (isLegacy(k)) {
                legacy.add(Map.entry(k, v));
            } else {
                s = apply(s, k, v, source);
            }
        }
        for (Map.Entry<String, JsonNode> e : legacy) s = apply(s, e.getKey(), e.getValue(), source);
        // the twins of old files follow the normalizer read above (network.batchnorm included)
        if (variants != null) s = s.withVariants(VariantsIO.fromJson(variants, source));
        else if (Boolean.TRUE.equals(compare)) s = VariantPreset.BN_VS_PLAIN.applyTo(s);
        return validate(s.withSchedule(schedule), source);
    }

    /** the top-level key of the variants list */
    public static final String VARIANTS = "variants";
    /** the key older files use for BN-vs-plain twins, read as the bn-vs-plain variants (never written) */
    public static final String LEGACY_COMPARE = "compare";


    /** the largest scenario file read: a scenario is a few kilobytes, a larger file is not one */
    public static final int MAX_FILE_BYTES = 10 << 20;

    /**
     * Reads a scenario file: at most {@link #MAX_FILE_BYTES} of it, so a huge file or an endless one
     * ({@code /dev/zero}) is refused at once, with little memory.
     */
    public static Scenario load(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such scenario file.");
        } catch (IOException | SecurityException e) {
            throw new ScenarioException(file + ": cannot be read (" + e.getMessage() + ").");
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ScenarioException(file + ": larger than " + (MAX_FILE_BYTES >> 20) + " MB, so not a scenario "
                    + "file (a scenario is a few kilobytes of JSON).");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ScenarioException(file + ": cannot be read (not UTF-8 text: " + e.getMessage() + ").");
        }
        return parse(text, file.toString());
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
        if (VariantsIO.isVariantKey(dottedKey)) return VariantsIO.withOverride(s, dottedKey, value);
        if (dottedKey.equals(LEGACY_COMPARE)) {
            Boolean on = new ValueType.Bool().fromText(value);
            if (on == null) {
                throw new ScenarioException("--set: compare = " + value + " has the wrong type; expected true or "
                        + "false.");
            }
            return (on ? VariantPreset.BN_VS_PLAIN : VariantPreset.NONE).applyTo(s);
        }
        if (dottedKey.equals(LEGACY_BATCHNORM)) {
            return legacyBatchnorm(s, new ValueType.Bool().fromText(value), value, "--set");
        }
        if (dottedKey.equals(LEGACY_INIT_STD)) {
            return legacyInitStd(s, Settings.INIT_GAIN.type().fromText(value), value, "--set");
        }
        Setting<?> k = Settings.byKey(dottedKey);
        if (k == null) throw unknown("--set", dottedKey);
        return setText(s, k, value, "--set"); // cross-key checks: validate() once all overrides are in
    }

    /**
     * A setting given as text (from {@code --set} or a field the user typed into), checked against its type and
     * range; the message of a refusal names the source, the key, the text and what is allowed.
     */
    public static <T> Scenario setText(Scenario s, Setting<T> k, String text, String source) {
        T v = k.type().fromText(text);
        if (v == null) {
            throw new ScenarioException(source + ": " + k.key() + " = " + text + " has the wrong type; expected "
                    + k.type().allowed() + ".");
        }
        return checked(s, k, v, text, source);
    }

    private static <T> Scenario checked(Scenario s, Setting<T> k, T v, String shown, String source) {
        if (!k.type().allows(v)) {
            String why = v instanceof Number || v instanceof List<?> ? " is out of range" : " is not allowed";
            throw new ScenarioException(source + ": " + k.key() + " = " + shown + why + "; expected "
                    + k.type().allowed() + ".");
        }
        return s.with(k, v);
    }

    private static Scenario apply(Scenario s, String path, JsonNode v, String source) {
        if (path.equals(LEGACY_BATCHNORM)) return legacyBatchnorm(s, v.isBoolean() ? v.asBoolean() : null, v, source);
        if (path.equals(LEGACY_INIT_STD)) return legacyInitStd(s, Settings.INIT_GAIN.type().fromJson(v), v, source);
        Setting<?> k = Settings.byKey(path);
        if (k == null) throw unknown(source, path);
        return applyJson(s, k, v, source);
    }

    /** the key older files use for BatchNorm on/off, read as {@code network.norm} (never written) */
    public static final String LEGACY_BATCHNORM = "network.batchnorm";

    /** the key older files use for the normal init's std, read as {@code network.init_gain} (never written) */
    static final String LEGACY_INIT_STD = "network.init_std";

    private static boolean isLegacy(String path) {
        return path.equals(LEGACY_BATCHNORM) || path.equals(LEGACY_INIT_STD);
    }

    /**
     * network.init_std was the std of the normal init and was ignored by Xavier and He: with normal it is the
     * gain, with Xavier or He the gain is 1, so an old file means the same run
     */
    private static Scenario legacyInitStd(Scenario s, Double std, Object shown, String source) {
        if (std == null || !Settings.INIT_GAIN.type().allows(std)) {
            throw new ScenarioException(source + ": " + LEGACY_INIT_STD + " = " + shown + (std == null
                    ? " has the wrong type" : " is out of range") + "; expected " + Settings.INIT_GAIN.type().allowed()
                    + " (or use " + Settings.INIT_GAIN.key() + ").");
        }
        return s.with(Settings.INIT_GAIN, s.get(Settings.INIT) == org.shiftscope.nn.Init.NORMAL ? std : 1.0);
    }

    /** network.batchnorm = false means no normalizer; true means BatchNorm unless another one is chosen */
    private static Scenario legacyBatchnorm(Scenario s, Boolean on, Object shown, String source) {
        if (on == null) {
            throw new ScenarioException(source + ": " + LEGACY_BATCHNORM + " = " + shown + " has the wrong type; "
                    + "expected true or false (or use " + Settings.NORM.key() + " = " + Settings.NORM.type().allowed()
                    + ").");
        }
        if (!on) return s.with(Settings.NORM, NormKind.NONE);
        return s.get(Settings.NORM).hasLayer() ? s : s.with(Settings.NORM, NormKind.BATCH);
    }

    private static <T> Scenario applyJson(Scenario s, Setting<T> k, JsonNode v, String source) {
        T value = k.type().fromJson(v);
        if (value == null) {
            boolean wrongType = !(k.type() instanceof ValueType.Choice<?> && v.isTextual());
            throw new ScenarioException(source + ": " + k.key() + " = " + v
                    + (wrongType ? " has the wrong type" : " is not allowed") + "; expected " + k.type().allowed()
                    + ".");
        }
        return checked(s, k, value, v.toString(), source);
    }

    /** Checks between keys (parse does this itself; call it after a series of {@link #withOverride}). */
    public static Scenario validate(Scenario s, String source) {
        if (s.dataset().name() == org.shiftscope.data.DatasetKind.IDX && s.dataset().path().isBlank()) {
            throw new ScenarioException(source + ": " + Settings.DATASET.key() + " = \"idx\" needs "
                    + Settings.DATASET_PATH.key() + " = a folder holding "
                    + "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and "
                    + "t10k-labels-idx1-ubyte (each optionally .gz).");
        }
        if (s.get(Settings.PRECISION) == org.shiftscope.nn.Precision.F32
                && s.get(Settings.BACKEND) == org.shiftscope.nn.Backend.EJML) {
            throw new ScenarioException(source + ": " + Settings.PRECISION.key() + " = \"f32\" needs "
                    + Settings.BACKEND.key() + " = \"openblas\" or \"auto\" (EJML multiplies in f64 only).");
        }
        checkLengths(s, source);
        checkGroups(s, s.get(Settings.NORM_GROUPS), s.get(Settings.NORM), source + ": ");
        for (int i = 0; i < s.variants().size(); i++) {
            Scenario r = s.run(i);
            checkGroups(r, r.get(Settings.NORM_GROUPS), r.get(Settings.NORM), source + ": variants[" + i + "].");
        }
        return s;
    }

    /** a sequence set's lengths: ranges, the test sequences reaching at least as far as the training ones */
    private static void checkLengths(Scenario s, String source) {
        if (!s.get(Settings.DATASET).sequence) return;
        long min = s.get(Settings.MIN_LENGTH), max = s.get(Settings.MAX_LENGTH);
        long testMin = s.get(Settings.TEST_MIN_LENGTH), testMax = s.get(Settings.TEST_MAX_LENGTH);
        if (max < min) {
            throw new ScenarioException(source + ": " + Settings.MAX_LENGTH.key() + " = " + max + " is below "
                    + Settings.MIN_LENGTH.key() + " = " + min + "; the longest training sequence must be at least the "
                    + "shortest.");
        }
        if (testMax < testMin) {
            throw new ScenarioException(source + ": " + Settings.TEST_MAX_LENGTH.key() + " = " + testMax + " is below "
                    + Settings.TEST_MIN_LENGTH.key() + " = " + testMin + "; the longest test sequence must be at least "
                    + "the shortest.");
        }
        if (testMax < max) {
            throw new ScenarioException(source + ": " + Settings.TEST_MAX_LENGTH.key() + " = " + testMax + " is below "
                    + Settings.MAX_LENGTH.key() + " = " + max + "; the test sequences must reach at least as far as "
                    + "the training ones (" + max + " to 1000).");
        }
    }

    /** GroupNorm's groups must divide every hidden layer's width */
    private static void checkGroups(Scenario s, long groups, NormKind norm, String where) {
        if (norm != NormKind.GROUP) return;
        List<Integer> hidden = s.get(Settings.HIDDEN);
        for (int h = 0; h < hidden.size(); h++) {
            int w = hidden.get(h);
            if (groups > w || w % groups != 0) {
                StringBuilder divisors = new StringBuilder();
                for (int d = 1; d <= w; d++) {
                    boolean all = true;
                    for (int x : hidden) all &= x % d == 0;
                    if (all) divisors.append(divisors.length() == 0 ? "" : ", ").append(d);
                }
                throw new ScenarioException(where + Settings.NORM_GROUPS.key() + " = " + groups + " does not divide "
                        + "hidden layer " + (h + 1) + "'s " + w + " units; GroupNorm needs a number of groups that "
                        + "divides every layer's width: " + divisors + ".");
            }
        }
    }

    static ScenarioException unknown(String source, String path) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : keys()) {
            int d = distance(path, k);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        String hint = bestD <= 3 ? " Did you mean " + best + "?" : " Known keys: " + String.join(", ", keys())
                + ".";
        return new ScenarioException(source + ": unknown key " + path + "." + hint);
    }

    private static String sectionKeys(String section) {
        return String.join(", ", keys().stream().filter(k -> k.startsWith(section + "."))
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
        for (Setting<?> k : Settings.all()) {
            String[] parts = k.key().split("\\.");
            ObjectNode target = parts.length == 1 ? root
                    : root.has(parts[0]) ? (ObjectNode) root.get(parts[0]) : root.putObject(parts[0]);
            target.set(parts[parts.length - 1], json(s, k));
        }
        if (!s.variants().isEmpty()) root.set(VARIANTS, VariantsIO.toJson(s.variants()));
        if (!s.schedule().isEmpty()) root.set(Schedule.KEY, s.schedule().toJson());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }


    private static <T> JsonNode json(Scenario s, Setting<T> k) {
        return k.type().toJson(s.get(k));
    }

    /** whether a top-level key is a section ("dataset", "network", "training") */
    static boolean isSection(String k) {
        return keys().stream().anyMatch(key -> key.startsWith(k + "."));
    }

    /**
     * Writes a scenario file whole or not at all (a temporary file beside it, then moved into place, keeping the
     * permissions of the file it replaces: {@link AtomicFile}).
     */
    public static void save(Scenario s, Path file) throws IOException {
        AtomicFile.writeString(file, toJson(s));
    }
}
