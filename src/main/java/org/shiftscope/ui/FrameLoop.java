package org.shiftscope.ui;

import java.util.Locale;
import javafx.animation.AnimationTimer;

/**
 * Once per screen frame: the model reads the trainer's news, the charts whose data changed redraw (30 times a
 * second, {@link RedrawClock}: the render thread shares the cores with training), and the status bar shows the frame
 * rates. Every half second the measured frame rate tells the trainer how much time to leave the window
 * ({@link CoreShare}).
 */
final class FrameLoop extends AnimationTimer {
    private final ScenarioModel model;
    private final ChartArea charts;
    private final StatusBar statusBar;
    private final FileActions files;
    private final javafx.scene.control.ToggleButton gif;
    /** when the charts may redraw next: 30 times a second */
    private final RedrawClock redraw = new RedrawClock();
    private long frames, fpsT0 = System.nanoTime(), frameNanos, redraws;
    private double fps, chartFps;
    /** the time the trainer leaves to the window's threads */
    private final CoreShare share = CoreShare.fromSystemProperty();

    FrameLoop(ScenarioModel model, ChartArea charts, StatusBar statusBar, FileActions files,
              javafx.scene.control.ToggleButton gif) {
        this.model = model;
        this.files = files;
        this.gif = gif;
        this.charts = charts;
        this.statusBar = statusBar;
    }

    @Override
    public void handle(long now) {
        long t0 = System.nanoTime();
        if (model.frame()) charts.dashboard.markDirty();
        if (redraw.due(now) && charts.dashboard.refresh()) {
            redraw.drawn(now);
            redraws++; // frames in which charts were actually drawn
        }
        if (files.recording() && !files.recordFrame(now)) gif.setSelected(false); // it stopped itself
        frames++;
        frameNanos += System.nanoTime() - t0;
        if (now - fpsT0 >= 500_000_000L) {
            fps = frames * 1e9 / (now - fpsT0);
            chartFps = redraws * 1e9 / (now - fpsT0);
            model.leaveToWindow(share.next(fps));
            if (Boolean.getBoolean("shiftscope.debugFrames")) {
                var st = model.statusProperty().get();
                System.err.printf(Locale.ROOT, "fps %.1f, chart updates %.1f/s, frame handler %.1f ms, step %d, "
                        + "%.0f steps/s, share %.2f%n", fps, chartFps, frameNanos / 1e6 / Math.max(1, frames),
                        st == null ? 0 : st.step(), st == null ? 0 : st.stepsPerSecond(), share.share());
            }
            redraws = 0;
            frameNanos = 0;
            frames = 0;
            fpsT0 = now;
        }
        statusBar.show(model.statusProperty().get(), fps, chartFps);
    }
}
