package org.shiftscope.ui.chart;

import java.nio.IntBuffer;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.shiftscope.stats.TapStats;
import org.shiftscope.ui.model.Decimated;
import org.shiftscope.ui.model.History;

/**
 * The histogram over time as a heat map (like TensorBoard's distribution view): x = step, y = value, colour =
 * how many values fall there at that step (each column scaled to its own peak). In compare mode the two runs
 * share the value axis in two stacked strips. Drawn into one image per frame, not one shape per cell.
 */
public final class DistributionChart extends LayerChart {
    private final Axis x = new Axis(), y = new Axis();
    /** pixel buffer reused between frames (reallocated only when the plot grows) */
    private int[] pixels = new int[0];
    private WritableImage image;

    public DistributionChart(History history) {
        super(history, "Over time", "distribution",
                "Each thin column is the histogram at one step, dark where many values are. Read it left to "
                        + "right to see the whole distribution move, spread out or pile up at the ends while "
                        + "the network trains.");
    }

    @Override
    public void resetRanges() {
        x.reset();
        y.reset();
        super.resetRanges();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        List<String> runs = runsWithData();
        for (String r : runs) {
            Decimated<TapStats> d = history.tap(r, layer, tap);
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
        if (pixels.length < iw * ih) pixels = new int[iw * ih];
        if (image == null || image.getWidth() < iw || image.getHeight() < ih) image = new WritableImage(iw, ih);
        java.util.Arrays.fill(pixels, 0, iw * ih, 0);
        int strips = runs.size();
        for (int s = 0; s < strips; s++) {
            int top = s * ih / strips, bottom = (s + 1) * ih / strips;
            paint(history.tap(runs.get(s), layer, tap), ChartTheme.runColor(runs.get(s)), iw, ih, top, bottom);
        }
        image.getPixelWriter().setPixels(0, 0, iw, ih, PixelFormat.getIntArgbPreInstance(),
                IntBuffer.wrap(pixels, 0, iw * ih), iw);
        g.drawImage(image, 0, 0, iw, ih, px, py, iw, ih);
        if (strips > 1) {
            double s = scale();
            g.setFont(Font.font(11 * s));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            for (int i = 0; i < strips; i++) {
                g.setFill(ChartTheme.runColor(runs.get(i)));
                g.fillText(ChartTheme.runLabel(runs.get(i)), px + 4 * s, py + i * ph / strips + 2 * s);
            }
            g.setStroke(theme().axis());
            g.strokeLine(px, py + ph / 2, px + pw, py + ph / 2);
        }
    }

    /** Paints one run's columns into rows [top, bottom) of the pixel buffer. */
    private void paint(Decimated<TapStats> d, Color c, int iw, int ih, int top, int bottom) {
        int n = d.size();
        if (n == 0) return;
        int rr = (int) (c.getRed() * 255), gg = (int) (c.getGreen() * 255), bb = (int) (c.getBlue() * 255);
        int rows = bottom - top;
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
            for (int row = 0; row < rows; row++) {
                double value = y.lo() + (y.hi() - y.lo()) * (rows - row - 0.5) / rows;
                int b = (int) Math.floor((value - t.binLo()) / bw);
                if (b < 0 || b >= counts.length) continue;
                double a = Math.sqrt((double) counts[b] / peak); // sqrt: faint tails stay visible
                int alpha = (int) (a * 235);
                if (alpha == 0) continue;
                pixels[(top + row) * iw + col] = (alpha << 24) | ((rr * alpha / 255) << 16) | ((gg * alpha / 255) << 8)
                        | (bb * alpha / 255);
            }
        }
    }
}
