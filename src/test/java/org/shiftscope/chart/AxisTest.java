package org.shiftscope.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Axis ranges that only grow, snapped to nice steps; tick choice at 1, 2 or 5 × 10^k; tick labels. */
class AxisTest {

    @Test
    void niceStepIsTheSmallestOneTwoOrFiveTimesAPowerOfTenThatIsAtLeastTheRawStep() {
        double[][] rawNice = {{1, 1}, {1.01, 2}, {2, 2}, {2.01, 5}, {5, 5}, {5.01, 10}, {7, 10}, {10, 10},
            {0.3, 0.5}, {0.2, 0.2}, {0.7, 1}, {12, 20}, {4.2e-4, 5e-4}, {3e6, 5e6}, {0.011, 0.02}};
        for (double[] rn : rawNice) assertEquals(rn[1], Axis.niceStep(rn[0]), rn[1] * 1e-12, "raw " + rn[0]);
        assertEquals(1, Axis.niceStep(0));
        assertEquals(1, Axis.niceStep(-3));
        assertEquals(1, Axis.niceStep(Double.NaN));
    }

    @Test
    void niceStepOverManyDecadesIsNiceAndBetweenOneAndTwoAndAHalfRawSteps() {
        Random r = new Random(4);
        for (int i = 0; i < 10_000; i++) {
            double raw = Math.pow(10, -8 + 16 * r.nextDouble());
            double step = Axis.niceStep(raw);
            assertTrue(step >= raw && step < 2.5 * raw, raw + " → " + step);
            double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
            assertTrue(Math.abs(mantissa - 1) < 1e-9 || Math.abs(mantissa - 2) < 1e-9 || Math.abs(mantissa - 5) < 1e-9,
                    raw + " → " + step);
        }
    }

    @Test
    void includeSnapsTheRangeOutwardToTheStep() {
        Axis a = new Axis();
        assertTrue(a.isEmpty());
        a.include(0, 1);
        assertFalse(a.isEmpty());
        assertEquals(0, a.lo(), 1e-15);
        assertEquals(1, a.hi(), 1e-15);
        Axis b = new Axis();
        b.include(0.13, 0.87); // step 0.1
        assertEquals(0.1, b.lo(), 1e-12);
        assertEquals(0.9, b.hi(), 1e-12);
        Axis c = new Axis();
        c.include(-37, 512); // step 100
        assertEquals(-100, c.lo(), 1e-9);
        assertEquals(600, c.hi(), 1e-9);
    }

    @Test
    void theRangeOnlyGrowsUntilReset() {
        Axis a = new Axis();
        a.include(0.13, 0.87);
        a.include(0.3, 0.5); // inside: nothing changes
        assertEquals(0.1, a.lo(), 1e-12);
        assertEquals(0.9, a.hi(), 1e-12);
        a.include(-3, 0.2); // wider: both the new low and the old high are kept, snapped to step 0.5
        assertEquals(-3, a.lo(), 1e-12);
        assertEquals(1, a.hi(), 1e-12);
        a.include(5, 5);
        assertEquals(-3, a.lo(), 1e-12);
        assertEquals(5, a.hi(), 1e-12);
        a.reset();
        assertTrue(a.isEmpty());
        assertTrue(Double.isNaN(a.lo()) && Double.isNaN(a.hi()));
        a.include(2, 3);
        assertEquals(2, a.lo(), 1e-12);
        assertEquals(3, a.hi(), 1e-12);
    }

    @Test
    void aSingleValueGetsARangeAroundIt() {
        Axis a = new Axis();
        a.include(5, 5); // ±0.5 at least
        assertEquals(4.5, a.lo(), 1e-12);
        assertEquals(5.5, a.hi(), 1e-12);
        Axis b = new Axis();
        b.include(100, 100); // ±10%
        assertEquals(90, b.lo(), 1e-9);
        assertEquals(110, b.hi(), 1e-9);
        Axis c = new Axis();
        c.include(-100, -100);
        assertEquals(-110, c.lo(), 1e-9);
        assertEquals(-90, c.hi(), 1e-9);
    }

    @Test
    void nonFiniteValuesAreIgnored() {
        Axis a = new Axis();
        a.include(Double.NaN, 1);
        a.include(0, Double.POSITIVE_INFINITY);
        a.include(Double.NEGATIVE_INFINITY, 0);
        assertTrue(a.isEmpty());
        a.include(0, 1);
        a.include(Double.NaN, 50);
        assertEquals(1, a.hi(), 1e-15);
    }

