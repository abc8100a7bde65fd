package org.shiftscope.train.scenario;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.shiftscope.nn.NetworkSpec;

/**
 * One setting, declared once in {@link Settings}: its key in scenario files and {@code --set}, its type and
 * allowed values, its default, the words the control panel shows (label, tooltip, option names), the control
 * that moves it, whether a change applies to the live network or builds a new one, and when its control is
 * enabled, its word in change markers, whether a variant may change it, whether it only matters with a normalizer,
 * and which field of the engine's specs its value feeds. Everything else — parsing, validation messages, writing,
 * the panel's control and its binding, the status message, the specs — is derived from this. Immutable.
 *
 * @param <T>        the value's type (see {@link ValueType})
 * @param symbol     its short name in change markers ("lr", "γ"); empty: words from its label
 * @param perVariant whether a {@link Variant} may change it; every other setting is shared by the variants
 * @param normOnly   whether it only matters where a normalizer is on (nothing to normalize without one)
 * @param feed       puts the value into its field of the scenario's specs, by the field's name (nothing for the
 *                   scenario's own words)
 * @param effect     what a change does to a running network or optimizer (a live setting's); null for one read
 *                   where it is used (batch size, speed, the measuring intervals) or that needs a new session
 */
public record Setting<T>(String key, ValueType<T> type, T defaultValue, String label, String tooltip, Apply apply,
                         Group group, Control control, Predicate<Scenario> enabledWhen,
                         Function<T, String> optionNames, String symbol, boolean perVariant, boolean normOnly,
                         BiConsumer<SpecDrafts, T> feed, LiveEffect effect) {
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
        SCENARIO("Scenario"), DATA("Data"), NETWORK("Network"), BATCHNORM("Normalization"), TRAINING("Training"),
        /** not in the panel (files and {@code --set} only) */
        HIDDEN("");

        public final String title;

        Group(String title) {
            this.title = title;
        }
    }

    /**
     * One line of the table being written: the words first ({@link #label}, {@link #tip}, {@link #options},
     * {@link #enabledWhen}, {@link #symbol}), then where it may differ ({@link #perVariant}, {@link #normOnly}),
     * the spec field it feeds ({@link #dataset}, {@link #network}, {@link #training}), then what a change does
     * ({@link #effect}, then {@link #live}, {@link #rebuild} or {@link #describe}, which makes the setting and enters
     * it in the table).
     */
    static final class Line<T> {
        private final String key;
        private final ValueType<T> type;
        private final T defaultValue;
        private final Consumer<Setting<?>> table;
        private String label = "", tooltip = "", symbol = "";
        private boolean perVariant, normOnly;
        private Predicate<Scenario> enabledWhen = s -> true;
        private Function<T, String> optionNames;
        private BiConsumer<SpecDrafts, T> feed = (specs, v) -> { };
        private LiveEffect effect;

        Line(String key, ValueType<T> type, T defaultValue, Consumer<Setting<?>> table) {
            this.key = key;
            this.type = type;
            this.defaultValue = defaultValue;
            this.table = table;
        }

        Line<T> label(String l) {
            label = l;
            return this;
        }

        Line<T> tip(String t) {
            tooltip = t;
            return this;
        }

        Line<T> enabledWhen(Predicate<Scenario> p) {
            enabledWhen = p;
            return this;
        }

        Line<T> options(Function<T, String> names) {
            optionNames = names;
            return this;
        }

        /** its short name in change markers ("lr 0.03→0.1") */
        Line<T> symbol(String s) {
            symbol = s;
            return this;
        }

        /** a variant may change it (it must apply live, with an {@link #effect}) */
        Line<T> perVariant() {
            perVariant = true;
            return this;
        }

        /** it only matters where a normalizer is on */
        Line<T> normOnly() {
            normOnly = true;
            return this;
        }

        /** feeds the data set's spec: {@code .dataset((d, v) -> d.noise = v)} */
        Line<T> dataset(BiConsumer<DatasetSpec.Draft, T> field) {
            feed = (specs, v) -> field.accept(specs.dataset(), v);
            return this;
        }

        /** feeds the network's spec: {@code .network(NetworkSpec.Builder::gamma)} */
        Line<T> network(BiConsumer<NetworkSpec.Builder, T> field) {
            feed = (specs, v) -> field.accept(specs.network(), v);
            return this;
        }

        /** feeds the training spec: {@code .training((t, v) -> t.seed = v)} */
        Line<T> training(BiConsumer<TrainingSpec.Draft, T> field) {
            feed = (specs, v) -> field.accept(specs.training(), v);
            return this;
        }

        /** what a change does to a running network or optimizer (it must apply live) */
        Line<T> effect(LiveEffect e) {
            effect = e;
            return this;
        }

        /** applied to the running network at the next step, with a control in a panel section */
        Setting<T> live(Group g, Control c) {
            return make(Apply.LIVE, g, c);
        }

        /** applied to the running network, files and {@code --set} only */
        Setting<T> live() {
            return make(Apply.LIVE, Group.HIDDEN, null);
        }

        /** builds a new network, with a control in a panel section */
        Setting<T> rebuild(Group g, Control c) {
            return make(Apply.REBUILD, g, c);
        }

        /** builds a new network, files and {@code --set} only */
        Setting<T> rebuild() {
            return make(Apply.REBUILD, Group.HIDDEN, null);
        }

        /** describes the scenario or the headless run */
        Setting<T> describe() {
            return make(Apply.NONE, Group.HIDDEN, null);
        }

        private Setting<T> make(Apply a, Group g, Control c) {
            Setting<T> s = new Setting<>(key, type, defaultValue, label, tooltip, a, g, c, enabledWhen, optionNames,
                    symbol, perVariant, normOnly, feed, effect);
            table.accept(s);
            return s;
        }
    }

    /** a node id for the panel's control: the key with '-' for '.' ({@code training-learning_rate}) */
    public String id() {
        return key.replace('.', '-');
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
        if (optionNames != null) return optionNames.apply((T) choice);
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
            // a value off the control's step (from a file or --set) is shown as it is: what is shown trains
            if (control != null && !round(v).equals(v)) return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
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
        if (Math.abs(v) >= 999.5 && Math.abs(v) < 1e15) { // 999.5 has 3 significant digits 1000 (not "1.00e+03")
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

    /** settings are the table's entries: each equals only itself */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
