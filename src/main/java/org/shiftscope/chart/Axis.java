package org.shiftscope.chart;

/**
 * A numeric axis range that only grows while data arrive (so charts never jitter) and shrinks only on
 * {@link #reset()}; with "nice" ticks at 1, 2 or 5 × 10^k.
 */
public final class Axis {
    /** current range */
    private double lo = Double.NaN, hi = Double.NaN;

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
        double step = niceStep((nhi - nlo) / 10);
        lo = Math.floor(nlo / step) * step;
        hi = Math.ceil(nhi / step) * step;
    }

    /** Sets a fixed range (e.g. accuracy 0..1). */
    public void set(double a, double b) {
        lo = a;
        hi = b;
    }

    public void reset() {
        lo = hi = Double.NaN;
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

    /** Ticks inside the range at a nice step giving about {@code target} ticks. */
    public double[] ticks(int target) {
        if (isEmpty()) return new double[0];
        double step = niceStep((hi - lo) / Math.max(1, target));
        double first = Math.ceil(lo / step - 1e-9) * step;
        int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
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

    private static double clean(double v, double step) {
        return Math.abs(v) < step * 1e-9 ? 0 : v;
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
