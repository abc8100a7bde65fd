package org.shiftscope.export;

import java.util.Locale;

/** Number formatting for CSV/JSON output: locale-free, 6 significant digits, the same text for the same double. */
public final class Fmt {
    private Fmt() {}

    /** 6 significant digits without trailing zeros; "NaN", "Infinity", "-Infinity" for the specials. */
    public static String num(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        if (v == 0) return "0";
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
