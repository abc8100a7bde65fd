package org.shiftscope.chart;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.shiftscope.stats.Decimated;
import org.shiftscope.stats.History;
import org.shiftscope.stats.TapProbe;
import org.shiftscope.stats.TapStats;

/**
 * The histogram over time as a ridgeline (TensorBoard's offset view): the histograms of up to {@value #SLICES}
 * steps spread over the run, stacked with a vertical offset — the newest in front at the bottom, older ones further
 * up and fainter — filled with the run's colour, with a step axis on the left. In compare mode both runs are drawn
 * in their colours, translucent. Drawn with preallocated coordinate arrays: nothing is allocated per slice.
 */
public final class RidgelineChart extends LayerChart {
    /** histograms drawn at most */
    public static final int SLICES = 24;
    /** share of the plot height the offsets take (the rest is the tallest ridge's height) */
    private static final double DEPTH = 0.6;

    /** polygon coordinates, reused (grown when a histogram has more bins) */
    private double[] xs = new double[2 * TapProbe.DEFAULT_BINS + 4], ys = new double[2 * TapProbe.DEFAULT_BINS + 4];
    /** per run (at most two): the indices into its series of the slices drawn, newest first */
    private final int[][] picked = new int[2][SLICES];
    private final int[] count = new int[2];
    /** the step axis: oldest … newest step drawn */
    private final Axis steps = new Axis();
    /** no value axis: the step labels stand on the left */
    private final Axis none = new Axis();

    public RidgelineChart(History history) {
        super(history, "Over time", "ridgeline",
                "The histograms of earlier steps stacked behind the current one (newest in front, at the bottom; "
                        + "older ones further up and fainter). Read it from back to front to see the distribution "
                        + "move, spread out or pile up at the ends while the network trains.");
        x.minTicks(3);
    }

    /** Picks up to {@code want} (2…SLICES) kept points of a series, evenly over its steps, newest first; returns how many. */
    static int pick(Decimated<TapStats> d, int[] out, int want) {
        int n = d.size();
        want = Math.max(2, Math.min(want, out.length));
        if (n == 0) return 0;
        if (n <= want) {
            for (int k = 0; k < n; k++) out[k] = n - 1 - k;
            return n;
        }
        int m = 0;
        for (int k = 0; k < want; k++) {
            int i = (int) Math.round((n - 1) * (1 - (double) k / (want - 1)));
            if (m == 0 || i != out[m - 1]) out[m++] = i;
        }
        return m;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        List<String> runs = runsWithData();
        int nr = Math.min(2, runs.size());
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, top = 0;
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        for (int r = 0; r < nr; r++) {
            Decimated<TapStats> d = series(runs.get(r));
            count[r] = pick(d, picked[r], (int) (ph * DEPTH / (6 * scale()))); // about 6 pixels apart
            for (int k = 0; k < count[r]; k++) {
                TapStats t = d.get(picked[r][k]);
                if (!Double.isFinite(t.binLo())) continue;
                lo = Math.min(lo, t.binLo());
                hi = Math.max(hi, t.binHi());
                top = Math.max(top, peakShare(t));
                first = Math.min(first, d.step(picked[r][k]));
                last = Math.max(last, d.step(picked[r][k]));
            }
        }
        boolean any = top > 0;
        if (any) {
            x.follow(lo, hi, history.lastStep());
            steps.set(first, Math.max(last, first + 1));
        }
        axes(g, x, none, valueName());
        if (!any) {
            empty(g, emptyText());
            return;
        }
        double s = scale(), depth = ph * DEPTH, amp = ph - depth - 4 * s;
        stepAxis(g, depth);
        g.save();
        g.beginPath();
        g.rect(px, py, pw, ph);
        g.clip();
        // back to front: the oldest slice first, the newest last (in front)
        int slices = Math.max(count[0], nr > 1 ? count[1] : 0);
        for (int k = slices - 1; k >= 0; k--) {
            for (int r = 0; r < nr; r++) {
                if (k >= count[r]) continue;
                Decimated<TapStats> d = series(runs.get(r));
                int i = picked[r][k];
                TapStats t = d.get(i);
                if (!Double.isFinite(t.binLo())) continue;
                double base = baseline(d.step(i), depth);
                double age = slices <= 1 ? 0 : (double) k / (slices - 1); // 0 newest … 1 oldest
                ridge(g, t, base, amp / top, ChartTheme.runColor(history, runs.get(r)), age, nr);
            }
        }
        g.restore();
    }

