package org.shiftscope.chart;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.shiftscope.stats.TapStats;
import org.shiftscope.stats.History;

/**
 * The current histogram of a layer's tap (one outline per run in compare mode), over the robust range the probe
 * chose (0.5th to 99.5th percentile): an edge bin that also counts values beyond it is hatched and says from where
 * on (≤ x, ≥ x). The value axis widens at once and shrinks only after the data stayed narrower for a while.
 */
public final class HistogramChart extends LayerChart {

    public HistogramChart(History history) {
        super(history, "Histogram", "histogram",
                "How the values at this point of the layer are spread right now, over the whole mini-batch and "
                        + "every unit. Tall narrow peaks at the ends of a sigmoid or tanh mean the units are "
                        + "saturated and barely learn. A hatched end bar also holds the few values beyond the range "
                        + "shown (the outermost 0.5% on each side at most).");
        x.minTicks(3);
        y.minTicks(3);
    }

    /** the bin under the pointer and each run's share of values in it */
    @Override
    protected List<String> readoutAt(double mx, double my) {
        double v = xValue(x, mx);
        List<String> lines = new java.util.ArrayList<>();
        for (String r : runsWithData()) {
            TapStats t = series(r).last();
            if (t == null || !Double.isFinite(t.binLo())) continue;
            int b = (int) Math.floor((v - t.binLo()) / t.binWidth());
            if (lines.isEmpty()) lines.add(valueWords(v));
            int n = t.counts().length, total = Math.max(1, t.total());
            boolean below = b < 0 && t.under() > 0, above = b >= n && t.over() > 0;
            if (below) b = 0;
            if (above) b = n - 1;
            double share = b < 0 || b >= n ? 0 : (double) t.counts()[b] / total;
            String bin = b < 0 || b >= n ? "outside its range"
                    : num(actual(t.binLo() + b * t.binWidth())) + " … "
                            + num(actual(t.binLo() + (b + 1) * t.binWidth()));
            String line = history.label(r) + ": " + pct(share) + " of values in " + bin;
            if (b == 0 && t.under() > 0) {
                line += "; of them " + t.under() + " (" + pct((double) t.under() / total) + ") below "
                        + num(actual(t.binLo())) + ", down to " + num(actual(t.min()));
            } else if (b == n - 1 && t.over() > 0) {
                line += "; of them " + t.over() + " (" + pct((double) t.over() / total) + ") above "
                        + num(actual(t.binHi())) + ", up to " + num(actual(t.max()));
            }
            lines.add(line + zeros(t));
        }
        return lines;
    }

    @Override
    public Axis valueAxis() {
        return x;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        List<String> runs = runsWithData();
        TapStats any = null;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, top = 0;
        for (String r : runs) {
            TapStats t = series(r).last();
            if (t == null || !Double.isFinite(t.binLo())) continue;
            any = t;
            lo = Math.min(lo, t.binLo());
            hi = Math.max(hi, t.binHi());
            int max = 0;
            for (int c : t.counts()) max = Math.max(max, c);
            top = Math.max(top, (double) max / Math.max(1, t.total()));
        }
        if (any != null) {
            long stamp = history.lastStep();
            x.follow(lo, hi, stamp);
            y.follow(0, top, stamp);
        }
        axes(g, x, y, valueName());
        if (any == null) {
            empty(g, emptyText());
            return;
        }
        // no clip: the axes follow the bins (they widen at once), so every bin lies inside the plot
        for (String r : runs) {
            TapStats t = series(r).last();
            if (t == null || !Double.isFinite(t.binLo())) continue;
            Color c = ChartTheme.runColor(history, r);
            int n = t.counts().length, total = Math.max(1, t.total());
            double bw = t.binWidth();
            g.beginPath();
            g.moveTo(xOf(x, t.binLo()), yOf(y, 0));
            for (int b = 0; b < n; b++) {
                double yy = yOf(y, (double) t.counts()[b] / total);
                g.lineTo(xOf(x, t.binLo() + b * bw), yy);
                g.lineTo(xOf(x, t.binLo() + (b + 1) * bw), yy);
            }
            g.lineTo(xOf(x, t.binHi()), yOf(y, 0));
            g.closePath();
            g.setFill(c.deriveColor(0, 1, 1, runs.size() > 1 ? 0.18 : 0.35));
            g.fill();
            g.setStroke(c);
            g.setLineWidth(lineWidth() * 0.8);
            g.stroke();
            // the notes only where the histogram is wide enough for both (the readout says it anyway)
            boolean notes = xOf(x, t.binHi()) - xOf(x, t.binLo()) > 130 * scale();
            if (t.under() > 0) overflowBin(g, c, t, 0, notes ? "≤ " + Axis.label(actual(t.binLo())) : null);
            if (t.over() > 0) overflowBin(g, c, t, n - 1, notes ? "≥ " + Axis.label(actual(t.binHi())) : null);
        }
    }

    /** an edge bin that also holds the values beyond the range: hatched in the run's colour, with its note if any */
    private void overflowBin(GraphicsContext g, Color c, TapStats t, int b, String note) {
        double s = scale(), total = Math.max(1, t.total());
        double x0 = xOf(x, t.binLo() + b * t.binWidth()), x1 = xOf(x, t.binLo() + (b + 1) * t.binWidth());
        double y0 = yOf(y, t.counts()[b] / total), y1 = yOf(y, 0);
        g.setFill(c.deriveColor(0, 1, 0.8, 0.55));
        g.fillRect(x0, y0, x1 - x0, y1 - y0);
        g.save();
        g.setStroke(theme().background().deriveColor(0, 1, 1, 0.8));
        g.setLineWidth(1.2 * s);
        g.setLineCap(StrokeLineCap.BUTT);
        // 45° hatching cut to the bar by hand (a clip costs the software renderer a mask and a blend per bar):
        // the line from (d, y1) up to (d + hgt, y0) is the points (d + t, y1 − t), 0 ≤ t ≤ hgt, inside x0…x1
        double hgt = y1 - y0, gap = 4 * s;
        for (double d = x0 - hgt; d < x1; d += gap) {
            double ta = Math.max(0, x0 - d), tb = Math.min(hgt, x1 - d);
            if (ta < tb) g.strokeLine(d + ta, y1 - ta, d + tb, y1 - tb);
        }
        g.restore();
        if (note == null) return;
        g.setFill(c.deriveColor(0, 1, 0.8, 1));
        g.setFont(Font.font(10 * s));
        g.setTextBaseline(VPos.BOTTOM);
        boolean left = b == 0;
        g.setTextAlign(left ? TextAlignment.LEFT : TextAlignment.RIGHT);
        g.fillText(note, left ? Math.max(px + 2 * s, x0) : Math.min(px + pw - 2 * s, x1), Math.max(py + 12 * s,
                y0 - 2 * s));
    }
}
