package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.chart.ChartPane;
import org.shiftscope.chart.Markers;
import org.shiftscope.chart.MarkerPixels;
import org.shiftscope.chart.TimeRange;
import org.shiftscope.nn.NormKind;
import org.shiftscope.train.Session;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Live changes made through the controls become markers on every time chart and in the PNG; zoom is shared. */
class MarkersZoomTest extends WindowTest {
    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
    }

    private List<ChartPane> timeCharts() {
        return view.charts.dashboard.charts().stream().filter(c -> c.timeAxis() != null).toList();
    }

    private void steps(FxRobot robot, int n) {
        for (int i = 0; i < n; i++) robot.clickOn("#step");
    }

    @Test
    void aLiveChangeIsAMarkerAtItsStepOnEveryTimeChartAndInThePng(FxRobot robot) throws Exception {
        steps(robot, 5);
        var norm = robot.lookup("#network-norm").queryComboBox();
        robot.interact(() -> norm.getSelectionModel().select(NormKind.NONE));
        steps(robot, 3);
        Slider lr = robot.lookup("#training-learning_rate").queryAs(Slider.class);
        robot.interact(() -> lr.setValue(Math.log10(0.5)));
        steps(robot, 4);
        assertEquals(12, (long) trainer.call(Session::stepCount));
        waitFor(() -> view.model().history().events().size() == 2 && view.model().history().lastStep() == 12);
        List<ChartPane> charts = timeCharts();
        assertEquals(1 + 3 * 3, charts.size(), "training, then heat map, mean ± std and percentiles per layer");
        for (ChartPane c : charts) {
            robot.interact(c::markDirty);
            waitFor(() -> c.markers().size() == 2);
            List<Markers.Marker> m = c.markers();
            assertEquals(6, m.get(0).step(), c.title());
            assertEquals("BN off", m.get(0).words());
            assertEquals(9, m.get(1).step());
            assertEquals("lr 0.03→0.5", m.get(1).words());
        }
        // hovering a marker shows its full text
        ChartPane training = charts.get(0);
        Markers.Marker bnOff = training.markers().get(0);
        robot.interact(() -> training.hover(bnOff.x(), training.getHeight() / 2));
        assertTrue(training.shownReadout().contains("step 6: BN off (network.norm batch → none)"),
                training.shownReadout().toString());
        // the exported chart at 2×: pink columns where the lines are
        Path png = tmp.resolve("training.png");
        robot.interact(() -> {
            training.hover(Double.NaN, Double.NaN);
            view.files.exportNode(training, "training", png, 2);
        });
        exportsWritten();
        BufferedImage img = ImageIO.read(png.toFile());
        List<Double> pink = MarkerPixels.columns(img, MarkerPixels::pink);
        assertEquals(2, pink.size(), pink.toString());
        assertEquals(2 * training.markers().get(0).x(), pink.get(0), 2.5);
        assertEquals(2 * training.markers().get(1).x(), pink.get(1), 2.5);
        // and events.csv beside the CSV export
        Path dir = tmp.resolve("csv");
        robot.interact(() -> view.files.exportCsv(dir));
        exportsWritten();
        assertEquals(List.of("step,run,key,old,new", "6,all,network.norm,batch,none",
                "9,all,training.learning_rate,0.03,0.5"), Files.readAllLines(dir.resolve("events.csv")));
        // a reset starts a run without changes
        robot.clickOn("#reset");
        waitFor(() -> view.model().history().events().isEmpty() && trainer.status().generation() == 1);
    }

    @Test
    void aScheduledChangeIsAMarkerAndTheControlsFollowIt(FxRobot robot) throws Exception {
        Path f = tmp.resolve("bn-off.json");
        Files.writeString(f, "{\"schedule\": [{\"step\": 3, \"set\": {\"network.norm\": \"none\"}}]}");
        robot.interact(() -> view.model().openFile(f));
        waitFor(() -> trainer.status().generation() == 1);
        steps(robot, 4);
        var norm = robot.lookup("#network-norm").queryComboBox();
        waitFor(() -> norm.getValue() == NormKind.NONE && view.model().history().events().size() == 1);
        ChartPane training = timeCharts().get(0);
        robot.interact(training::markDirty);
        waitFor(() -> training.markers().size() == 1);
        assertEquals(3, training.markers().get(0).step());
        assertEquals("BN off", training.markers().get(0).label());
        // a change made afterwards keeps what the schedule set
        Slider lr = robot.lookup("#training-learning_rate").queryAs(Slider.class);
        robot.interact(() -> lr.setValue(Math.log10(0.5)));
        robot.clickOn("#step");
        assertEquals(NormKind.NONE, trainer.call(s -> s.scenario().network().norm()));
        assertEquals(2, (int) trainer.call(s -> s.events().size()));
    }

    @Test
    void zoomIsSharedByEveryTimeChartAndDoubleClickFollowsTheRunAgain(FxRobot robot) throws Exception {
        robot.clickOn("#play");
        waitFor(() -> view.model().history().lastStep() >= 300);
        robot.clickOn("#play");
        waitFor(() -> !trainer.status().playing());
        TimeRange range = view.charts.dashboard.timeRange();
        List<ChartPane> charts = timeCharts();
        ChartPane moments = charts.get(2), training = charts.get(0);
        robot.interact(() -> view.charts.dashboard.refresh());
        // the scroll wheel over the mean ± std chart zooms in about the pointer
        robot.moveTo(screen(moments, 0.5));
        robot.scroll(2, VerticalDirection.UP);
        if (range.following()) robot.scroll(4, VerticalDirection.DOWN); // the platform's wheel runs the other way
        waitFor(() -> !range.following());
        assertSynced(robot, charts, range);
        TimeRange.Window w = range.window();
        assertTrue(w.hi() - w.lo() < view.model().history().lastStep(), w.toString());
        // while zoomed the charts go on updating in the same range, and the readout reads the zoomed axis
        robot.clickOn("#step");
        waitFor(() -> view.model().history().lastStep() == trainer.status().step());
        assertSynced(robot, charts, range);
        assertEquals(w, range.window());
        robot.interact(() -> moments.hover(moments.getWidth() / 2, moments.getHeight() / 2));
        long shownStep = Long.parseLong(moments.shownReadout().get(0).replaceAll("[^0-9]", ""));
        assertTrue(shownStep >= w.lo() && shownStep <= w.hi(), shownStep + " in " + w);
        // the histograms are not over steps: no time axis
        assertTrue(view.charts.dashboard.charts().stream().anyMatch(c -> c.timeAxis() == null));
        // double-click: every time chart follows the run again, from step 0 to the newest
        robot.doubleClickOn(screen(training, 0.5), MouseButton.PRIMARY);
        waitFor(range::following);
        robot.interact(() -> view.charts.dashboard.refresh());
        for (ChartPane c : charts) {
            assertEquals(0, c.timeAxis().lo(), c.title());
            assertTrue(c.timeAxis().hi() >= view.model().history().lastStep(), c.title());
        }
        // a drag over the training chart selects steps; Escape follows the run again
        double last = training.timeAxis().hi();
        robot.drag(screen(training, 0.25), MouseButton.PRIMARY).dropTo(screen(training, 0.75));
        waitFor(() -> !range.following());
        assertSynced(robot, charts, range);
        assertTrue(range.window().lo() > 0.1 * last && range.window().hi() < 0.9 * last, range.window() + " of " + last);
        robot.type(KeyCode.ESCAPE);
        waitFor(range::following);
        robot.drag(screen(training, 0.3), MouseButton.PRIMARY).dropTo(screen(training, 0.6));
        waitFor(() -> !range.following());
        robot.type(KeyCode.DIGIT0);
        waitFor(range::following);
    }

    /** a point at a share of the plot's width, halfway down, on the screen */
    private static Point2D screen(ChartPane c, double share) {
        var b = c.getLayoutBounds();
        return c.localToScreen(60 + (b.getWidth() - 100) * share, b.getHeight() / 2);
    }

    private void assertSynced(FxRobot robot, List<ChartPane> charts, TimeRange range) {
        robot.interact(() -> view.charts.dashboard.refresh());
        TimeRange.Window w = range.window();
        assertNotNull(w);
        for (ChartPane c : charts) {
            assertEquals(w.lo(), c.timeAxis().lo(), 1e-9, c.title());
            assertEquals(w.hi(), c.timeAxis().hi(), 1e-9, c.title());
        }
    }
}
