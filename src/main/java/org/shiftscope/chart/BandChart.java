package org.shiftscope.chart;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.shiftscope.stats.TapStats;
import org.shiftscope.stats.Decimated;
import org.shiftscope.stats.History;

/** A statistic of a layer's tap over steps: a shaded band (low to high) around a centre line, per run. */
abstract class BandChart extends LayerChart {
    /** lower edge of the band */
    private final ToDoubleFunction<TapStats> low;
    /** the centre line */
    private final ToDoubleFunction<TapStats> centre;
    /** upper edge of the band */
    private final ToDoubleFunction<TapStats> high;
    /** whether the band's edges get thin lines of their own */
    private final boolean edges;
    /** the share of the bands' range left free above and below them on the value axis */
    static final double PAD = 0.08;
    /** opacity of the band */
    private final double alpha;
    /** the hover readout's words for one point, e.g. "mean 0.12 ± 0.98" */
    private final Function<TapStats, String> words;
    /** the same for a point of log₁₀|g| on the log scale, in |g| where it can, e.g. "median |g| 2.1e-04" */
    private final Function<TapStats, String> logWords;

    BandChart(History history, String name, String kind, String help, ToDoubleFunction<TapStats> low,
              ToDoubleFunction<TapStats> centre, ToDoubleFunction<TapStats> high, boolean edges, double alpha,
              Function<TapStats, String> words, Function<TapStats, String> logWords, String... abbreviations) {
        super(history, name, kind, help, abbreviations);
        // a short or narrow chart still shows a scale on both axes, not one lone "0.5" or "0"
        x.minTicks(3);
        y.minTicks(3);
        this.low = low;
        this.centre = centre;
        this.high = high;
        this.edges = edges;
        this.alpha = alpha;
        this.words = words;
        this.logWords = logWords;
    }

    @Override
    public Axis timeAxis() {
        return x;
    }

    @Override
    public Axis valueAxis() {
        return y;
    }

    @Override
    protected boolean stepLine() {
        return true;
    }

    /** the step under the pointer, then each run's values at the kept point nearest to it */
    @Override
    protected List<String> readoutAt(double mx, double my) {
        double step = xValue(x, mx);
        List<String> lines = new java.util.ArrayList<>();
        for (String r : runsWithData()) {
            Decimated<TapStats> d = series(r);
            int i = nearest(d, step);
            if (i < 0) continue;
            if (lines.isEmpty()) lines.add(String.format(java.util.Locale.ROOT, "step %,d", d.step(i)));
            TapStats t = d.get(i);
            lines.add(history.label(r) + ": " + (logScale() ? logWords : words).apply(t) + zeros(t));
        }
        return lines;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        List<String> runs = runsWithData();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (String r : runs) {
            Decimated<TapStats> d = series(r);
            for (int i = 0; i < d.size(); i++) {
                double a = low.applyAsDouble(d.get(i)), b = high.applyAsDouble(d.get(i));
                if (Double.isFinite(a) && Double.isFinite(b)) {
                    lo = Math.min(lo, a);
                    hi = Math.max(hi, b);
                }
            }
            x.include(0, Math.max(10, d.lastStep()));
        }
        // a margin above and below: a band that fills the plot from edge to edge reads as an empty box
        double pad = PAD * (hi - lo);
        if (lo <= hi) y.include(lo - pad, hi + pad);
        applyTimeRange(x);
        axes(g, x, y, "step");
        if (runs.isEmpty()) {
            empty(g, emptyText());
            return;
        }
        clipPlot(g);
        // more than two runs: fainter fills under solid outlines, so overlapping bands do not blend into grey
        boolean many = runs.size() > 2;
        for (String r : runs) {
            Decimated<TapStats> d = series(r);
            Color c = ChartTheme.runColor(history, r);
            Bands.band(this, g, d, x, y, c, low, high, many ? alpha / 2 : alpha);
            if (edges || many) {
                Color edge = many ? c : c.deriveColor(0, 1, 1, 0.6);
                Bands.line(this, g, d, x, y, edge, low, lineWidth() * 0.5, false);
                Bands.line(this, g, d, x, y, edge, high, lineWidth() * 0.5, false);
            }
            Bands.line(this, g, d, x, y, c, centre, lineWidth(), false);
        }
        unclip(g);
        drawMarkers(g, x, history.events());
    }
}
