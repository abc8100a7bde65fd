package org.shiftscope.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.shiftscope.stats.Decimated;
import org.shiftscope.stats.History;
import org.shiftscope.stats.LayerFlow;
import org.shiftscope.stats.Snapshot;

/**
 * The gradient-flow row: per hidden layer over steps, the size of its weight gradient ‖∂L/∂W_h‖ or the
 * update-to-weight ratio lr·std(∂L/∂W_h)/std(W_h), both on a log scale, one line per layer and run (the run's
 * colour, paler for deeper layers, the layer's number at the line's end).
 */
public final class GradFlowChart extends ChartPane {
    /** which figure of {@link LayerFlow} a chart shows */
    public enum Kind {
        /** ‖∂L/∂W_h‖ */
        NORM("Weight gradient per layer", "gradflow-norm",
                "How large each layer's weight gradient ‖∂L/∂W‖ is, step by step, on a log scale: one line per "
                        + "layer (its number at the end, deeper layers paler). Lines decades apart mean the layers "
                        + "learn at very different speeds; without BatchNorm the first layers of a deep sigmoid "
                        + "network get orders of magnitude less."),
        /** log₁₀(std(lr·∂L/∂W_h) / std(W_h)) */
        RATIO("Update / weight per layer", "gradflow-ratio",
                "How much each step changes each layer's weights relative to their size: lr·std(∂L/∂W) / "
                        + "std(W), on a log scale. The dashed line at 10⁻³ is a common rule of thumb: far below, "
                        + "the layer barely learns; far above, its steps are too large.");

        final String title, stem, help;

        Kind(String title, String stem, String help) {
            this.title = title;
            this.stem = stem;
            this.help = help;
        }
    }

    /** the rule of thumb's update-to-weight ratio, as a power of ten */
    public static final double RULE_OF_THUMB = -3;

    private final History history;
    private final Kind kind;
    /** steps (package-private for tests) */
    final Axis x = new Axis();
    /** log₁₀ of the figure, drawn as powers of ten */
    final Axis y = new Axis().decades(true);

    public GradFlowChart(History history, Kind kind) {
        super(kind.title, kind.help);
        this.history = history;
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** log₁₀ of the figure this chart shows of one layer (NaN where there is none or it is not finite) */
    double value(Snapshot s, int layer) {
        if (layer > s.flow().size()) return Double.NaN;
        LayerFlow f = s.flow().get(layer - 1);
        return kind == Kind.NORM ? Math.log10(f.gradNorm()) : f.updateRatio();
    }

    @Override
    public void resetRanges() {
        x.reset();
        y.reset();
        super.resetRanges();
    }

    @Override
    public String fileStem() {
        return kind.stem;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        List<String> runs = history.shown();
        int depth = 0;
        y.reset();
        if (kind == Kind.RATIO) y.include(RULE_OF_THUMB, RULE_OF_THUMB);
        for (String r : runs) {
            Decimated<Snapshot> d = history.flow(r);
            x.include(0, Math.max(10, d.lastStep()));
            for (int i = 0; i < d.size(); i++) {
                Snapshot s = d.get(i);
                depth = Math.max(depth, s.flow().size());
                for (int l = 1; l <= s.flow().size(); l++) {
                    double v = value(s, l);
                    if (Double.isFinite(v)) y.include(Math.floor(v), Math.ceil(v));
                }
            }
        }
        if (y.isEmpty() || y.lo() == y.hi()) y.include(y.isEmpty() ? -1 : y.lo() - 1, y.isEmpty() ? 0 : y.hi() + 1);
        applyTimeRange(x);
        axes(g, x, y, "step");
        if (depth == 0) {
            empty(g, runs.isEmpty() ? "Press Play (Space) to start training" : "No gradients yet");
            return;
        }
        clipPlot(g);
        if (kind == Kind.RATIO) {
            double yy = yOf(y, RULE_OF_THUMB);
            g.setStroke(theme().muted());
            g.setLineWidth(scale());
            g.setLineDashes(4 * scale(), 4 * scale());
            g.strokeLine(px, yy, px + pw, yy);
            g.setLineDashes(null);
        }
        g.setFont(Font.font(10.5 * scale()));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (String r : runs) {
            Decimated<Snapshot> d = history.flow(r);
            Color c = ChartTheme.runColor(history, r);
            for (int l = 1; l <= depth; l++) {
                final int layer = l;
                Color shade = shade(c, l, depth);
                Bands.line(this, g, d, x, y, shade, s -> value(s, layer), lineWidth() * 0.75, false);
                Snapshot last = d.last();
                double v = last == null ? Double.NaN : value(last, l);
                if (Double.isFinite(v)) {
                    g.setFill(shade);
                    g.fillText(Integer.toString(l), Math.min(xOf(x, d.lastStep()) + 3, px + pw - 8 * scale()),
                            yOf(y, v));
                }
            }
        }
        unclip(g);
        drawMarkers(g, x, history.events());
    }

    /** a run's colour for a layer: the colour itself for layer 1, paler the deeper the layer */
    static Color shade(Color c, int layer, int depth) {
        return depth <= 1 ? c : c.interpolate(Color.WHITE, 0.6 * (layer - 1) / (depth - 1));
    }

    @Override
    protected List<Key> legendKeys() {
        List<String> runs = history.shown();
        List<Key> keys = new ArrayList<>();
        for (String r : runs) {
            Color c = ChartTheme.runColor(history, r);
            keys.add(new Key(runs.size() > 1 ? history.label(r) : "layers 1, 2, … (paler = deeper)",
                    runs.size() > 1 ? r : "layers", c, Mark.LINE));
        }
        if (kind == Kind.RATIO) keys.add(new Key("rule of thumb 10⁻³", "10⁻³", theme().muted(), Mark.DASHED));
        return keys;
    }

    @Override
    protected List<String> titleVariants() {
        return kind == Kind.NORM ? List.of("‖∂L/∂W‖ per layer", "‖∂L/∂W‖") : List.of("Update/weight", "lr·g/w");
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

    /** the step under the pointer; per run, each layer's figure there */
    @Override
    protected List<String> readoutAt(double mx, double my) {
        double step = xValue(x, mx);
        List<String> lines = new ArrayList<>();
        for (String r : history.shown()) {
            Decimated<Snapshot> d = history.flow(r);
            int i = nearest(d, step);
            if (i < 0) continue;
            if (lines.isEmpty()) lines.add(String.format(Locale.ROOT, "step %,d", d.step(i)));
            Snapshot s = d.get(i);
            StringBuilder b = new StringBuilder(history.label(r)).append(':');
            for (LayerFlow f : s.flow()) {
                double v = kind == Kind.NORM ? f.gradNorm() : Math.pow(10, f.updateRatio());
                b.append(f.layer() == 1 ? " " : ", ").append(f.layer()).append(": ").append(num(v));
            }
            lines.add(b.toString());
        }
        return lines;
    }
}
