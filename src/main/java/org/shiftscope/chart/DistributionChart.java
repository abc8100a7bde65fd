package org.shiftscope.chart;

import java.nio.IntBuffer;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.shiftscope.stats.TapStats;
import org.shiftscope.stats.Decimated;
import org.shiftscope.stats.History;

/**
 * The histogram over time as a heat map (like TensorBoard's distribution view): x = step, y = value, colour =
 * how many values fall there at that step (each column scaled to its own peak). In compare mode the two runs
 * are overlaid on one value axis in their two colours. Drawn as one small image per frame (a fixed time × value
 * grid, {@link HeatGrid}) scaled to the plot with smoothing, not one shape per cell.
 * Each step's histogram covers the robust range its probe chose (0.5th to 99.5th percentile, as in
 * {@link HistogramChart}); the few values beyond it, which the edge bins also count, are left out here (the
 * readout says how many), so that they do not paint a dense band at the edges.
 */
public final class DistributionChart extends LayerChart {
    /** per run (at most four), its grid of densities, made when first needed */
    private final HeatGrid[] grids = new HeatGrid[4];
    /** per run, its densities this frame (column after column, top row first) */
    private final float[][] density = new float[4][HeatGrid.MAX_COLS * HeatGrid.MAX_ROWS];
    /** the blended grid as premultiplied ARGB, one pixel per cell */
    private final int[] pixels = new int[HeatGrid.MAX_COLS * HeatGrid.MAX_ROWS];
    /** the runs' colours this frame, r, g, b per run */
    private final int[][] rgb = new int[4][3];
    /** the grid as an image of exactly cols × rows (remade only when the grid's size changes) */
    private WritableImage image;
    /** the colour scale's stops, few → many */
    private static final int[][] STOPS = {{253, 231, 37}, {94, 201, 98}, {33, 145, 140}, {59, 82, 139}, {68, 1, 84}};

