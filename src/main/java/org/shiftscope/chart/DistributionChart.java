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
 * are overlaid on one value axis in their two colours. Drawn into one image per frame, not one shape per cell.
 * Each step's histogram covers the robust range its probe chose (0.5th to 99.5th percentile, as in
 * {@link HistogramChart}); the few values beyond it, which the edge bins also count, are left out here (the
 * readout says how many), so that they do not paint a dense band at the edges.
 */
public final class DistributionChart extends LayerChart {
    /** pixel buffer reused between frames (reallocated only when the plot grows) */
    private int[] pixels = new int[0];
    /** per run (at most four), opacity per pixel */
    private float[][] density = new float[4][0];
    /** the runs' colours this frame, r, g, b per run */
    private final int[][] rgb = new int[4][3];
    private WritableImage image;

    public DistributionChart(History history) {
        super(history, "Over time", "distribution",
                "Each thin column is the histogram at one step, dark where many values are. Read it left to "
                        + "right to see the whole distribution move, spread out or pile up at the ends while "
                        + "the network trains. The outermost 0.5% of each step's values on either side may be "
                        + "left out.");
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
        if (pixels.length < iw * ih) {
            pixels = new int[iw * ih];
            density = new float[4][iw * ih];
        }
        if (image == null || image.getWidth() < iw || image.getHeight() < ih) image = new WritableImage(iw, ih);
        int nr = Math.min(4, runs.size());
        for (int r = 0; r < nr; r++) {
            java.util.Arrays.fill(density[r], 0, iw * ih, 0f);
            paint(series(runs.get(r)), density[r], iw, ih);
            Color c = ChartTheme.runColor(history, runs.get(r));
            rgb[r][0] = (int) (c.getRed() * 255);
            rgb[r][1] = (int) (c.getGreen() * 255);
            rgb[r][2] = (int) (c.getBlue() * 255);
        }
        // the runs share one value axis and blend symmetrically: none hides another, overlap mixes their colours
        // in proportion to their densities; a single run uses a perceptual sequential scale (light → dark as
        // values pile up)
        for (int i = 0; i < iw * ih; i++) {
            float clear = 1, sum = 0;
            for (int r = 0; r < nr; r++) {
                clear *= 1 - density[r][i];
                sum += density[r][i];
            }
            if (sum <= 0) {
                pixels[i] = 0;
                continue;
            }
            int rr, gg, bb;
            float a;
            if (nr == 1) {
                float a0 = density[0][i];
                int c = colour(a0);
                a = Math.min(1f, 0.25f + a0);
                rr = (int) (((c >> 16) & 255) * a);
                gg = (int) (((c >> 8) & 255) * a);
                bb = (int) ((c & 255) * a);
            } else {
                a = 1 - clear;
                float fr = 0, fg = 0, fb = 0;
                for (int r = 0; r < nr; r++) {
                    float share = density[r][i] / sum;
                    fr += rgb[r][0] * share;
                    fg += rgb[r][1] * share;
                    fb += rgb[r][2] * share;
                }
                rr = (int) (fr * a);
                gg = (int) (fg * a);
                bb = (int) (fb * a);
            }
            pixels[i] = ((int) (a * 255) << 24) | (rr << 16) | (gg << 8) | bb; // premultiplied
        }
        image.getPixelWriter().setPixels(0, 0, iw, ih, PixelFormat.getIntArgbPreInstance(),
                IntBuffer.wrap(pixels, 0, iw * ih), iw);
        g.drawImage(image, 0, 0, iw, ih, px, py, iw, ih);
        drawMarkers(g, x, history.events());
    }

    @Override
    public Axis timeAxis() {
        return x;
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
            if (lines.isEmpty()) lines.add(String.format(java.util.Locale.ROOT, "step %,d · value %s", d.step(i),
                    num(value)));
            int b = (int) Math.floor((value - t.binLo()) / t.binWidth());
            double share = b < 0 || b >= t.counts().length ? 0 : (double) t.counts()[b] / Math.max(1, t.total());
            if (b == 0) share -= (double) t.under() / Math.max(1, t.total());
            if (b == t.counts().length - 1) share -= (double) t.over() / Math.max(1, t.total());
            String beyond = t.under() + t.over() == 0 ? "" : " (" + (t.under() + t.over()) + " beyond "
                    + num(t.binLo()) + " … " + num(t.binHi()) + " left out)";
            lines.add(history.label(r) + ": " + Math.round(share * 1000) / 10.0 + "% of values near here" + beyond);
        }
        return lines;
    }

    /**
     * Fills a run's density per pixel, 0–1: each column averages the histograms of the steps near it (within two
     * pixel widths), each scaled to its own peak and read between bin centres, so the picture is smooth at any
     * width; a square root keeps the tails visible.
     */
    private void paint(Decimated<TapStats> d, float[] alpha, int iw, int ih) {
        int n = d.size();
        if (n == 0) return;
        double[] column = new double[ih];
        // each column averages the steps within two pixel widths either side: smooth, not hatched
        double span = 2 * (x.hi() - x.lo()) / iw;
        int k = 0;
        for (int col = 0; col < iw; col++) {
            double from = x.lo() + (x.hi() - x.lo()) * col / iw, to = x.lo() + (x.hi() - x.lo()) * (col + 1) / iw;
            if (from > d.lastStep() + 1e-9) break;
            while (k + 1 < n && d.step(k + 1) <= from - span) k++;
            if (d.step(k) > to + span) continue; // before the first measurement
            java.util.Arrays.fill(column, 0);
            int used = 0;
            for (int j = k; j < n && (j == k || d.step(j) < to + span); j++) {
                if (addColumn(d.get(j), column, ih)) used++;
            }
            if (used == 0) continue;
            for (int row = 0; row < ih; row++) alpha[row * iw + col] = (float) Math.sqrt(column[row] / used);
        }
    }

    /** adds one histogram, scaled to its peak and interpolated between bin centres, to a pixel column */
    private boolean addColumn(TapStats t, double[] column, int ih) {
        if (!Double.isFinite(t.binLo())) return false;
        int[] counts = t.counts();
        int last = counts.length - 1, peak = 0;
        for (int b = 0; b <= last; b++) peak = Math.max(peak, inRange(t, b));
        if (peak == 0) return false;
        double bw = t.binWidth();
        for (int row = 0; row < ih; row++) {
            double value = y.lo() + (y.hi() - y.lo()) * (ih - row - 0.5) / ih;
            double pos = (value - t.binLo()) / bw - 0.5; // in bin-centre units
            if (pos < -0.5 || pos > counts.length - 0.5) continue;
            int b0 = (int) Math.floor(pos);
            double f = pos - b0;
            double lo = inRange(t, Math.max(0, b0)), hi = inRange(t, Math.min(last, b0 + 1));
            column[row] += ((1 - f) * lo + f * hi) / peak;
        }
        return true;
    }

    /** a bin's count without the values beyond the range that an edge bin also holds */
    private static int inRange(TapStats t, int b) {
        int c = t.counts()[b];
        if (b == 0) c -= t.under();
        if (b == t.counts().length - 1) c -= t.over();
        return c;
    }

    /** a perceptual sequential colour scale (viridis-like stops), 0 → few values, 1 → the column's peak */
    static int colour(float t) {
        int[][] stops = {{253, 231, 37}, {94, 201, 98}, {33, 145, 140}, {59, 82, 139}, {68, 1, 84}};
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
