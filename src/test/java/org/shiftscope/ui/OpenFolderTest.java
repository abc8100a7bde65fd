package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** After a save, the lasting "Saved …" notice offers "Open folder", which opens the saved file's folder. */
class OpenFolderTest extends WindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, c);
    }

    @Test
    void aSaveOffersOpenFolderWhichOpensItsFolder(FxRobot robot, @TempDir Path dir) throws Exception {
        Hyperlink link = robot.lookup("#openFolder").queryAs(Hyperlink.class);
        assertFalse(link.isVisible(), "nothing saved yet: nothing to open");
        BlockingQueue<Path> opened = new LinkedBlockingQueue<>();
        BlockingQueue<String> threads = new LinkedBlockingQueue<>();
        view.statusBar.folders.setOpener(f -> {
            threads.add(Thread.currentThread().getName());
            opened.add(f);
        });
        view.setExportDir(dir);
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        waitFor(link::isVisible);
        Label message = robot.lookup("#message").queryAs(Label.class);
        assertTrue(message.getText().startsWith("Saved " + dir.toAbsolutePath()), message.getText());
        robot.clickOn("#openFolder");
        assertEquals(dir.toAbsolutePath(), opened.poll(120, TimeUnit.SECONDS));
        assertEquals("open-folder", threads.poll(), "opened off the FX thread");

        // a notice without a file hides the action; a CSV export offers the folder it wrote into
        robot.interact(() -> view.showMessage("something else", false));
        assertFalse(link.isVisible());
        Path csv = dir.resolve("csv");
        robot.interact(() -> view.exportCsv(csv));
        exportsWritten();
        assertTrue(link.isVisible());
        robot.clickOn("#openFolder");
        assertEquals(csv.toAbsolutePath(), opened.poll(120, TimeUnit.SECONDS));
    }

    @Test
    void whenTheSystemCannotOpenFoldersTheNoticeSaysSo(FxRobot robot, @TempDir Path dir) throws Exception {
        view.statusBar.folders.setOpener(f -> {
            throw new UnsupportedOperationException("no file manager");
        });
        robot.interact(() -> view.exportDashboard(dir.resolve("d.png"), 1));
        exportsWritten();
        robot.clickOn("#openFolder");
        Label message = robot.lookup("#message").queryAs(Label.class);
        waitFor(() -> message.getText().startsWith("Cannot open the folder"));
        assertEquals("Cannot open the folder " + dir.toAbsolutePath() + " here (no file manager); the file is there.",
                message.getText());
        assertTrue(message.getStyleClass().contains("error"));
        assertFalse(robot.lookup("#openFolder").queryAs(Hyperlink.class).isVisible());
    }
}
