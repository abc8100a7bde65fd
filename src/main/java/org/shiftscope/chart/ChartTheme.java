package org.shiftscope.chart;

import org.shiftscope.stats.History;

import javafx.scene.paint.Color;

/**
 * Colours of a chart.
 *
 * @param background plot background
 * @param axis       axis lines and ticks
 * @param grid       grid lines
 * @param text       labels and titles
 * @param muted      secondary text (hints, step counters)
 */
public record ChartTheme(Color background, Color axis, Color grid, Color text, Color muted) {
    public static final ChartTheme LIGHT = new ChartTheme(Color.WHITE, Color.web("#444"), Color.web("#e6e6e6"),
            Color.web("#222"), Color.web("#777"));
    public static final ChartTheme DARK = new ChartTheme(Color.web("#1b1d22"), Color.web("#bbb"), Color.web("#33363d"),
            Color.web("#eee"), Color.web("#999"));

    /** The colour of a run, as its history says (its variant's: bn blue, plain orange, …). */
    public static Color runColor(History h, String run) {
        String c = h.color(run);
        Color made = CACHE.get(c);
        if (made == null) {
            made = Color.web(c);
            CACHE.put(c, made);
        }
        return made;
    }

    /** parsed colours, so a frame parses none (FX thread only) */
    private static final java.util.Map<String, Color> CACHE = new java.util.HashMap<>();

}
