package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.export.GifRecorderTest;
import org.shiftscope.train.Trainer;
import org.shiftscope.train.scenario.Scenario;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** ⏺ GIF records the dashboard while it trains; pressing it again writes a looping GIF a slide can use. */
@ExtendWith(ApplicationExtension.class)
class GifRecordingTest {
    private MainView view;
    private Trainer trainer;

    @Start
    void start(Stage stage) {
        trainer = new Trainer(Scenario.defaults());
        view = new MainView(trainer);
        Scene scene = new Scene(view, 1400, 900);
        org.shiftscope.chart.Styles.add(scene);
        stage.setScene(scene);
        stage.show();
        view.start();
    }

    @AfterEach
    void stop() {
        trainer.close();
    }

    @Test
    void recordingWritesAnAnimatedGif(FxRobot robot, @TempDir Path dir) throws Exception {
        view.setExportDir(dir);
        robot.clickOn("#play");
        robot.clickOn("#gif");
        assertTrue(robot.lookup("#gif").queryAs(ToggleButton.class).isSelected());
        // frames come at 5 a second while it trains: wait until three are in
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.files.recording()
                && view.files.gifFrames() >= 3);
        robot.clickOn("#gif");
        WaitForAsyncUtils.waitForFxEvents();
        Path gif;
        try (var files = Files.list(dir)) {
            gif = files.filter(p -> p.toString().endsWith(".gif")).findFirst().orElseThrow();
        }
        var read = GifRecorderTest.read(gif);
        assertTrue(read.frames() >= 3, read.frames() + " frames");
        assertTrue(read.loops());
        Label message = robot.lookup("#message").queryAs(Label.class);
        assertTrue(message.getText().startsWith("Saved " + gif.toAbsolutePath()), message.getText());
    }
}
