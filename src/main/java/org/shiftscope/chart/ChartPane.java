package org.shiftscope.chart;

import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A chart drawn on a Canvas: no scene-graph nodes per point and no auto-ranging layout, so it redraws in a
 * few milliseconds. The window's AnimationTimer calls {@link #refresh()} once per frame; the chart redraws only
 * when marked dirty or resized. FX thread only.
 */
public abstract class ChartPane extends Region {
    /** the drawing surface, sized to this region */
    protected final Canvas canvas = new Canvas();
    /** the pointer's readout and the zoom gestures, drawn over the chart without redrawing it */
    private final HoverLayer hover = new HoverLayer(this);
    /** what the chart shows, in plain words: shown when the pointer is over the title strip */
    private final String help;
    /** 1 normally, larger in presentation mode: fonts and lines scale with it */
    private final DoubleProperty fontScale = new SimpleDoubleProperty(1.0);
    /** colours */
    private ChartTheme theme = ChartTheme.LIGHT;
    /** title drawn at the top */
    private String title;
    /** the title and legend strip at the top */
    private final TitleStrip strip = new TitleStrip(this);
    /** whether the data changed since the last draw */
    private boolean dirty = true;
    /** how many times the chart has drawn itself (tests and frame statistics read it) */
    private long draws;
    /** plot area of the last draw: left, top, width, height */
    protected double px, py, pw, ph;
    /** the markers of changed settings as last drawn (time charts) */
    private List<Markers.Marker> markers = List.of();
    /** the range of steps shared by every time chart, or null (not a time chart, or not zoomable) */
    private TimeRange timeRange;

