package org.shiftscope.chart;

import java.util.function.ToDoubleFunction;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.shiftscope.stats.Decimated;

/** Lines and shaded bands over steps from a decimated series; non-finite points break the line. */
final class Bands {
    private Bands() {}

    static <T> void line(ChartPane c, GraphicsContext g, Decimated<T> d, Axis x, Axis y, Color color,
                         ToDoubleFunction<T> f, double width, boolean dashed) {
        g.setStroke(color);
        g.setLineWidth(width);
        g.setLineDashes(dashed ? new double[] {6 * c.scale(), 4 * c.scale()} : null);
        boolean open = false;
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
            if (open) g.lineTo(xx, yy);
            else g.moveTo(xx, yy);
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
        for (int i = 0; i < n; i++) {
            double v = hi.applyAsDouble(d.get(i));
            if (!Double.isFinite(v) || !Double.isFinite(lo.applyAsDouble(d.get(i)))) continue;
            xs[k] = c.xOf(x, d.step(i));
            ys[k++] = c.yOf(y, v);
        }
        int top = k;
        for (int i = n - 1; i >= 0; i--) {
            double v = lo.applyAsDouble(d.get(i));
            if (!Double.isFinite(v) || !Double.isFinite(hi.applyAsDouble(d.get(i)))) continue;
            xs[k] = c.xOf(x, d.step(i));
            ys[k++] = c.yOf(y, v);
        }
        if (top < 1) return;
        g.setFill(color.deriveColor(0, 1, 1, alpha));
        g.fillPolygon(xs, ys, k);
    }
}
