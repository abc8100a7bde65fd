package org.shiftscope.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.shiftscope.nn.Tap;
import org.shiftscope.stats.History;
import org.shiftscope.stats.TapStats;

/**
 * A recurrent layer's tap at each time step, each step's newest measurement (a mini-batch of length L measures
 * steps 0 … L−1): per run, the 15–85% percentile band
 * shaded, the median as a line and mean ± std dashed. For the gradient tap it draws instead the norm of dL/da_t at
 * each step on a log scale: how the gradient shrinks or grows going back through time (as Cooijmans et al.'s
 * Figure 1).
 */
public final class TimeStepChart extends ChartPane {
    private final History history;
    /** time steps */
    final Axis x = new Axis();
    /** values, or log₁₀ of the gradient's norm */
    private final Axis y = new Axis();
    /** the recurrent layer shown (1-based) and its tap */
    private int layer = 1;
    private Tap tap = Tap.LINEAR;

    public TimeStepChart(History history) {
        super("Layer 1 by time step",
                "Time step by time step (0 = the first), each step's newest measurement: the band holds the middle "
                        + "70% of the values (15th to 85th percentile), the line is the median, dashed lines are the "
                        + "mean ± one standard deviation. With the gradient tap: log₁₀ of the norm of dL/d(W·x+b) at "
                        + "each step, the gradient flowing back through time.");
        this.history = history;
        x.minTicks(3);
        y.minTicks(3);
    }

    /** Shows this recurrent layer's tap (the toolbar's tap). */
    public void setSource(int layer, Tap tap) {
        this.layer = layer;
        this.tap = tap;
        setTitle("Layer " + layer + " by time step: " + (gradient() ? "log₁₀ ‖dL/d(W·x+b)‖" : tap.label));
        markDirty();
    }

    private boolean gradient() {
        return tap == Tap.GRADIENT;
    }

    /** log₁₀ of the norm √(Σ g²) = √(n·(mean² + std²)) of a step's gradient */
    static double logNorm(TapStats t) {
        return Math.log10(Math.sqrt(t.total() * (t.mean() * t.mean() + t.std() * t.std())));
    }

    @Override
    public String fileStem() {
        return "layer" + layer + "-" + tap.key() + "-by-time-step";
    }

    @Override
    public void resetRanges() {
        y.reset();
        super.resetRanges();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        List<String> runs = history.shown();
        x.reset();
        y.reset();
        boolean any = false;
        for (String r : runs) {
            for (TapStats t : history.timeSteps(r, layer, tap)) {
                any = true;
                x.include(0, Math.max(1, t.site().position()));
                if (gradient()) {
                    double v = logNorm(t);
                    if (Double.isFinite(v)) y.include(v, v);
                } else {
                    y.include(Math.min(t.p15(), t.mean() - t.std()), Math.max(t.p85(), t.mean() + t.std()));
                }
            }
        }
        axes(g, x, y, "time step");
        if (!any) {
            empty(g, "A recurrent network's time steps show here");
            return;
        }
        clipPlot(g);
        for (String r : runs) {
            List<TapStats> steps = history.timeSteps(r, layer, tap);
            if (steps.isEmpty()) continue;
            Color c = ChartTheme.runColor(history, r);
            if (gradient()) {
                polyline(g, steps, c, TimeStepChart::logNorm, false);
                continue;
            }
            // the band p15–p85
            g.setFill(c.deriveColor(0, 1, 1, 0.18));
            g.beginPath();
            for (int i = 0; i < steps.size(); i++) {
                double xx = xOf(x, steps.get(i).site().position()), yy = yOf(y, steps.get(i).p85());
                if (i == 0) g.moveTo(xx, yy);
                else g.lineTo(xx, yy);
            }
            for (int i = steps.size() - 1; i >= 0; i--) {
                g.lineTo(xOf(x, steps.get(i).site().position()), yOf(y, steps.get(i).p15()));
            }
            g.closePath();
            g.fill();
            polyline(g, steps, c, TapStats::p50, false);
            polyline(g, steps, c, t -> t.mean() + t.std(), true);
            polyline(g, steps, c, t -> t.mean() - t.std(), true);
        }
        unclip(g);
    }

    private void polyline(GraphicsContext g, List<TapStats> steps, Color c,
                          java.util.function.ToDoubleFunction<TapStats> v, boolean dashed) {
        g.setStroke(c);
        g.setLineWidth(dashed ? lineWidth() * 0.6 : lineWidth());
        g.setLineDashes(dashed ? new double[] {4 * scale(), 3 * scale()} : null);
        g.beginPath();
        boolean open = false;
        for (TapStats t : steps) {
            double val = v.applyAsDouble(t);
            if (!Double.isFinite(val)) {
                open = false;
                continue;
            }
            double xx = xOf(x, t.site().position()), yy = yOf(y, val);
            if (open) g.lineTo(xx, yy);
            else g.moveTo(xx, yy);
            open = true;
        }
        g.stroke();
        g.setLineDashes((double[]) null);
    }

    @Override
    protected List<Key> legendKeys() {
        List<Key> keys = new ArrayList<>();
        for (String r : history.shown()) {
            if (history.timeSteps(r, layer, tap).isEmpty()) continue;
            keys.add(new Key(history.label(r), r, ChartTheme.runColor(history, r), Mark.LINE));
        }
        return keys;
    }

    /** the time step under the pointer and each run's figures there */
    @Override
    protected List<String> readoutAt(double mx, double my) {
        int t = (int) Math.round(xValue(x, mx));
        List<String> lines = new ArrayList<>();
        for (String r : history.shown()) {
            for (TapStats s : history.timeSteps(r, layer, tap)) {
                if (s.site().position() != t) continue;
                if (lines.isEmpty()) lines.add("time step " + t);
                lines.add(history.label(r) + (gradient()
                        ? String.format(Locale.ROOT, ": ‖g‖ %s", num(Math.pow(10, logNorm(s))))
                        : ": median " + num(s.p50()) + ", mean " + num(s.mean()) + " ± " + num(s.std())));
            }
        }
        return lines;
    }
}
