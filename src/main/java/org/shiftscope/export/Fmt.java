package org.shiftscope.export;

import java.util.Locale;

/** Number formatting for CSV/JSON output: locale-free, 6 significant digits, the same text for the same double. */
public final class Fmt {
    private Fmt() {}

    /** powers of ten up to 10^9 */
    private static final long[] POW10 = {1L, 10L, 100L, 1000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};

    /** 6 significant digits without trailing zeros; "NaN", "Infinity", "-Infinity" for the specials. */
    public static String num(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e9) {
            // fast path (millions of CSV cells): round to 6 significant digits with integer arithmetic
            int e = (int) Math.floor(Math.log10(a));
            int decimals = Math.max(0, Math.min(9, 5 - e));
            long scaled = Math.round(a * POW10[decimals]);
            StringBuilder b = new StringBuilder(16);
            if (v < 0) b.append('-');
            b.append(scaled / POW10[decimals]);
            long frac = scaled % POW10[decimals];
            if (frac != 0) {
                String f = Long.toString(frac);
                b.append('.');
                for (int i = f.length(); i < decimals; i++) b.append('0');
                int end = f.length();
                while (f.charAt(end - 1) == '0') end--;
                b.append(f, 0, end);
            }
            return b.toString();
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mant = e < 0 ? s : s.substring(0, e);
        String exp = e < 0 ? "" : s.substring(e);
        if (mant.indexOf('.') >= 0) {
            int end = mant.length();
            while (mant.charAt(end - 1) == '0') end--;
            if (mant.charAt(end - 1) == '.') end--;
            mant = mant.substring(0, end);
        }
        return mant + exp;
    }

    /** like {@link #num} but empty for NaN (a value that was not measured) */
    public static String optional(double v) {
        return Double.isNaN(v) ? "" : num(v);
    }
}
