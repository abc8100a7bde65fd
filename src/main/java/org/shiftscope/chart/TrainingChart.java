package org.shiftscope.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.stats.Decimated;
import org.shiftscope.stats.History;

/** Training loss (left axis) and test accuracy (right axis, 0–1) over steps for every run. */
public final class TrainingChart extends ChartPane {
    private final History history;
    /** steps (package-private for the hover test) */
    final Axis x = new Axis();
    private final Axis loss = new Axis(), acc = new Axis();

    public TrainingChart(History history) {
        super("Loss and test accuracy",
                "Solid lines: the training loss on each mini-batch (lower is better). Dashed lines: accuracy on "
                        + "held-out test data in inference mode, where BatchNorm uses its running averages "
                        + "(right axis, higher is better).");
        this.history = history;
        acc.set(0, 1);
        loss.minTicks(3);
    }

    @Override
    public void resetRanges() {
        x.reset();
        loss.reset();
        super.resetRanges();
    }

    @Override
    public String fileStem() {
        return "training";
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        List<String> runs = history.shown();
        long diverged = -1;
        // the loss axis follows a robust top (the 98th percentile of the kept losses), snapped to nice steps:
        // one huge first loss must not flatten the whole curve, and the range only moves step by step
        loss.reset();
        loss.include(0, robustTop(runs));
        for (String r : runs) {
            Decimated<Snapshot> d = history.metrics(r);
            x.include(0, Math.max(10, d.lastStep()));
            Snapshot last = d.last();
            if (last != null && last.diverged()) diverged = last.divergedAt();
        }
        applyTimeRange(x);
        pw -= 30 * scale(); // room for the accuracy axis
        axes(g, x, loss, "step");
        rightAxis(g);
        if (runs.isEmpty()) {
            empty(g, "Press Play (Space) to start training");
            return;
        }
        clipPlot(g);
        for (String r : runs) {
            Color c = ChartTheme.runColor(history, r);
            // raw mini-batch loss faint, its exponential moving average (TensorBoard's smoothing 0.9) bold
            Bands.line(this, g, history.metrics(r), x, loss, c.deriveColor(0, 1, 1, 0.3),
                    s -> Math.min(s.loss(), loss.hi()), lineWidth() * 0.5, false);
            smoothed(g, history.metrics(r), c);
            Bands.line(this, g, history.testAccuracy(r), x, acc, c, Snapshot::testAccuracy, lineWidth(), true);
        }
        if (diverged >= 0) {
            double xx = xOf(x, diverged);
            g.setStroke(Color.web("#d93025"));
            g.setLineWidth(2 * scale());
            g.strokeLine(xx, py, xx, py + ph);
            g.setFill(Color.web("#d93025"));
            g.setFont(Font.font(12 * scale()));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText("diverged at step " + diverged, xx - 4, py + ph - 4);
        }
        unclip(g);
        drawMarkers(g, x, history.events());
    }

    /** per run: its loss (solid) and test accuracy (dashed) */
    @Override
    protected List<Key> legendKeys() {
        List<String> runs = history.shown();
        List<Key> keys = new ArrayList<>();
        for (String r : runs) {
            Color c = ChartTheme.runColor(history, r);
            String who = runs.size() > 1 ? " " + history.label(r) : "", brief = runs.size() > 1 ? " " + history.brief(r) : "";
            keys.add(new Key("loss" + who, "loss" + brief, c, Mark.LINE));
            keys.add(new Key("test accuracy" + who, "test acc." + brief, c, Mark.DASHED));
        }
        return keys;
    }

    @Override
    protected List<String> titleVariants() {
        return List.of("Loss, test accuracy", "Loss, accuracy");
    }

    @Override
    public Axis timeAxis() {
        return x;
    }

    @Override
    protected double newestStep() {
        return history.lastStep();
    }

    @Override
    protected boolean stepLine() {
        return true;
    }

    /** the step under the pointer; each run's mini-batch loss there and its test accuracy at the nearest check */
    @Override
    protected List<String> readoutAt(double mx, double my) {
        double step = xValue(x, mx);
        List<String> lines = new ArrayList<>();
        for (String r : history.shown()) {
            Decimated<Snapshot> d = history.metrics(r), t = history.testAccuracy(r);
            int i = nearest(d, step), j = nearest(t, step);
            if (i < 0) continue;
            if (lines.isEmpty()) lines.add(String.format(java.util.Locale.ROOT, "step %,d", d.step(i)));
            String acc = j < 0 ? "" : String.format(java.util.Locale.ROOT, ", test accuracy %.1f%% (step %,d)",
                    100 * t.get(j).testAccuracy(), t.step(j));
            lines.add(history.label(r) + ": loss " + num(d.get(i).loss()) + acc);
        }
        return lines;
    }

    private double robustTop(List<String> runs) {
        int n = 0;
        for (String r : runs) n += history.metrics(r).size();
        if (n == 0) return 1;
        double[] v = new double[n];
        int k = 0;
        for (String r : runs) {
            Decimated<Snapshot> d = history.metrics(r);
            for (int i = 0; i < d.size(); i++) {
                double l = d.get(i).loss();
                v[k++] = Double.isFinite(l) ? l : 0;
            }
        }
        java.util.Arrays.sort(v);
        return Math.max(1e-3, v[Math.min(n - 1, (int) (n * 0.98))]);
    }

    /** Exponential moving average of the loss over the kept points, debiased like TensorBoard's. */
    private void smoothed(GraphicsContext g, Decimated<Snapshot> d, Color c) {
        double ema = 0, weight = 0;
        boolean open = false;
        g.setStroke(c);
        g.setLineWidth(lineWidth());
        g.beginPath();
        for (int i = 0; i < d.size(); i++) {
            double v = d.get(i).loss();
            if (!Double.isFinite(v)) {
                open = false;
                continue;
            }
            ema = 0.9 * ema + 0.1 * Math.min(v, loss.hi());
            weight = 0.9 * weight + 0.1;
            double xx = xOf(x, d.step(i)), yy = yOf(loss, ema / weight);
            if (open) g.lineTo(xx, yy);
            else g.moveTo(xx, yy);
            open = true;
        }
        g.stroke();
    }

    private void rightAxis(GraphicsContext g) {
        double s = scale();
        g.setFont(Font.font(11.5 * s));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(theme().muted());
        g.setStroke(theme().axis());
        g.strokeLine(px + pw + 0.5, py, px + pw + 0.5, py + ph);
        for (double t : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            double yy = yOf(acc, t);
            g.strokeLine(px + pw, yy, px + pw + 4 * s, yy);
            g.fillText(Math.round(t * 100) + "%", px + pw + 6 * s, yy);
        }
    }
}
