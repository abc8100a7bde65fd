package org.shiftscope.export;

import java.util.Arrays;
import java.util.Locale;
import org.shiftscope.nn.NormKind;
import org.shiftscope.train.scenario.Scenario;

/** The caption line under every exported figure: enough to make the same figure again. */
public final class Captions {
    private Captions() {}

    /** e.g. "ShiftScope · default · step 1200 · BatchNorm on (before activation, learned γ/β) · …" */
    public static String of(Scenario s, long step) {
        var n = s.network();
        String bn = s.compare() ? (n.norm() == NormKind.BATCH || !n.batchnorm() ? "BN" : n.norm().label())
                + " twin vs plain twin"
                : n.batchnorm() ? n.norm().label() + " on (" + n.bnPlacement().key() + " activation, "
                        + n.affine().key() + " γ/β)" : "BatchNorm off";
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
