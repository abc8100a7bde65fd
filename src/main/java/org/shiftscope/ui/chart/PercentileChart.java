package org.shiftscope.ui.chart;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.shiftscope.stats.TapStats;
import org.shiftscope.ui.model.Decimated;
import org.shiftscope.ui.model.History;

/** The 15th, 50th and 85th percentiles over training steps, as in Figure 1 (b, c) of the BN paper. */
public final class PercentileChart extends LayerChart {

    public PercentileChart(History history) {
        super(history, "Percentiles 15/50/85", "percentiles",
                "The middle line is the median value, the band holds the middle 70% of values (15th to 85th "
                        + "percentile). This is Figure 1 of the BatchNorm paper: with BN the band stays put, "
                        + "without it the band drifts as the earlier layers change.");
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        List<String> runs = runsWithData();
        for (String r : runs) {
            Decimated<TapStats> d = series(r);
            for (int i = 0; i < d.size(); i++) y.include(d.get(i).p15(), d.get(i).p85());
            x.include(0, Math.max(10, d.lastStep()));
        }
        axes(g, x, y, "step");
        if (runs.isEmpty()) {
            empty(g, emptyText());
            return;
        }
        for (String r : runs) {
            Decimated<TapStats> d = series(r);
            Color c = ChartTheme.runColor(r);
            Bands.band(this, g, d, x, y, c, TapStats::p15, TapStats::p85, 0.25);
            Bands.line(this, g, d, x, y, c.deriveColor(0, 1, 1, 0.6), TapStats::p15, lineWidth() * 0.5, false);
            Bands.line(this, g, d, x, y, c.deriveColor(0, 1, 1, 0.6), TapStats::p85, lineWidth() * 0.5, false);
            Bands.line(this, g, d, x, y, c, TapStats::p50, lineWidth(), false);
        }
        runLegend(g, runs);
    }
}