    protected ChartPane(String title, String help) {
        TextLayouts.shareNone();
        this.title = title;
        this.help = help;
        getChildren().addAll(canvas, hover.canvas);
        getStyleClass().add("chart-pane");
        fontScale.addListener((o, a, b) -> markDirty());
        setMinSize(160, 120);
        setPrefSize(320, 200);
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth()), h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            for (var n : getChildren()) {
                if (n instanceof Canvas c) {
                    c.setWidth(w);
                    c.setHeight(h);
                }
            }
            dirty = true;
            refresh();
        }
    }

    /**
     * Adds a canvas the size of the chart over its drawing and under the hover readout: for a part that changes
     * less often than the rest, drawn only when it changes.
     */
    protected Canvas addLayer() {
        Canvas layer = new Canvas(canvas.getWidth(), canvas.getHeight());
        layer.setMouseTransparent(true);
        getChildren().add(getChildren().indexOf(hover.canvas), layer);
        return layer;
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
        px = 52 * s;
        py = strip.draw(g, w);
        pw = Math.max(10, w - px - 12 * s);
        ph = Math.max(10, h - py - 34 * s);
        markers = List.of();
        draw(g, w, h);
        draws++;
        hover.draw(); // the values under a resting pointer follow the data
        return true;
    }

    /** how many times the chart has drawn itself */
    public long draws() {
        return draws;
    }

    // ---- hover readout ----

    /** Moves the pointer to (x, y) in this chart's coordinates (NaN: away) and shows what is under it. */
    public void hover(double x, double y) {
        hover.moveTo(x, y);
    }

    /**
     * What is under the pointer, one line each: over the title strip the chart's help in plain words, over the
     * plot the values there (see {@link #readoutAt}); empty elsewhere.
     */
    public List<String> readout(double x, double y) {
        if (Double.isNaN(x) || x < 0 || y < 0 || x > canvas.getWidth() || y > canvas.getHeight()) return List.of();
        if (y < py) {
            if (strip.shown().equals(title)) return wrap(help(), 60);
            List<String> lines = new java.util.ArrayList<>(wrap(title, 60)); // the full title, then what it shows
            lines.addAll(wrap(help(), 60));
            return lines;
        }
        if (x < px || x > px + pw || y > py + ph) return List.of();
        List<String> lines = readoutAt(x, y);
        for (Markers.Marker m : markers) {
            if (Math.abs(m.x() - x) <= 4 * scale()) {
                lines = new java.util.ArrayList<>(lines);
                lines.addAll(m.text());
            }
        }
        return lines;
    }

    /** what the chart shows, in plain words (shown over the title strip) */
    protected String help() {
        return help;
    }

    // ---- time charts: markers of changed settings, the shared range of steps ----

    /** the markers of changed settings as last drawn, left to right (empty for charts that are not over steps) */
    public List<Markers.Marker> markers() {
        return markers;
    }

    /** Draws the markers of changed settings on a time axis (time charts call it after their data). */
    protected void drawMarkers(GraphicsContext g, Axis x, List<org.shiftscope.stats.Event> events) {
        markers = Markers.draw(this, g, x, events);
    }

    /** the axis of steps of a chart over steps, or null for other charts */
    public Axis timeAxis() {
        return null;
    }

    /** the newest step the chart has data for (time charts) */
    protected double newestStep() {
        return 0;
    }

    /** Follows a range of steps shared with other time charts (time charts only; null: none). */
    public void setTimeRange(TimeRange range) {
        if (timeAxis() == null) return;
        if (timeRange != null) timeRange.windowProperty().removeListener(weakOnWindow);
        timeRange = range;
        if (range != null) range.windowProperty().addListener(weakOnWindow);
    }

    /** redraws with the shared window (following again: the axis grows from the data) */
    private final javafx.beans.value.ChangeListener<TimeRange.Window> onWindow = (o, a, b) -> {
        if (b == null && timeAxis() != null) timeAxis().reset();
        markDirty();
    };
    /** weakly held: charts of a replaced layer row are not kept alive by the range they shared */
    private final javafx.beans.value.WeakChangeListener<TimeRange.Window> weakOnWindow =
            new javafx.beans.value.WeakChangeListener<>(onWindow);

    public TimeRange timeRange() {
        return timeRange;
    }

    /** whether the chart is over steps, shares a range of steps and has data: it can zoom */
    boolean zoomable() {
        return timeRange != null && timeAxis() != null && !timeAxis().isEmpty();
    }

    /** Sets the time axis to the shared window while zoomed (call after the axis took in the data). */
    protected void applyTimeRange(Axis x) {
        TimeRange.Window w = timeRange == null ? null : timeRange.window();
        if (w != null) x.set(w.lo(), w.hi());
    }

    /** whether drawing is clipped to the plot now (see {@link #clipPlot}) */
    private boolean clipped;

    /**
     * Clips drawing to the plot area while zoomed (data reach past it then), until {@link #unclip}. Following the
     * run, every point lies inside the plot: no clip, which costs the software renderer a mask per shape.
     */
    protected void clipPlot(GraphicsContext g) {
        clipped = timeRange != null && timeRange.window() != null;
        if (!clipped) return;
        g.save();
        g.beginPath();
        g.rect(px, py, pw, ph);
        g.closePath();
        g.clip();
        g.beginPath();
    }

    protected void unclip(GraphicsContext g) {
        if (clipped) g.restore();
        clipped = false;
    }

    /** where the hover readout box is on screen now (in this chart's coordinates), or null */
    javafx.geometry.Rectangle2D readoutBox() {
        return hover.box();
    }

    /** the readout lines on screen now (empty when none) */
    public List<String> shownReadout() {
        return hover.shown();
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

    /** A hint in the middle of an empty chart, on as many lines as its width needs. */
    protected void empty(GraphicsContext g, String text) {
        PlotFrame.empty(this, g, text);
    }

    /** Grid, ticks and labels for both axes (see {@link PlotFrame#axes}). */
    protected void axes(GraphicsContext g, Axis x, Axis y, String xLabel) {
        PlotFrame.axes(this, g, x, y, xLabel);
    }

    // ---- title strip: the title and the legend, never over the data ----

    /** how a legend key marks its series */
    protected enum Mark { BOX, LINE, DASHED, SCALE }

    /**
     * One entry of a chart's legend, drawn in the title strip.
     *
     * @param label      the words for the series
     * @param brief      shorter words, used when the full ones do not fit
     * @param color      the series' colour (unused for {@link Mark#SCALE})
     * @param mark       a filled box, a line, a dashed line, or the chart's colour scale ("few ▭ many")
     */
    protected record Key(String label, String brief, Color color, Mark mark) {}

    /** The legend of the next draw, in order (none by default); asked for once per draw. */
    protected List<Key> legendKeys() {
        return List.of();
    }

    /**
     * The title's shorter forms, longest first, tried in order when the title does not fit the chart's width
     * (none by default). The full title is shown on hover whenever a shorter one is drawn.
     */
    protected List<String> titleVariants() {
        return List.of();
    }

    /** The colour of a {@link Mark#SCALE} key at a position 0–1 (grey by default). */
    protected Color scaleColor(double t) {
        return Color.gray(1 - t);
    }

    /** the title as drawn by the last draw (a shorter form when the full one did not fit; the full one on hover) */
    public String shownTitle() {
        return strip.shown();
    }

    /** Line width for data: thick enough for a projector. */
    protected double lineWidth() {
        return 2.2 * scale();
    }
}
