package org.shiftscope.export;

import java.util.Arrays;
import java.util.Locale;
import org.shiftscope.train.scenario.Scenario;

/** The caption line under every exported figure: enough to make the same figure again. */
public final class Captions {
    private Captions() {}

    /** e.g. "ShiftScope · default · step 1200 · BatchNorm on (before activation, learned γ/β) · …" */
    public static String of(Scenario s, long step) {
        return of(s, step, java.util.Set.of());
    }

    /**
     * The caption, naming each variant shown and what it changes ("bn: with BN vs noisy-bn: with BN + noise 1"),
     * and the variants hidden from the charts.
     */
    public static String of(Scenario s, long step, java.util.Set<String> hidden) {
        var n = s.network();
        String bn;
        if (s.variants().isEmpty()) {
            bn = n.batchnorm() ? n.norm().label() + " on (" + n.bnPlacement().key() + " activation, "
                    + n.affine().key() + " γ/β)" : "BatchNorm off";
        } else {
            StringBuilder b = new StringBuilder();
            java.util.List<String> off = new java.util.ArrayList<>();
            for (int i = 0; i < s.runCount(); i++) {
                if (hidden.contains(s.runName(i))) {
                    off.add(s.runName(i));
                    continue;
                }
                if (b.length() > 0) b.append(" vs ");
                b.append(s.runName(i)).append(": ").append(s.runLabel(i));
            }
            if (!off.isEmpty()) b.append(" (hidden: ").append(String.join(", ", off)).append(')');
            bn = b.toString();
        }
        return "ShiftScope · " + s.name() + " · step " + step + " · " + bn + " · learning rate "
                + number(s.training().learningRate()) + " · batch " + s.training().batchSize() + " · "
                + s.network().activation().key() + " " + Arrays.toString(s.network().hidden()) + " · "
                + s.dataset().name() + " · seed " + s.training().seed();
    }

    /** 3 significant digits, scientific below 0.001 */
    public static String number(double v) {
        if (v != 0 && Math.abs(v) < 1e-3) return String.format(Locale.ROOT, "%.1e", v);
        String s = String.format(Locale.ROOT, "%.3g", v);
        if (s.contains(".") && !s.contains("e")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }
}
