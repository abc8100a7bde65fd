package org.shiftscope.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.shiftscope.train.Trainer;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioException;
import org.shiftscope.train.scenario.ScenarioIO;

/** The desktop application: one window with the {@link MainView}. */
public final class ShiftScopeApp extends Application {
    private Trainer trainer;
    private MainView view;

    @Override
    public void start(Stage stage) {
        LaunchOptions launch = LaunchOptions.current(); // parsed and checked by the launcher
        Scenario scenario = ScenarioIO.preset("default");
        String problem = null;
        if (!Settings.lastScenario().isEmpty()) {
            try {
                scenario = ScenarioIO.resolve(Settings.lastScenario()); // where the last session left off
            } catch (ScenarioException e) {
                scenario = ScenarioIO.preset("default");
            }
        }
        if (launch.scenario() != null) {
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
        trainer.setYieldShare(Double.parseDouble(System.getProperty("shiftscope.uiShare", "0.2")));
        view = new MainView(trainer);
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds(); // fit small laptop screens too
        Scene scene = new Scene(view, Math.min(1560, screen.getWidth() * 0.96), Math.min(960, screen.getHeight() * 0.94));
        org.shiftscope.chart.Styles.add(scene);
        stage.setTitle("ShiftScope — watch internal covariate shift and BatchNorm");
        stage.setScene(scene);
        stage.show();
        view.start();
        if (problem != null) view.showMessage(problem, true);
        if (launch.lesson() != null) view.openLesson(org.shiftscope.lesson.Lessons.get(launch.lesson()));
        if (launch.play()) view.play();
    }


    @Override
    public void stop() {
        if (view != null) view.stop();
        if (trainer != null) trainer.close();
    }
}
