package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.shiftscope.chart.HistogramChart;
import org.shiftscope.data.DatasetKind;
import org.shiftscope.nn.BatchNorm;
import org.shiftscope.nn.NormKind;
import org.shiftscope.stats.InspectMode;
import org.shiftscope.stats.Inspection;
import org.shiftscope.train.Session;
import org.shiftscope.train.scenario.Settings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The step inspector through the window: opened with I and the toolbar, a layer picked on its histogram and a unit
 * typed into its spinner; after each Step the panel's numbers are the engine's — checked against the layer's
 * W·x+b read from the network and μ_B, σ²_B, x̂ worked out here by hand — and inference shows the running averages.
 * The data set is the 20-feature teacher: no decision regions, so nothing runs the network between the step and
 * the reading here.
 */
class InspectorTest extends WindowTest {
    static final double TOL = 1e-9;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
    }

    InspectorPanel panel() {
        return view.inspector;
    }

    long steps() throws InterruptedException {
        return trainer.call(Session::stepCount);
    }

    /** the engine's W·x+b of a unit of a hidden layer for the last training batch, read on the trainer thread */
    double[] linear(int layer, int unit) throws InterruptedException {
        return trainer.call(s -> {
            DMatrixRMaj z = s.runs().get(0).net.dense(layer).output();
            double[] col = new double[z.numRows];
            for (int i = 0; i < z.numRows; i++) col[i] = z.get(i, unit);
            return col;
        });
    }

    /** the panel shows this step of this unit */
    void waitForShown(long step, int layer, int unit, InspectMode mode) throws Exception {
        waitFor(() -> {
            Inspection in = panel().shown();
            return in != null && in.step() == step && in.layer() == layer && in.unit() == unit && in.mode() == mode;
        });
    }

    static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** the number printed at the end of a label ("… = 0.3120") */
    static double number(String text) {
        return Double.parseDouble(text.substring(text.lastIndexOf(' ') + 1));
    }

    /** the panel's μ_B, σ²_B and x̂ are those of the layer's W·x+b for this batch, worked out by hand */
    void assertBatchStatistics(FxRobot robot, int layer, int unit) throws Exception {
        Inspection in = panel().shown();
        double[] x = linear(layer, unit);
        double eps = view.scenario().get(Settings.BN_EPS);
        int m = x.length;
        assertEquals(view.scenario().get(Settings.BATCH_SIZE).intValue(), m);
        assertEquals(m, in.m());
        double mu = 0;
        for (double v : x) mu += v;
        mu /= m;
        double var = 0;
        for (double v : x) var += (v - mu) * (v - mu);
        var /= m;
        assertEquals(mu, in.mean(), TOL);
        assertEquals(var, in.var(), TOL);
        assertEquals(eps, in.eps(), 0);
        for (int i = 0; i < m; i++) {
            assertEquals(x[i], in.x()[i], TOL);
            assertEquals((x[i] - mu) / Math.sqrt(var + eps), in.xhat()[i], TOL);
            assertEquals(in.gamma() * in.xhat()[i] + in.beta(), in.y()[i], TOL);
        }
        // the labels print the shown values to 4 significant digits, with their formulas
        String meanText = text(robot, "#inspectMean"), varText = text(robot, "#inspectVar");
        assertEquals("μ_B = 1/m Σ x_i = " + InspectorPanel.sig4(in.mean()), meanText);
        assertEquals("σ²_B = 1/m Σ (x_i − μ_B)² = " + InspectorPanel.sig4(in.var()), varText);
        assertEquals(mu, number(meanText), Math.abs(mu) * 1e-3 + 1e-12);
        assertEquals(var, number(varText), var * 1e-3);
        assertEquals("ε = 1.000e-5", text(robot, "#inspectEps"));
        assertEquals("γ = " + InspectorPanel.sig4(in.gamma()), text(robot, "#inspectGamma"));
        assertEquals("β = " + InspectorPanel.sig4(in.beta()), text(robot, "#inspectBeta"));
        assertTrue(text(robot, "#inspectWhat").contains("BatchNorm: statistics over the mini-batch, per unit"),
                text(robot, "#inspectWhat"));
    }

    @Test
    void theInspectorShowsTheEnginesBatchStatisticsAndTheRunningAverages(FxRobot robot) throws Exception {
        robot.interact(() -> view.model().set(Settings.DATASET, DatasetKind.TEACHER));
        waitFor(() -> trainer.status().generation() == 1);
        assertFalse(panel().isVisible());

        // I opens it, the toolbar's button follows; the toolbar's button closes and opens it again
        robot.clickOn("#status").type(KeyCode.I);
        waitFor(() -> panel().isVisible());
        ToggleButton toggle = robot.lookup("#inspectorToggle").queryAs(ToggleButton.class);
        assertTrue(toggle.isSelected());
        robot.clickOn(toggle);
        waitFor(() -> !panel().isVisible());
        robot.clickOn(toggle);
        waitFor(() -> panel().isVisible());
        assertTrue(text(robot, "#inspectNote").contains("Train a step"), text(robot, "#inspectNote"));

        // a click on layer 2's histogram picks layer 2; unit 3 is typed into the unit spinner
        HistogramChart hist2 = robot.lookup(n -> n instanceof HistogramChart h && h.layer() == 2)
                .queryAs(HistogramChart.class);
        robot.interact(() -> view.charts.setVvalue(0));
        robot.clickOn(hist2);
        waitFor(() -> panel().layer.getValue() == 2);
        robot.doubleClickOn("#inspectUnit").eraseText(3).write("3").type(KeyCode.ENTER);
        waitFor(() -> panel().unit.getValue() == 3);

        robot.clickOn("#step");
        waitForShown(1, 2, 2, InspectMode.TRAINING);
        assertBatchStatistics(robot, 2, 2);
        assertTrue(text(robot, "#inspectExtra").startsWith("running μ = "), text(robot, "#inspectExtra"));

        // live: the next step shows the next batch
        robot.clickOn("#step");
        waitForShown(2, 2, 2, InspectMode.TRAINING);
        assertBatchStatistics(robot, 2, 2);

        // inference: the running averages stand in for the batch's statistics, and the gap is said
        robot.clickOn("#inspectInference");
        waitForShown(2, 2, 2, InspectMode.INFERENCE);
        Inspection in = panel().shown();
        double[] running = trainer.call(s -> {
            BatchNorm bn = (BatchNorm) s.runs().get(0).net.normLayer(2);
            return new double[] {bn.runningMean(2), bn.runningVar(2), bn.batchMean(2)};
        });
        assertEquals(running[0], in.mean(), 0);
        assertEquals(running[1], in.var(), 0);
        double eps = view.scenario().get(Settings.BN_EPS);
        for (int i = 0; i < in.m(); i++) {
            assertEquals((in.x()[i] - running[0]) / Math.sqrt(running[1] + eps), in.xhat()[i], TOL);
        }
        assertEquals("running μ = " + InspectorPanel.sig4(running[0]), text(robot, "#inspectMean"));
        assertEquals("running σ² = " + InspectorPanel.sig4(running[1]), text(robot, "#inspectVar"));
        String gap = text(robot, "#inspectExtra");
        assertTrue(gap.contains("this batch μ_B = " + InspectorPanel.sig4(running[2]))
                && gap.contains("gap " + InspectorPanel.sig4(Math.abs(running[0] - running[2]))), gap);
        robot.clickOn("#inspectTraining");
        waitForShown(2, 2, 2, InspectMode.TRAINING);

        // playing, it follows the training; paused, it stays at the step training stopped at
        robot.clickOn("#play");
        waitFor(() -> panel().shown().step() > 10);
        robot.clickOn("#play");
        waitFor(() -> !trainer.status().playing() && trainer.status().commandsDone() >= trainer.commandsSent());
        long paused = steps();
        waitFor(() -> panel().shown().step() == paused);

        // I closes it: the trainer stops copying steps
        robot.clickOn("#status").type(KeyCode.I);
        waitFor(() -> !panel().isVisible() && view.model().inspectionProperty().get() == null);
        assertFalse(toggle.isSelected());
    }

    @Test
    void otherNormalizersNameTheirStatisticsAndNoneSaysSo(FxRobot robot) throws Exception {
        robot.interact(() -> view.model().set(Settings.NORM, NormKind.LAYER));
        robot.clickOn("#inspectorToggle");
        robot.clickOn("#step");
        waitFor(() -> panel().shown() != null && panel().shown().kind() == NormKind.LAYER);
        Inspection in = panel().shown();
        assertTrue(in.perExample());
        assertTrue(text(robot, "#inspectWhat").contains("LayerNorm: statistics over the units of each example"));
        assertTrue(text(robot, "#inspectMean").startsWith("μ_i = 1/k Σ_c x_ic over its k = 8 units: "),
                text(robot, "#inspectMean"));
        robot.interact(() -> view.model().set(Settings.NORM, NormKind.NONE));
        robot.clickOn("#step");
        waitFor(() -> panel().shown().kind() == NormKind.NONE);
        assertTrue(text(robot, "#inspectExtra").startsWith("No normalizer on this layer"));
        assertEquals(0, panel().shown().xhat().length);
        assertNotNull(panel().shown().x());
    }
}
