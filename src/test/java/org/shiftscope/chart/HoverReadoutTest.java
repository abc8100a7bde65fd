package org.shiftscope.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shiftscope.nn.Tap;
import org.shiftscope.stats.History;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.stats.TapStats;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Hovering a chart shows the step and the values under the pointer, read from the history it draws. */
@ExtendWith(ApplicationExtension.class)
class HoverReadoutTest {
    private final History history = new History();
    private MomentsChart moments;
    private TrainingChart training;
    private HistogramChart histogram;

    /** step s: mean s/100, std 1, loss 2 − s/100, test accuracy s/200 every 10 steps; 4 bins over [0, 4) */
    @Start
    void start(Stage stage) {
        for (int s = 1; s <= 100; s++) {
            TapStats t = new TapStats(1, Tap.ACTIVATION, s / 100.0, 1, 0, 0, 0, 0, 4, 0, 0, 4, new int[] {1, 2, 3, 4});
            history.add(new Snapshot("main", s, 2 - s / 100.0, 0.5, s % 10 == 0 ? s / 200.0 : Double.NaN, 0.1, 32,
                    true, -1, List.of(t)));
        }
        moments = new MomentsChart(history);
        training = new TrainingChart(history);
        histogram = new HistogramChart(history);
        VBox box = new VBox(training, moments, histogram);
        for (ChartPane c : List.of(training, moments, histogram)) c.setPrefSize(600, 220);
        stage.setScene(new Scene(box, 600, 680));
        stage.show();
    }

    @Test
    void theReadoutFollowsThePointer(FxRobot robot) {
        robot.interact(() -> {
            for (ChartPane c : List.of(training, moments, histogram)) c.refresh();
        });
        // step 50 of 100 on the moments chart: its mean is 0.5
        double x50 = moments.xOf(moments.x, 50), yMid = moments.py + moments.ph / 2;
        Point2D screen = moments.localToScreen(x50, yMid);
        robot.moveTo(screen);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> lines = moments.shownReadout();
        assertEquals("step 50", lines.get(0), lines.toString());
        assertEquals("this network: mean 0.5 ± 1", lines.get(1));
        // the training chart: loss 1.5 at step 50, test accuracy 25% checked at step 50
        robot.interact(() -> training.hover(training.xOf(training.x, 50), training.py + 5));
        assertEquals(List.of("step 50", "this network: loss 1.5, test accuracy 25.0% (step 50)"),
                training.shownReadout());
        // the histogram: value 3.5 lies in the last bin, which holds 4 of 10 values
        robot.interact(() -> histogram.hover(histogram.xOf(histogram.x, 3.5), histogram.py + 5));
        assertTrue(histogram.shownReadout().get(1).contains("40.0% of values in 3 … 4"),
                histogram.shownReadout().toString());
        // over the title strip: what the chart shows, in words; away: nothing
        robot.interact(() -> moments.hover(20, 5));
        assertTrue(String.join(" ", moments.shownReadout()).contains("internal covariate shift"));
        robot.interact(() -> moments.hover(Double.NaN, Double.NaN));
        assertTrue(moments.shownReadout().isEmpty());
    }

    @Test
    void theReadoutStaysInsideItsChartBelowTheTitleAndAwayFromThePointer(FxRobot robot) {
        robot.interact(() -> {
            for (ChartPane c : List.of(training, moments, histogram)) c.refresh();
        });
        for (ChartPane c : List.of(training, moments, histogram)) {
            double w = c.getWidth(), h = c.getHeight();
            for (double fx : new double[] {0.02, 0.3, 0.5, 0.8, 0.97, 0.999}) {
                for (double fy : new double[] {0.02, 0.1, 0.3, 0.6, 0.95}) {
                    double x = fx * w, y = fy * h;
                    robot.interact(() -> c.hover(x, y));
                    javafx.geometry.Rectangle2D b = c.readoutBox();
                    if (c.shownReadout().isEmpty()) continue; // outside the plot and the title strip
                    String where = c.fileStem() + " at (" + x + ", " + y + "): box " + b + " in " + w + " × " + h;
                    assertTrue(b.getMinX() >= 0 && b.getMaxX() <= w && b.getMaxY() <= h, "inside the chart: " + where);
                    assertTrue(b.getMinY() >= c.py, "below the title strip (ends at " + c.py + "): " + where);
                    double dx = Math.max(0, Math.max(b.getMinX() - x, x - b.getMaxX()));
                    double dy = Math.max(0, Math.max(b.getMinY() - y, y - b.getMaxY()));
                    assertTrue(Math.hypot(dx, dy) >= 8, "away from the pointer: " + where);
                }
            }
        }
        // a chart too narrow for the box beside the pointer: below it
        var b = HoverLayer.place(100, 60, 150, 40, 200, 200, 20, 12);
        assertEquals(new javafx.geometry.Rectangle2D(25, 72, 150, 40), b);
    }
}
