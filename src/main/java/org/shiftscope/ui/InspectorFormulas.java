package org.shiftscope.ui;

import java.util.Arrays;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.shiftscope.nn.NormKind;
import org.shiftscope.stats.InspectMode;
import org.shiftscope.stats.Inspection;

/**
 * The step inspector's formulas, one per number line, and how they fit their column: as wide as they need at their
 * size, at most 42% of the width. Narrower (presentation type in a narrow window), a formula that does not fit goes
 * on two lines, and the type shrinks only as far as it must for no formula to run into its line. The fit is
 * measured again only when the formulas or the size change, not at every step. FX thread only.
 */
final class InspectorFormulas {
    /** the formulas' share of the width, at most */
    private static final double SHARE = 0.42;

    /**
     * How the formulas are set: {@code lines} per row (one or two), the type {@code size}, the column's {@code width}
     * (left margin included) and where the widest line ends ({@code end}, the same margin included).
     */
    record Fit(String[][] lines, double size, double width, double end) { }

    /** measures text */
    private final Text probe = new Text();
    /** what the last fit was for: the formulas, the width, the row height and the type scale */
    private String[] fitFormulas;
    private double fitW, fitH, fitScale;
    private Fit fit;

    /** the rows' formulas, in the words of this normalizer and mode */
    static String[] of(Inspection in) {
        String x = "① x_i = " + in.input().label + ", unit "
                + (in.unit() + 1) + " (m = " + in.m() + ")";
        boolean running = in.mode() == InspectMode.INFERENCE && in.kind().keepsRunningStatistics();
        String stats, xhat;
        if (!in.normalized()) {
            stats = "② μ_B ± σ_B (nothing uses them)";
            xhat = "③ x̂_i";
        } else if (in.perExample()) {
            stats = "② each example's μ_i ± σ_i";
            xhat = "③ x̂_i = (x_i − μ_i) / √(σ²_i + ε)";
        } else if (running) {
            stats = "② running μ ± σ (this batch's μ_B: dashed)";
            xhat = "③ x̂_i = (x_i − μ) / √(σ² + ε)";
        } else {
            stats = "② μ_B (tick), μ_B ± σ_B (band)";
            xhat = in.kind() == NormKind.RENORM ? "③ x̂_i = (x_i − μ_B) / σ_B · r + d"
                    : "③ x̂_i = (x_i − μ_B) / √(σ²_B + ε)";
        }
        return new String[] {x, stats, xhat, "④ y_i = γ · x̂_i + β"};
    }

    /** the font of row {@code row}'s formula (the first one bold) */
    static Font font(int row, double size) {
        return Font.font("System", row == 0 ? FontWeight.BOLD : FontWeight.NORMAL, size);
    }

    /** How these formulas fit a canvas {@code w} wide and {@code h} high at type scale {@code s}. */
    Fit fit(String[] formulas, double w, double h, double s) {
        if (fit != null && w == fitW && h == fitH && s == fitScale && Arrays.equals(formulas, fitFormulas)) return fit;
        double nominal = 12.5 * s, margin = 8 * s, room = w * SHARE - margin, need1 = 0, need2 = 0;
        String[][] split = new String[formulas.length][];
        for (int row = 0; row < formulas.length; row++) {
            double one = width(formulas[row], row, nominal);
            need1 = Math.max(need1, one);
            split[row] = one <= room ? new String[] {formulas[row]} : halves(formulas[row]);
            for (String part : split[row]) need2 = Math.max(need2, width(part, row, nominal));
        }
        double size1 = nominal * Math.min(1, room / need1);
        double size2 = Math.min(nominal * Math.min(1, room / need2), h / 4 * 0.36); // two lines in a row
        boolean twoLines = need1 > room && size2 > size1 * 1.1;
        double size = Math.max(8, twoLines ? size2 : size1);
        String[][] lines = new String[formulas.length][];
        double end = 0;
        for (int row = 0; row < formulas.length; row++) {
            lines[row] = twoLines ? split[row] : new String[] {formulas[row]};
            for (String line : lines[row]) end = Math.max(end, margin + width(line, row, size));
        }
        double width = Math.min(w * SHARE, (twoLines ? need2 : need1) * size / nominal + margin);
        fitFormulas = formulas.clone();
        fitW = w;
        fitH = h;
        fitScale = s;
        fit = new Fit(lines, size, width, end);
        return fit;
    }

    /** a formula's width in pixels at this size */
    private double width(String text, int row, double size) {
        probe.setFont(font(row, size));
        probe.setText(text);
        return probe.getLayoutBounds().getWidth();
    }

    /**
     * A formula in two lines, as evenly as it can be broken after "=" or "," or before "(" (else at any space):
     * "③ x̂_i =" / "(x_i − μ_B) / √(σ²_B + ε)". The whole formula if it has no space.
     */
    static String[] halves(String formula) {
        int best = -1;
        for (boolean anySpace : new boolean[] {false, true}) {
            for (int i = 1; i < formula.length() - 1; i++) {
                if (formula.charAt(i) != ' ') continue;
                char before = formula.charAt(i - 1), after = formula.charAt(i + 1);
                if (!anySpace && before != '=' && before != ',' && after != '(') continue;
                if (best < 0 || longer(formula, i) < longer(formula, best)) best = i;
            }
            if (best >= 0) break;
        }
        if (best < 0) return new String[] {formula};
        return new String[] {formula.substring(0, best), formula.substring(best + 1)};
    }

    /** the longer part's length when broken at {@code i} */
    private static int longer(String formula, int i) {
        return Math.max(i, formula.length() - i - 1);
    }
}