    @Override
    public Axis valueAxis() {
        return x;
    }

    /** the baseline of the slice of a step: the newest at the bottom of the plot, the oldest {@code depth} higher */
    private double baseline(long step, double depth) {
        return py + ph - (1 - steps.fraction(step)) * depth;
    }

    private static double peakShare(TapStats t) {
        int max = 0;
        for (int c : t.counts()) max = Math.max(max, c);
        return (double) max / Math.max(1, t.total());
    }

    /** one histogram as a filled outline over its baseline; older ones fainter */
    private void ridge(GraphicsContext g, TapStats t, double base, double perShare, Color c, double age, int runs) {
        int[] counts = t.counts();
        int n = counts.length, m = 0;
        if (xs.length < 2 * n + 4) {
            xs = new double[2 * n + 4];
            ys = new double[2 * n + 4];
        }
        double total = Math.max(1, t.total()), bw = t.binWidth();
        xs[m] = xOf(x, t.binLo());
        ys[m++] = base;
        for (int b = 0; b < n; b++) {
            double yy = base - counts[b] / total * perShare;
            xs[m] = xOf(x, t.binLo() + b * bw);
            ys[m++] = yy;
            xs[m] = xOf(x, t.binLo() + (b + 1) * bw);
            ys[m++] = yy;
        }
        xs[m] = xOf(x, t.binHi());
        ys[m++] = base;
        double fill = (runs > 1 ? 0.45 : 0.75) * (1 - 0.7 * age);
        g.setFill(c.deriveColor(0, 1 - 0.5 * age, 1 + 0.25 * age, fill));
        g.fillPolygon(xs, ys, m);
        g.setStroke(theme().background().deriveColor(0, 1, 1, 0.9));
        g.setLineWidth(1.6 * scale());
        g.strokePolyline(xs, ys, m);
        g.setStroke(c.deriveColor(0, 1, 1, 1 - 0.6 * age));
        g.setLineWidth(0.9 * scale());
        g.strokePolyline(xs, ys, m);
    }

    /** step labels on the left at their slices' baselines */
    private void stepAxis(GraphicsContext g, double depth) {
        double s = scale();
        g.setFont(Font.font(11.5 * s));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        int target = Math.max(2, (int) (depth / (22 * s)));
        for (double t : steps.ticks(target)) {
            if (t < steps.lo() || t > steps.hi()) continue;
            double yy = Math.round(baseline((long) t, depth)) + 0.5;
            g.setStroke(theme().grid());
            g.setLineWidth(1);
            g.strokeLine(px - 3 * s, yy, px, yy);
            g.setFill(theme().text());
            g.fillText(Axis.label(t), px - 5 * s, yy);
        }
        g.setFill(theme().muted());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("step", 4 * s, py + ph + 15 * s);
    }

    /** the slice whose baseline is nearest below the pointer: its step, and each run's share of values there */
    @Override
    protected List<String> readoutAt(double mx, double my) {
        double value = xValue(x, mx), depth = ph * DEPTH;
        List<String> lines = new java.util.ArrayList<>();
        if (steps.isEmpty()) return lines;
        double f = 1 - (py + ph - my) / depth; // fraction of the step axis at the pointer's height
        double step = steps.lo() + Math.max(0, Math.min(1, f)) * (steps.hi() - steps.lo());
        for (String r : runsWithData()) {
            Decimated<TapStats> d = series(r);
            int i = nearest(d, step);
            if (i < 0) continue;
            TapStats t = d.get(i);
            if (!Double.isFinite(t.binLo())) continue;
            if (lines.isEmpty()) {
                lines.add(String.format(java.util.Locale.ROOT, "step %,d · %s", d.step(i), valueWords(value)));
            }
            int b = (int) Math.floor((value - t.binLo()) / t.binWidth());
            double share = b < 0 || b >= t.counts().length ? 0 : (double) t.counts()[b] / Math.max(1, t.total());
            lines.add(history.label(r) + ": " + pct(share) + " of values in this bin" + zeros(t));
        }
        return lines;
    }
}
