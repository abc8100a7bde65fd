package org.shiftscope.ui.chart;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.shiftscope.stats.TapStats;
import org.shiftscope.ui.model.Decimated;
import org.shiftscope.ui.model.History;

/** Mean ± one standard deviation of a layer's tap over training steps. */
public final class MomentsChart extends LayerChart {

    public MomentsChart(History history) {
        super(history, "Mean ± std", "moments",
                "The line is the average value at this point of the layer, the shaded band one standard "
                        + "deviation either side, step by step. Without BatchNorm they wander while the layers "
                        + "below learn: that drift is internal covariate shift.");
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        List<String> runs = runsWithData();
        for (String r : runs) {
            Decimated<TapStats> d = series(r);
            for (int i = 0; i < d.size(); i++) {
                TapStats t = d.get(i);
                y.include(t.mean() - t.std(), t.mean() + t.std());
            }
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
            Bands.band(this, g, d, x, y, c, t -> t.mean() - t.std(), t -> t.mean() + t.std(), 0.22);
            Bands.line(this, g, d, x, y, c, TapStats::mean, lineWidth(), false);
        }
        runLegend(g, runs);
    }
}
