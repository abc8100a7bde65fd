package org.shiftscope.chart;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The range of steps every time chart shows, shared by them all so they zoom together: either "follow the run"
 * (the default: each chart shows step 0 to the newest step) or a fixed window of steps that the charts keep while
 * they go on updating. Scroll and drag on a time chart set it; a double-click (or Escape, 0) goes back to
 * following. FX thread only.
 */
public final class TimeRange {
    /** A window of steps, lo &lt; hi. */
    public record Window(double lo, double hi) { }

    /** the narrowest window, in steps */
    static final double MIN_WIDTH = 4;

    /** the window, or null while following the run */
    private final ReadOnlyObjectWrapper<Window> window = new ReadOnlyObjectWrapper<>();

    /** the window shown, or null while following the run; observable */
    public ReadOnlyObjectProperty<Window> windowProperty() {
        return window.getReadOnlyProperty();
    }

    public Window window() {
        return window.get();
    }

    public boolean following() {
        return window.get() == null;
    }

    /** Shows the steps from lo to hi (either order; never before step 0, at least {@link #MIN_WIDTH} wide). */
    public void zoom(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) return;
        double a = Math.max(0, Math.min(lo, hi)), b = Math.max(lo, hi);
        if (b - a < MIN_WIDTH) {
            double c = (a + b) / 2;
            a = Math.max(0, c - MIN_WIDTH / 2);
            b = a + MIN_WIDTH;
        }
        window.set(new Window(a, b));
    }

    /**
     * Zooms about a step by a factor of the range shown now (below 1 zooms in); a window that would reach back
     * before step 0 and past {@code newest} follows the run again.
     */
    public void zoomAbout(double step, double factor, double shownLo, double shownHi, double newest) {
        double lo = step - (step - shownLo) * factor, hi = step + (shownHi - step) * factor;
        if (factor > 1 && lo <= 0 && hi >= newest) {
            follow();
            return;
        }
        if (lo < 0) {
            hi -= lo;
            lo = 0;
        }
        zoom(lo, hi);
    }

    /** Goes back to following the run. */
    public void follow() {
        window.set(null);
    }
}
