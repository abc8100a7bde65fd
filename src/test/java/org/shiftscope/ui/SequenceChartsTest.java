package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.shiftscope.chart.ChartPane;
import org.shiftscope.chart.LengthChart;
import org.shiftscope.chart.TimeStepChart;
import org.shiftscope.data.DatasetKind;
import org.shiftscope.nn.Tap;
import org.shiftscope.stats.TapStats;
import org.shiftscope.train.scenario.Settings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A sequence set picked in the panel: the recurrent network trains on it, and the row of sequence charts appears —
 * the first layer by time step and the test accuracy by length — and changes while it trains; a 2-D set takes the
 * row away again.
 */
class SequenceChartsTest extends WindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }

    private <T extends ChartPane> T chart(Class<T> type) {
        return Hand.fx(() -> view.chartPanes().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElse(null));
    }

    private void pick(FxRobot robot, String label) throws Exception {
        ComboBox<Object> box = PanelCheck.combo(view, Settings.DATASET);
        Hand.run(() -> box.requestFocus());
        robot.clickOn(box);
        waitFor(() -> Hand.fx(box::isShowing));
        Node cell = Hand.fx(() -> robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> label.equals(c.getText())).findFirst().orElseThrow());
        robot.clickOn(cell);
    }

    @Test
    void pickingASequenceSetShowsTheTimeStepsAndTheAccuracyByLengthAndTheyChangeWhileItTrains(FxRobot robot)
            throws Exception {
        assertFalse(robot.lookup("#sequence-row").query().isManaged(), "no sequence charts for the spiral");
        assertEquals(null, chart(TimeStepChart.class));
        pick(robot, "more-ones (sequences)");
        waitFor(() -> Hand.fx(() -> view.scenario().get(Settings.DATASET)) == DatasetKind.MORE_ONES);
        waitFor(() -> Hand.fx(() -> robot.lookup("#sequence-row").query().isManaged()));
        Hand.run(() -> view.model().set(Settings.EVAL_EVERY, 5L));
        TimeStepChart steps = chart(TimeStepChart.class);
        LengthChart lengths = chart(LengthChart.class);
        assertTrue(steps != null && lengths != null, "both sequence charts are shown");
        for (int i = 0; i < 5; i++) robot.clickOn("#step");
        waitFor(() -> view.model().history().lastStep() >= 5);
        // the recurrent network's time steps reached the charts: W·x+b, normalized and h of each step t
        List<TapStats> first = Hand.fx(() -> view.model().history().timeSteps("main", 1, Tap.ACTIVATION));
        assertFalse(first.isEmpty(), "time steps measured");
        assertEquals(0, first.get(0).site().position());
        assertTrue(Hand.fx(() -> view.model().history().byLength("main")) != null, "accuracy by length evaluated");
        List<String> before = Hand.fx(() -> {
            steps.markDirty();
            steps.refresh();
            return steps.readout(steps.getWidth() * 0.3, steps.getHeight() / 2);
        });
        assertTrue(before.get(0).startsWith("time step "), before.toString());
        assertTrue(before.get(1).startsWith("this network: median "), before.toString());
        long draws = Hand.fx(steps::draws), lengthDraws = Hand.fx(lengths::draws);
        robot.clickOn("#play");
        waitFor(() -> view.model().history().lastStep() >= 40);
        robot.clickOn("#play");
        waitFor(() -> Hand.fx(steps::draws) > draws && Hand.fx(lengths::draws) > lengthDraws);
        List<String> after = Hand.fx(() -> steps.readout(steps.getWidth() * 0.3, steps.getHeight() / 2));
        assertNotEquals(before, after, "the time steps change while it trains");
        List<String> acc = Hand.fx(() -> lengths.readout(lengths.getWidth() * 0.5, lengths.getHeight() / 2));
        assertTrue(acc.get(0).startsWith("length "), acc.toString());
        assertTrue(acc.get(1).matches("this network: [0-9.]+%"), acc.toString());
        // the gradient tap: its norm at each step, back through time
        robot.clickOn("#tapGradient");
        assertTrue(Hand.fx(steps::title).contains("‖dL/d(W·x+b)‖"), Hand.fx(steps::title));
        // a 2-D set again: the row goes away
        pick(robot, "spiral (2-D)");
        waitFor(() -> Hand.fx(() -> !robot.lookup("#sequence-row").query().isManaged()));
    }
}
