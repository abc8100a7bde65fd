package org.shiftscope.chart;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A band never touches both edges of its plot: the value axis leaves a margin above and below the bands — for a
 * band that never moves (after BN with fixed γ and β: mean β, std γ) and for sigmoid outputs spread over all of
 * 0 … 1.
 */
@ExtendWith(ApplicationExtension.class)
class BandMarginTest {
    private final History history = new History();
    private MomentsChart moments;
    private PercentileChart percentiles;

    @Start
    void start(Stage stage) {
        moments = new MomentsChart(history);
        percentiles = new PercentileChart(history);
        VBox box = new VBox(moments, percentiles);
        for (LayerChart c : List.of(moments, percentiles)) c.setPrefSize(600, 200);
        stage.setScene(new Scene(box, 600, 400));
        stage.show();
    }

    /** steps 1…100 of layer 1 after BN: mean 0.5 ± 2 exactly, percentiles p15 … p85 over 0 … 1 */
    private void feed(FxRobot robot, double mean, double std, double p15, double p85) {
        Site site = Site.of(1, Tap.NORMALIZED);
        robot.interact(() -> {
            for (int s = 1; s <= 100; s++) {
                TapStats t = new TapStats(site, mean, std, p15 - 1, p15, (p15 + p85) / 2, p85, p85 + 1, 0, p15 - 1,
                        p85 + 1, new int[] {1, 2, 3, 4}, 0, 0, null);
                history.add(new Snapshot("main", s, 1, 0.5, Double.NaN, 0.1, 32, true, -1, List.of(t)));
            }
            for (LayerChart c : List.of(moments, percentiles)) {
                c.setSource(1, Tap.NORMALIZED);
                c.markDirty();
                c.refresh();
            }
        });
    }

    @Test
    void theValueAxisLeavesAMarginAboveAndBelowTheBands(FxRobot robot) {
        feed(robot, 0.5, 2, 0, 1);
        assertMargin(moments, 0.5 - 2, 0.5 + 2);
        assertMargin(percentiles, 0, 1);
    }

    private static void assertMargin(BandChart c, double low, double high) {
        Axis y = c.valueAxis();
        double span = y.hi() - y.lo(), free = 0.05 * span;
        assertTrue(y.lo() <= low - free && y.hi() >= high + free, c.fileStem() + ": the band " + low + " … " + high
                + " leaves at least 5% of the axis " + y.lo() + " … " + y.hi() + " free at each edge");
    }
}
