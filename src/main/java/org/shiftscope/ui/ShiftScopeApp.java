package org.shiftscope.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.shiftscope.train.Trainer;

/**
 * The desktop application: one window with the {@link MainView}, opening what {@link Startup} chooses: the first
 * launch the welcome scenario, later launches where the last one left off (its scenario, and its lesson's card and
 * tap), the launcher's options ({@link LaunchOptions}) over both.
 */
public final class ShiftScopeApp extends Application {
    private Trainer trainer;
    private MainView view;

    @Override
    public void start(Stage stage) {
        Startup open = Startup.choose(LaunchOptions.current()); // options parsed and checked by the launcher
        trainer = open.trainer();
        view = new MainView(trainer);
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds(); // fit small laptop screens too
        Scene scene = WindowGeometry.scene(view, screen);
        org.shiftscope.chart.Styles.add(scene);
        stage.setTitle("ShiftScope — watch internal covariate shift and BatchNorm");
        stage.setScene(scene);
        WindowGeometry.show(stage, screen);
        view.start();
        if (open.problem() != null) view.showMessage(open.problem(), true);
        if (open.lesson() != null) view.openLesson(open.lesson());
        if (LaunchOptions.current().play()) view.play();
    }

    @Override
    public void stop() {
        if (view != null) view.stop();
        if (trainer != null) trainer.close();
    }
}
