package org.shiftscope.chart;

import java.util.Arrays;
import org.shiftscope.stats.Decimated;
import org.shiftscope.stats.History;
import org.shiftscope.stats.TapStats;

/**
 * One run's over-time heat map on a fixed grid (time columns × value rows, at most {@link #MAX_COLS} ×
 * {@link #MAX_ROWS}), drawn as one small image that the chart scales to its plot with smoothing. Each kept
 * histogram is resampled to the value rows once (scaled to its own peak, read between bin centres, square root so
 * the tails show) and cached until the value axis changes; a frame then only averages or interpolates cached
 * columns, so its cost does not grow with the chart's pixels. FX thread only; no allocation per frame once the
 * grid has its size.
 */
final class HeatGrid {
    /** most time columns: the chart scales the image up beyond this width */
    static final int MAX_COLS = 384;
    /** most value rows */
    static final int MAX_ROWS = 96;

    /** per cache slot (kept index, the last slot for the newest histogram when it was not kept) its source */
    private final TapStats[] source = new TapStats[History.CAPACITY + 1];
    /** per cache slot its resampled column, top row first, 0–1 */
    private final float[][] column = new float[History.CAPACITY + 1][MAX_ROWS];
    /** the value range and rows the cache was made for */
    private double lo = Double.NaN, hi = Double.NaN;
    /** rows of the cached columns */
    private int rows;
    /** steps of the points this frame (kept histograms, then the newest one when it was not kept) */
    private final long[] steps = new long[History.CAPACITY + 1];
    /** cache slot of each point this frame */
    private final int[] slot = new int[History.CAPACITY + 1];
    /** the sum of the columns in the sliding window */
    private final float[] sum = new float[MAX_ROWS];

    /**
     * Fills {@code out} (cols × rows, column after column, top row first) with the run's density 0–1 over the
     * time range [from, to] and the value range [yLo, yHi]. A column holds the mean of the histograms kept within
     * two column widths of it (smooth, not hatched), or where none is that close, the two nearest interpolated in
     * time; nothing before the first or after the last measurement.
     */
    void fill(Decimated<TapStats> d, double from, double to, double yLo, double yHi, int cols, int rows,
              float[] out) {
        Arrays.fill(out, 0, cols * rows, 0f);
        if (yLo != lo || yHi != hi || rows != this.rows) {
            Arrays.fill(source, null);
            lo = yLo;
            hi = yHi;
            this.rows = rows;
        }
        int n = points(d);
        if (n == 0 || !(to > from)) return;
        double width = (to - from) / cols, near = 2 * width;
        // a window of points slides along the columns: [k, e) are within two column widths, their sum in `sum`
        Arrays.fill(sum, 0, rows, 0f);
        int k = 0, e = 0;
        for (int c = 0; c < cols; c++) {
            double a = from + width * c, b = a + width, mid = a + width / 2;
            if (a > steps[n - 1] || b < steps[0]) continue;
            for (; e < n && steps[e] <= b + near; e++) add(column(d, e), 1f, rows);
            for (; k < e && steps[k] < a - near; k++) add(column(d, k), -1f, rows);
            int used = e - k, o = c * rows;
            if (used > 0) {
                float inv = 1f / used;
                for (int r = 0; r < rows; r++) {
                    float v = sum[r] * inv;
                    out[o + r] = v < 1e-5f ? 0f : v; // what adding and taking away leaves of an empty cell
                }
                continue;
            }
            // no point this close: interpolate between the neighbours (e is the first point after the window)
            int j1 = Math.min(e, n - 1), j0 = Math.max(0, j1 - 1);
            float f = j1 == j0 ? 0f : (float) ((mid - steps[j0]) / (double) (steps[j1] - steps[j0]));
            f = Math.max(0f, Math.min(1f, f));
            float[] c0 = column(d, j0), c1 = column(d, j1);
            for (int r = 0; r < rows; r++) out[o + r] = (1 - f) * c0[r] + f * c1[r];
        }
    }

    /** adds a column, times a sign, to the window's sum */
    private void add(float[] col, float sign, int rows) {
        for (int r = 0; r < rows; r++) sum[r] += sign * col[r];
    }

    /** lists this frame's points: the kept histograms, then the newest when it is newer than the last kept */
    private int points(Decimated<TapStats> d) {
        int n = 0;
        for (int i = 0; i < d.size(); i++) {
            if (!Double.isFinite(d.get(i).binLo())) continue;
            steps[n] = d.step(i);
            slot[n++] = i;
        }
        TapStats last = d.last();
        if (last != null && Double.isFinite(last.binLo()) && (n == 0 || d.lastStep() > steps[n - 1])) {
            steps[n] = d.lastStep();
            slot[n++] = History.CAPACITY;
        }
        return n;
    }

    /** the cached column of point j, made now if its slot holds another histogram */
    private float[] column(Decimated<TapStats> d, int j) {
        int s = slot[j];
        TapStats t = s == History.CAPACITY ? d.last() : d.get(s);
        if (source[s] != t) {
            resample(t, column[s]);
            source[s] = t;
        }
        return column[s];
    }

    /** one histogram, scaled to its peak and interpolated between bin centres, on the value rows (top first) */
    private void resample(TapStats t, float[] col) {
        int[] counts = t.counts();
        int last = counts.length - 1, peak = 0;
        for (int b = 0; b <= last; b++) peak = Math.max(peak, inRange(t, b));
        double bw = t.binWidth();
        for (int row = 0; row < rows; row++) {
            col[row] = 0f;
            if (peak == 0) continue;
            double value = lo + (hi - lo) * (rows - row - 0.5) / rows;
            double pos = (value - t.binLo()) / bw - 0.5; // in bin-centre units
            if (pos < -0.5 || pos > counts.length - 0.5) continue;
            int b0 = (int) Math.floor(pos);
            double f = pos - b0;
            double lower = inRange(t, Math.max(0, b0)), upper = inRange(t, Math.min(last, b0 + 1));
            col[row] = (float) Math.sqrt(((1 - f) * lower + f * upper) / peak);
        }
    }

    /** a bin's count without the values beyond the range that an edge bin also holds */
    static int inRange(TapStats t, int b) {
        int c = t.counts()[b];
        if (b == 0) c -= t.under();
        if (b == t.counts().length - 1) c -= t.over();
        return c;
    }
}
