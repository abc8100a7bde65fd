package org.shiftscope.chart;

import java.util.function.ToDoubleFunction;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.shiftscope.stats.Decimated;

/**
 * Lines and shaded bands over steps from a decimated series; non-finite points break the line. Points closer
 * than {@link #MIN_DX} pixels to the last one drawn are left out (the last point of a line is always drawn):
 * more points than pixels look the same and only cost the renderer.
 */
final class Bands {
    /** the least horizontal distance in pixels between two points drawn */
    static final double MIN_DX = 2.0;

    private Bands() {}

    static <T> void line(ChartPane c, GraphicsContext g, Decimated<T> d, Axis x, Axis y, Color color,
                         ToDoubleFunction<T> f, double width, boolean dashed) {
        g.setStroke(color);
        g.setLineWidth(width);
        g.setLineDashes(dashed ? new double[] {6 * c.scale(), 4 * c.scale()} : null);
        boolean open = false;
        double lastX = Double.NEGATIVE_INFINITY;
        g.beginPath();
        int n = d.size();
        for (int i = 0; i <= n; i++) {
            // the newest value is drawn even when decimation did not keep it
            boolean lastExtra = i == n;
            if (lastExtra && (n == 0 || d.lastStep() == d.step(n - 1))) break;
            T item = lastExtra ? d.last() : d.get(i);
            long step = lastExtra ? d.lastStep() : d.step(i);
            double v = f.applyAsDouble(item);
            if (!Double.isFinite(v)) {
                open = false;
                continue;
            }
            double xx = c.xOf(x, step), yy = c.yOf(y, v);
            boolean end = i == n || i == n - 1 && (n == 0 || d.lastStep() == d.step(n - 1));
            if (open && xx - lastX < MIN_DX && !end) continue;
            if (open) g.lineTo(xx, yy);
            else g.moveTo(xx, yy);
            lastX = xx;
            open = true;
        }
        g.stroke();
        g.setLineDashes(null);
    }

    static <T> void band(ChartPane c, GraphicsContext g, Decimated<T> d, Axis x, Axis y, Color color,
                         ToDoubleFunction<T> lo, ToDoubleFunction<T> hi, double alpha) {
        int n = d.size();
        if (n == 0) return;
        double[] xs = new double[2 * n], ys = new double[2 * n];
        int k = 0;
        // the points kept along the top edge, then the same points back along the bottom edge
        int[] kept = new int[n];
        int m = 0;
        double lastX = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = hi.applyAsDouble(d.get(i));
            if (!Double.isFinite(v) || !Double.isFinite(lo.applyAsDouble(d.get(i)))) continue;
            double xx = c.xOf(x, d.step(i));
            if (xx - lastX < MIN_DX && i != n - 1) continue;
            lastX = xx;
            kept[m++] = i;
            xs[k] = xx;
            ys[k++] = c.yOf(y, v);
        }
        int top = k;
        for (int j = m - 1; j >= 0; j--) {
            int i = kept[j];
            xs[k] = xs[j];
            ys[k++] = c.yOf(y, lo.applyAsDouble(d.get(i)));
        }
        if (top < 1) return;
        g.setFill(color.deriveColor(0, 1, 1, alpha));
        g.fillPolygon(xs, ys, k);
    }
}
