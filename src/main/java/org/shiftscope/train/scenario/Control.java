package org.shiftscope.train.scenario;

/**
 * How the control panel shows a setting. The engine ignores it; the panel builds its control from it, and a
 * value moved on that control is rounded to its step ({@link Setting#round}).
 *
 * @param kind         which control
 * @param scale        how a slider's position maps to the value
 * @param lo           a slider's lowest value
 * @param hi           a slider's highest value
 * @param digits       decimals (linear slider) or significant digits (logarithmic slider) shown and kept
 * @param topMeansZero a slider whose right end means 0, shown as "max" (the speed cap: 0 = no cap)
 */
public record Control(Kind kind, Scale scale, double lo, double hi, int digits, boolean topMeansZero) {
    /** the control types the panel can build */
    public enum Kind {
        /** a slider with a value field that can be typed into */
        SLIDER,
        /** a check box */
        CHECK,
        /** one toggle button per choice */
        TOGGLES,
        /** a drop-down list */
        CHOICE,
        /** a text field applied with Enter */
        TEXT,
        /** hidden layers: a depth spinner and a width spinner */
        LAYERS
    }

    /** slider position ↔ value */
    public enum Scale {
        LINEAR, LOG10, LOG2
    }

    public static Control slider(double lo, double hi, int decimals) {
        return new Control(Kind.SLIDER, Scale.LINEAR, lo, hi, decimals, false);
    }

    public static Control logSlider(double lo, double hi, int significant) {
        return new Control(Kind.SLIDER, Scale.LOG10, lo, hi, significant, false);
    }

    /** a slider over powers of two, its value a whole number */
    public static Control log2Slider(double lo, double hi) {
        return new Control(Kind.SLIDER, Scale.LOG2, lo, hi, 0, false);
    }

    /** a logarithmic slider whose right end means 0 ("max") */
    public static Control capSlider(double lo, double hi) {
        return new Control(Kind.SLIDER, Scale.LOG10, lo, hi, 2, true);
    }

    public static Control of(Kind kind) {
        return new Control(kind, Scale.LINEAR, 0, 0, 0, false);
    }

    /** the slider position of a value */
    public double position(double value) {
        if (topMeansZero && value <= 0) return position(hi);
        double v = Math.max(lo, Math.min(hi, value));
        return switch (scale) {
            case LINEAR -> v;
            case LOG10 -> Math.log10(v);
            case LOG2 -> Math.log(v) / Math.log(2);
        };
    }

    /** the value at a slider position (before rounding) */
    public double value(double position) {
        if (topMeansZero && position >= position(hi) - 1e-9) return 0;
        return switch (scale) {
            case LINEAR -> position;
            case LOG10 -> Math.pow(10, position);
            case LOG2 -> Math.pow(2, position);
        };
    }

    /** lowest slider position */
    public double minPosition() {
        return position(lo);
    }

    /** highest slider position */
    public double maxPosition() {
        return position(hi);
    }
}
