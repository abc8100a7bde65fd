package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.shiftscope.chart.ChartPane;
import org.shiftscope.chart.LayerChart;
import org.shiftscope.train.scenario.Settings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Charts scrolled out of view are not redrawn while training (they cost the frame nothing); they draw once they
 * scroll into view, and a picture of the whole dashboard draws them first.
 */
class OffScreenChartsTest extends WindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
    }

    /** a chart's draw count, read on the FX thread */
    private static long draws(FxRobot robot, ChartPane c) {
        long[] out = new long[1];
        robot.interact(() -> out[0] = c.draws());
        return out[0];
    }

    @Test
    void chartsOutOfViewWaitUntilTheyScrollInOrTheDashboardIsPictured(FxRobot robot) throws Exception {
        robot.interact(() -> view.model.set(Settings.HIDDEN, List.of(8, 8, 8, 8, 8, 8, 8, 8, 8, 8)));
        waitFor(() -> view.chartPanes().stream().filter(c -> c instanceof LayerChart l && l.layer() == 10)
                .count() > 0);
        // every row, more than the window holds (by itself it would show the first, middle and last)
        robot.interact(() -> view.charts.choose(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)));
        WaitForAsyncUtils.waitForFxEvents();
        List<ChartPane> all = view.chartPanes();
        ChartPane top = all.get(0), bottom = all.get(all.size() - 1);
        assertEquals(10, ((LayerChart) bottom).layer());
        robot.clickOn("#play");
        waitFor(() -> trainer.status().step() > 100);
        long bottom0 = draws(robot, bottom), top0 = draws(robot, top);
        waitFor(() -> draws(robot, top) > top0 + 5); // the charts in view follow the training
        assertEquals(bottom0, draws(robot, bottom), "layer 10's charts are below the fold: not drawn");

        robot.interact(() -> view.charts.setVvalue(1));
        waitFor(() -> draws(robot, bottom) > bottom0 + 2);

        robot.interact(() -> view.charts.setVvalue(0));
        WaitForAsyncUtils.waitForFxEvents(5);
        long top1 = draws(robot, top), bottom1 = draws(robot, bottom);
        waitFor(() -> draws(robot, top) > top1 + 2);
        assertEquals(bottom1, draws(robot, bottom), "out of view again");
        long[] after = new long[1];
        robot.interact(() -> {
            view.files.picture(view.dashboard(), "dashboard");
            after[0] = bottom.draws();
        });
        assertTrue(after[0] > bottom1, "the dashboard's picture draws the charts out of view too");
    }
}
