package org.shiftscope.train.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.shiftscope.nn.NoiseModel;
import org.shiftscope.nn.NormKind;

/**
 * One of the 1–4 networks a scenario trains side by side, in lockstep: its name (the {@code run} column of every
 * CSV file, e.g. {@code bn}, {@code plain}, {@code layer}), its colour in the charts, and the settings it changes
 * from the scenario's (only {@link Settings#perVariant()} ones: the normalizer and its settings, placement, γ/β,
 * noise, learning rate, momentum). Everything else — data, mini-batches, starting weights, layer sizes — is shared.
 * Immutable; the overrides are kept in table order.
 *
 * @param name      lower-case letters, digits and '-', 1–20 characters, unique within a scenario
 * @param color     "#rrggbb", or "" for the colour its name or position gives ({@link #colorOf})
 * @param overrides per-variant settings and their values, in table order
 */
public record Variant(String name, String color, Map<Setting<?>, Object> overrides) {
    /** what a variant name may look like */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,19}");
    /** what a colour may look like */
    public static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    /** the most variants a scenario trains at once */
    public static final int MAX = 4;
    /**
     * colours by position, for variants whose name has none of its own: blue, orange, green, pink (the Okabe–Ito
     * colours, told apart with every common colour-vision deficiency)
     */
    public static final String[] PALETTE = {"#0072b2", "#e69f00", "#009e73", "#cc79a7"};

    public Variant {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ScenarioException("variant name '" + name + "' is not allowed; expected 1–20 lower-case "
                    + "letters, digits or '-', starting with a letter or digit.");
        }
        if (color == null) color = "";
        if (!color.isEmpty() && !COLOR.matcher(color).matches()) {
            throw new ScenarioException("variant " + name + ": color = " + color + " is not allowed; expected "
                    + "#rrggbb (e.g. #0072b2).");
        }
        Map<Setting<?>, Object> ordered = new LinkedHashMap<>();
        for (Setting<?> k : Settings.all()) {
            if (!overrides.containsKey(k)) continue;
            if (!Settings.perVariant().contains(k)) {
                throw new ScenarioException("variant " + name + ": " + k.key() + " cannot differ between variants "
                        + "(they share it); a variant may set " + Settings.perVariantKeys() + ".");
            }
            Object v = k.cast(overrides.get(k));
            checkAllowed(k, v, name);
            ordered.put(k, v);
        }
        overrides = java.util.Collections.unmodifiableMap(ordered);
    }

    @SuppressWarnings("unchecked")
    private static <T> void checkAllowed(Setting<T> k, Object v, String name) {
        if (!k.type().allows((T) v)) {
            throw new ScenarioException("variant " + name + ": " + k.key() + " = " + k.type().toJson((T) v)
                    + " is out of range; expected " + k.type().allowed() + ".");
        }
    }

    /** a variant with no overrides and its name's colour */
    public static Variant named(String name) {
        return new Variant(name, "", Map.of());
    }

    /** the same variant with one more (or a changed) override */
    public <T> Variant with(Setting<T> k, T v) {
        Map<Setting<?>, Object> next = new LinkedHashMap<>(overrides);
        next.put(k, v);
        return new Variant(name, color, next);
    }

    /** the same variant without an override of this setting */
    public Variant without(Setting<?> k) {
        Map<Setting<?>, Object> next = new LinkedHashMap<>(overrides);
        next.remove(k);
        return new Variant(name, color, next);
    }

    /** the same variant under another name */
    public Variant renamed(String newName) {
        return new Variant(newName, color, overrides);
    }

    /** the scenario this variant trains: the shared one with this variant's overrides */
    Scenario applyTo(Scenario shared) {
        Scenario s = shared;
        for (Map.Entry<Setting<?>, Object> e : overrides.entrySet()) s = put(s, e.getKey(), e.getValue());
        return s;
    }

    @SuppressWarnings("unchecked")
    private static <T> Scenario put(Scenario s, Setting<T> k, Object v) {
        return s.with(k, (T) v);
    }

    /** its colour: as set, else its name's (bn blue, plain orange, …), else the palette's at this position */
    public String colorAt(int position) {
        return !color.isEmpty() ? color : colorOf(name, position);
    }

    /** the colour of a run named so, at this position among the variants */
    public static String colorOf(String name, int position) {
        return switch (name) {
            case "main", "bn" -> "#0072b2";   // blue
            case "plain" -> "#e69f00";        // orange
            case "layer" -> "#009e73";        // green
            case "group" -> "#56b4e9";        // sky blue
            case "renorm" -> "#d55e00";       // red (vermilion)
            case "noisy-bn" -> "#cc79a7";     // pink
            default -> PALETTE[Math.floorMod(position, PALETTE.length)];
        };
    }

    /**
     * Its words in legends and captions, from what it trains: "with BN", "without BN", "with LayerNorm",
     * "with BN + noise 1" ("… per example" with the paper's noise), with a learning rate or other settings it
     * changes after a comma.
     */
    public String label(Scenario trained) {
        NormKind k = trained.get(Settings.NORM);
        StringBuilder b = new StringBuilder(switch (k) {
            case NONE -> "without BN";
            case BATCH -> "with BN";
            default -> "with " + k.label();
        });
        double noise = trained.get(Settings.NORM_NOISE);
        if (k.hasLayer() && noise > 0) {
            b.append(" + noise ").append(Setting.significant(noise));
            if (trained.get(Settings.NORM_NOISE_MODEL) == NoiseModel.PAPER) b.append(" per example");
        }
        for (Map.Entry<Setting<?>, Object> e : overrides.entrySet()) {
            Setting<?> s = e.getKey();
            if (s == Settings.NORM || s == Settings.NORM_NOISE || s == Settings.NORM_NOISE_MODEL) continue;
            if (!k.hasLayer() && s.normOnly()) continue; // nothing to normalize
            b.append(", ").append(words(s, e.getValue()));
        }
        return b.toString();
    }

    /** "learning rate 1", "after activation", "γ/β fixed": a setting and its value in a legend */
    private static String words(Setting<?> s, Object v) {
        if (v instanceof Enum<?> e) {
            String option = s.optionLabel(e);
            return option.contains(" ") ? option : s.label() + " " + option;
        }
        String l = s.label();
        int cut = l.indexOf(" (");
        l = (cut > 0 ? l.substring(0, cut) : l).trim();
        return l.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + l.substring(1) + " " + format(s, v);
    }

    @SuppressWarnings("unchecked")
    private static <T> String format(Setting<T> s, Object v) {
        return v instanceof Double d ? Setting.significant(d) : s.format((T) v);
    }
}
