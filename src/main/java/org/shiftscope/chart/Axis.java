package org.shiftscope.chart;

/**
 * A numeric axis range that only grows while data arrive (so charts never jitter) and shrinks only on
 * {@link #reset()} — or, for ranges that {@link #follow} data moving over time, slowly; with "nice" ticks at 1, 2
 * or 5 × 10^k. An axis of log₁₀ values ({@link #decades}) has its ends and ticks at whole numbers, labelled as
 * powers of ten (10⁻⁶, 10⁻⁴ …).
 */
public final class Axis {
    /** updates in a row in which the data use less than {@link #NARROW} of the span before {@link #follow} shrinks */
    public static final int PATIENCE = 45;
    /** share of the span below which {@link #follow} counts the data as narrower */
    public static final double NARROW = 0.5;

    /** current range */
    private double lo = Double.NaN, hi = Double.NaN;
    /** fewest ticks {@link #ticks} gives (0: as many as the target step gives) */
    private int minTicks;
    /** whether the values are log₁₀ of what they stand for: ends and ticks at whole numbers, labels 10ⁿ */
    private boolean decades;
    /** {@link #follow}: updates in a row with narrower data, the union of their ranges, the last update's stamp */
    private int narrower;
    private double seenLo = Double.NaN, seenHi = Double.NaN;
    private long lastStamp = Long.MIN_VALUE;

    /** Widens the range to include [a, b] (non-finite values are ignored), snapped to nice tick steps. */
    public void include(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) return;
        double nlo = Double.isNaN(lo) ? a : Math.min(lo, a), nhi = Double.isNaN(hi) ? b : Math.max(hi, b);
        if (nhi - nlo < 1e-12) {
            double pad = Math.max(Math.abs(nlo) * 0.1, 0.5);
            nlo -= pad;
            nhi += pad;
        }
        if (!Double.isNaN(lo) && nlo >= lo && nhi <= hi) return;
        double step = whole(niceStep((nhi - nlo) / 10));
        lo = Math.floor(nlo / step) * step;
        hi = Math.ceil(nhi / step) * step;
    }

    /**
     * Follows data whose range moves over time, without jitter: widens at once to include [a, b] (like
     * {@link #include}); shrinks only once the data have used less than {@link #NARROW} of the span for
     * {@link #PATIENCE} updates in a row, and then to the union of those updates' ranges. Calls with the same
     * {@code stamp} (e.g. the step: a redraw without new data) count as one update.
     */
    public void follow(double a, double b, long stamp) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) return;
        boolean fresh = stamp != lastStamp;
        lastStamp = stamp;
        if (isEmpty() || a < lo || b > hi) {
            include(a, b);
            narrower = 0;
            seenLo = seenHi = Double.NaN;
            return;
        }
        if (!(b - a < NARROW * (hi - lo))) {
            narrower = 0;
            seenLo = seenHi = Double.NaN;
            return;
        }
        seenLo = Double.isNaN(seenLo) ? a : Math.min(seenLo, a);
        seenHi = Double.isNaN(seenHi) ? b : Math.max(seenHi, b);
        if (fresh && ++narrower >= PATIENCE) {
            double l = seenLo, h = seenHi;
            reset();
            include(l, h);
        }
    }

    /** Makes {@link #ticks} give at least {@code n} ticks (finer steps if need be), e.g. 3 for a value axis. */
    public Axis minTicks(int n) {
        minTicks = n;
        return this;
    }

    /**
     * Makes the axis one of log₁₀ values (or not): its ends and ticks then lie at whole numbers and
     * {@link #tickLabel} writes them as powers of ten. Forgets the range.
     */
    public Axis decades(boolean on) {
        decades = on;
        reset();
        return this;
    }

    /** whether the values are log₁₀ of what they stand for (see {@link #decades(boolean)}) */
    public boolean decades() {
        return decades;
    }

    /** a tick step, at least 1 on an axis of {@link #decades} (nice steps from 1 on are whole numbers) */
    private double whole(double step) {
        return decades ? Math.max(1, step) : step;
    }

    /** Sets a fixed range (e.g. accuracy 0..1). */
    public void set(double a, double b) {
        lo = a;
        hi = b;
    }

    public void reset() {
        lo = hi = Double.NaN;
        narrower = 0;
        seenLo = seenHi = Double.NaN;
        lastStamp = Long.MIN_VALUE;
    }

    public boolean isEmpty() {
        return Double.isNaN(lo);
    }

    public double lo() {
        return lo;
    }

    public double hi() {
        return hi;
    }

    /** Maps a value to [0, 1] across the range. */
    public double fraction(double v) {
        return (v - lo) / (hi - lo);
    }

    /**
     * Ticks inside the range at a nice step giving about {@code target} ticks, and at least {@link #minTicks}
     * (the next finer nice step until there are: a range of −0.6 … 0.6 asked for 2 ticks has only 0 at step 1).
     */
    public double[] ticks(int target) {
        if (isEmpty()) return new double[0];
        double step = whole(niceStep((hi - lo) / Math.max(1, target)));
        double first = Math.ceil(lo / step - 1e-9) * step;
        int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        for (int guard = 0; n < minTicks && guard < 60 && whole(finer(step)) < step; guard++) {
            step = whole(finer(step));
            first = Math.ceil(lo / step - 1e-9) * step;
            n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        }
        double[] t = new double[Math.max(0, Math.min(n, 50))];
        for (int i = 0; i < t.length; i++) t[i] = clean(first + i * step, step);
        return t;
    }

    /** 1, 2 or 5 × 10^k, at least {@code raw} */
    public static double niceStep(double raw) {
        if (!(raw > 0)) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

    /** the next nice step below: 10 → 5 → 2 → 1 → 0.5 … */
    static double finer(double step) {
        double p = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        double f = step / p;
        return f > 4.5 ? 2 * p : f > 1.5 ? p : 0.5 * p;
    }

    private static double clean(double v, double step) {
        return Math.abs(v) < step * 1e-9 ? 0 : v;
    }

    /** a tick's label: a power of ten on an axis of {@link #decades}, else {@link #label} */
    public String tickLabel(double v) {
        return decades ? power(v) : label(v);
    }

    /** superscript digits 0–9 */
    private static final String SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** 10 to a whole power, with superscript digits: −6 → "10⁻⁶", 0 → "10⁰" (the exponent is rounded) */
    public static String power(double exponent) {
        long e = Math.round(exponent);
        StringBuilder b = new StringBuilder("10");
        if (e < 0) b.append('⁻');
        for (char c : Long.toString(Math.abs(e)).toCharArray()) b.append(SUPERSCRIPT.charAt(c - '0'));
        return b.toString();
    }

    /**
     * A short label: up to 3 significant digits, k/M suffixes for big step counts, scientific notation below
     * 0.01 and from 10^9 on.
     */
    public static String label(double v) {
        // round to the digits shown first, so 999.8 is "1k" (not "1.00e+03") and 999 999 is "1M"
        if (Double.isFinite(v)) v = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v));
        double a = Math.abs(v);
        if (a == 0) return "0";
        if (a >= 1e9 || a < 0.01) return scientific(v);
        if (a >= 1e6) return trim(v / 1e6) + "M";
        if (a >= 1e3) return trim(v / 1e3) + "k";
        return trim(v);
    }

    /** 3 significant digits without trailing zeros: 1.5e-03, 5e-04, 2.5e+10 */
    private static String scientific(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.2e", v);
        int e = s.indexOf('e');
        return e < 0 ? s : s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "") + s.substring(e);
    }

    private static String trim(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.3g", v);
        if (s.contains(".") && !s.contains("e")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }
}
