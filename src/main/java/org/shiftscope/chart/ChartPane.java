package org.shiftscope.chart;

import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * A chart drawn on a Canvas: no scene-graph nodes per point and no auto-ranging layout, so it redraws in a
 * few milliseconds. The window's AnimationTimer calls {@link #refresh()} once per frame; the chart redraws only
 * when marked dirty or resized. FX thread only.
 */
public abstract class ChartPane extends Region {
    /** the drawing surface, sized to this region */
    protected final Canvas canvas = new Canvas();
    /** the hover readout, drawn over the chart without redrawing it */
    private final Canvas overlay = new Canvas();
    /** what the chart shows, in plain words: shown when the pointer is over the title strip */
    private final String help;
    /** where the pointer is, or NaN when it is outside */
    private double hoverX = Double.NaN, hoverY = Double.NaN;
    /** the readout on screen now */
    private List<String> shown = List.of();
    /** 1 normally, larger in presentation mode: fonts and lines scale with it */
    private final DoubleProperty fontScale = new SimpleDoubleProperty(1.0);
    /** colours */
    private ChartTheme theme = ChartTheme.LIGHT;
    /** title drawn at the top */
    private String title;
    /** whether the data changed since the last draw */
    private boolean dirty = true;
    /** how many times the chart has drawn itself (tests and frame statistics read it) */
    private long draws;
    /** plot area of the last draw: left, top, width, height */
    protected double px, py, pw, ph;