    @Test
    void aFixedRangeAndFractions() {
        Axis a = new Axis();
        a.set(0, 1);
        assertEquals(0, a.lo());
        assertEquals(1, a.hi());
        assertEquals(0.25, a.fraction(0.25), 1e-15);
        a.set(-2, 6);
        assertEquals(0, a.fraction(-2), 1e-15);
        assertEquals(1, a.fraction(6), 1e-15);
        assertEquals(0.75, a.fraction(4), 1e-15);
        assertEquals(-0.25, a.fraction(-4), 1e-15);
        a.include(0, 1); // inside a fixed range: kept
        assertEquals(-2, a.lo());
        assertEquals(6, a.hi());
    }

    @Test
    void ticksKnownValues() {
        Axis a = new Axis();
        assertEquals(0, a.ticks(5).length, "an empty axis has no ticks");
        a.set(0, 1);
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, a.ticks(5), 1e-12);
        assertArrayEquals(new double[] {0, 0.5, 1.0}, a.ticks(2), 1e-12);
        assertArrayEquals(new double[] {0, 1.0}, a.ticks(1), 1e-12);
        assertArrayEquals(new double[] {0, 1.0}, a.ticks(0), 1e-12, "a target below 1 counts as 1");
        a.set(-1, 1);
        double[] t = a.ticks(10);
        assertArrayEquals(new double[] {-1, -0.8, -0.6, -0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8, 1}, t, 1e-12);
        assertEquals(0.0, t[5], 0.0, "the zero tick is exactly zero, not a rounding error");
        a.set(0.13, 0.87); // a range not on the grid: ticks only inside it
        assertArrayEquals(new double[] {0.2, 0.4, 0.6, 0.8}, a.ticks(4), 1e-12);
        a.set(0, 18355);
        assertArrayEquals(new double[] {0, 5000, 10000, 15000}, a.ticks(4), 1e-9);
        a.set(0.11, 0.14); // step 0.05: no multiple of it inside
        assertEquals(0, a.ticks(1).length);
    }

    @Test
    void ticksAreEvenlySpacedNiceMultiplesInsideTheRangeAndAboutAsManyAsAskedFor() {
        Random r = new Random(7);
        for (int i = 0; i < 5000; i++) {
            double scale = Math.pow(10, -6 + 12 * r.nextDouble());
            double lo = (r.nextDouble() * 2 - 1) * scale, hi = lo + scale * (0.01 + r.nextDouble());
            int target = 2 + r.nextInt(12);
            Axis a = new Axis();
            a.set(lo, hi);
            double[] t = a.ticks(target);
            String what = "[" + lo + ", " + hi + "] target " + target;
            assertTrue(t.length <= target + 1, what + ": " + t.length + " ticks");
            assertTrue(t.length >= (int) (target / 2.5), what + ": " + t.length + " ticks");
            double step = Axis.niceStep((hi - lo) / target), eps = step * 1e-9;
            for (int k = 0; k < t.length; k++) {
                assertTrue(t[k] >= lo - eps && t[k] <= hi + eps, what + ": tick " + t[k]);
                assertEquals(Math.round(t[k] / step) * step, t[k], eps, what + ": a multiple of " + step);
                if (k > 0) assertEquals(step, t[k] - t[k - 1], eps, what);
            }
            if (t.length > 0) {
                assertTrue(t[0] - step < lo - eps, what + ": no tick left out below");
                assertTrue(t[t.length - 1] + step > hi + eps, what + ": no tick left out above");
            }
        }
    }

    /** the bug seen on histogram axes: −0.6 … 0.6 asked for 2 ticks gave only "0" */
    @Test
    void aValueAxisShowsAtLeastThreeTicks() {
        Axis a = new Axis();
        a.set(-0.6, 0.6);
        assertArrayEquals(new double[] {0}, a.ticks(2), 1e-12, "the old behaviour, still the default");
        a.minTicks(3);
        assertArrayEquals(new double[] {-0.5, 0, 0.5}, a.ticks(2), 1e-12);
        a.set(0.11, 0.14);
        assertArrayEquals(new double[] {0.11, 0.12, 0.13, 0.14}, a.ticks(1), 1e-12);
        a.set(0, 1);
        assertArrayEquals(new double[] {0, 0.5, 1.0}, a.ticks(1), 1e-12);
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, a.ticks(5), 1e-12, "more when asked");
        Random r = new Random(3);
        for (int i = 0; i < 2000; i++) {
            double scale = Math.pow(10, -4 + 8 * r.nextDouble());
            double lo = (r.nextDouble() * 2 - 1) * scale, hi = lo + scale * (0.01 + r.nextDouble());
            a.set(lo, hi);
            assertTrue(a.ticks(1 + r.nextInt(3)).length >= 3, "[" + lo + ", " + hi + "]");
        }
        assertEquals(0.5, Axis.finer(1), 1e-15);
        assertEquals(2, Axis.finer(5), 1e-15);
        assertEquals(1, Axis.finer(2), 1e-15);
        assertEquals(0.2, Axis.finer(0.5), 1e-15);
    }

    @Test
    void anAxisOfDecadesHasWholeEndsAndTicksLabelledAsPowersOfTen() {
        Axis a = new Axis().minTicks(3).decades(true);
        assertTrue(a.decades());
        a.include(-5.37, -2.21); // log₁₀|g| of gradients from 4.3e-6 to 6.2e-3
        assertEquals(-6, a.lo());
        assertEquals(-2, a.hi());
        assertArrayEquals(new double[] {-6, -5, -4, -3, -2}, a.ticks(5));
        assertArrayEquals(new double[] {-6, -4, -2}, a.ticks(2), "a coarser whole step");
        a.reset();
        a.include(-3.4, -3.1); // less than a decade: still two whole ends, never a tick between whole numbers
        assertArrayEquals(new double[] {-4, -3}, a.ticks(8), "at least 1 apart, even if minTicks asks for more");
        a.include(-12.2, 0.4);
        for (double t : a.ticks(4)) assertEquals(Math.rint(t), t, "whole: " + t);
        assertEquals("10⁻⁶", a.tickLabel(-6));
        assertEquals("10⁻¹²", a.tickLabel(-12));
        assertEquals("10⁰", a.tickLabel(0));
        assertEquals("10³", a.tickLabel(3));
        assertEquals("10⁻¹⁰", Axis.power(-10.0000001));
        Axis plain = new Axis();
        plain.include(-5.37, -2.21);
        assertEquals("-4", plain.tickLabel(-4), "an ordinary axis labels numbers");
        assertEquals(Axis.label(0.001), plain.tickLabel(0.001));
        a.decades(false);
        assertTrue(a.isEmpty(), "switching forgets the range");
        a.include(-0.6, 0.6);
        assertTrue(a.ticks(12)[1] - a.ticks(12)[0] < 1, "fractional steps again");
    }

    @Test
    void followWidensAtOnce() {
        Axis a = new Axis();
        a.follow(-1, 1, 1);
        assertEquals(-1, a.lo(), 1e-12);
        assertEquals(1, a.hi(), 1e-12);
        a.follow(-1, 3.3, 2); // wider: at once, snapped to the step (0.5 for a span of 4.3)
        assertEquals(-1, a.lo(), 1e-12);
        assertEquals(3.5, a.hi(), 1e-12);
        a.follow(-0.9, 3, 3); // narrower but not by half: no change, ever
        for (int s = 4; s < 200; s++) a.follow(-0.9, 3, s);
        assertEquals(-1, a.lo(), 1e-12);
        assertEquals(3.5, a.hi(), 1e-12);
    }

    @Test
    void followShrinksOnlyAfterPatienceUpdatesToTheirUnion() {
        Axis a = new Axis();
        a.follow(-20, 20, 0); // one outlier's step
        long step = 1;
        for (int i = 0; i < Axis.PATIENCE - 1; i++, step++) {
            a.follow(i % 2 == 0 ? -2 : -1.5, i % 2 == 0 ? 1.5 : 2.2, step);
            assertEquals(-20, a.lo(), 1e-12, "still waiting after " + (i + 1) + " updates");
            // a redraw without new data (same step) does not count
            a.follow(-2, 2, step);
        }
        assertEquals(20, a.hi(), 1e-12);
        a.follow(-1.9, 2.0, step);
        // the union of the narrower updates is −2 … 2.2; snapped outward to 0.5 (span 4.2 / 10 → 0.5)
        assertEquals(-2, a.lo(), 1e-12);
        assertEquals(2.5, a.hi(), 1e-12);
        a.follow(-2, 2.2, step + 1);
        assertEquals(2.5, a.hi(), 1e-12, "the data now fill the range: it stays");
    }

    @Test
    void aWiderUpdateRestartsThePatience() {
        Axis a = new Axis();
        a.follow(-10, 10, 0);
        for (int i = 1; i < Axis.PATIENCE; i++) a.follow(-1, 1, i);
        a.follow(-6, 6, Axis.PATIENCE); // not narrower by half: the count starts again
        for (int i = 1; i < Axis.PATIENCE; i++) a.follow(-1, 1, Axis.PATIENCE + i);
        assertEquals(-10, a.lo(), 1e-12);
        a.follow(-1, 1, 2L * Axis.PATIENCE);
        assertEquals(-1, a.lo(), 1e-12);
        assertEquals(1, a.hi(), 1e-12);
        a.reset();
        assertTrue(a.isEmpty());
        a.follow(Double.NaN, 1, 1);
        assertTrue(a.isEmpty(), "non-finite values are ignored");
    }

    @Test
    void neverMoreThanFiftyTicks() {
        Axis a = new Axis();
        a.set(0, 1000);
        assertEquals(50, a.ticks(100_000).length);
        assertEquals(0, a.ticks(100_000)[0]);
    }

    @Test
    void labelsKnownValues() {
        assertEquals("0", Axis.label(0));
        assertEquals("0", Axis.label(-0.0));
        assertEquals("0.5", Axis.label(0.5));
        assertEquals("0.125", Axis.label(0.125));
        assertEquals("0.123", Axis.label(0.123456));
        assertEquals("0.01", Axis.label(0.01));
        assertEquals("-2.5", Axis.label(-2.5));
        assertEquals("12.5", Axis.label(12.5));
        assertEquals("100", Axis.label(100));
        assertEquals("999", Axis.label(999));
        assertEquals("1k", Axis.label(1000));
        assertEquals("1.5k", Axis.label(1500));
        assertEquals("-1.5k", Axis.label(-1500));
        assertEquals("12.3k", Axis.label(12345));
        assertEquals("15k", Axis.label(15000));
        assertEquals("2M", Axis.label(2_000_000));
        assertEquals("5e-04", Axis.label(0.0005));
        assertEquals("1e-03", Axis.label(0.001));
    }

    static String[] labels(double lo, double hi, int target) {
        Axis a = new Axis();
        a.include(lo, hi);
        double[] t = a.ticks(target);
        String[] l = new String[t.length];
        for (int i = 0; i < t.length; i++) l[i] = Axis.label(t[i]);
        return l;
    }

    @Test
    void ticksBelowOneHundredthKeepTheirDigitsSoNeighboursDiffer() {
        // a tap of values ~1e-3 (small initial weights): the labels were 0 5e-04 1e-03 2e-03 2e-03
        assertArrayEquals(new String[] {"0", "5e-04", "1e-03", "1.5e-03", "2e-03"}, labels(0, 0.002, 5));
        assertArrayEquals(new String[] {"0", "5e-04", "1e-03", "1.5e-03", "2e-03", "2.5e-03", "3e-03", "3.5e-03",
            "4e-03"}, labels(0, 0.0036, 8));
        assertEquals("-1.25e-03", Axis.label(-0.00125));
    }

    @Test
    void valuesThatRoundUpToTheNextUnitUseIt() {
        // 3 significant digits of 999.8 are 1000: "1k", not "1.00e+03"; 999 999 is "1M", not "1.00e+03k"
        assertEquals("1k", Axis.label(999.8));
        assertEquals("1M", Axis.label(999_999));
        assertEquals("0.01", Axis.label(0.0099996));
    }

    @Test
    void hugeValuesReadInScientificNotation() {
        // a diverging run's activations reach 1e10 and beyond before they overflow: was "2.50e+04M"
        assertEquals("2.5e+10", Axis.label(2.5e10));
        assertEquals("1e+09", Axis.label(1e9));
        assertEquals("999M", Axis.label(999e6));
        assertArrayEquals(new String[] {"0", "5e+09", "1e+10", "1.5e+10", "2e+10", "2.5e+10"}, labels(0, 2.5e10, 5));
    }
}
