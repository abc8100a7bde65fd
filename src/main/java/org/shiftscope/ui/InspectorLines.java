package org.shiftscope.ui;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.shiftscope.chart.Axis;
import org.shiftscope.chart.ChartTheme;
import org.shiftscope.stats.InspectMode;
import org.shiftscope.stats.Inspection;

/**
 * The step inspector's four aligned number lines, each with its formula on the left: ① the unit's mini-batch
 * values x_i as dots, ② the statistics on the same scale (μ as a tick, μ ± σ as a band; per example for LayerNorm
 * and GroupNorm), ③ x̂_i, ④ y_i = γ·x̂_i + β; faint lines join each example's dots. Drawn on a Canvas from one
 * {@link Inspection}; NaN and infinite values are counted in words, not drawn. FX thread only.
 */
final class InspectorLines extends Region {
    private final Canvas canvas = new Canvas();
    /** the scale of rows ① ②, ③ and ④ */
    private final Axis xs = new Axis(), hs = new Axis(), ys = new Axis();
    private Inspection shown;
    private ChartTheme theme = ChartTheme.LIGHT;
    private double scale = 1;
    /** the formulas and how they fit their column */
    private final InspectorFormulas formulaFit = new InspectorFormulas();
    /** how the last draw set them, or null (tests) */
    private InspectorFormulas.Fit lastFit;
    /** the dots' colour, the statistics' colour */
    private static final Color DOT = Color.web("#1967d2"), STAT = Color.web("#e8710a");

    InspectorLines() {
        getChildren().add(canvas);
        setMinHeight(150);
        setPrefHeight(170);
        setMinWidth(300);
    }

    void show(Inspection in) {
        shown = in;
        draw();
    }

    void setLook(ChartTheme theme, double scale) {
        this.theme = theme;
        this.scale = scale;
        setPrefHeight(170 * Math.max(1, scale * 0.8));
        draw();
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth()), h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private void draw() {
        double w = canvas.getWidth(), h = canvas.getHeight(), s = scale;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(theme.background());
        g.fillRect(0, 0, w, h);
        if (w < 50 || h < 50) return;
        Inspection in = shown;
        g.setTextBaseline(VPos.CENTER);
        if (in == null) {
            g.setFill(theme.muted());
            g.setFont(Font.font("System", 13 * s));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("Train a step (S) or press Play: this panel shows that step's mini-batch.", w / 2, h / 2);
            return;
        }
        String[] formulas = InspectorFormulas.of(in);
        InspectorFormulas.Fit fit = formulaFit.fit(formulas, w, h, s);
        lastFit = fit;
        double x0 = fit.width() + 12 * s, x1 = w - 16 * s, rh = h / 4;
        xs.reset();
        hs.reset();
        ys.reset();
        include(xs, in.x());
        band(xs, in);
        include(hs, in.xhat());
        hs.include(-2, 2);
        include(ys, in.y());
        if (in.normalized()) ys.include(in.beta() - Math.abs(in.gamma()), in.beta() + Math.abs(in.gamma()));
        for (int row = 0; row < 4; row++) {
            double top = row * rh, base = top + rh * 0.45;
            g.setFill(theme.text());
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(InspectorFormulas.font(row, fit.size()));
            String[] lines = fit.lines()[row];
            for (int i = 0; i < lines.length; i++) {
                g.fillText(lines[i], 8 * s, lines.length == 1 ? base : base + (i - 0.5) * fit.size() * 1.2);
            }
            Axis a = row < 2 ? xs : row == 2 ? hs : ys;
            if (row >= 2 && !in.normalized()) {
                g.setFill(theme.muted());
                g.fillText("no normalizer on this layer", x0, base);
                continue;
            }
            axisLine(g, a, x0, x1, base);
        }
        connectors(g, in, x0, x1, rh);
        statistics(g, in, x0, x1, rh);
        dots(g, in.x(), xs, x0, x1, rh * 0.45, 3.4 * s, 0.7);
        if (in.normalized()) {
            dots(g, in.xhat(), hs, x0, x1, 2 * rh + rh * 0.45, 3.4 * s, 0.7);
            dots(g, in.y(), ys, x0, x1, 3 * rh + rh * 0.45, 3.4 * s, 0.7);
        }
    }

