package org.shiftscope.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.shiftscope.train.Trainer;
import org.shiftscope.train.scenario.ScenarioIO;

/** The desktop application: one window with the {@link MainView}. */
public final class ShiftScopeApp extends Application {
    private Trainer trainer;
    private MainView view;

    @Override
    public void start(Stage stage) {
        trainer = new Trainer(ScenarioIO.preset("default"));
        trainer.setYieldShare(Double.parseDouble(System.getProperty("shiftscope.uiShare", "0.2")));
        view = new MainView(trainer);
        Scene scene = new Scene(view, 1560, 960);
        addStyles(scene);
        stage.setTitle("ShiftScope — watch internal covariate shift and BatchNorm");
        stage.setScene(scene);
        stage.show();
        view.start();
    }

    /** Adds the application stylesheet (from assets/css on the classpath). */
    public static void addStyles(Scene scene) {
        var css = ShiftScopeApp.class.getResource("/css/shiftscope.css");
        if (css != null) scene.getStylesheets().add(css.toExternalForm());
    }

    @Override
    public void stop() {
        if (view != null) view.stop();
        if (trainer != null) trainer.close();
    }
}
