package org.shiftscope.chart;

import org.shiftscope.stats.TapStats;
import org.shiftscope.stats.History;

/** The 15th, 50th and 85th percentiles over training steps, as in Figure 1 (b, c) of the BN paper. */
public final class PercentileChart extends BandChart {
    public PercentileChart(History history) {
        super(history, "Percentiles 15/50/85", "percentiles",
                "The middle line is the median value, the band holds the middle 70% of values (15th to 85th "
                        + "percentile). This is Figure 1 of the BatchNorm paper: with BN the band stays put, "
                        + "without it the band drifts as the earlier layers change.",
                TapStats::p15, TapStats::p50, TapStats::p85, true, 0.25,
                t -> "median " + num(t.p50()) + ", middle 70% " + num(t.p15()) + " … " + num(t.p85()),
                t -> "median |g| " + num(Math.pow(10, t.p50())) + ", middle 70% " + num(Math.pow(10, t.p15()))
                        + " … " + num(Math.pow(10, t.p85())),
                "Percentiles", "p15/50/85");
    }
}
