package org.shiftscope.chart;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.shiftscope.chart.ChartPane.Key;
import org.shiftscope.chart.ChartPane.Mark;

/**
 * The strip at the top of a {@link ChartPane}: its title, or the longest of the title's shorter forms that fits
 * ({@link ChartPane#titleVariants()}), and its legend ({@link ChartPane#legendKeys()}) beside the title or on
 * lines of their own under it, in brief words when the full ones do not fit. Nothing is drawn over the plot.
 * FX thread only.
 */
final class TitleStrip {
    /** the chart whose strip this is */
    private final ChartPane chart;
    /** the title drawn last */
    private String shown = "";

    TitleStrip(ChartPane chart) {
        this.chart = chart;
    }

    /** the title as drawn by the last draw */
    String shown() {
        return shown;
    }

    private static final javafx.scene.text.Text PROBE = new javafx.scene.text.Text();

    /** width of a text in a font (FX thread) */
    static double textWidth(String text, Font f) {
        PROBE.setFont(f);
        PROBE.setText(text);
        return PROBE.getLayoutBounds().getWidth();
    }

    private Font titleFont() {
        return Font.font("System", FontWeight.BOLD, 13 * chart.scale());
    }

    private Font keyFont() {
        return Font.font(11.5 * chart.scale());
    }

    /** width of one key as drawn: its mark, a gap, its words, and the space before the next key */
    private double keyWidth(Key k, boolean brief) {
        double s = chart.scale();
        if (k.mark() == Mark.SCALE) return textWidth("few", keyFont()) + textWidth("many", keyFont()) + 62 * s;
        return 18 * s + 5 * s + textWidth(brief ? k.brief() : k.label(), keyFont()) + 12 * s;
    }

    private double keysWidth(List<Key> keys, boolean brief) {
        double w = 0;
        for (Key k : keys) w += keyWidth(k, brief);
        return w;
    }

    /**
     * Draws the title strip and returns its height: the title, or the longest of its shorter forms that fits,
     * with the legend right-aligned beside it when both fit on one line (full words, else brief ones), else the
     * legend on a line of its own under the title. Nothing here is drawn over the plot.
     */
    double draw(GraphicsContext g, double w) {
        double s = chart.scale(), avail = w - 16 * s, gap = 14 * s;
        List<Key> keys = chart.legendKeys();
        List<String> titles = new java.util.ArrayList<>();
        titles.add(chart.title());
        titles.addAll(chart.titleVariants());
        Font tf = titleFont();
        String t = null;
        boolean brief = false, ownLine = false;
        choose:
        for (boolean b : new boolean[] {false, true}) {
            double kw = keys.isEmpty() ? 0 : gap + keysWidth(keys, b);
            for (String candidate : titles) {
                if (textWidth(candidate, tf) + kw <= avail) {
                    t = candidate;
                    brief = b;
                    break choose;
                }
            }
            if (keys.isEmpty()) break;
        }
        if (t == null) { // the legend gets lines of its own; the title the longest form that fits alone
            ownLine = !keys.isEmpty();
            brief = keysWidth(keys, false) > avail;
            for (String candidate : titles) {
                if (textWidth(candidate, tf) <= avail) {
                    t = candidate;
                    break;
                }
            }
            if (t == null) t = clip(titles.get(titles.size() - 1), tf, avail);
        }
        shown = t;
        g.setFill(chart.theme().text());
        g.setFont(tf);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(t, 8 * s, 5 * s);
        if (!ownLine) {
            if (!keys.isEmpty()) drawKeys(g, keys, brief, w - 8 * s, 13 * s);
            return 26 * s;
        }
        // as many keys on each line as fit
        double y = 30 * s;
        List<Key> line = new java.util.ArrayList<>();
        for (Key k : keys) {
            if (!line.isEmpty() && keysWidth(line, brief) + keyWidth(k, brief) > avail + 12 * s) {
                drawKeys(g, line, brief, w - 8 * s, y);
                line.clear();
                y += 17 * s;
            }
            line.add(k);
        }
        drawKeys(g, line, brief, w - 8 * s, y);
        return y + 13 * s;
    }

    /** a text cut at a word boundary (or, for one long word, inside it) so that it and "…" fit a width */
    static String clip(String text, Font f, double width) {
        if (textWidth(text, f) <= width) return text;
        String cut = text;
        while (cut.length() > 1 && textWidth(cut + "…", f) > width) {
            int space = cut.lastIndexOf(' ');
            cut = space > 0 && textWidth(cut.substring(0, space) + "…", f) <= width ? cut.substring(0, space)
                    : cut.substring(0, cut.length() - 1);
        }
        return cut.strip() + "…";
    }

    /** Draws keys right-aligned so the last one ends at {@code right}, centred on {@code y}. */
    private void drawKeys(GraphicsContext g, List<Key> keys, boolean brief, double right, double y) {
        double s = chart.scale();
        Font f = keyFont();
        g.setFont(f);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        double x = right + 12 * s - keysWidth(keys, brief);
        for (Key k : keys) {
            double kw = keyWidth(k, brief);
            if (k.mark() == Mark.SCALE) {
                double fw = textWidth("few", f), bw = 42 * s, bx = x + fw + 4 * s;
                g.setFill(chart.theme().muted());
                g.fillText("few", x, y);
                for (int i = 0; i < 30; i++) {
                    g.setFill(chart.scaleColor(i / 29.0));
                    g.fillRect(bx + bw * i / 30, y - 4 * s, bw / 30 + 0.6, 8 * s);
                }
                g.setFill(chart.theme().muted());
                g.fillText("many", bx + bw + 4 * s, y);
            } else {
                if (k.mark() == Mark.BOX) {
                    g.setFill(k.color());
                    g.fillRect(x, y - 4 * s, 18 * s, 8 * s);
                } else {
                    g.setStroke(k.color());
                    g.setLineWidth(chart.lineWidth());
                    g.setLineDashes(k.mark() == Mark.DASHED ? new double[] {5 * s, 3 * s} : null);
                    g.strokeLine(x, y, x + 18 * s, y);
                    g.setLineDashes(null);
                }
                g.setFill(chart.theme().text());
                g.fillText(brief ? k.brief() : k.label(), x + 23 * s, y);
            }
            x += kw;
        }
    }

}
