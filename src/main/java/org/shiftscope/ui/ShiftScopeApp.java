package org.shiftscope.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.shiftscope.lesson.Lesson;
import org.shiftscope.lesson.Lessons;
import org.shiftscope.train.Trainer;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioException;
import org.shiftscope.train.scenario.ScenarioIO;

/**
 * The desktop application: one window with the {@link MainView}. The first launch opens the welcome scenario
 * with its card ({@link Lessons#welcome()});
 * later launches open where the last one left off (its scenario, and its lesson's card and tap); the launcher's
 * options ({@link LaunchOptions}) override both.
 */
public final class ShiftScopeApp extends Application {
    private Trainer trainer;
    private MainView view;

    @Override
    public void start(Stage stage) {
        LaunchOptions launch = LaunchOptions.current(); // parsed and checked by the launcher
        String first = ScenarioIO.presetNames().contains("welcome") ? "welcome" : "default";
        Scenario scenario = ScenarioIO.preset(first);
        String problem = null;
        if (!Prefs.lastScenario().isEmpty()) {
            try {
                scenario = ScenarioIO.resolve(Prefs.lastScenario()); // where the last session left off
            } catch (ScenarioException e) {
                scenario = ScenarioIO.preset(first);
            }
        }
        Lesson lesson = launch.lesson() != null ? Lessons.get(launch.lesson())
                : Prefs.lastScenario().isEmpty() && first.equals("welcome") ? Lessons.welcome() // the first launch
                : lastLesson(scenario);
        if (launch.scenario() != null) {
            lesson = launch.lesson() != null ? lesson : null;
            try {
                scenario = ScenarioIO.resolve(launch.scenario());
            } catch (ScenarioException e) {
                problem = e.getMessage() + " Opened the default scenario instead.";
            }
        }
        Trainer t;
        try {
            t = new Trainer(scenario);
        } catch (RuntimeException e) { // e.g. its data set is not installed
            problem = e.getMessage() + " Opened the default scenario instead.";
            t = new Trainer(ScenarioIO.preset("default"));
        }
        trainer = t;
        view = new MainView(trainer);
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds(); // fit small laptop screens too
        Scene scene = WindowGeometry.scene(view, screen);
        org.shiftscope.chart.Styles.add(scene);
        stage.setTitle("ShiftScope — watch internal covariate shift and BatchNorm");
        stage.setScene(scene);
        WindowGeometry.show(stage, screen);
        view.start();
        if (problem != null) view.showMessage(problem, true);
        if (lesson != null) view.openLesson(lesson);
        if (launch.play()) view.play();
    }

    /** the lesson open at the last close, if the remembered scenario is still its scenario */
    private static Lesson lastLesson(Scenario scenario) {
        int n = Prefs.lastLesson();
        if (n == Prefs.WELCOME) return scenario.name().equals(Lessons.welcome().scenario()) ? Lessons.welcome() : null;
        if (n <= 0 || n > Lessons.all().size()) return null;
        Lesson l = Lessons.get(n);
        return l.scenario().equals(scenario.name()) ? l : null;
    }

    @Override
    public void stop() {
        if (view != null) view.stop();
        if (trainer != null) trainer.close();
    }
}
