package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.shiftscope.chart.ChartPane;
import org.shiftscope.lesson.Lessons;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Room for the charts at 1280×720: the control panel folds away (button or Ctrl+B) and comes back; the window
 * and presentation mode cut no words (labels, buttons, lists, chart titles); the layer chooser picks the rows
 * shown.
 */
class LayoutTest extends WindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    protected int width() {
        return 1280;
    }

    @Override
    protected int height() {
        return 720;
    }

    @Test
    void theControlPanelFoldsAwayAndComesBack(FxRobot robot) {
        double narrow = view.charts.getWidth();
        robot.clickOn("#panel");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.getChildren().contains(view.controls), "the panel is gone");
        assertTrue(view.charts.getWidth() > narrow + 200, "the charts take its width");
        robot.clickOn("#status").press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(view.controls, view.getLeft(), "Ctrl+B brings it back");
        assertTrue(robot.lookup("#panel").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS, condition);
    }

    /** every word on screen that JavaFX shortened with "…" (a label, button, list cell, chart title), with where */
    private List<String> cutWords() {
        List<String> cut = new ArrayList<>();
        collect(view, cut);
        for (ChartPane c : view.chartPanes()) {
            c.refresh();
            if (c.shownTitle().endsWith("…")) cut.add("chart title " + c.shownTitle() + " of " + c.title());
            if (!c.shownTitle().equals(c.title()) && !String.join(" ", c.readout(10, 5)).startsWith(c.title())) {
                cut.add("a shortened title without the full one on hover: " + c.title());
            }
        }
        return cut;
    }

    private static void collect(Node n, List<String> cut) {
        if (!n.isVisible()) return;
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (Node child : l.getChildrenUnmodifiable()) {
                if (child instanceof Text t && child.isVisible() && !t.getText().equals(l.getText())) {
                    cut.add(l.getClass().getSimpleName() + " '" + l.getText() + "' shows '" + t.getText() + "'");
                }
            }
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collect(c, cut);
    }

    /** presentation mode at a size (not full screen: the test screen has its own size) */
    private void present(FxRobot robot, int width, int height) {
        robot.interact(() -> {
            view.toolbar.presentation.setSelected(true);
            Stage st = (Stage) view.getScene().getWindow();
            st.setFullScreen(false);
            st.setWidth(width);
            st.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void noWordIsCutInTheWindowOrInPresentationModeLightAndDarkWithThePanelAndWithout(FxRobot robot) throws Exception {
        robot.interact(() -> view.openLesson(Lessons.get(5)));
        waitFor(() -> trainer.status().scenario().name().equals("lesson-5-depth"));
        robot.clickOn("#step");
        waitFor(() -> view.model().history().lastStep() == 1);
        noWordCut(robot, "1280×720 window"); // and the window as it opens, before presentation mode
        // 1600×900 stands for 1920×1080: the test screen is 1600×1000 (a larger window overflows its frame
        // buffer), and the charts' type keeps its share of the screen, so only the window's own type is
        // relatively larger there, which is the harder case
        for (int[] size : new int[][] {{1280, 720}, {1600, 900}}) {
            present(robot, size[0], size[1]);
            assertEquals(size[0], view.getWidth(), 1);
            noWordCut(robot, size[0] + "×" + size[1]);
        }
    }

    private void noWordCut(FxRobot robot, String where) {
        for (boolean dark : new boolean[] {true, false}) {
            for (boolean panel : new boolean[] {true, false}) {
                robot.interact(() -> {
                    view.toolbar.dark.setSelected(dark);
                    view.toolbar.panel.setSelected(panel);
                });
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> found = cutWords());
                List<String> cut = found;
                assertTrue(cut.isEmpty(), where + (dark ? " dark" : " light") + (panel ? ", panel" : ", no panel") + ": " + cut);
            }
        }
    }

    /**
     * With the gradient shown (four taps and its log |g| box) the toolbar's controls fit a 1280-pixel window at
     * their preferred widths, as it opens and in presentation mode: seen there, Presentation was cut off at the
     * right edge (the test screen's type is a little narrower than a desktop's, so a bar that only just fits here
     * would not fit there).
     */
    @Test
    void theToolbarFitsTheWindowWithTheGradientShown(FxRobot robot) {
        robot.clickOn("#tapGradient");
        assertTrue(view.toolbar.logView.isVisible());
        double[] widths = toolbarWidths();
        assertTrue(widths[0] <= widths[1], "1280×720: the bar needs " + widths[0] + " of " + widths[1] + " px");
        present(robot, 1280, 720);
        widths = toolbarWidths();
        assertTrue(widths[0] <= widths[1], "presentation: the bar needs " + widths[0] + " of " + widths[1] + " px");
    }

    /** the width the toolbar's controls shown need, and the width it has */
    private double[] toolbarWidths() {
        return Hand.fx(() -> {
            view.applyCss();
            view.layout();
            return new double[] {view.toolbar.prefWidth(-1), view.toolbar.getWidth()};
        });
    }

    /**
     * In presentation mode a lesson's one layer row and the training row fill the height: seen at 1920×1080, rows
     * that stopped growing at their usual heights left a band of empty screen under the charts.
     */
    @Test
    void inPresentationModeTheRowsFillTheHeight(FxRobot robot) throws Exception {
        robot.interact(() -> view.openLesson(Lessons.get(10)));
        waitFor(() -> trainer.status().scenario().name().equals("lesson-10-noisy-shift"));
        present(robot, 1600, 900);
        robot.interact(() -> view.lessonCard.setFolded(true));
        WaitForAsyncUtils.waitForFxEvents();
        double[] heights = new double[2];
        robot.interact(() -> {
            heights[0] = view.charts.getViewportBounds().getHeight();
            heights[1] = view.charts.dashboard.getHeight();
        });
        assertTrue(heights[1] >= heights[0] - 12, "the rows take " + heights[1] + " of " + heights[0] + " px");
    }

    /**
     * The step inspector in presentation mode at 1280×720 with the control panel open, its narrowest case: seen
     * there, the formulas ran under the dots and the numbers ended in "…" ("σ²_B = … = 2....", "γ = 0.2...").
     * Every number shows whole, inside the panel, and every formula ends before its number line starts.
     */
    @Test
    void theInspectorShowsEveryNumberWholeInPresentationModeAt1280x720(FxRobot robot) throws Exception {
        robot.interact(() -> view.openLesson(Lessons.get(7)));
        waitFor(() -> trainer.status().scenario().name().equals("lesson-7-inference"));
        present(robot, 1280, 720);
        robot.interact(() -> view.lessonCard.setFolded(true)); // the card folded to its title line (▴ or Ctrl+L)
        WaitForAsyncUtils.waitForFxEvents();
        Node histogram = view.chartPanes().stream().filter(c -> c instanceof org.shiftscope.chart.HistogramChart)
                .findFirst().orElseThrow();
        robot.clickOn(histogram); // a click on a layer's histogram opens the inspector on that layer
        for (int i = 0; i < 3; i++) robot.type(KeyCode.S);
        waitFor(() -> view.inspector.shown() != null && view.inspector.shown().step() == 3);
        for (String mode : new String[] {"#inspectTraining", "#inspectInference"}) {
            robot.clickOn(mode);
            WaitForAsyncUtils.waitForFxEvents();
            noWordCut(robot, "inspector " + mode + ", 1280×720 presentation");
            for (boolean panel : new boolean[] {true, false}) {
                robot.interact(() -> view.toolbar.panel.setSelected(panel));
                WaitForAsyncUtils.waitForFxEvents();
                String where = mode + (panel ? ", control panel open" : "");
                boolean[] fit = new boolean[1];
                List<String> outside = new ArrayList<>();
                robot.interact(() -> {
                    view.inspector.layout();
                    fit[0] = view.inspector.lines.formulasFit();
                    Node numbers = view.inspector.lookup("#inspectNumbers");
                    var box = numbers.localToScene(numbers.getLayoutBounds());
                    var whole = view.inspector.localToScene(view.inspector.getLayoutBounds());
                    for (Node n : ((Parent) numbers).getChildrenUnmodifiable()) {
                        var b = n.localToScene(n.getLayoutBounds());
                        if (b.getMaxY() > Math.min(box.getMaxY(), whole.getMaxY()) + 0.5) {
                            outside.add(n.getId() + " " + b);
                        }
                    }
                });
                assertTrue(fit[0], where + ": a formula runs into its number line");
                double size = view.inspector.lines.formulaSize();
                assertTrue(size >= 12.5 * 1.4 * 0.8, where + ": the formulas shrank to " + size + " px");
                assertTrue(outside.isEmpty(), where + ": below the inspector: " + outside);
            }
        }
    }

    /** where a formula too wide for its column breaks: after "=" or ",", or before "(", evenly */
    @Test
    void aLongFormulaBreaksAtItsEqualsSignCommaOrParenthesis() {
        assertEquals(List.of("③ x̂_i =", "(x_i − μ_B) / √(σ²_B + ε)"),
                List.of(InspectorFormulas.halves("③ x̂_i = (x_i − μ_B) / √(σ²_B + ε)")));
        assertEquals(List.of("① x_i = W·x+b,", "unit 1 (m = 60)"),
                List.of(InspectorFormulas.halves("① x_i = W·x+b, unit 1 (m = 60)")));
        assertEquals(List.of("② running μ ± σ", "(this batch's μ_B: dashed)"),
                List.of(InspectorFormulas.halves("② running μ ± σ (this batch's μ_B: dashed)")));
        assertEquals(List.of("④ y_i", "abc"), List.of(InspectorFormulas.halves("④ y_i abc"))); // any space
        assertEquals(List.of("③"), List.of(InspectorFormulas.halves("③")));
    }

    /** what {@link #cutWords} found on the FX thread */
    private List<String> found;

    @Test
    void aLessonShowsItsRowsTheChooserPicksOthersAndTheChoiceStaysAcrossReset(FxRobot robot) throws Exception {
        robot.interact(() -> view.openLesson(Lessons.get(5)));
        waitFor(() -> trainer.status().scenario().network().depth() == 10 && view.charts.depth() == 10);
        assertEquals(List.of(1, 10), shown(), "lesson 5's rows");
        assertEquals("Layers: 1, 10", view.layers.getText());
        robot.clickOn("#layers");
        robot.clickOn("#layer5");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(1, 5, 10), shown());
        assertEquals("Layers: 1, 5, 10", view.layers.getText());
        robot.clickOn("#layer1"); // the menu stays open while several are picked
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(5, 10), shown());
        robot.type(KeyCode.ESCAPE);
        int generation = trainer.status().generation();
        robot.clickOn("#reset");
        waitFor(() -> trainer.status().generation() > generation && view.charts.depth() == 10);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(5, 10), shown(), "the choice stays across Reset");
        assertEquals(4 * 2, view.chartPanes().stream().filter(c -> c instanceof org.shiftscope.chart.LayerChart)
                .count(), "two rows of four layer charts");
        // automatic: all ten do not fit 1280×720, so the first, middle and last
        robot.interact(() -> view.charts.choose(null));
        assertEquals(List.of(1, 5, 10), shown());
        robot.clickOn("#layers").clickOn("#allLayers");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Layers: all 10", view.layers.getText());
        // a lesson's rows apply when it opens
        robot.interact(() -> view.openLesson(Lessons.get(1)));
        waitFor(() -> trainer.status().scenario().network().depth() == 3 && view.charts.depth() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(3), shown(), "lesson 1's row");
        assertEquals("Layer 3", view.layers.getText());
    }

    private List<Integer> shown() {
        return view.charts.shownProperty().get();
    }

    @Test
    void layerWords() {
        assertEquals("Layers: 1, 5, 10", LayerChooser.words(List.of(1, 5, 10), 10));
        assertEquals("Layers: 1–4, 7", LayerChooser.words(List.of(1, 2, 3, 4, 7), 10));
        assertEquals("Layers: 1, 2, 9, 10", LayerChooser.words(List.of(1, 2, 9, 10), 10));
        assertEquals("Layers: all 3", LayerChooser.words(List.of(1, 2, 3), 3));
        assertEquals("Layer 2", LayerChooser.words(List.of(2), 3));
    }

    @Test
    void presentationTypeFollowsTheScreen() {
        assertEquals(1.6, MainView.presentationScale(1920, 1080), 1e-12);
        assertEquals(1.6, MainView.presentationScale(2560, 1440), 1e-12);
        assertEquals(1.25, MainView.presentationScale(1280, 720), 1e-12);
        assertEquals(1.6 * 1600 / 1920, MainView.presentationScale(1600, 1000), 1e-12);
    }
}
