package org.shiftscope.chart;

import org.shiftscope.stats.RunRole;

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

    /** The colour of a run: BN twin blue, plain twin orange, a single run blue. */
    public static Color runColor(String run) {
        return RunRole.of(run) == RunRole.PLAIN ? Color.web("#e8710a") : Color.web("#1967d2");
    }

}
