package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shiftscope.lesson.Lesson;
import org.shiftscope.lesson.Lessons;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The first launch, as the application starts (no remembered scenario): the welcome scenario with its card —
 * what to look at, what to try, what happens and why, in the window's words — and no lesson chosen in the list.
 * A relaunch reopens the card where it was left open; once closed, it stays closed.
 */
@ExtendWith(ApplicationExtension.class)
class WelcomeTest {
    private static String prefs;
    private final List<ShiftScopeApp> apps = new ArrayList<>();
    private MainView view;

    @BeforeAll
    static void ownPreferences() {
        prefs = TestPrefs.useOwnNode(WelcomeTest.class);
    }

    @AfterAll
    static void removePreferences() throws Exception {
        TestPrefs.remove(prefs);
    }

    @Start
    void start(Stage stage) {
        view = launch(stage);
    }

    /** starts the application in this stage, as a launch does */
    private MainView launch(Stage stage) {
        ShiftScopeApp app = new ShiftScopeApp();
        apps.add(app);
        app.start(stage);
        return (MainView) stage.getScene().getRoot();
    }

    @AfterEach
    void stop() {
        for (ShiftScopeApp a : apps) a.stop();
    }

    @Test
    void theFirstLaunchShowsTheWelcomeCardAndARelaunchKeepsItUntilItIsClosed(FxRobot robot) {
        Lesson welcome = Lessons.welcome();
        assertEquals("welcome", view.model().scenario().name());
        assertSame(welcome, view.model().lessonProperty().get());
        LessonCard card = view.lessonCard;
        assertTrue(card.isVisible() && card.isManaged(), "the card is shown");
        assertFalse(card.folded(), "open, not folded");
        assertEquals(welcome.title(), card.title.getText());
        List<String> shown = new ArrayList<>();
        for (Node n : robot.lookup("#lessonCard .label").queryAll()) {
            if (n.isVisible()) shown.add(((Label) n).getText());
        }
        for (String words : List.of("Look at", welcome.look(), "Try", welcome.move(), "What happens",
                welcome.expect(), "Why", welcome.why())) {
            assertTrue(shown.contains(words), "the card says: " + words + "\nshown: " + shown);
        }
        assertTrue(welcome.move().contains("‘Play’ (Space)") && welcome.move().contains("‘Lessons’"),
                welcome.move());
        assertFalse(card.action.isVisible(), "no suggested change: the lessons are the next step");
        assertNull(view.controls.lesson.getValue(), "no lesson of the list is chosen");

        // a relaunch (same preferences) opens the welcome card again; closed, it stays closed
        MainView again = relaunch(robot);
        assertSame(welcome, again.model().lessonProperty().get());
        robot.interact(() -> again.model().closeLesson());
        MainView third = relaunch(robot);
        assertEquals("welcome", third.model().scenario().name());
        assertNull(third.model().lessonProperty().get(), "closed stays closed");
        assertFalse(third.lessonCard.isVisible());
    }

    private MainView relaunch(FxRobot robot) {
        MainView[] v = new MainView[1];
        robot.interact(() -> v[0] = launch(new Stage()));
        return v[0];
    }
}
