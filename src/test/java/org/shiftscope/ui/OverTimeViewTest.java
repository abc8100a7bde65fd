package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.shiftscope.chart.ChartPane;
import org.shiftscope.chart.DistributionChart;
import org.shiftscope.chart.OverTime;
import org.shiftscope.chart.RidgelineChart;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The toolbar's Ridgeline switches every layer row's "Over time" chart between heat map and ridgeline. */
class OverTimeViewTest extends WindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private long count(Class<?> kind) {
        return view.chartPanes().stream().filter(kind::isInstance).count();
    }

    @Test
    void ridgelineReplacesTheHeatMapAndIsRemembered(FxRobot robot) throws Exception {
        int depth = view.scenario().network().depth();
        assertEquals(OverTime.HEAT_MAP, view.charts.dashboard.overTime());
        assertEquals(depth, count(DistributionChart.class));
        assertEquals(0, count(RidgelineChart.class));
        robot.clickOn("#play");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> trainer.status().step() > 50);
        robot.clickOn("#ridgeline");
        assertEquals(OverTime.RIDGELINE, view.charts.dashboard.overTime());
        assertEquals(OverTime.RIDGELINE, Prefs.overTime(), "remembered for the next launch");
        assertEquals(depth, count(RidgelineChart.class));
        assertEquals(0, count(DistributionChart.class));
        RidgelineChart r = (RidgelineChart) view.chartPanes().stream().filter(RidgelineChart.class::isInstance)
                .findFirst().orElseThrow();
        assertTrue(r.isVisible() && r.getWidth() > 100, "laid out in the row: " + r.getWidth());
        // it draws the slices: a readout over the plot names a step and each run's share
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !readout(robot, r).isEmpty());
        assertTrue(readout(robot, r).get(0).startsWith("step "), readout(robot, r).toString());
        robot.clickOn("#ridgeline");
        assertEquals(OverTime.HEAT_MAP, Prefs.overTime());
        assertEquals(depth, count(DistributionChart.class));
        assertFalse(view.chartPanes().stream().anyMatch(RidgelineChart.class::isInstance));
    }

    private static java.util.List<String> readout(FxRobot robot, ChartPane c) {
        java.util.List<java.util.List<String>> out = new java.util.ArrayList<>();
        robot.interact(() -> {
            c.refresh();
            out.add(c.readout(c.getWidth() / 2, c.getHeight() - 45));
        });
        return out.get(0);
    }
}
