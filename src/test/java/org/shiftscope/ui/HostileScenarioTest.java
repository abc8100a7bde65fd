package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A scenario whose data folder is hostile (a labels file whose header claims 2³¹−2 labels in 8 bytes) is refused
 * in the window with a message, the run before it training on; remembered from an earlier session, it is forgotten
 * at the next launch, which opens the default scenario and says why.
 */
class HostileScenarioTest extends WindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** a scenario file training on a folder whose training labels claim 2³¹−2 labels in an 8-byte file */
    static Path hostile(Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.write(data.resolve("train-images-idx3-ubyte"), new byte[] {0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0,
            1, 42});
        Files.write(data.resolve("train-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0x7f, -1, -1, -2});
        Path f = dir.resolve("hostile.json");
        Files.writeString(f, "{\"name\": \"hostile\", \"dataset\": {\"name\": \"idx\", \"path\": \""
                + data.toString().replace("\\", "\\\\") + "\"}}");
        return f;
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }

    @Test
    void openingItLeavesTheOldRunTrainingWithAMessage(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.clickOn("#play");
        waitFor(() -> trainer.status().playing() && trainer.status().step() > 10);
        Path f = hostile(dir);
        robot.interact(() -> view.openScenario(f));
        Label message = robot.lookup("#message").queryAs(Label.class);
        waitFor(() -> message.getText().contains("train-labels-idx1-ubyte: impossible label count 2147483646"));
        assertTrue(message.getStyleClass().contains("error"), "said as a problem");
        long at = trainer.status().step();
        waitFor(() -> trainer.status().step() > at + 10); // the trainer thread lives and trains
        assertEquals(0, trainer.status().generation(), "the run before goes on");
        assertTrue(trainer.status().playing());
        waitFor(() -> WaitForAsyncUtils.asyncFx(() -> view.scenario().equals(trainer.status().scenario()))
                .get(120, TimeUnit.SECONDS)); // the panel shows what trains, not the refused file
    }

    @Test
    void aRelaunchWithItRememberedOpensTheDefaultSaysWhyAndForgetsIt(@TempDir Path dir) throws Exception {
        Path f = hostile(dir);
        Prefs.setLastScenario(f.toAbsolutePath().toString());
        Application app = FxToolkit.setupApplication(ShiftScopeApp.class);
        try {
            MainView relaunched = (MainView) FxToolkit.toolkitContext().getRegisteredStage().getScene().getRoot();
            assertEquals("default", WaitForAsyncUtils.asyncFx(() -> relaunched.scenario().name())
                    .get(120, TimeUnit.SECONDS));
            String said = WaitForAsyncUtils.asyncFx(() -> relaunched.statusBar.message.getText())
                    .get(120, TimeUnit.SECONDS);
            assertTrue(said.startsWith("The last scenario, " + f.toAbsolutePath() + ", cannot be opened any more: ")
                    && said.contains("impossible label count") && said.endsWith("Opened the default scenario instead."),
                    said);
            assertEquals("", Prefs.lastScenario(), "forgotten: the launch after opens as usual");
        } finally {
            FxToolkit.cleanupApplication(app);
        }
    }
}
