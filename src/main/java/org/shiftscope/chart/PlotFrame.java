package org.shiftscope.chart;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** The frame of a chart's plot area: grid, ticks and labels of its axes, or a hint where it has no data yet. */
final class PlotFrame {
    private PlotFrame() {}

    /** A hint in the middle of an empty chart, on as many lines as its width needs. */
    static void empty(ChartPane c, GraphicsContext g, String text) {
        Font f = Font.font(13 * c.scale());
        g.setFill(c.theme().muted());
        g.setFont(f);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        List<String> lines = new java.util.ArrayList<>();
        String line = "";
        for (String word : text.split(" ")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && TitleStrip.textWidth(next, f) > c.pw - 8 * c.scale()) {
                lines.add(line);
                line = word;
            } else {
                line = next;
            }
        }
        lines.add(line);
        double lh = 16 * c.scale(), top = c.py + c.ph / 2 - (lines.size() - 1) * lh / 2;
        for (int i = 0; i < lines.size(); i++) g.fillText(lines.get(i), c.px + c.pw / 2, top + i * lh);
    }

    /**
     * Grid, ticks and labels for both axes; x labels below, y labels left. Lines along the axes are one-pixel
     * rectangles: the software renderer fills those directly, where a stroked line goes through its anti-aliasing
     * path.
     */
    static void axes(ChartPane c, GraphicsContext g, Axis x, Axis y, String xLabel) {
        double s = c.scale();
        ChartTheme th = c.theme();
        g.setLineWidth(1);
        g.setFont(Font.font(11.5 * s));
        if (!y.isEmpty()) {
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            for (double t : yTicks(c, y)) {
                double yy = Math.round(c.yOf(y, t));
                g.setFill(th.grid());
                g.fillRect(c.px, yy, c.pw, 1);
                g.setFill(th.text());
                g.fillText(y.tickLabel(t), c.px - 5 * s, yy + 0.5);
            }
        }
        if (!x.isEmpty()) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            double[] ticks = xTicks(c, x);
            int every = labelEvery(c, x, ticks, g.getFont());
            for (int i = 0; i < ticks.length; i++) {
                double xx = Math.round(c.xOf(x, ticks[i]));
                g.setFill(th.grid());
                g.fillRect(xx, c.py, 1, c.ph);
                if (i % every != 0) continue;
                g.setFill(th.text());
                g.fillText(x.tickLabel(ticks[i]), xx + 0.5, c.py + c.ph + 3 * s);
            }
        }
        g.setFill(th.axis());
        g.fillRect(c.px, c.py, 1, c.ph);
        g.fillRect(c.px, c.py + c.ph, c.pw, 1);
        if (xLabel != null && !x.isEmpty()) {
            // the unit goes under the last tick label's row, at the right end
            g.setFill(th.muted());
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(xLabel, c.px + c.pw, c.py + c.ph + 15 * s);
        }
    }

    /**
     * Labels every tick of a horizontal axis (1) or, on an axis of powers of ten, whose labels (10⁻¹⁰) are wider
     * than the numbers its tick spacing is made for, every second, third … one where they would otherwise touch;
     * every tick keeps its grid line.
     */
    private static int labelEvery(ChartPane c, Axis x, double[] ticks, Font f) {
        if (ticks.length < 2 || !x.decades()) return 1;
        double widest = 0;
        for (double t : ticks) widest = Math.max(widest, TitleStrip.textWidth(x.tickLabel(t), f));
        double apart = Math.abs(c.xOf(x, ticks[1]) - c.xOf(x, ticks[0]));
        return Math.max(1, (int) Math.ceil((widest + 6 * c.scale()) / Math.max(1, apart)));
    }

    /** the ticks of a chart's horizontal axis: about one per 70 px of type at scale 1, at least the axis's fewest */
    static double[] xTicks(ChartPane c, Axis x) {
        return x.ticks(Math.max(2, (int) (c.pw / (70 * c.scale()))));
    }

    /** the ticks of a chart's vertical axis: about one per 28 px of type at scale 1, at least the axis's fewest */
    static double[] yTicks(ChartPane c, Axis y) {
        return y.ticks(Math.max(2, (int) (c.ph / (28 * c.scale()))));
    }
}