    protected ChartPane(String title, String help) {
        this.title = title;
        this.help = help;
        overlay.setMouseTransparent(true);
        getChildren().addAll(canvas, overlay);
        getStyleClass().add("chart-pane");
        setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        setOnMouseDragged(e -> hover(e.getX(), e.getY()));
        setOnMouseExited(e -> hover(Double.NaN, Double.NaN));
        fontScale.addListener((o, a, b) -> markDirty());
        setMinSize(160, 120);
        setPrefSize(320, 200);
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth()), h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            overlay.setWidth(w);
            overlay.setHeight(h);
            dirty = true;
            refresh();
        }
    }

    public void markDirty() {
        dirty = true;
    }

    /** Redraws if the data changed or the size changed since the last draw; returns whether it drew. */
    public boolean refresh() {
        if (!dirty) return false;
        dirty = false;
        double w = canvas.getWidth(), h = canvas.getHeight();
        if (w < 20 || h < 20) return false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(theme.background());
        g.fillRect(0, 0, w, h);
        double s = scale();
        g.setFill(theme.text());
        g.setFont(Font.font("System", FontWeight.BOLD, 13 * s));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, 8 * s, 5 * s);
        px = 52 * s;
        py = 26 * s;
        pw = Math.max(10, w - px - 12 * s);
        ph = Math.max(10, h - py - 34 * s);
        draw(g, w, h);
        draws++;
        drawHover(); // the values under a resting pointer follow the data
        return true;
    }

    /** how many times the chart has drawn itself */
    public long draws() {
        return draws;
    }

    // ---- hover readout ----

    /** Moves the pointer to (x, y) in this chart's coordinates (NaN: away) and shows what is under it. */
    public void hover(double x, double y) {
        hoverX = x;
        hoverY = y;
        drawHover();
    }

    /**
     * What is under the pointer, one line each: over the title strip the chart's help in plain words, over the
     * plot the values there (see {@link #readoutAt}); empty elsewhere.
     */
    public List<String> readout(double x, double y) {
        if (Double.isNaN(x) || x < 0 || y < 0 || x > canvas.getWidth() || y > canvas.getHeight()) return List.of();
        if (y < py) return wrap(help, 60);
        if (x < px || x > px + pw || y > py + ph) return List.of();
        return readoutAt(x, y);
    }

    /** the readout lines on screen now (empty when none) */
    public List<String> shownReadout() {
        return shown;
    }

    /** The values at a point inside the plot area (step and value per run, …); none by default. */
    protected List<String> readoutAt(double x, double y) {
        return List.of();
    }

    /** whether the readout marks the pointer's step with a vertical line (charts over steps) */
    protected boolean stepLine() {
        return false;
    }

    /** the value of an axis at a horizontal position of the plot */
    protected double xValue(Axis a, double x) {
        return a.lo() + (x - px) / pw * (a.hi() - a.lo());
    }

    /** the value of an axis at a vertical position of the plot */
    protected double yValue(Axis a, double y) {
        return a.lo() + (py + ph - y) / ph * (a.hi() - a.lo());
    }

    private void drawHover() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        List<String> lines = readout(hoverX, hoverY);
        shown = lines;
        if (lines.isEmpty()) return;
        double s = scale();
        if (stepLine() && hoverY >= py) {
            g.setStroke(theme.text().deriveColor(0, 1, 1, 0.5));
            g.setLineWidth(1);
            g.strokeLine(Math.round(hoverX) + 0.5, py, Math.round(hoverX) + 0.5, py + ph);
        }
        Font f = Font.font(11.5 * s);
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(f);
        double tw = 0;
        for (String l : lines) {
            probe.setText(l);
            tw = Math.max(tw, probe.getLayoutBounds().getWidth());
        }
        double lh = 15 * s, bw = tw + 12 * s, bh = lines.size() * lh + 8 * s;
        double bx = hoverX + 12 * s + bw > overlay.getWidth() ? hoverX - 12 * s - bw : hoverX + 12 * s;
        double by = Math.min(Math.max(2, hoverY - bh / 2), overlay.getHeight() - bh - 2);
        bx = Math.max(2, bx);
        g.setFill(theme.background().deriveColor(0, 1, 1, 0.92));
        g.fillRect(bx, by, bw, bh);
        g.setStroke(theme.axis());
        g.strokeRect(Math.round(bx) + 0.5, Math.round(by) + 0.5, bw, bh);
        g.setFill(theme.text());
        g.setFont(f);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < lines.size(); i++) g.fillText(lines.get(i), bx + 6 * s, by + 4 * s + i * lh);
    }

    /** Breaks text into lines of at most about {@code width} characters. */
    static List<String> wrap(String text, int width) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + word.length() + 1 > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) out.add(line.toString());
        return out;
    }

    /** a number for a readout: 3 significant digits */
    protected static String num(double v) {
        return Double.isFinite(v) ? org.shiftscope.export.Captions.number(v) : "—";
    }

    /** the index of the kept point nearest to a step, or -1 when the series is empty */
    protected static int nearest(org.shiftscope.stats.Decimated<?> d, double step) {
        int n = d.size();
        if (n == 0) return -1;
        int lo = 0, hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (d.step(mid) < step) lo = mid + 1;
            else hi = mid;
        }
        if (lo > 0 && Math.abs(d.step(lo - 1) - step) <= Math.abs(d.step(lo) - step)) lo--;
        return lo;
    }

    /** Draws the chart; {@link #px}, {@link #py}, {@link #pw}, {@link #ph} hold the plot area. */
    protected abstract void draw(GraphicsContext g, double w, double h);

    /** Forgets the axis ranges (new run): they grow again from the next data. */
    public void resetRanges() {
        markDirty();
    }

    public String title() {
        return title;
    }

    protected void setTitle(String t) {
        if (!t.equals(title)) {
            title = t;
            markDirty();
        }
    }

    /** e.g. "layer2-activation-histogram": used in exported file names */
    public abstract String fileStem();

    public DoubleProperty fontScaleProperty() {
        return fontScale;
    }

    public void setTheme(ChartTheme t) {
        theme = t;
        markDirty();
    }

    public ChartTheme theme() {
        return theme;
    }

    protected double scale() {
        return fontScale.get();
    }

    // ---- drawing helpers ----

    protected double xOf(Axis a, double v) {
        return px + a.fraction(v) * pw;
    }

    protected double yOf(Axis a, double v) {
        return py + ph - a.fraction(v) * ph;
    }

    /** A hint in the middle of an empty chart. */
    protected void empty(GraphicsContext g, String text) {
        g.setFill(theme.muted());
        g.setFont(Font.font(13 * scale()));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, px + pw / 2, py + ph / 2);
    }

    /** Grid, ticks and labels for both axes; x labels below, y labels left (or right when {@code right}). */
    protected void axes(GraphicsContext g, Axis x, Axis y, String xLabel) {
        double s = scale();
        g.setLineWidth(1);
        g.setFont(Font.font(11.5 * s));
        if (!y.isEmpty()) {
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            for (double t : y.ticks(Math.max(2, (int) (ph / (28 * s))))) {
                double yy = Math.round(yOf(y, t)) + 0.5;
                g.setStroke(theme.grid());
                g.strokeLine(px, yy, px + pw, yy);
                g.setFill(theme.text());
                g.fillText(Axis.label(t), px - 5 * s, yy);
            }
        }
        if (!x.isEmpty()) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            for (double t : x.ticks(Math.max(2, (int) (pw / (70 * s))))) {
                double xx = Math.round(xOf(x, t)) + 0.5;
                g.setStroke(theme.grid());
                g.strokeLine(xx, py, xx, py + ph);
                g.setFill(theme.text());
                g.fillText(Axis.label(t), xx, py + ph + 3 * s);
            }
        }
        g.setStroke(theme.axis());
        g.strokeLine(px + 0.5, py, px + 0.5, py + ph);
        g.strokeLine(px, py + ph + 0.5, px + pw, py + ph + 0.5);
        if (xLabel != null && !x.isEmpty()) {
            // the unit goes under the last tick label's row, at the right end
            g.setFill(theme.muted());
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(xLabel, px + pw, py + ph + 15 * s);
        }
    }

    /** A legend of coloured swatches in the top-right corner of the plot area. */
    protected void legend(GraphicsContext g, List<String> labels, List<Color> colors) {
        double s = scale();
        g.setFont(Font.font(11.5 * s));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double y = py + 9 * s;
        for (int i = 0; i < labels.size(); i++) {
            double tw = labels.get(i).length() * 6.3 * s + 22 * s;
            double x = px + pw - tw - 4 * s;
            g.setFill(theme.background().deriveColor(0, 1, 1, 0.85));
            g.fillRect(x - 3 * s, y - 8 * s, tw + 6 * s, 16 * s);
            g.setFill(colors.get(i));
            g.fillRect(x, y - 4 * s, 14 * s, 8 * s);
            g.setFill(theme.text());
            g.fillText(labels.get(i), x + 18 * s, y);
            y += 17 * s;
        }
    }

    /** Width of a one-line legend, to decide whether it fits beside the title. */
    protected double legendWidth(List<String> labels) {
        double s = scale();
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(Font.font(11.5 * s));
        double w = 0;
        for (String l : labels) {
            probe.setText(l);
            w += probe.getLayoutBounds().getWidth() + 38 * s;
        }
        return w;
    }

    /** Width of the title as drawn. */
    protected double titleWidth() {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(title);
        probe.setFont(Font.font("System", FontWeight.BOLD, 13 * scale()));
        return probe.getLayoutBounds().getWidth() + 16 * scale();
    }

    /**
     * A one-line legend right-aligned in the title strip (for wide charts with several series), or on its own
     * line under the title when {@code y} says so.
     */
    protected void titleLegend(GraphicsContext g, List<String> labels, List<Color> colors, List<Boolean> dashed,
                               double y) {
        double s = scale();
        Font f = Font.font(11.5 * s);
        g.setFont(f);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(f);
        double x = canvas.getWidth() - 8 * s;
        for (int i = labels.size() - 1; i >= 0; i--) {
            probe.setText(labels.get(i));
            double tw = probe.getLayoutBounds().getWidth();
            x -= tw;
            g.setFill(theme.text());
            g.fillText(labels.get(i), x, y);
            x -= 24 * s;
            g.setStroke(colors.get(i));
            g.setLineWidth(lineWidth());
            g.setLineDashes(dashed.get(i) ? new double[] {5 * s, 3 * s} : null);
            g.strokeLine(x, y, x + 18 * s, y);
            g.setLineDashes(null);
            x -= 14 * s;
        }
    }

    /** Line width for data: thick enough for a projector. */
    protected double lineWidth() {
        return 2.2 * scale();
    }
}
