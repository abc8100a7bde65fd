package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.nn.Tap;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.train.Session;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioIO;
import org.shiftscope.chart.ChartPane;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window through its real controls, headless (Monocle). */
class MainViewTest extends WindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }





    static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
    }

    long steps() throws InterruptedException {
        return trainer.call(Session::stepCount);
    }

    @Test
    void learningRateSliderChangesTheTrainersLearningRate(FxRobot robot) throws Exception {
        Slider lr = robot.lookup("#training-learning_rate").queryAs(Slider.class);
        robot.interact(() -> lr.setValue(Math.log10(0.5)));
        waitFor(() -> Math.abs(trainer.call(s -> s.runs().get(0).sgd.learningRate()) - 0.5) < 1e-12);
        // and with the keyboard, as a student would: focus the slider and press → (one block increment)
        robot.interact(() -> view.controls.reveal(lr));
        robot.clickOn(lr);
        double before = lr.getValue();
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        double expected = org.shiftscope.train.scenario.Settings.LEARNING_RATE.round(Math.pow(10, lr.getValue()));
        assertTrue(lr.getValue() > before);
        waitFor(() -> Math.abs(trainer.call(s -> s.runs().get(0).sgd.learningRate()) - expected) < 1e-12);
    }

    @Test
    void batchNormToggleChangesTheNetworkAndTheNormalizedTap(FxRobot robot) throws Exception {
        assertTrue((boolean) trainer.call(s -> s.runs().get(0).net.batchNorm()));
        var norm = robot.lookup("#network-norm").queryComboBox();
        robot.interact(() -> norm.getSelectionModel().select(org.shiftscope.nn.NormKind.NONE));
        waitFor(() -> !trainer.call(s -> s.runs().get(0).net.batchNorm()));
        assertTrue(robot.lookup("#tapNormalized").queryAs(ToggleButton.class).isDisabled());
        robot.clickOn("#step");
        waitFor(() -> view.model().history().latestStats("main") != null);
        Snapshot s = view.model().history().latestStats("main");
        assertEquals(null, s.tap(1, Tap.NORMALIZED));
        robot.interact(() -> norm.getSelectionModel().select(org.shiftscope.nn.NormKind.BATCH));
        waitFor(() -> trainer.call(x -> x.runs().get(0).net.batchNorm()));
        robot.clickOn("#step");
        waitFor(() -> view.model().history().latestStats("main").step() == 2);
        assertNotNull(view.model().history().latestStats("main").tap(1, Tap.NORMALIZED));
        assertFalse(robot.lookup("#tapNormalized").queryAs(ToggleButton.class).isDisabled());
    }

    @Test
    void stepAdvancesExactlyOneStepAndResetReturnsToZero(FxRobot robot) throws Exception {
        // a Step is trained before any command sent after it, so counting right after the clicks is exact
        robot.clickOn("#step");
        assertEquals(1, steps(), "one click, one step");
        robot.clickOn("#step");
        robot.clickOn("#step");
        assertEquals(3, steps(), "each click exactly one step");
        waitFor(() -> view.model().history().lastStep() == 3);
        robot.clickOn("#reset");
        waitFor(() -> steps() == 0 && trainer.status().generation() == 1);
        waitFor(() -> view.model().history().runs().isEmpty());
    }

    @Test
    void bnVsPlainShowsTwoSeriesAndBTogglesTheSelectedVariant(FxRobot robot) throws Exception {
        robot.clickOn("#variants").clickOn("BN vs plain");
        waitFor(() -> trainer.status().runs().size() == 2);
        robot.clickOn("#step");
        waitFor(() -> view.model().history().runs().size() == 2);
        assertEquals(List.of("bn", "plain"), view.model().history().runs());
        assertTrue((boolean) trainer.call(s -> s.runs().get(0).net.batchNorm() && !s.runs().get(1).net.batchNorm()));
        robot.clickOn("#variant-edit-plain");
        robot.clickOn("#status").type(KeyCode.B); // B turns the edited variant's normalizer on
        waitFor(() -> trainer.call(s -> s.runs().get(1).net.batchNorm()));
        assertTrue((boolean) trainer.call(s -> s.runs().get(0).net.batchNorm()), "the other variant as it was");
    }

    @Test
    void divergenceShowsTheBannerAndPauses(FxRobot robot) throws Exception {
        Scenario bad = Scenario.defaults();
        for (String[] kv : new String[][] {{"network.batchnorm", "false"}, {"network.activation", "linear"},
                {"network.init", "normal"}, {"network.init_gain", "1"}, {"training.learning_rate", "10"}}) {
            bad = ScenarioIO.withOverride(bad, kv[0], kv[1]);
        }
        trainer.rebuild(bad, "test");
        waitFor(() -> trainer.status().generation() == 1);
        robot.clickOn("#play");
        Label banner = robot.lookup("#banner").queryAs(Label.class);
        waitFor(banner::isVisible);
        assertTrue(banner.getText().contains("diverged at step"), banner.getText());
        assertTrue(banner.getText().contains("learning rate"));
        assertFalse(trainer.status().playing());
        waitFor(() -> !robot.lookup("#play").queryAs(ToggleButton.class).isSelected());
        long at = steps();
        assertEquals(trainer.status().firstDivergence(), at, "training stopped at the step that diverged");
        robot.clickOn("#step"); // a Step is trained before the count below is taken, if it trains at all
        assertEquals(at, steps(), "a diverged network is not trained further");
        robot.clickOn("#play"); // nothing left to train: the button must not stay on Pause
        waitFor(() -> !robot.lookup("#play").queryAs(ToggleButton.class).isSelected());
        assertEquals(at, steps());
        assertFalse(trainer.status().playing());
        robot.clickOn("#reset");
        waitFor(() -> !banner.isVisible());
    }

    @Test
    void exportWritesNonBlankPngsAtTheChosenScale(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.clickOn("#step");
        robot.clickOn("#step");
        waitFor(() -> view.model().history().lastStep() == 2);
        Path dash = dir.resolve("dash.png");
        robot.interact(() -> view.exportDashboard(dash, 1));
        waitFor(() -> Files.exists(dash));
        BufferedImage img = ImageIO.read(dash.toFile());
        assertTrue(distinctColors(img) > 50, "a dashboard has many colours, got " + distinctColors(img));
        ChartPane chart = view.chartPanes().get(2);
        Path one = dir.resolve("chart.png");
        robot.interact(() -> view.exportChart(chart, one, 3));
        exportsWritten();
        BufferedImage c = ImageIO.read(one.toFile());
        assertEquals(Math.round(chart.getWidth()) * 3, c.getWidth(), 3);
        assertTrue(distinctColors(c) > 10);
        // an unwritable path gives a message, not a crash
        Path blocked = dir.resolve("file-not-dir");
        Files.writeString(blocked, "x");
        robot.interact(() -> view.exportDashboard(blocked.resolve("x.png"), 1));
        Label message = robot.lookup("#message").queryAs(Label.class);
        waitFor(() -> message.getText().startsWith("Could not save " + blocked.resolve("x.png")));
    }

    @Test
    void keyboardShortcuts(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.clickOn("#status");
        robot.type(KeyCode.S);
        waitFor(() -> steps() == 1);
        robot.type(KeyCode.SPACE);
        waitFor(() -> trainer.status().playing());
        robot.type(KeyCode.SPACE);
        waitFor(() -> !trainer.status().playing());
        robot.type(KeyCode.R);
        waitFor(() -> steps() == 0 && trainer.status().generation() == 1);
        robot.type(KeyCode.B);
        waitFor(() -> !trainer.call(s -> s.runs().get(0).net.batchNorm()));
        view.setExportDir(dir);
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        waitFor(() -> {
            try (var files = Files.list(dir)) {
                return files.anyMatch(p -> p.getFileName().toString().endsWith("-dashboard@2x.png"));
            }
        });
    }

    @Test
    void aLessonOpensItsScenarioExplainsItAndItsSuggestedChangeApplies(FxRobot robot) throws Exception {
        var lesson = robot.lookup("#lesson").queryComboBox();
        robot.interact(() -> lesson.getSelectionModel().select(2)); // lesson 3: higher learning rates
        waitFor(() -> trainer.status().scenario().name().equals("lesson-3-learning-rate"));
        assertEquals(2, trainer.status().runs().size(), "the lesson's twins");
        int generation = trainer.status().generation();
        javafx.scene.Node card = robot.lookup("#lessonCard").query();
        assertTrue(card.isVisible());
        assertTrue(robot.lookup(".lesson-title").queryAs(Label.class).getText().contains("Higher learning rates"));
        robot.clickOn("#lessonAction");
        waitFor(() -> trainer.call(s -> s.runs().get(0).sgd.learningRate()) == 0.1);
        assertEquals(generation, trainer.status().generation(), "a live change: no new session");
        robot.clickOn("#lessonClose");
        assertFalse(card.isVisible());
    }

    @Test
    void badScenarioFilesAreRefusedAndChangeNothingGoodOnesOpenAndSaveRoundTrips(FxRobot robot, @TempDir Path dir)
            throws Exception {
        robot.clickOn("#step");
        waitFor(() -> steps() == 1);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ \"training\": { \"batch_size\": 0 } }");
        Scenario before = view.scenario();
        robot.interact(() -> view.openScenario(bad));
        Label message = robot.lookup("#message").queryAs(Label.class);
        waitFor(() -> message.getText().startsWith("Not opened: ") && message.getText().contains("training.batch_size")
                && message.getText().contains("1 to 4096"));
        assertEquals(before, view.scenario());
        assertEquals(1, steps(), "the session is untouched (a rebuild sent by the open would come before this)");
        assertEquals(0, trainer.status().generation());

        Path mine = dir.resolve("mine.json");
        robot.interact(() -> view.model().setText(org.shiftscope.train.scenario.Settings.LEARNING_RATE, "0.2"));
        robot.interact(() -> view.saveScenario(mine));
        Scenario saved = ScenarioIO.load(mine);
        assertEquals(0.2, saved.training().learningRate(), 1e-12);
        assertEquals("mine", saved.name());
        Path other = dir.resolve("other.json");
        ScenarioIO.save(ScenarioIO.withOverride(saved, "network.hidden", "5,5"), other);
        robot.interact(() -> view.openScenario(other));
        waitFor(() -> trainer.status().scenario().network().hidden().length == 2);
        assertTrue(Prefs.recent().contains(other.toAbsolutePath()));

        robot.clickOn("#step");
        waitFor(() -> view.model().history().lastStep() == 1);
        Path csv = dir.resolve("csv");
        robot.interact(() -> view.exportCsv(csv));
        exportsWritten();
        assertEquals("run,step,layer,tap,mean,std,min,p15,p50,p85,max,saturation",
                Files.readAllLines(csv.resolve("stats.csv")).get(0));
        assertTrue(Files.readAllLines(csv.resolve("metrics.csv")).size() >= 2);
        assertTrue(Files.readAllLines(csv.resolve("histograms.csv")).size() > 40);
    }

    @Test
    void presentationModeEnlargesEverythingAndDarkensTheCharts(FxRobot robot) throws Exception {
        robot.clickOn("#step");
        waitFor(() -> view.model().history().lastStep() == 1);
        robot.interact(() -> robot.lookup("#presentation").queryAs(ToggleButton.class).setSelected(true));
        assertTrue(view.getStyleClass().contains("presentation"));
        double big = MainView.presentationScale(view.getWidth(), view.getHeight());
        assertTrue(big >= 1.25 && big <= 1.6, "larger type: " + big);
        for (ChartPane c : view.chartPanes()) assertEquals(big, c.fontScaleProperty().get(), 1e-12);
        assertEquals(org.shiftscope.chart.ChartTheme.DARK, view.chartPanes().get(0).theme());
        assertFalse(robot.lookup("#export").query().isVisible(), "the toolbar keeps only the big buttons");
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.getStyleClass().contains("presentation"));
        for (ChartPane c : view.chartPanes()) assertEquals(1.0, c.fontScaleProperty().get(), 1e-12);
    }

    @Test
    void aDataSetThatIsNotInstalledIsRefusedAndTheControlsComeBack(FxRobot robot) throws Exception {
        robot.clickOn("#step");
        waitFor(() -> steps() == 1);
        var dataset = robot.lookup("#dataset-name").queryComboBox();
        robot.interact(() -> dataset.getSelectionModel().select(org.shiftscope.data.DatasetKind.MNIST));
        Label message = robot.lookup("#message").queryAs(Label.class);
        waitFor(() -> message.getText().contains("MNIST not found"));
        waitFor(() -> org.shiftscope.data.DatasetKind.SPIRAL.equals(dataset.getValue()));
        assertEquals(1, steps(), "the running session is kept");
        assertEquals(org.shiftscope.data.DatasetKind.SPIRAL, view.scenario().dataset().name());
    }

    @Test
    void theFileMenuReopensARecentScenario(FxRobot robot, @TempDir Path dir) throws Exception {
        Path mine = dir.resolve("recent-one.json");
        ScenarioIO.save(ScenarioIO.withOverride(Scenario.defaults(), "network.hidden", "6,6"), mine);
        robot.interact(() -> view.openScenario(mine));
        waitFor(() -> trainer.status().scenario().network().hidden().length == 2);
        int generation = trainer.status().generation();
        robot.interact(() -> view.openScenario(dir.resolve("missing.json"))); // refused: nothing changes
        Label message = robot.lookup("#message").queryAs(Label.class);
        waitFor(() -> message.getText().startsWith("Not opened: ") && message.getText().contains("missing.json"));
        trainer.call(s -> null); // a rebuild the refused open had sent would have been applied by now
        assertEquals(generation, trainer.status().generation(), "no new session");
        assertEquals(2, trainer.status().scenario().network().hidden().length);
        trainer.rebuild(Scenario.defaults(), "back to the default");
        waitFor(() -> trainer.status().scenario().network().hidden().length == 3);
        robot.clickOn("#file");
        robot.clickOn("Open recent");
        robot.clickOn(mine.toAbsolutePath().toString());
        waitFor(() -> trainer.status().scenario().network().hidden().length == 2);
    }

    static int distinctColors(BufferedImage img) {
        Set<Integer> colors = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) colors.add(img.getRGB(x, y));
        }
        return colors.size();
    }
}
