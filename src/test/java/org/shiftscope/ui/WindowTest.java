package org.shiftscope.ui;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shiftscope.train.Trainer;
import org.shiftscope.train.scenario.Scenario;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The window as a test opens it: a trainer on the default scenario, the {@link MainView} in a scene of
 * {@link #width()} × {@link #height()} with the app's styles, running; closed after each test. Each test class
 * remembers its preferences in a node of its own, removed afterwards.
 */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_METHOD)
abstract class WindowTest {
    private static final java.util.Map<Class<?>, String> NODES = new java.util.concurrent.ConcurrentHashMap<>();
    protected MainView view;
    protected Trainer trainer;

    protected int width() {
        return 1400;
    }

    protected int height() {
        return 900;
    }

    @BeforeAll
    static void ownPreferences(org.junit.jupiter.api.TestInfo info) {
        Class<?> c = info.getTestClass().orElseThrow();
        NODES.put(c, TestPrefs.useOwnNode(c));
    }

    @AfterAll
    static void removePreferences(org.junit.jupiter.api.TestInfo info) throws Exception {
        String node = NODES.remove(info.getTestClass().orElseThrow());
        if (node != null) TestPrefs.remove(node);
    }

    /** Opens the window; each test class calls it from its own {@code @Start} (TestFX looks only there). */
    protected void open(Stage stage) {
        trainer = new Trainer(Scenario.defaults());
        view = new MainView(trainer);
        Scene scene = new Scene(view, width(), height());
        org.shiftscope.chart.Styles.add(scene);
        stage.setScene(scene);
        stage.show();
        view.start();
    }

    /**
     * Waits until the background writer has written every export handed over so far, and the FX thread has shown
     * its notice.
     */
    protected void exportsWritten() throws InterruptedException {
        if (!view.awaitExports(60, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("the exports were not written within 60 s");
        }
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeWindow() {
        trainer.close();
    }
}
