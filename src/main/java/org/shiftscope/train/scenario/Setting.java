package org.shiftscope.train.scenario;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One setting, declared once in {@link Settings}: its key in scenario files and {@code --set}, its type and
 * allowed values, its default, the words the control panel shows (label, tooltip, option names), the control
 * that moves it, whether a change applies to the live network or builds a new one, and when its control is
 * enabled. Everything else — parsing, validation messages, writing, the panel's control and its binding, the
 * status message — is derived from this. Immutable once the table is built.
 *
 * @param <T> the value's type (see {@link ValueType})
 */
public final class Setting<T> {
    /** what a change does to a running session */
    public enum Apply {
        /** applied to the live networks at the next step, weights kept */
        LIVE,
        /** a new session: new weights from the seed (and new data when the data settings changed) */
        REBUILD,
        /** describes the scenario or the headless run; nothing to apply in the window */
        NONE
    }

    /** the panel section a setting appears in */
    public enum Group {
        SCENARIO("Scenario"), DATA("Data"), NETWORK("Network"), BATCHNORM("BatchNorm"), TRAINING("Training"),
        /** not in the panel (files and {@code --set} only) */
        HIDDEN("");

        public final String title;

        Group(String title) {
            this.title = title;
        }
    }

    private final String key;
    private final ValueType<T> type;
    private final T defaultValue;
    private String label = "";
    private String tooltip = "";
    private Apply apply = Apply.NONE;
    private Group group = Group.HIDDEN;
    private Control control;
    private Predicate<Scenario> enabledWhen = s -> true;
    private Function<T, String> optionLabel;

    private Setting(String key, ValueType<T> type, T defaultValue) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
    }

    static <T> Setting<T> of(String key, ValueType<T> type, T defaultValue) {
        return new Setting<>(key, type, defaultValue);
    }

    // ---- table-building steps (used only while Settings initializes) ----

    Setting<T> label(String l) {
        label = l;
        return this;
    }

    Setting<T> tip(String t) {
        tooltip = t;
        return this;
    }

    Setting<T> live(Group g, Control c) {
        apply = Apply.LIVE;
        group = g;
        control = c;
        return this;
    }

    Setting<T> rebuild(Group g, Control c) {
        apply = Apply.REBUILD;
        group = g;
        control = c;
        return this;
    }

    /** applies as a rebuild but has no control in the panel */
    Setting<T> rebuild() {
        apply = Apply.REBUILD;
        return this;
    }

    /** applies live but has no control in the panel */
    Setting<T> live() {
        apply = Apply.LIVE;
        return this;
    }

    Setting<T> enabledWhen(Predicate<Scenario> p) {
        enabledWhen = p;
        return this;
    }

    Setting<T> options(Function<T, String> names) {
        optionLabel = names;
        return this;
    }

    // ---- reading ----

    /** dotted key, e.g. {@code training.learning_rate} */
    public String key() {
        return key;
    }

    /** a node id for the panel's control: the key with '-' for '.' ({@code training-learning_rate}) */
    public String id() {
        return key.replace('.', '-');
    }

    public ValueType<T> type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** the control's label, e.g. "Learning rate" */
    public String label() {
        return label;
    }

    /** the control's tooltip in plain words */
    public String tooltip() {
        return tooltip;
    }

    public Apply apply() {
        return apply;
    }

    public Group group() {
        return group;
    }

    /** the panel's control, or null when the setting is not in the panel */
    public Control control() {
        return control;
    }

    /** whether the control can be used with these settings (e.g. gamma only where BN can be) */
    public boolean enabled(Scenario s) {
        return enabledWhen.test(s);
    }

    /** the choices of an enum setting, in order; empty for other types */
    public List<?> choices() {
        return type instanceof ValueType.Choice<?> c ? c.values() : List.of();
    }

    /** the words for one choice of an enum setting (e.g. "after activation") */
    @SuppressWarnings("unchecked")
    public String optionLabel(Object choice) {
        if (optionLabel != null) return optionLabel.apply((T) choice);
        return choice instanceof Enum<?> e ? ValueType.Choice.key(e) : String.valueOf(choice);
    }

    /** a value's type-checked form: throws ClassCastException for a value of another type */
    @SuppressWarnings("unchecked")
    public T cast(Object v) {
        if (!type.javaType().isInstance(v)) {
            throw new ClassCastException(key + " holds " + type.javaType().getSimpleName() + ", not " + v);
        }
        return (T) v;
    }

    /** The value rounded to its control's step, so 0.20000000000000004 is shown and saved as 0.2. */
    @SuppressWarnings("unchecked")
    public T round(T v) {
        if (control == null || control.kind() != Control.Kind.SLIDER) return v;
        if (v instanceof Long l) return (T) l;
        double d = (Double) v;
        if (d == 0 || !Double.isFinite(d)) return v;
        BigDecimal b = BigDecimal.valueOf(d);
        b = switch (control.scale()) {
            case LINEAR -> b.setScale(control.digits(), RoundingMode.HALF_EVEN);
            case LOG10 -> b.round(new MathContext(Math.max(1, control.digits()), RoundingMode.HALF_EVEN));
            case LOG2 -> b.setScale(0, RoundingMode.HALF_EVEN);
        };
        return (T) Double.valueOf(b.doubleValue());
    }

    /** The value as the panel and the status bar show it. */
    public String format(T v) {
        if (v instanceof Double d) {
            if (control != null && control.topMeansZero() && d <= 0) return "max";
            if (control != null && control.scale() == Control.Scale.LINEAR) {
                return String.format(Locale.ROOT, "%." + control.digits() + "f", d);
            }
            return significant(d);
        }
        if (v instanceof Boolean b) return b ? "on" : "off";
        if (v instanceof List<?> l) {
            return l.stream().distinct().count() == 1 ? l.size() + " × " + l.get(0) : l.toString();
        }
        if (v instanceof Enum<?> e) return optionLabel(e);
        return String.valueOf(v);
    }

    /**
     * 3 significant digits, no trailing zeros: scientific below 0.001 ("3.16e-04", "1e-04"), whole numbers from
     * 1000 on ("12000", not "1.20e+04"). Read back, the text gives the value rounded to 3 digits.
     */
    public static String significant(double v) {
        if (v != 0 && Math.abs(v) < 1e-3) {
            return String.format(Locale.ROOT, "%.2e", v).replaceFirst("\\.?0+e", "e");
        }
        if (Math.abs(v) >= 1000 && Math.abs(v) < 1e15) {
            return new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_EVEN)).toBigInteger().toString();
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        if (s.contains(".") && !s.contains("e")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }

    @Override
    public String toString() {
        return key;
    }
}
