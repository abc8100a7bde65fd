package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Room for the charts: the control panel folds away (button or Ctrl+B) and comes back. */
class LayoutTest extends WindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    protected int width() {
        return 1280;
    }

    @Override
    protected int height() {
        return 720;
    }




    @Test
    void theControlPanelFoldsAwayAndComesBack(FxRobot robot) {
        double narrow = view.charts.getWidth();
        robot.clickOn("#panel");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.getChildren().contains(view.controls), "the panel is gone");
        assertTrue(view.charts.getWidth() > narrow + 200, "the charts take its width");
        robot.clickOn("#status").press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(view.controls, view.getLeft(), "Ctrl+B brings it back");
        assertTrue(robot.lookup("#panel").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
    }
}
