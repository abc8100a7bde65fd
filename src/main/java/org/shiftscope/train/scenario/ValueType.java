package org.shiftscope.train.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The type of a setting's value: how it is read from JSON and from text ({@code --set}, a typed field), what
 * values are allowed (and how to say so), and how it is written back. Values are immutable: Double, Long,
 * Boolean, String, an enum constant, or an unmodifiable {@code List<Integer>}.
 *
 * @param <T> the value's Java type
 */
public sealed interface ValueType<T> {
    JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** the value in a JSON node, or null when the node has the wrong type */
    T fromJson(JsonNode n);

    /** the value written as text, or null when the text cannot be read as this type */
    T fromText(String text);

    /** the value as JSON: a number, true/false, a text (an enum's key) or an array */
    default JsonNode toJson(T value) {
        if (value instanceof Double d) return NODES.numberNode(d);
        if (value instanceof Long l) return NODES.numberNode(l);
        if (value instanceof Boolean b) return NODES.booleanNode(b);
        if (value instanceof Enum<?> e) return NODES.textNode(Choice.key(e));
        if (value instanceof List<?> list) {
            ArrayNode a = NODES.arrayNode();
            for (Object o : list) a.add((Integer) o);
            return a;
        }
        return NODES.textNode(String.valueOf(value));
    }

    /** whether an already-typed value is allowed (any value of the type, unless a range says otherwise) */
    default boolean allows(T value) {
        return true;
    }

    /** what is allowed, for messages: "a number ≥ 0 and ≤ 1" */
    String allowed();

    /** the Java class of the values */
    Class<?> javaType();

    /** A real number in a range; each end open or closed. */
    record Num(double lo, boolean loIn, double hi, boolean hiIn) implements ValueType<Double> {
        @Override
        public Double fromJson(JsonNode n) {
            return n.isNumber() ? n.asDouble() : null;
        }

        @Override
        public Double fromText(String text) {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        @Override
        public boolean allows(Double v) {
            return Double.isFinite(v) && (loIn ? v >= lo : v > lo) && (hiIn ? v <= hi : v < hi);
        }

        @Override
        public String allowed() {
            return "a number " + (loIn ? "≥ " : "> ") + plain(lo) + " and " + (hiIn ? "≤ " : "< ") + plain(hi);
        }

        @Override
        public Class<?> javaType() {
            return Double.class;
        }
    }

    /** A whole number in a closed range. */
    record Int(long lo, long hi) implements ValueType<Long> {
        @Override
        public Long fromJson(JsonNode n) {
            if (n.isIntegralNumber() && n.canConvertToLong()) return n.asLong();
            if (n.isNumber() && n.asDouble() == Math.rint(n.asDouble()) && Math.abs(n.asDouble()) < 9e15) {
                return (long) n.asDouble();
            }
            return null;
        }

        @Override
        public Long fromText(String text) {
            String t = text.trim();
            if (t.matches("[+-]?\\d{1,19}")) {
                try {
                    return Long.parseLong(t);
                } catch (NumberFormatException tooLarge) {
                    return null;
                }
            }
            Double d = new Num(0, true, 0, true).fromText(t); // 1e3 is a whole number too
            return d != null && d == Math.rint(d) && Math.abs(d) < 9e15 ? (Long) (long) d.doubleValue() : null;
        }

        @Override
        public boolean allows(Long v) {
            return v >= lo && v <= hi;
        }

        @Override
        public String allowed() {
            return "a whole number from " + lo + " to " + hi;
        }

        @Override
        public Class<?> javaType() {
            return Long.class;
        }
    }

    /** true or false. */
    record Bool() implements ValueType<Boolean> {
        @Override
        public Boolean fromJson(JsonNode n) {
            return n.isBoolean() ? n.asBoolean() : null;
        }

        @Override
        public Boolean fromText(String text) {
            return switch (text.trim()) {
                case "true" -> true;
                case "false" -> false;
                default -> null;
            };
        }

        @Override
        public String allowed() {
            return "true or false";
        }

        @Override
        public Class<?> javaType() {
            return Boolean.class;
        }
    }

    /** Any text. */
    record Text(String what) implements ValueType<String> {
        @Override
        public String fromJson(JsonNode n) {
            return n.isTextual() ? n.asText() : null;
        }

        @Override
        public String fromText(String text) {
            return text;
        }

        @Override
        public String allowed() {
            return what;
        }

        @Override
        public Class<?> javaType() {
            return String.class;
        }
    }

    /**
     * One of an enum's constants, named in files by its key: lower case with '-' for '_' ({@code fashion-mnist}).
     */
    record Choice<E extends Enum<E>>(Class<E> type) implements ValueType<E> {
        /** the key of a constant in files */
        public static String key(Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public List<E> values() {
            return List.of(type.getEnumConstants());
        }

        @Override
        public E fromJson(JsonNode n) {
            return n.isTextual() ? fromText(n.asText()) : null;
        }

        @Override
        public E fromText(String text) {
            for (E e : type.getEnumConstants()) if (key(e).equals(text.trim())) return e;
            return null;
        }

        @Override
        public String allowed() {
            return "one of " + String.join(", ", values().stream().map(Choice::key).toList());
        }

        @Override
        public Class<?> javaType() {
            return type;
        }
    }

    /** A list of whole numbers, each in a range, with a length in a range ("64,32" or [64, 32]). */
    record IntList(int minLength, int maxLength, int lo, int hi) implements ValueType<List<Integer>> {
        @Override
        public List<Integer> fromJson(JsonNode n) {
            if (!n.isArray()) return null;
            List<Integer> out = new ArrayList<>();
            for (JsonNode e : n) {
                if (!e.canConvertToInt() || !(e.isIntegralNumber() || e.asDouble() == Math.rint(e.asDouble()))) {
                    return null;
                }
                out.add(e.asInt());
            }
            return List.copyOf(out);
        }

        @Override
        public List<Integer> fromText(String text) {
            String v = text.trim();
            if (v.startsWith("[") && v.endsWith("]")) v = v.substring(1, v.length() - 1);
            if (v.isBlank()) return List.of();
            List<Integer> out = new ArrayList<>();
            for (String part : v.split(",")) {
                try {
                    out.add(Integer.parseInt(part.trim()));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return List.copyOf(out);
        }

        @Override
        public boolean allows(List<Integer> v) {
            return v.size() >= minLength && v.size() <= maxLength && v.stream().allMatch(x -> x >= lo && x <= hi);
        }

        @Override
        public String allowed() {
            return "a list of " + minLength + " to " + maxLength + " whole numbers from " + lo + " to " + hi
                    + " (e.g. [64, 32])";
        }

        @Override
        public Class<?> javaType() {
            return List.class;
        }

        /** the list as an int array */
        public static int[] toArray(List<Integer> v) {
            return v.stream().mapToInt(Integer::intValue).toArray();
        }

        /** an int array as an unmodifiable list */
        public static List<Integer> of(int... v) {
            return Arrays.stream(v).boxed().toList();
        }
    }

    /** a number as people write it: 1 not 1.0, 0.5 not 5.0E-1 */
    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