    private static void include(Axis a, double[] v) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            if (!Double.isFinite(d)) continue;
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        if (lo <= hi) a.include(lo, hi);
    }

    /** row ②'s statistics also fit on the values' scale */
    private static void band(Axis a, Inspection in) {
        double mu = Double.isNaN(in.mean()) ? in.batchMean() : in.mean();
        double sd = Math.sqrt(Double.isNaN(in.var()) ? in.batchVar() : in.var());
        a.include(mu - sd, mu + sd);
        if (in.mode() == InspectMode.INFERENCE) a.include(in.batchMean(), in.batchMean());
    }

    private double at(Axis a, double v, double x0, double x1) {
        return x0 + a.fraction(v) * (x1 - x0);
    }

    private void axisLine(GraphicsContext g, Axis a, double x0, double x1, double base) {
        double s = scale;
        g.setStroke(theme.axis());
        g.setLineWidth(1);
        g.strokeLine(x0, base, x1, base);
        g.setFill(theme.muted());
        g.setFont(Font.font("System", 10.5 * s));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t : a.ticks(Math.max(2, (int) ((x1 - x0) / (70 * s))))) {
            double px = at(a, t, x0, x1);
            g.strokeLine(px, base - 3 * s, px, base + 3 * s);
            g.fillText(Axis.label(t), px, base + 5 * s);
        }
        g.setTextBaseline(VPos.CENTER);
    }

    private void dots(GraphicsContext g, double[] v, Axis a, double x0, double x1, double base, double r,
                      double alpha) {
        g.setFill(DOT.deriveColor(0, 1, 1, v.length > 100 ? alpha * 0.6 : alpha));
        int bad = 0;
        for (double d : v) {
            if (!Double.isFinite(d)) {
                bad++;
                continue;
            }
            double px = at(a, d, x0, x1);
            g.fillOval(px - r, base - r, 2 * r, 2 * r);
        }
        if (bad > 0) {
            g.setFill(Color.web("#d93025"));
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFont(Font.font("System", FontWeight.BOLD, 11 * scale));
            g.fillText(bad + " of " + v.length + " values NaN or infinite", x1, base - 9 * scale);
        }
    }

    /** faint lines from each example's x_i to its x̂_i and on to its y_i */
    private void connectors(GraphicsContext g, Inspection in, double x0, double x1, double rh) {
        if (!in.normalized()) return;
        g.setStroke(DOT.deriveColor(0, 1, 1, in.m() > 100 ? 0.06 : 0.16));
        g.setLineWidth(1);
        double b1 = rh * 0.45, b3 = 2 * rh + b1, b4 = 3 * rh + b1;
        for (int i = 0; i < in.m(); i++) {
            double a = in.x()[i], b = in.xhat()[i], c = in.y()[i];
            if (!Double.isFinite(a) || !Double.isFinite(b) || !Double.isFinite(c)) continue;
            double pa = at(xs, a, x0, x1), pb = at(hs, b, x0, x1), pc = at(ys, c, x0, x1);
            g.strokeLine(pa, b1, pb, b3);
            g.strokeLine(pb, b3, pc, b4);
        }
    }

    /** row ②: μ as a tick and μ ± σ as a band (per example for LayerNorm, GroupNorm); row ③ and ④'s bands */
    private void statistics(GraphicsContext g, Inspection in, double x0, double x1, double rh) {
        double s = scale, base = rh + rh * 0.45;
        Color band = STAT.deriveColor(0, 1, 1, 0.22);
        if (in.perExample()) {
            int m = in.m();
            for (int i = 0; i < m; i++) {
                double mu = in.exampleMean()[i], sd = Math.sqrt(in.exampleVar()[i]);
                if (!Double.isFinite(mu) || !Double.isFinite(sd)) continue;
                double yy = base - rh * 0.3 + rh * 0.6 * (m == 1 ? 0.5 : (double) i / (m - 1));
                g.setStroke(STAT.deriveColor(0, 1, 1, m > 100 ? 0.25 : 0.55));
                g.setLineWidth(1.2 * s);
                g.strokeLine(at(xs, mu - sd, x0, x1), yy, at(xs, mu + sd, x0, x1), yy);
                g.strokeLine(at(xs, mu, x0, x1), yy - 2 * s, at(xs, mu, x0, x1), yy + 2 * s);
            }
        } else {
            double mu = Double.isNaN(in.mean()) ? in.batchMean() : in.mean();
            double sd = Math.sqrt(Double.isNaN(in.var()) ? in.batchVar() : in.var());
            if (Double.isFinite(mu) && Double.isFinite(sd)) {
                g.setFill(band);
                g.fillRect(at(xs, mu - sd, x0, x1), base - rh * 0.28, Math.max(1, at(xs, mu + sd, x0, x1)
                        - at(xs, mu - sd, x0, x1)), rh * 0.56);
                g.setStroke(STAT);
                g.setLineWidth(2.5 * s);
                g.strokeLine(at(xs, mu, x0, x1), base - rh * 0.36, at(xs, mu, x0, x1), base + rh * 0.36);
            }
            if (in.mode() == InspectMode.INFERENCE && in.kind().keepsRunningStatistics()
                    && Double.isFinite(in.batchMean())) {
                g.setStroke(theme.text());
                g.setLineWidth(1.5 * s);
                g.setLineDashes(4 * s, 3 * s);
                double p = at(xs, in.batchMean(), x0, x1);
                g.strokeLine(p, base - rh * 0.36, p, base + rh * 0.36);
                g.setLineDashes();
            }
        }
        if (!in.normalized()) return;
        // x̂ aims at mean 0, std 1; y at mean β, std |γ|
        g.setFill(band);
        double b3 = 2 * rh + rh * 0.45, b4 = 3 * rh + rh * 0.45;
        g.fillRect(at(hs, -1, x0, x1), b3 - rh * 0.2, at(hs, 1, x0, x1) - at(hs, -1, x0, x1), rh * 0.4);
        double gl = in.beta() - Math.abs(in.gamma()), gh = in.beta() + Math.abs(in.gamma());
        if (Double.isFinite(gl) && Double.isFinite(gh)) {
            g.fillRect(at(ys, gl, x0, x1), b4 - rh * 0.2, Math.max(1, at(ys, gh, x0, x1) - at(ys, gl, x0, x1)),
                    rh * 0.4);
        }
    }

    /** whether the last draw's formulas all ended before the number lines began (tests) */
    boolean formulasFit() {
        return lastFit == null || lastFit.end() <= lastFit.width() + 12 * scale;
    }

    /** the formulas' type size in the last draw, or NaN (tests) */
    double formulaSize() {
        return lastFit == null ? Double.NaN : lastFit.size();
    }

    /** the inspection drawn now, or null */
    Inspection shown() {
        return shown;
    }
}
