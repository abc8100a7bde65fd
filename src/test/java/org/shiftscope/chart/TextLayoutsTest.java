package org.shiftscope.chart;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * JavaFX hands one shared GlyphLayout to whichever thread shapes text first, and on Linux releases it before it has
 * finished with it; with labels on the FX thread and chart text on the render thread that broke a label's layout
 * in CI. Once a chart exists, no two text layouts share an object. (A fresh JVM per test class: nothing before
 * this test has created a chart.)
 */
@ExtendWith(ApplicationExtension.class)
class TextLayoutsTest {
    @Start
    void start(Stage stage) {
        // nothing shown: the render thread shapes no text while the test looks at the shared object
    }

    @Test
    void afterTheFirstChartEveryTextLayoutHasItsOwnGlyphLayout(FxRobot robot) {
        boolean[] before = new boolean[1], after = new boolean[1];
        robot.interact(() -> {
            before[0] = TextLayouts.shared();
            new HistogramChart(new org.shiftscope.stats.History());
            after[0] = TextLayouts.shared();
        });
        assertTrue(before[0], "JavaFX as shipped shares one GlyphLayout between requests");
        assertFalse(after[0], "after the first chart a request must get a GlyphLayout of its own");
    }
}
