package org.shiftscope.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.shiftscope.nn.Tap;
import org.shiftscope.stats.Decimated;
import org.shiftscope.stats.History;
import org.shiftscope.stats.TapStats;

/** The heat map's grid: each histogram resampled to the value rows, averaged or interpolated over time. */
class HeatGridTest {
    /** a histogram over [lo, hi] with these counts */
    private static TapStats hist(double lo, double hi, int... counts) {
        return new TapStats(1, Tap.ACTIVATION, 0, 1, lo, 0, 0, 0, hi, 0, lo, hi, counts);
    }

    private static float at(float[] grid, int rows, int col, int row) {
        return grid[col * rows + row];
    }

    @Test
    void aRowAtABinCentreIsTheSquareRootOfTheBinsShareOfThePeak() {
        // 4 bins over [0, 4], the value axis [0, 4] in 4 rows: row centres 3.5, 2.5, 1.5, 0.5 = the bin centres
        Decimated<TapStats> d = new Decimated<>(History.CAPACITY);
        TapStats t = hist(0, 4, 1, 4, 2, 0);
        for (long s = 1; s <= 10; s++) d.add(s, t);
        float[] out = new float[10 * 4];
        new HeatGrid().fill(d, 0, 10, 0, 4, 10, 4, out);
        for (int c = 1; c < 10; c++) {
            assertEquals(0f, at(out, 4, c, 0), 1e-6, "value 3.5, empty bin");
            assertEquals((float) Math.sqrt(2 / 4.0), at(out, 4, c, 1), 1e-6, "value 2.5");
            assertEquals(1f, at(out, 4, c, 2), 1e-6, "value 1.5, the peak");
            assertEquals(0.5f, at(out, 4, c, 3), 1e-6, "value 0.5");
        }
    }

    @Test
    void halfwayBetweenBinCentresTheCountsAreInterpolatedAndValuesBeyondTheBinsAreEmpty() {
        Decimated<TapStats> d = new Decimated<>(History.CAPACITY);
        for (long s = 1; s <= 4; s++) d.add(s, hist(0, 2, 4, 2));
        // axis [−1, 3] in 4 rows: centres 2.5 (beyond), 1.5 (bin 1's centre), 0.5 (bin 0's centre), −0.5 (beyond)
        float[] out = new float[4 * 4];
        new HeatGrid().fill(d, 0, 4, -1, 3, 4, 4, out);
        assertEquals(0f, at(out, 4, 2, 0), 1e-6);
        assertEquals((float) Math.sqrt(0.5), at(out, 4, 2, 1), 1e-6);
        assertEquals(1f, at(out, 4, 2, 2), 1e-6);
        assertEquals(0f, at(out, 4, 2, 3), 1e-6);
        // 8 rows over [0, 2]: row 3's centre 1.125 lies between the bin centres 0.5 and 1.5 (f = 0.625)
        float[] fine = new float[4 * 8];
        new HeatGrid().fill(d, 0, 4, 0, 2, 4, 8, fine);
        assertEquals((float) Math.sqrt((0.375 * 4 + 0.625 * 2) / 4), at(fine, 8, 2, 3), 1e-6);
    }

    @Test
    void columnsFarFromAnyMeasurementInterpolateInTimeAndNothingIsDrawnAfterTheLast() {
        // two histograms, at steps 0 and 100, with the mass in the lower or the upper bin
        Decimated<TapStats> d = new Decimated<>(History.CAPACITY);
        d.add(0, hist(0, 2, 1, 0));
        d.add(100, hist(0, 2, 0, 1));
        float[] out = new float[20 * 2];
        new HeatGrid().fill(d, 0, 200, 0, 2, 20, 2, out); // columns 10 steps wide
        // column 5 (steps 50–60, centre 55) is more than two columns from both: 45% lower, 55% upper
        assertEquals(0.55f, at(out, 2, 5, 0), 1e-5, "upper row");
        assertEquals(0.45f, at(out, 2, 5, 1), 1e-5, "lower row");
        // column 0 holds the first histogram (the second is too far): mass in the lower row only
        assertEquals(0f, at(out, 2, 0, 0), 1e-6);
        assertEquals(1f, at(out, 2, 0, 1), 1e-6);
        for (int c = 11; c < 20; c++) assertEquals(0f, at(out, 2, c, 0) + at(out, 2, c, 1), "after step 100");
    }

    @Test
    void theNewestHistogramCountsEvenWhenItWasNotKeptAndAChangedValueAxisRedrawsTheColumns() {
        Decimated<TapStats> d = new Decimated<>(4); // keeps 4, then every 2nd: step 6 is offered but not kept
        for (long s = 1; s <= 5; s++) d.add(s, hist(0, 2, 1, 0));
        d.add(6, hist(0, 2, 0, 1));
        HeatGrid g = new HeatGrid();
        float[] out = new float[6 * 2];
        g.fill(d, 0, 6, 0, 2, 6, 2, out);
        // the last column (steps 5–6) averages the points within two columns: steps 3, 5 (kept) and 6 (newest)
        assertEquals(1f / 3, at(out, 2, 5, 0), 1e-6, "upper row: step 6's share");
        assertEquals((float) (2 / 3.0), at(out, 2, 5, 1), 1e-6);
        g.fill(d, 0, 6, 0, 4, 6, 2, out); // axis [0, 4]: row centres 3 (beyond the bins) and 1 (between)
        assertEquals(0f, at(out, 2, 5, 0), 1e-6);
        assertEquals((float) Math.sqrt(0.5), at(out, 2, 5, 1), 1e-6);
    }
}
