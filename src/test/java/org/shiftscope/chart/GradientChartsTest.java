package org.shiftscope.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shiftscope.nn.Site;
import org.shiftscope.nn.Tap;
import org.shiftscope.stats.History;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.stats.TapStats;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The layer charts of the gradient: on the log scale they draw the statistics of log₁₀|g|, on an axis of powers
 * of ten, and read out |g| and the share of exact zeros; with the log view off, the raw values as for any tap.
 */
@ExtendWith(ApplicationExtension.class)
class GradientChartsTest {
    private final History history = new History();
    private final List<LayerChart> charts = new ArrayList<>();
    private HistogramChart histogram;
    private MomentsChart moments;
    private PercentileChart percentiles;

    /**
     * Steps 1…100 of layer 1's gradient: raw values around 0 (mean 1e-4, std 3e-4); log₁₀|g| of those not 0 with
     * mean −4 ± 0.5, percentiles −4.5, −4, −3.5 and 4 bins over [−6, −2) holding 1, 2, 3 and 4 values; a quarter
     * of the values exactly 0.
     */
    @Start
    void start(Stage stage) {
        Site site = Site.of(1, Tap.GRADIENT);
        for (int s = 1; s <= 100; s++) {
            TapStats log = new TapStats(site, -4, 0.5, -6, -4.5, -4, -3.5, -2, 0.25, -6, -2, new int[] {1, 2, 3, 4}, 0,
                    0, null);
            TapStats raw = new TapStats(site, 1e-4, 3e-4, -1e-2, -1e-4, 0, 2e-4, 1e-2, Double.NaN, -1e-2, 1e-2,
                    new int[] {1, 4, 7, 1}, 0, 0, log);
            history.add(new Snapshot("main", s, 1, 0.5, Double.NaN, 0.1, 32, true, -1, List.of(raw)));
        }
        histogram = new HistogramChart(history);
        moments = new MomentsChart(history);
        percentiles = new PercentileChart(history);
        charts.addAll(List.of(histogram, new DistributionChart(history), new RidgelineChart(history), moments,
                percentiles));
        VBox box = new VBox();
        for (LayerChart c : charts) {
            c.setSource(1, Tap.GRADIENT);
            c.setPrefSize(600, 200);
            box.getChildren().add(c);
        }
        stage.setScene(new Scene(box, 600, 1000));
        stage.show();
    }

    private void draw(FxRobot robot) {
        robot.interact(() -> {
            for (LayerChart c : charts) {
                c.markDirty();
                c.refresh();
            }
        });
    }

    /** that a chart draws the gradient as log₁₀|g| (log) or as its raw values, and says so in its words */
    private void assertDraws(LayerChart c, boolean log) {
        String name = c.getClass().getSimpleName();
        assertEquals(log, c.logScale(), name);
        assertSame(log ? history.magnitude("main", 1, Tap.GRADIENT) : history.tap("main", 1, Tap.GRADIENT),
                c.series("main"), name);
        assertEquals(log, c.valueAxis().decades(), name);
        assertEquals(log, c.title().contains("log |g|"), c.title());
        assertEquals(log ? "layer 1, gradient, log |g|" : "layer 1, gradient", c.describe());
    }

    @Test
    void onTheLogScaleTheChartsPlotLogMagnitudesOnAnAxisOfPowersOfTen(FxRobot robot) {
        draw(robot);
        for (LayerChart c : charts) {
            assertDraws(c, true);
            // the bins' range −6 … −2, or the bands' −5 … −3 (mean ± std, p15 … p85), in whole decades
            String name = c.getClass().getSimpleName();
            assertEquals(c instanceof BandChart ? -5 : -6, c.valueAxis().lo(), name);
            assertEquals(c instanceof BandChart ? -3 : -2, c.valueAxis().hi(), name);
            double[] ticks = c.valueAxis() == c.x ? PlotFrame.xTicks(c, c.x) : PlotFrame.yTicks(c, c.y);
            assertTrue(ticks.length >= 2, name);
            for (double t : ticks) {
                assertEquals(Math.rint(t), t, name + ": a tick at a whole power of ten");
                assertEquals("10⁻" + "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt((int) -t), c.valueAxis().tickLabel(t));
            }
        }
        robot.interact(() -> {
            for (LayerChart c : charts) c.setLogView(false);
        });
        draw(robot);
        for (LayerChart c : charts) {
            assertDraws(c, false);
            // the raw values lie within ±0.01 (their logs at −6 … −2)
            assertTrue(c.valueAxis().lo() < 0 && c.valueAxis().lo() > -0.1 && c.valueAxis().hi() > 0
                    && c.valueAxis().hi() < 0.1, c.fileStem() + ": " + c.valueAxis().lo() + " … "
                    + c.valueAxis().hi());
        }
    }

    @Test
    void theReadoutsGiveGradientSizesAndTheShareOfExactZeros(FxRobot robot) {
        draw(robot);
        // the histogram at |g| = 10^-2.5, in the last bin: 10^-3 … 10^-2 holds 4 of the 10 values not 0
        robot.interact(() -> histogram.hover(histogram.xOf(histogram.x, -2.5), histogram.py + 5));
        assertEquals(List.of("|g| 0.00316", "this network: 40.0% of values in 0.001 … 0.01; 25.0% exactly 0 "
                + "(not shown)"), histogram.shownReadout());
        robot.interact(() -> moments.hover(moments.xOf(moments.x, 50), moments.py + moments.ph / 2));
        assertEquals(List.of("step 50", "this network: log₁₀|g| -4 ± 0.5 (|g| ≈ 1.0e-04); 25.0% exactly 0 (not "
                + "shown)"), moments.shownReadout());
        robot.interact(() -> percentiles.hover(percentiles.xOf(percentiles.x, 50), percentiles.py + 5));
        assertEquals(List.of("step 50", "this network: median |g| 1.0e-04, middle 70% 3.2e-05 … 3.2e-04; 25.0% "
                + "exactly 0 (not shown)"), percentiles.shownReadout());
        // over the title: what the chart shows, and that it is log₁₀|g|
        robot.interact(() -> moments.hover(20, 5));
        assertTrue(String.join(" ", moments.shownReadout()).contains("log₁₀|g|"), moments.shownReadout().toString());
        // the raw values read as values, without a share of zeros
        robot.interact(() -> {
            histogram.setLogView(false);
            histogram.refresh();
            histogram.hover(histogram.xOf(histogram.x, 0.007), histogram.py + 5);
        });
        assertEquals(List.of("value 0.007", "this network: 7.7% of values in 0.005 … 0.01"),
                histogram.shownReadout());
    }

    @Test
    void anEmptyGradientChartSaysWhereGradientsComeFrom(FxRobot robot) {
        History empty = new History();
        LayerChart c = new MomentsChart(empty);
        c.setSource(1, Tap.GRADIENT);
        assertTrue(c.emptyText().startsWith("No gradient yet"), c.emptyText());
        c.setSource(1, Tap.ACTIVATION);
        assertEquals("Press Play (Space) to start training", c.emptyText());
    }
}
