package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.shiftscope.chart.Axis;
import org.shiftscope.chart.LayerChart;
import org.shiftscope.chart.MomentsChart;
import org.shiftscope.export.Captions;
import org.shiftscope.nn.Tap;
import org.shiftscope.stats.Decimated;
import org.shiftscope.stats.TapStats;
import org.shiftscope.train.Trainer;
import org.shiftscope.train.scenario.Scenario;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The gradient tap through the toolbar: reached by a click, by the arrow keys of the tap group and by T, its
 * charts then draw the running session's gradients — as log₁₀|g| on axes of powers of ten, or, with "log |g|"
 * unticked, as raw values — and the choice is remembered for the next launch.
 */
class GradientTapTest extends WindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
    }

    private ToggleButton tap(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(ToggleButton.class);
    }

    /** the first layer row's mean ± std chart */
    private LayerChart moments() {
        return (LayerChart) view.chartPanes().stream().filter(MomentsChart.class::isInstance).findFirst()
                .orElseThrow();
    }

    /** the readout at the right end of a chart's plot, drawn from the history as it is now */
    private static List<String> newest(FxRobot robot, LayerChart c) {
        return Hand.fx(() -> {
            c.markDirty();
            c.refresh();
            return c.readout(c.getWidth() - 20, c.getHeight() / 2);
        });
    }

    /** the kept statistics of a series at a step ("step 3" in a readout) */
    private static TapStats at(Decimated<TapStats> d, String stepLine) {
        long step = Long.parseLong(stepLine.replace("step ", "").replace(",", ""));
        for (int i = 0; i < d.size(); i++) if (d.step(i) == step) return d.get(i);
        throw new AssertionError("no kept point at " + stepLine);
    }

    @Test
    void aClickShowsTheSessionsGradientsAsLogMagnitudesAndTheSwitchShowsTheirRawValues(FxRobot robot)
            throws Exception {
        CheckBox log = robot.lookup("#logView").queryAs(CheckBox.class);
        assertFalse(log.isVisible(), "log |g| is offered only with the gradient");
        for (int i = 0; i < 3; i++) robot.clickOn("#step");
        waitFor(() -> view.model().history().lastStep() == 3);
        robot.clickOn("#tapGradient");
        assertEquals(Tap.GRADIENT, view.model().tapProperty().get());
        assertTrue(tap(robot, "tapGradient").isSelected());
        assertTrue(log.isVisible() && log.isSelected(), "on by default");
        LayerChart c = moments();
        assertEquals(Tap.GRADIENT, c.tap());
        // the chart reads the session's gradient of layer 1 as log₁₀|g|: its readout is the history's numbers
        List<String> lines = newest(robot, c);
        TapStats g = at(view.model().history().magnitude("main", 1, Tap.GRADIENT), lines.get(0));
        assertEquals("this network: log₁₀|g| " + Captions.number(g.mean()) + " ± " + Captions.number(g.std())
                + " (|g| ≈ " + Captions.number(Math.pow(10, g.mean())) + ")"
                + (g.saturation() > 0 ? "; " + Math.round(g.saturation() * 1000) / 10.0 + "% exactly 0 (not shown)"
                : ""), lines.get(1));
        assertTrue(g.mean() < 0 && g.mean() > -12, "a gradient's typical size: 10^" + g.mean());
        for (LayerChart chart : layerCharts()) {
            Axis a = chart.valueAxis();
            assertTrue(a.decades(), chart.fileStem());
            for (double t : a.ticks(4)) assertTrue(a.tickLabel(t).matches("10⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+"), a.tickLabel(t));
            assertTrue(chart.title().contains("log |g|"), chart.title());
        }
        // unticked: the raw gradient values, on an ordinary axis
        robot.clickOn(log);
        assertFalse(log.isSelected());
        assertFalse(Prefs.logView(), "remembered");
        lines = newest(robot, c);
        TapStats raw = at(view.model().history().tap("main", 1, Tap.GRADIENT), lines.get(0));
        assertEquals("this network: mean " + Captions.number(raw.mean()) + " ± " + Captions.number(raw.std()),
                lines.get(1));
        for (LayerChart chart : layerCharts()) {
            assertFalse(chart.valueAxis().decades(), chart.fileStem());
            assertFalse(chart.title().contains("log"), chart.title());
        }
        // the next launch opens with the raw values, until the box is ticked again
        assertFalse(launchedLogView());
        robot.clickOn(log);
        assertTrue(Prefs.logView());
        assertTrue(launchedLogView());
        // another tap: the switch gives way
        robot.clickOn("#tapActivation");
        assertFalse(log.isVisible());
        assertFalse(c.logScale());
    }

    /** every layer chart shown */
    private List<LayerChart> layerCharts() {
        return view.chartPanes().stream().filter(LayerChart.class::isInstance).map(LayerChart.class::cast).toList();
    }

    /** whether a window opened now shows the gradient as log |g| (its box ticked, its charts so) */
    private static boolean launchedLogView() throws Exception {
        try (Trainer other = new Trainer(Scenario.defaults())) {
            return Hand.fx(() -> {
                MainView v = new MainView(other);
                assertEquals(v.toolbar.logView.isSelected(), v.charts.dashboard.logView());
                return v.toolbar.logView.isSelected();
            });
        }
    }

    @Test
    void theKeyboardReachesTheGradientTap(FxRobot robot) throws Exception {
        Hand hand = Hand.create();
        // the tap group's arrow keys: from the activation's switch, → selects the gradient
        hand.click(tap(robot, "tapActivation"));
        assertEquals(Tap.ACTIVATION, view.model().tapProperty().get());
        hand.key(KeyCode.RIGHT);
        assertEquals(Tap.GRADIENT, view.model().tapProperty().get());
        assertTrue(tap(robot, "tapGradient").isSelected());
        hand.key(KeyCode.LEFT);
        assertEquals(Tap.ACTIVATION, view.model().tapProperty().get());
        // T anywhere: the next tap, in toolbar order, from the last back to the first
        hand.click(robot.lookup("#status").query());
        hand.key(KeyCode.T);
        assertEquals(Tap.GRADIENT, view.model().tapProperty().get());
        hand.key(KeyCode.T);
        assertEquals(Tap.LINEAR, view.model().tapProperty().get());
        // without a normalizer "after BN" is not offered: T passes it by
        hand.key(KeyCode.B);
        waitFor(() -> tap(robot, "tapNormalized").isDisabled());
        hand.key(KeyCode.T);
        assertEquals(Tap.ACTIVATION, view.model().tapProperty().get());
        hand.key(KeyCode.T);
        assertEquals(Tap.GRADIENT, view.model().tapProperty().get());
        // and the charts draw the gradients of the session playing
        hand.key(KeyCode.SPACE);
        waitFor(() -> view.model().history().lastStep() > 5);
        hand.key(KeyCode.SPACE);
        waitFor(() -> !trainer.status().playing());
        LayerChart c = moments();
        List<String> lines = newest(robot, c);
        TapStats g = at(view.model().history().magnitude("main", 1, Tap.GRADIENT), lines.get(0));
        assertTrue(lines.get(1).startsWith("this network: log₁₀|g| " + Captions.number(g.mean()) + " ± "),
                lines.toString());
    }
}
