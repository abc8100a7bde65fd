package org.shiftscope.ui;

import javafx.application.Application;

/**
 * What the window opens with, parsed and checked by the launcher before JavaFX starts.
 *
 * @param scenario a preset name or a scenario file, or null for where the last session left off
 * @param lesson   the lesson to open (1..{@code Lessons.all().size()}), or null for none
 * @param play     start training at once
 */
public record LaunchOptions(String scenario, Integer lesson, boolean play) {
    /** the window as {@code mvn javafx:run} or a bare launch opens it */
    public static final LaunchOptions NONE = new LaunchOptions(null, null, false);

    private static volatile LaunchOptions current = NONE;

    /** the options of the window being opened ({@link #NONE} if it was not opened through {@link #open()}) */
    public static LaunchOptions current() {
        return current;
    }

    /** Opens the window with these options; returns when it has closed. */
    public void open() {
        current = this;
        org.shiftscope.chart.FxLog.quiet();
        renderSettings(System.getProperties());
        Application.launch(ShiftScopeApp.class);
    }

    /**
     * JavaFX's rendering settings for the window, set before it starts unless given on the command line.
     * {@code prism.disableRegionCaching}: a region with several background fills (the scroll pane around the
     * charts) is otherwise painted from a cached image stretched over it, which the software pipeline samples
     * pixel by pixel under every chart it redraws — 40% of the render thread with lesson 5's charts (2026-12-02;
     * a plain fill costs a few per cent). The test runs set the same in the pom.
     */
    static void renderSettings(java.util.Properties p) {
        if (p.getProperty("prism.disableRegionCaching") == null) p.setProperty("prism.disableRegionCaching", "true");
    }
}
