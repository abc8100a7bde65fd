package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.export.GifRecorderTest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** ⏺ GIF records the dashboard while it trains; pressing it again writes a looping GIF a slide can use. */
class GifRecordingTest extends WindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }




    @Test
    void recordingWritesAnAnimatedGif(FxRobot robot, @TempDir Path dir) throws Exception {
        view.setExportDir(dir);
        robot.clickOn("#play");
        robot.clickOn("#gif");
        assertTrue(robot.lookup("#gif").queryAs(ToggleButton.class).isSelected());
        // frames come at 5 a second while it trains: wait until three are in
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> view.files.recording()
                && view.files.gifFrames() >= 3);
        robot.clickOn("#gif");
        exportsWritten();
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
