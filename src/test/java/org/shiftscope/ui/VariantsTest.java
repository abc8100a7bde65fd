package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.shiftscope.nn.NormKind;
import org.shiftscope.train.scenario.Settings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Variants section through the window: presets, editing one variant live, hiding one everywhere. */
class VariantsTest extends WindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
    }

    private void choosePreset(FxRobot robot, String words, int runs) throws Exception {
        robot.clickOn("#variants").clickOn(words);
        waitFor(() -> trainer.status().runs().size() == runs);
        for (int i = 0; i < 3; i++) robot.clickOn("#step");
        waitFor(() -> view.model().history().lastStep() == 3 && view.model().history().runs().size() == runs);
    }

    /** pixels of the exported dashboard within a small distance of a colour */
    private int pixelsOf(String hex) throws Exception {
        FileActions.Picture p = WaitForAsyncUtils.asyncFx(() -> {
            view.model().frame();
            return view.files.picture(view.dashboard(), "dashboard");
        }).get(120, TimeUnit.SECONDS);
        Color c = Color.web(hex);
        PixelReader r = p.image().getPixelReader();
        int n = 0;
        for (int y = 0; y < (int) p.image().getHeight(); y++) {
            for (int x = 0; x < (int) p.image().getWidth(); x++) {
                Color q = r.getColor(x, y);
                double d = Math.abs(q.getRed() - c.getRed()) + Math.abs(q.getGreen() - c.getGreen())
                        + Math.abs(q.getBlue() - c.getBlue());
                if (d < 0.12) n++;
            }
        }
        return n;
    }

    @Test
    void aPresetShowsOneSeriesPerVariantInItsColour(FxRobot robot) throws Exception {
        choosePreset(robot, "All normalizers", 4);
        assertEquals(List.of("bn", "layer", "group", "renorm"), view.model().history().shown());
        assertEquals(List.of("bn", "layer", "group", "renorm"), trainer.status().runs());
        for (String name : List.of("bn", "layer", "group", "renorm")) {
            assertTrue(robot.lookup("#variant-show-" + name).queryAs(CheckBox.class).isSelected(), name);
        }
        var s = view.model().scenario();
        for (int i = 0; i < 4; i++) {
            String color = s.runColor(i);
            assertEquals(color, view.model().history().color(s.runName(i)));
            assertTrue(pixelsOf(color) > 40, s.runName(i) + " drawn in " + color);
        }
        // the engine trains what the panel says
        assertEquals(List.of(NormKind.BATCH, NormKind.LAYER, NormKind.GROUP, NormKind.RENORM),
                trainer.call(x -> x.runs().stream().map(r -> r.net.norm()).toList()));
    }

    /**
     * Once a set was chosen, a scenario whose variants are its own (lesson 10's) leaves the list empty: it says what
     * to choose, as before any choice, not nothing; so do the lesson and scenario lists once emptied.
     */
    @Test
    void emptiedListsSayWhatToChoose(FxRobot robot) throws Exception {
        choosePreset(robot, "BN vs plain", 2);
        ComboBox<?> sets = robot.lookup("#variants").queryAs(ComboBox.class);
        ComboBox<?> lessons = robot.lookup("#lesson").queryAs(ComboBox.class);
        ComboBox<?> presets = robot.lookup("#preset").queryAs(ComboBox.class);
        assertEquals("BN vs plain", shown(sets));
        Hand.run(() -> view.model().openLesson(org.shiftscope.lesson.Lessons.get(10)));
        waitFor(() -> trainer.status().runs().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, sets.getValue());
        assertEquals("Choose a set…", shown(sets));
        assertEquals(org.shiftscope.lesson.Lessons.get(10).label(), shown(lessons));
        Hand.run(() -> view.model().closeLesson());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Choose a lesson…", shown(lessons));
        java.nio.file.Path file = java.nio.file.Files.createTempFile("own", ".json");
        try {
            assertTrue(Hand.fx(() -> view.model().save(file)));
            assertTrue(Hand.fx(() -> view.model().openFile(file)));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("Choose a preset…", shown(presets), "a scenario from a file");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    /** the words a closed list box shows: its button's cell (its list's cells are list cells too) */
    private static String shown(ComboBox<?> box) {
        return Hand.fx(() -> box.lookupAll(".list-cell").stream().filter(n -> n.getParent() == box)
                .map(n -> String.valueOf(((javafx.scene.control.ListCell<?>) n).getText())).findFirst().orElseThrow());
    }

    @Test
    void editingAVariantsNormalizerAppliesAtTheNextStepWithoutAReset(FxRobot robot) throws Exception {
        choosePreset(robot, "All normalizers", 4);
        int generation = trainer.status().generation();
        robot.clickOn("#variant-edit-layer");
        assertEquals(1, view.model().variants().selectedProperty().get());
        @SuppressWarnings("unchecked")
        ComboBox<Object> norm = robot.lookup("#network-norm").queryAs(ComboBox.class);
        assertEquals(NormKind.LAYER, norm.getValue(), "the panel shows the edited variant's normalizer");
        Hand.run(() -> view.controls.reveal(norm)); // scrolled into view, as a person scrolls the panel
        Hand.sync();
        robot.clickOn(norm).clickOn("none");
        waitFor(() -> trainer.call(x -> x.runs().get(1).net.norm()) == NormKind.NONE);
        assertEquals(generation, trainer.status().generation(), "no reset");
        assertEquals(3, trainer.status().step(), "the weights and steps go on");
        assertEquals(List.of(NormKind.BATCH, NormKind.NONE, NormKind.GROUP, NormKind.RENORM),
                trainer.call(x -> x.runs().stream().map(r -> r.net.norm()).toList()));
        assertEquals(NormKind.NONE, view.model().scenario().run(1).get(Settings.NORM));
        assertEquals(NormKind.BATCH, view.model().scenario().get(Settings.NORM), "the shared value as it was");
        robot.clickOn("#step");
        waitFor(() -> trainer.status().step() == 4);
        // the other variants' panels show their own values
        javafx.scene.Node group = robot.lookup("#variant-edit-group").query();
        Hand.run(() -> view.controls.reveal(group)); // back up the panel
        Hand.sync();
        robot.clickOn(group);
        assertEquals(NormKind.GROUP, norm.getValue());
        assertFalse(robot.lookup("#network-norm_groups").query().isDisabled());
    }

    @Test
    void hidingAVariantHidesItInEveryChartAndThePicture(FxRobot robot) throws Exception {
        choosePreset(robot, "All normalizers", 4);
        String green = view.model().scenario().runColor(1);
        assertTrue(pixelsOf(green) > 40);
        robot.clickOn("#variant-show-layer");
        waitFor(() -> view.model().history().shown().equals(List.of("bn", "group", "renorm")));
        assertEquals(0, pixelsOf(green), "layer drawn nowhere");
        FileActions.Picture p = WaitForAsyncUtils.asyncFx(() -> view.files.picture(view.dashboard(), "dashboard"))
                .get(120, TimeUnit.SECONDS);
        assertTrue(p.caption().contains("(hidden: layer)"), p.caption());
        assertEquals(4, trainer.status().runs().size(), "it still trains");
        robot.clickOn("#variant-show-layer");
        waitFor(() -> view.model().history().shown().size() == 4);
        assertTrue(pixelsOf(green) > 40);
    }

    @Test
    void hidingAVariantClearsEveryChartOnScreenAtTheNextRedraw(FxRobot robot) throws Exception {
        choosePreset(robot, "All normalizers", 4);
        String green = view.model().scenario().runColor(1);
        robot.interact(() -> view.charts.dashboard.refreshAll());
        assertTrue(screenPixelsOf(robot, green) > 40, "layer drawn on screen");
        java.util.Map<org.shiftscope.chart.ChartPane, Long> before = new java.util.HashMap<>();
        robot.interact(() -> {
            for (var c : onScreen()) before.put(c, c.draws());
            view.model().variants().show("layer", false);
            view.charts.dashboard.refresh(); // the frame loop's next redraw
        });
        assertFalse(before.isEmpty());
        for (var e : before.entrySet()) {
            assertTrue(e.getKey().draws() > e.getValue(), e.getKey().fileStem() + " redrew at once");
        }
        assertEquals(0, screenPixelsOf(robot, green), "layer drawn nowhere on screen, the heat maps included");
    }

    /**
     * the charts at least partly inside the scrolled charts area that draw every variant shown (not the decision
     * regions, which show one network's)
     */
    private List<org.shiftscope.chart.ChartPane> onScreen() {
        javafx.geometry.Bounds area = view.charts.localToScene(view.charts.getLayoutBounds());
        return view.charts.dashboard.charts().stream()
                .filter(c -> !(c instanceof org.shiftscope.chart.BoundaryChart))
                .filter(c -> c.localToScene(c.getLayoutBounds()).intersects(area)).toList();
    }

    /** pixels of the charts area as it is on screen within a small distance of a colour */
    private int screenPixelsOf(FxRobot robot, String hex) throws Exception {
        javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> shot[0] = view.charts.snapshot(null, null));
        Color c = Color.web(hex);
        PixelReader r = shot[0].getPixelReader();
        int n = 0;
        for (int y = 0; y < (int) shot[0].getHeight(); y++) {
            for (int x = 0; x < (int) shot[0].getWidth(); x++) {
                Color q = r.getColor(x, y);
                double d = Math.abs(q.getRed() - c.getRed()) + Math.abs(q.getGreen() - c.getGreen())
                        + Math.abs(q.getBlue() - c.getBlue());
                if (d < 0.12) n++;
            }
        }
        return n;
    }
}
