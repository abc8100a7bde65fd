package org.shiftscope.ui;

import java.util.List;
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
        List<String> args = getParameters().getRaw();
        // the first launch opens the welcome scenario (BN twin vs plain twin), later ones where the last left off
        String first = ScenarioIO.presetNames().contains("welcome") ? "welcome" : "default";
        Scenario scenario = ScenarioIO.preset(first);
        String problem = null;
        if (!Prefs.lastScenario().isEmpty()) {
            try {
                scenario = ScenarioIO.resolve(Prefs.lastScenario()); // where the last session left off
            } catch (ScenarioException e) {
                scenario = ScenarioIO.preset("default");
            }
        }
        int i = args.indexOf("--scenario");
        if (i >= 0 && i + 1 < args.size()) {
            try {
                scenario = ScenarioIO.resolve(args.get(i + 1));
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
        int l = args.indexOf("--lesson");
        if (l >= 0 && l + 1 < args.size()) {
            try {
                view.openLesson(org.shiftscope.lesson.Lessons.get(Integer.parseInt(args.get(l + 1))));
            } catch (IllegalArgumentException e) {
                view.showMessage("--lesson expects a lesson number from 1 to "
                        + org.shiftscope.lesson.Lessons.all().size() + ", got '" + args.get(l + 1) + "'.", true);
            }
        }
        if (l < 0 && Prefs.lastLesson() > 0 && i < 0) { // a relaunch restores the lesson's card and tap too
            try {
                org.shiftscope.lesson.Lesson last = org.shiftscope.lesson.Lessons.get(Prefs.lastLesson());
                if (last.scenario().equals(scenario.name())) view.openLesson(last);
            } catch (IllegalArgumentException e) {
                Prefs.setLastLesson(0);
            }
        }
        if (args.contains("--play")) view.play();
    }


    @Override
    public void stop() {
        if (view != null) view.stop();
        if (trainer != null) trainer.close();
    }
}
