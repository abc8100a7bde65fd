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
 */
public final class DistributionChart extends LayerChart {
    /** pixel buffer reused between frames (reallocated only when the plot grows) */
    private int[] pixels = new int[0];
    /** per run (at most two), opacity per pixel */
    private float[][] density = new float[2][0];
    private WritableImage image;

    public DistributionChart(History history) {
        super(history, "Over time", "distribution",
                "Each thin column is the histogram at one step, dark where many values are. Read it left to "
                        + "right to see the whole distribution move, spread out or pile up at the ends while "
                        + "the network trains.");
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
        axes(g, x, y, "step");
        if (runs.isEmpty() || y.isEmpty()) {
            empty(g, emptyText());
            return;
        }
        int iw = (int) pw, ih = (int) ph;
        if (iw < 2 || ih < 2) return;
        if (pixels.length < iw * ih) {
            pixels = new int[iw * ih];
            density = new float[2][iw * ih];
        }
        if (image == null || image.getWidth() < iw || image.getHeight() < ih) image = new WritableImage(iw, ih);
        int nr = Math.min(2, runs.size());
        for (int r = 0; r < nr; r++) {
            java.util.Arrays.fill(density[r], 0, iw * ih, 0f);
            paint(series(runs.get(r)), density[r], iw, ih);
        }
        // both runs share one value axis: the second is laid under the first ("over" compositing)
        int[] c0 = rgb(ChartTheme.runColor(runs.get(0))), c1 = nr > 1 ? rgb(ChartTheme.runColor(runs.get(1))) : c0;
        for (int i = 0; i < iw * ih; i++) {
            float a0 = density[0][i], a1 = nr > 1 ? density[1][i] : 0f;
            float a = a0 + a1 * (1 - a0);
            if (a <= 0) {
                pixels[i] = 0;
                continue;
            }
            float w1 = a1 * (1 - a0);
            int rr = (int) (c0[0] * a0 + c1[0] * w1), gg = (int) (c0[1] * a0 + c1[1] * w1);
            int bb = (int) (c0[2] * a0 + c1[2] * w1);
            pixels[i] = ((int) (a * 255) << 24) | (rr << 16) | (gg << 8) | bb; // premultiplied
        }
        image.getPixelWriter().setPixels(0, 0, iw, ih, PixelFormat.getIntArgbPreInstance(),
                IntBuffer.wrap(pixels, 0, iw * ih), iw);
        g.drawImage(image, 0, 0, iw, ih, px, py, iw, ih);
        runLegend(g, runs);
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
            lines.add(history.label(r) + ": " + Math.round(share * 1000) / 10.0 + "% of values near here");
        }
        return lines;
    }

    private static int[] rgb(Color c) {
        return new int[] {(int) (c.getRed() * 255), (int) (c.getGreen() * 255), (int) (c.getBlue() * 255)};
    }

    /** Fills a run's opacity per pixel: each column is the histogram at that step, scaled to its peak. */
    private void paint(Decimated<TapStats> d, float[] alpha, int iw, int ih) {
        int n = d.size();
        if (n == 0) return;
        int k = 0;
        for (int col = 0; col < iw; col++) {
            double step = x.lo() + (x.hi() - x.lo()) * (col + 0.5) / iw;
            if (step > d.lastStep() + 1e-9) break;
            while (k + 1 < n && d.step(k + 1) <= step) k++;
            TapStats t = d.get(k);
            if (d.step(k) > step || !Double.isFinite(t.binLo())) continue;
            int[] counts = t.counts();
            int peak = 0;
            for (int v : counts) peak = Math.max(peak, v);
            if (peak == 0) continue;
            double bw = t.binWidth();
            for (int row = 0; row < ih; row++) {
                double value = y.lo() + (y.hi() - y.lo()) * (ih - row - 0.5) / ih;
                int b = (int) Math.floor((value - t.binLo()) / bw);
                if (b < 0 || b >= counts.length) continue;
                alpha[row * iw + col] = (float) (0.9 * Math.sqrt((double) counts[b] / peak)); // sqrt: tails stay visible
            }
        }
    }
}
