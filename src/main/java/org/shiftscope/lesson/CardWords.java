package org.shiftscope.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shiftscope.nn.Tap;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioException;
import org.shiftscope.train.scenario.ScenarioIO;
import org.shiftscope.train.scenario.Setting;
import org.shiftscope.train.scenario.Settings;
import org.shiftscope.train.scenario.VariantPreset;

/**
 * A lesson card's words name the window's controls by key, never by their words, so a card cannot name a control
 * that does not exist and shows the words the window shows:
 * <ul>
 *   <li>{@code {training.learning_rate}}: a setting of the {@link Settings} table with a control in the panel,
 *       shown as its label, "‘Learning rate’";</li>
 *   <li>{@code {network.affine=learned}}: that control set to a value, "‘γ/β → learned’" (the value as the
 *       control shows it); {@code {view.tap=linear}} is the toolbar's tap switch, "‘W·x+b’";</li>
 *   <li>{@code {reset}}: a {@link WindowControl}, "‘Reset’ (R)"; {@code {variants=none}} one of the ready-made
 *       sets of variants, "‘Variants → One network’".</li>
 * </ul>
 * Anything else in braces is refused when the lessons are read, naming the lesson and the name.
 */
public final class CardWords {
    private CardWords() {}

    /** a name in braces, perhaps with a value: {key} or {key=value} */
    private static final Pattern NAME = Pattern.compile("\\{([^{}=]*)(?:=([^{}]*))?}");

    /** The words as the card shows them; IllegalStateException naming {@code where} and an unknown name. */
    public static String render(String text, String where) {
        Matcher m = NAME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(word(m.group(1).trim(), m.group(2), where)));
        m.appendTail(out);
        String shown = out.toString();
        if (shown.contains("{") || shown.contains("}")) {
            throw new IllegalStateException(where + ": a brace that names nothing in '" + text + "'");
        }
        return shown;
    }

    /** the names in braces of a card's words, as written ("training.learning_rate", "variants=none") */
    public static List<String> names(String text) {
        List<String> l = new ArrayList<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) l.add(m.group(2) == null ? m.group(1) : m.group(1) + "=" + m.group(2));
        return l;
    }

    private static String word(String key, String value, String where) {
        WindowControl c = WindowControl.fromKey(key);
        if (c == WindowControl.VARIANTS) {
            if (value == null) return quote(c.label);
            try {
                return quote(c.label + " → " + VariantPreset.fromKey(value.trim()).label);
            } catch (ScenarioException e) {
                throw new IllegalStateException(where + ": {" + key + "=" + value + "}: " + e.getMessage(), e);
            }
        }
        if (c != null) {
            if (value != null) throw new IllegalStateException(where + ": {" + key + "} takes no value");
            return quote(c.label) + (c.shortcut.isEmpty() ? "" : " (" + c.shortcut + ")");
        }
        Setting<?> s = Settings.byKey(key);
        if (s == null) {
            throw new IllegalStateException(where + ": {" + key + "} names no setting, control or button of the "
                    + "window (a setting's key, or one of " + controls() + ")");
        }
        boolean toolbar = s == Settings.VIEW_TAP;
        if (s.control() == null && !toolbar) {
            throw new IllegalStateException(where + ": {" + key + "} has no control in the window");
        }
        if (value == null) return quote(toolbar ? "W·x+b / after BN / activation / gradient" : label(s));
        String shown = shown(s, value, where);
        return quote(toolbar ? shown : label(s) + " → " + shown);
    }

    /** a setting's value as its control shows it */
    private static <T> String shown(Setting<T> s, String value, String where) {
        try {
            Scenario sc = ScenarioIO.withOverride(Scenario.defaults(), s.key(), value.trim());
            return s == Settings.VIEW_TAP ? ((Tap) sc.get(s)).label : s.format(sc.get(s));
        } catch (ScenarioException e) {
            throw new IllegalStateException(where + ": {" + s.key() + "=" + value + "}: " + e.getMessage(), e);
        }
    }

    /** a setting's label without the spacing the panel puts before a shortcut ("Normalizer (B)") */
    public static String label(Setting<?> s) {
        return s.label().replaceAll("\\s+", " ").trim();
    }

    private static String quote(String words) {
        return "‘" + words + "’";
    }

    private static String controls() {
        List<String> l = new ArrayList<>();
        for (WindowControl c : WindowControl.values()) l.add(c.key());
        return String.join(", ", l);
    }
}
