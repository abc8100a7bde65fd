package org.shiftscope.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shiftscope.nn.Tap;
import org.shiftscope.stats.History;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.stats.TapStats;
import org.shiftscope.train.Boundary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the cheaper drawing must still look like: a hatched overflow bar cut to its bar by hand (no clip), the
 * hover overlay hidden while it shows nothing, and the decision regions' training points, drawn on a layer of
 * their own only when they change, still on top after the regions change and in the right place after a resize.
 */
@ExtendWith(ApplicationExtension.class)
class ChartDrawingTest {
    /** counts over [0, 4): the last bar also holds values beyond 4 in one chart, not in the other */
    private static final int[] COUNTS = {2, 3, 5, 10};
    private HistogramChart plain, overflow;
    private BoundaryChart regions;

    @Start
    void start(Stage stage) {
        plain = new HistogramChart(history(0));
        overflow = new HistogramChart(history(6));
        regions = new BoundaryChart();
        // narrow histograms: no "≥ 4" note over the bar, so the two differ only in the bar
        for (HistogramChart c : List.of(plain, overflow)) {
            c.setSource(1, Tap.ACTIVATION);
            c.setPrefSize(180, 170);
            c.setMinSize(180, 170);
            c.setMaxSize(180, 170);
        }
        regions.setPrefSize(260, 240);
        regions.setMaxSize(260, 240);
        regions.setPoints(new double[] {-0.5, 0.5}, new double[] {0.5, -0.5}, new int[] {0, 1});
        stage.setScene(new Scene(new HBox(plain, overflow, regions), 700, 260));
        stage.show();
    }

    private static History history(int over) {
        History h = new History();
        TapStats t = new TapStats(1, Tap.ACTIVATION, 2, 1, 0, 1, 2, 3, 4 + over, 0, 0, 4, COUNTS, 0, over);
        h.add(new Snapshot("main", 1, 1, 0.5, Double.NaN, 0.1, 20, true, -1, List.of(t)));
        return h;
    }

    private static WritableImage picture(Canvas c) {
        return c.snapshot(null, null);
    }

    @Test
    void theHatchingStaysInsideItsBar(FxRobot robot) {
        WritableImage[] img = new WritableImage[2];
        robot.interact(() -> {
            plain.refresh();
            overflow.refresh();
            img[0] = picture(plain.canvas);
            img[1] = picture(overflow.canvas);
        });
        // the last bar: bin 3, from 3 to 4, half of the values (10 of 20)
        int x0 = (int) Math.floor(overflow.xOf(overflow.x, 3)), x1 = (int) Math.ceil(overflow.xOf(overflow.x, 4));
        int y0 = (int) Math.floor(overflow.yOf(overflow.y, 0.5)), y1 = (int) Math.ceil(overflow.yOf(overflow.y, 0));
        PixelReader a = img[0].getPixelReader(), b = img[1].getPixelReader();
        int differ = 0, lighter = 0, inside = 0;
        double darkest = 1;
        List<Double> bar = new java.util.ArrayList<>();
        for (int y = 0; y < (int) img[0].getHeight(); y++) {
            for (int x = 0; x < (int) img[0].getWidth(); x++) {
                boolean inBar = x >= x0 - 1 && x <= x1 + 1 && y >= y0 - 1 && y <= y1 + 1;
                Color pa = a.getColor(x, y), pb = b.getColor(x, y);
                if (!inBar) {
                    if (!pa.equals(pb)) differ++;
                    continue;
                }
                if (x > x0 + 2 && x < x1 - 2 && y > y0 + 2 && y < y1 - 2) {
                    bar.add(pb.getBrightness());
                    darkest = Math.min(darkest, pb.getBrightness());
                }
            }
        }
        inside = bar.size();
        for (double v : bar) if (v > darkest + 0.15) lighter++;
        assertEquals(0, differ, "the overflow bar's hatching reaches outside its bar");
        assertTrue(inside > 50, "the bar is big enough to look at: " + inside + " pixels");
        assertTrue(lighter > inside / 10, "light hatching lines cross the bar: " + lighter + " of " + inside);
    }

    @Test
    void theHoverOverlayIsOnScreenOnlyWhileItShowsSomething(FxRobot robot) {
        robot.interact(overflow::refresh);
        assertEquals(1, visibleCanvases(overflow), "the chart's drawing only");
        robot.interact(() -> overflow.hover(overflow.xOf(overflow.x, 3.5), overflow.yOf(overflow.y, 0.2)));
        assertFalse(overflow.shownReadout().isEmpty());
        assertEquals(2, visibleCanvases(overflow), "the readout over it");
        robot.interact(() -> overflow.hover(Double.NaN, Double.NaN));
        assertTrue(overflow.shownReadout().isEmpty());
        assertEquals(1, visibleCanvases(overflow));
    }

