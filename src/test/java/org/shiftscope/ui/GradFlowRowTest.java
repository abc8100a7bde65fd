package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.chart.ChartTheme;
import org.shiftscope.chart.GradFlowChart;
import org.shiftscope.stats.LayerFlow;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.train.scenario.VariantPreset;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The gradient-flow row through the window: shown with the gradient tap, a line per layer and variant whose
 * readout is the session's figures, hidden variants left out, each chart exported as a PNG.
 */
class GradFlowRowTest extends WindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    private List<GradFlowChart> flowCharts() {
        return view.chartPanes().stream().filter(GradFlowChart.class::isInstance).map(GradFlowChart.class::cast)
                .toList();
    }

    /** the readout at the right end of a chart's plot, drawn from the history as it is now */
    private static List<String> newest(GradFlowChart c) {
        return Hand.fx(() -> {
            c.markDirty();
            c.refresh();
            return c.readout(c.getWidth() - 20, c.getHeight() / 2);
        });
    }

    /** the pixels of a chart's canvas in a run's colour (its first layer's line) */
    private static int pixelsOf(GradFlowChart c, Color color) {
        return Hand.fx(() -> {
            c.markDirty();
            c.refresh();
            javafx.scene.image.WritableImage img = c.snapshot(null, null);
            int n = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    Color p = img.getPixelReader().getColor(x, y);
                    if (Math.abs(p.getRed() - color.getRed()) < 0.08 && Math.abs(p.getGreen() - color.getGreen()) < 0.08
                            && Math.abs(p.getBlue() - color.getBlue()) < 0.08) n++;
                }
            }
            return n;
        });
    }

    @Test
    void theRowFollowsTheGradientTapEveryVariantAndHideShowAndExports(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Hand.run(() -> view.model().applyPreset(VariantPreset.BN_VS_PLAIN));
        waitFor(() -> trainer.status().runs().size() == 2);
        for (int i = 0; i < 3; i++) robot.clickOn("#step");
        waitFor(() -> view.model().history().lastStep() == 3);
        assertTrue(flowCharts().isEmpty(), "not with the activation tap");
        robot.clickOn("#tapGradient");
        WaitForAsyncUtils.waitForFxEvents();
        List<GradFlowChart> charts = flowCharts();
        assertEquals(List.of(GradFlowChart.Kind.NORM, GradFlowChart.Kind.RATIO),
                charts.stream().map(GradFlowChart::kind).toList());
        for (GradFlowChart c : charts) assertTrue(c.getWidth() > 100 && c.getHeight() > 100, c.fileStem());
        // the readout is each variant's figures of the newest step, layer by layer
        List<String> lines = newest(charts.get(0));
        assertEquals("step 3", lines.get(0));
        assertEquals(3, lines.size(), lines.toString());
        var history = view.model().history();
        for (int r = 0; r < 2; r++) {
            String run = history.runs().get(r);
            Snapshot s = history.flow(run).last();
            assertEquals(3, s.step());
            StringBuilder want = new StringBuilder(history.label(run)).append(':');
            for (LayerFlow f : s.flow()) {
                want.append(f.layer() == 1 ? " " : ", ").append(f.layer()).append(": ")
                        .append(org.shiftscope.export.Captions.number(f.gradNorm()));
            }
            assertEquals(want.toString(), lines.get(1 + r));
        }
        // each variant's lines in its colour; hiding one takes them away from the readout and the picture
        String plain = history.runs().get(1);
        Color plainColor = ChartTheme.runColor(history, plain);
        assertTrue(pixelsOf(charts.get(1), plainColor) > 20, "plain's lines are drawn");
        Hand.run(() -> view.model().variants().show(plain, false));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, newest(charts.get(1)).size(), "one variant left");
        assertFalse(newest(charts.get(1)).get(1).startsWith(history.label(plain)));
        assertEquals(0, pixelsOf(charts.get(1), plainColor), "plain's lines are gone");
        Hand.run(() -> view.model().variants().show(plain, true));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, newest(charts.get(1)).size());
        // each exports as a PNG like every other chart
        for (GradFlowChart c : charts) {
            Path png = dir.resolve(c.fileStem() + ".png");
            robot.interact(() -> view.exportChart(c, png, 1));
            waitFor(() -> Files.exists(png));
            BufferedImage img = ImageIO.read(png.toFile());
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < img.getHeight(); y += 2) for (int x = 0; x < img.getWidth(); x += 2) colours.add(img.getRGB(x, y));
            assertTrue(colours.size() > 10, c.fileStem() + ": " + colours.size() + " colours");
        }
        // another tap: the row gives way
        robot.clickOn("#tapActivation");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(flowCharts().isEmpty());
    }
}
