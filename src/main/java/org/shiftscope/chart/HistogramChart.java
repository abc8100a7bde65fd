package org.shiftscope.chart;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.shiftscope.stats.TapStats;
import org.shiftscope.stats.History;

/** The current histogram of a layer's tap (one outline per run in compare mode). */
public final class HistogramChart extends LayerChart {

    public HistogramChart(History history) {
        super(history, "Histogram", "histogram",
                "How the values at this point of the layer are spread right now, over the whole mini-batch and "
                        + "every unit. Tall narrow peaks at the ends of a sigmoid or tanh mean the units are "
                        + "saturated and barely learn.");
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
            if (lines.isEmpty()) lines.add("value " + num(v));
            double share = b < 0 || b >= t.counts().length ? 0 : (double) t.counts()[b] / Math.max(1, t.total());
            String bin = b < 0 || b >= t.counts().length ? "outside its range"
                    : num(t.binLo() + b * t.binWidth()) + " … " + num(t.binLo() + (b + 1) * t.binWidth());
            lines.add(history.label(r) + ": " + Math.round(share * 1000) / 10.0 + "% of values in " + bin);
        }
        return lines;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        List<String> runs = runsWithData();
        TapStats any = null;
        for (String r : runs) {
            TapStats t = series(r).last();
            if (t == null || !Double.isFinite(t.binLo())) continue;
            any = t;
            x.include(t.binLo(), t.binHi());
            int max = 0;
            for (int c : t.counts()) max = Math.max(max, c);
            y.include(0, (double) max / Math.max(1, t.total()));
        }
        axes(g, x, y, "value");
        if (any == null) {
            empty(g, emptyText());
            return;
        }
        for (String r : runs) {
            TapStats t = series(r).last();
            if (t == null || !Double.isFinite(t.binLo())) continue;
            Color c = ChartTheme.runColor(r);
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
        }
    }
}
