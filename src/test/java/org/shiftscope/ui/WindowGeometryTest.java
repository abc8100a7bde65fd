package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's first size: most of the screen, at least 800 × 500 (or the screen), and asked for again once shown,
 * because a window manager's first answer can replace it (seen under openbox with JavaFX 21: 202 × 225).
 */
@ExtendWith(ApplicationExtension.class)
class WindowGeometryTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void mostOfTheScreenAndNeverLessThanTheChartsNeed() {
        Rectangle2D hd = new Rectangle2D(0, 0, 1280, 720), full = new Rectangle2D(0, 0, 1920, 1080);
        assertEquals(new Dimension2D(1228.8, 676.8), WindowGeometry.initialSize(hd));
        assertEquals(new Dimension2D(1560, 960), WindowGeometry.initialSize(full));
        assertEquals(new Dimension2D(800, 500), WindowGeometry.minSize(hd));
        assertEquals(new Dimension2D(640, 480), WindowGeometry.minSize(new Rectangle2D(0, 0, 640, 480)));
    }

    @Test
    void aWindowManagersFirstAnswerDoesNotKeepTheWindowSmall(FxRobot robot) {
        Rectangle2D screen = new Rectangle2D(0, 0, 1280, 720);
        double[] asked = new double[2];
        robot.interact(() -> {
            stage.setScene(WindowGeometry.scene(new Pane(), screen));
            WindowGeometry.show(stage, screen);
            asked[0] = stage.getWidth();
            asked[1] = stage.getHeight();
            // what openbox did before the window's next event: its own size, the minimum where it has one
            stage.setWidth(202);
            stage.setHeight(225);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(asked[0], stage.getWidth(), 0.5);
        assertEquals(asked[1], stage.getHeight(), 0.5);
        assertEquals(800, stage.getMinWidth());
        assertEquals(500, stage.getMinHeight());
    }
}
