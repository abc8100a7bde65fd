package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.nn.Tap;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioIO;
import org.shiftscope.train.scenario.Settings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The tap the layer charts show is a setting of the scenario (view.tap): a file opens at its tap, the toolbar's
 * switch changes it and Save writes it, and nothing about training changes with it.
 */
class ViewTapTest extends WindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
    }

    @Test
    void aFileOpensAtItsTapAndSaveWritesTheOneShown(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("linear.json");
        ScenarioIO.save(ScenarioIO.withOverride(Scenario.defaults(), Settings.VIEW_TAP.key(), "linear"), file);
        robot.interact(() -> view.openScenario(file));
        waitFor(() -> view.model().tapProperty().get() == Tap.LINEAR);
        assertTrue(robot.lookup("#tapLinear").queryAs(ToggleButton.class).isSelected());
        int generation = trainer.status().generation();

        robot.clickOn("#tapGradient");
        assertEquals(Tap.GRADIENT, view.scenario().get(Settings.VIEW_TAP), "what is shown is what Save writes");
        trainer.call(s -> null);
        assertEquals(generation, trainer.status().generation(), "the view changes no training");
        Path saved = dir.resolve("saved.json");
        robot.interact(() -> view.saveScenario(saved));
        assertEquals(Tap.GRADIENT, ScenarioIO.load(saved).get(Settings.VIEW_TAP));

        robot.interact(() -> view.openScenario(file));
        waitFor(() -> robot.lookup("#tapLinear").queryAs(ToggleButton.class).isSelected());
    }

    @Test
    void aLessonOpensAtItsOwnTap(FxRobot robot) throws Exception {
        var lesson = org.shiftscope.lesson.Lessons.all().stream().filter(l -> l.tap() != Tap.ACTIVATION).findFirst()
                .orElseThrow();
        robot.interact(() -> view.model().openLesson(lesson));
        waitFor(() -> view.model().tapProperty().get() == lesson.tap());
        assertEquals(lesson.tap(), view.scenario().get(Settings.VIEW_TAP));
    }
}