    /** the single-run scale premultiplied with its opacity, by density 0–255 */
    private static final int[] SCALE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            float a0 = i / 255f, a = Math.min(1f, 0.25f + a0);
            int c = colour(a0);
            SCALE[i] = ((int) (a * 255) << 24) | ((int) (((c >> 16) & 255) * a) << 16)
                    | ((int) (((c >> 8) & 255) * a) << 8) | (int) ((c & 255) * a);
        }
    }

    public DistributionChart(History history) {
        super(history, "Over time", "distribution",
                "Each thin column is the histogram at one step, dark where many values are. Read it left to "
                        + "right to see the whole distribution move, spread out or pile up at the ends while "
                        + "the network trains. The outermost 0.5% of each step's values on either side may be "
                        + "left out.");
        x.minTicks(3); // a narrow chart (presentation mode) still shows more than the step "0"
        y.minTicks(3);
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        List<String> runs = runsWithData();
        for (String r : runs) {
            Decimated<TapStats> d = series(r);
            for (int i = 0; i < d.size(); i++) {
                TapStats t = d.get(i);
                if (Double.isFinite(t.binLo())) y.include(t.binLo(), t.binHi());
            }
            x.include(0, Math.max(10, d.lastStep()));
        }
        applyTimeRange(x);
        axes(g, x, y, "step");
        if (runs.isEmpty() || y.isEmpty()) {
            empty(g, emptyText());
            return;
        }
        int iw = (int) pw, ih = (int) ph;
        if (iw < 2 || ih < 2) return;
        // a fixed grid, scaled to the plot with smoothing: the work per frame does not grow with the pixels
        int cols = Math.min(iw, HeatGrid.MAX_COLS), rows = Math.min(ih, HeatGrid.MAX_ROWS), cells = cols * rows;
        if (image == null || image.getWidth() != cols || image.getHeight() != rows) {
            image = new WritableImage(cols, rows);
        }
        int nr = Math.min(4, runs.size());
        for (int r = 0; r < nr; r++) {
            if (grids[r] == null) grids[r] = new HeatGrid();
            grids[r].fill(series(runs.get(r)), x.lo(), x.hi(), y.lo(), y.hi(), cols, rows, density[r]);
            Color c = ChartTheme.runColor(history, runs.get(r));
            rgb[r][0] = (int) (c.getRed() * 255);
            rgb[r][1] = (int) (c.getGreen() * 255);
            rgb[r][2] = (int) (c.getBlue() * 255);
        }
        // the runs share one value axis and blend symmetrically: none hides another, overlap mixes their colours
        // in proportion to their densities; a single run uses a perceptual sequential scale (light → dark as
        // values pile up)
        for (int c = 0, i = 0; c < cols; c++) { // the grid is column after column; the image row after row
            for (int row = 0; row < rows; row++, i++) pixels[row * cols + c] = blend(i, nr);
        }
        image.getPixelWriter().setPixels(0, 0, cols, rows, PixelFormat.getIntArgbPreInstance(),
                IntBuffer.wrap(pixels, 0, cells), cols);
        g.setImageSmoothing(true);
        g.drawImage(image, 0, 0, cols, rows, px, py, iw, ih);
        drawMarkers(g, x, history.events());
    }

    @Override
    public Axis timeAxis() {
        return x;
    }

    @Override
    public Axis valueAxis() {
        return y;
    }

    /** one cell's premultiplied ARGB from the runs' densities there */
    private int blend(int i, int nr) {
        if (nr == 1) {
            float a0 = density[0][i];
            return a0 <= 0 ? 0 : SCALE[Math.min(255, (int) (a0 * 255))];
        }
        float clear = 1, sum = 0;
        for (int r = 0; r < nr; r++) {
            clear *= 1 - density[r][i];
            sum += density[r][i];
        }
        if (sum <= 0) return 0;
        float a = 1 - clear, fr = 0, fg = 0, fb = 0;
        for (int r = 0; r < nr; r++) {
            float share = density[r][i] / sum;
            fr += rgb[r][0] * share;
            fg += rgb[r][1] * share;
            fb += rgb[r][2] * share;
        }
        return ((int) (a * 255) << 24) | ((int) (fr * a) << 16) | ((int) (fg * a) << 8) | (int) (fb * a);
    }

    @Override
    protected boolean stepLine() {
        return true;
    }

    /** the step and value under the pointer, and how dense each run is there (share of the column's peak) */
    @Override
    protected List<String> readoutAt(double mx, double my) {
        double step = xValue(x, mx), value = yValue(y, my);
        List<String> lines = new java.util.ArrayList<>();
        for (String r : runsWithData()) {
            Decimated<TapStats> d = series(r);
            int i = nearest(d, step);
            if (i < 0) continue;
            TapStats t = d.get(i);
            if (lines.isEmpty()) {
                lines.add(String.format(java.util.Locale.ROOT, "step %,d · %s", d.step(i), valueWords(value)));
            }
            int b = (int) Math.floor((value - t.binLo()) / t.binWidth());
            double share = b < 0 || b >= t.counts().length ? 0 : (double) t.counts()[b] / Math.max(1, t.total());
            if (b == 0) share -= (double) t.under() / Math.max(1, t.total());
            if (b == t.counts().length - 1) share -= (double) t.over() / Math.max(1, t.total());
            String beyond = t.under() + t.over() == 0 ? "" : " (" + (t.under() + t.over()) + " beyond "
                    + num(actual(t.binLo())) + " … " + num(actual(t.binHi())) + " left out)";
            lines.add(history.label(r) + ": " + pct(share) + " of values near here" + beyond + zeros(t));
        }
        return lines;
    }

    /** a perceptual sequential colour scale (viridis-like stops), 0 → few values, 1 → the column's peak */
    static int colour(float t) {
        int[][] stops = STOPS;
        double p = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) p);
        double f = p - i;
        int r = (int) Math.round(stops[i][0] + f * (stops[i + 1][0] - stops[i][0]));
        int g = (int) Math.round(stops[i][1] + f * (stops[i + 1][1] - stops[i][1]));
        int b = (int) Math.round(stops[i][2] + f * (stops[i + 1][2] - stops[i][2]));
        return (r << 16) | (g << 8) | b;
    }

    /** one run: the colour scale's key ("few ▭ many"); two: the runs' colours */
    @Override
    protected List<Key> legendKeys() {
        List<Key> runs = super.legendKeys();
        if (!runs.isEmpty() || runsWithData().isEmpty()) return runs;
        return List.of(new Key("", "", Color.BLACK, Mark.SCALE));
    }

    @Override
    protected Color scaleColor(double t) {
        int c = colour((float) t);
        return Color.rgb((c >> 16) & 255, (c >> 8) & 255, c & 255);
    }
}
