package org.shiftscope.chart;

import org.shiftscope.stats.TapStats;
import org.shiftscope.stats.History;

/**
 * Mean ± one standard deviation of a layer's tap over training steps (on the log scale, of log₁₀|g|: the line is
 * then the gradients' typical size, their geometric mean).
 */
public final class MomentsChart extends BandChart {
    public MomentsChart(History history) {
        super(history, "Mean ± std", "moments",
                "The line is the average value at this point of the layer, the shaded band one standard "
                        + "deviation either side, step by step. Without BatchNorm they wander while the layers "
                        + "below learn: that drift is internal covariate shift.",
                t -> t.mean() - t.std(), TapStats::mean, t -> t.mean() + t.std(), false, 0.22,
                t -> "mean " + num(t.mean()) + " ± " + num(t.std()),
                t -> "log₁₀|g| " + num(t.mean()) + " ± " + num(t.std()) + " (|g| ≈ "
                        + num(Math.pow(10, t.mean())) + ")");
    }
}