    /**
     * A layer chart as narrow and short as a row gets (presentation type, 1.6×) still labels at least three steps
     * and three values: seen at 1920×1080, the charts over steps showed a lone "0" under the plot.
     */
    @Test
    void narrowChartsStillShowAScale(FxRobot robot) {
        History h = new History();
        for (int s = 1; s <= 4346; s += 10) {
            // each bar holds a quarter of the values: the share axis 0 … 0.25 has only 0 and 0.2 at its
            // usual step
            TapStats t = new TapStats(1, Tap.ACTIVATION, 0.5, 0.1, 0.2, 0.4, 0.5, 0.6, 0.8, 0, 0, 1,
                    new int[] {2, 2, 2, 2}, 0, 0);
            h.add(new Snapshot("main", s, 1, 0.5, Double.NaN, 0.1, 20, true, -1, List.of(t)));
        }
        List<LayerChart> charts = List.of(new MomentsChart(h), new PercentileChart(h), new DistributionChart(h),
                new HistogramChart(h));
        robot.interact(() -> {
            HBox row = new HBox();
            for (LayerChart c : charts) {
                c.setSource(1, Tap.ACTIVATION);
                c.fontScaleProperty().set(1.6);
                c.setMinSize(200, 190);
                c.setPrefSize(200, 190);
                c.setMaxSize(200, 190);
                row.getChildren().add(c);
            }
            Stage s = new Stage();
            s.setScene(new Scene(row, 800, 190));
            s.show();
            row.layout();
            for (LayerChart c : charts) c.refresh();
        });
        for (LayerChart c : charts) {
            String name = c.getClass().getSimpleName();
            assertTrue(PlotFrame.xTicks(c, c.x).length >= 3, name + " x: " + java.util.Arrays.toString(
                    PlotFrame.xTicks(c, c.x)) + " in " + c.pw + " px");
            assertTrue(PlotFrame.yTicks(c, c.y).length >= 3, name + " y: " + java.util.Arrays.toString(
                    PlotFrame.yTicks(c, c.y)) + " in " + c.ph + " px");
        }
    }

    private static long visibleCanvases(ChartPane c) {
        return c.getChildrenUnmodifiable().stream().filter(n -> n instanceof Canvas && n.isVisible()).count();
    }

    @Test
    void trainingPointsStayOnTopWhenTheRegionsChangeAndMoveWithTheChart(FxRobot robot) {
        robot.interact(() -> regions.setBoundary(surface(0), "with BN"));
        assertPointsShown(robot, "first regions");
        robot.interact(() -> regions.setBoundary(surface(1), "with BN"));
        assertPointsShown(robot, "the regions changed, the points did not");
        robot.interact(() -> {
            regions.setPrefSize(200, 180);
            regions.setMaxSize(200, 180);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertPointsShown(robot, "a smaller chart");
    }

    /** regions of one class everywhere, unsure (pale): both classes' points stand out on them */
    private static Boundary surface(int cls) {
        int n = 8;
        int[] classes = new int[n * n];
        float[] conf = new float[n * n];
        java.util.Arrays.fill(classes, cls);
        java.util.Arrays.fill(conf, 0.5f);
        return new Boundary(0, "bn", cls, n, -1.1, 1.1, classes, conf);
    }

    /** the point of class 0 at (−0.5, 0.5) is orange and the one of class 1 at (0.5, −0.5) blue, at their centres */
    private void assertPointsShown(FxRobot robot, String when) {
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> {
            regions.layout();
            regions.refresh();
            img[0] = regions.snapshot(null, null);
        });
        PixelReader p = img[0].getPixelReader();
        Color orange = p.getColor((int) Math.round(regions.xOf(axis(), -0.5)),
                (int) Math.round(regions.yOf(axis(), 0.5)));
        Color blue = p.getColor((int) Math.round(regions.xOf(axis(), 0.5)),
                (int) Math.round(regions.yOf(axis(), -0.5)));
        assertTrue(orange.getRed() > 0.8 && orange.getBlue() < 0.4, when + ": class 0's point is orange, not " + orange);
        assertTrue(blue.getBlue() > 0.6 && blue.getRed() < 0.3, when + ": class 1's point is blue, not " + blue);
    }

    /** the decision-region chart's axes span −1.1 … 1.1 both ways */
    private static Axis axis() {
        Axis a = new Axis();
        a.set(-1.1, 1.1);
        return a;
    }
}
