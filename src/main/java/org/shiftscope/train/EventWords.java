package org.shiftscope.train;

import org.shiftscope.nn.Affine;
import org.shiftscope.nn.NormKind;
import org.shiftscope.train.scenario.Setting;
import org.shiftscope.train.scenario.Settings;

/** The short words of a change's marker: "BN off", "lr 0.1→0.5", "γ/β fixed". */
final class EventWords {
    private EventWords() {}

    /** a marker's words for a setting going from {@code old} to {@code next}, values formatted by the table */
    static <T> String label(Setting<T> k, T old, T next) {
        if (k == Settings.NORM) return norm((NormKind) old, (NormKind) next);
        if (k == Settings.AFFINE) return "γ/β " + (next == Affine.FIXED ? "fixed" : "learned");
        if (k == Settings.BN_PLACEMENT) return "BN " + k.format(next);
        return name(k) + " " + k.format(old) + "→" + k.format(next);
    }

    private static String norm(NormKind old, NormKind next) {
        if (!next.hasLayer()) return short_(old) + " off";
        if (!old.hasLayer()) return short_(next) + " on";
        return short_(old) + "→" + short_(next);
    }

    private static String short_(NormKind k) {
        return k == NormKind.BATCH ? "BN" : k.label();
    }

    /** a setting's short name: its symbol in the table where it has one, else its label's first words */
    private static String name(Setting<?> k) {
        if (!k.symbol().isEmpty()) return k.symbol();
        String l = k.label().replaceAll("\\s*\\(.*\\)\\s*$", "").trim();
        return l.isEmpty() ? k.key() : l.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + l.substring(1);
    }
}
