package org.shiftscope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.shiftscope.data.Dataset;
import org.shiftscope.data.SequenceDataset;
import org.shiftscope.export.PngExporter;
import org.shiftscope.io.WriteException;
import org.shiftscope.nn.Tap;
import org.shiftscope.train.Boundary;
import org.shiftscope.chart.Dashboard;
import org.shiftscope.chart.GradFlowChart;
import org.shiftscope.chart.ChartPane;
import org.shiftscope.chart.LayerChart;
import org.shiftscope.stats.History;

/**
 * Writes the headless runner's figures with the app's own chart code: {@code dashboard.png} and one PNG per
 * chart (every tap asked for, of every layer; the gradient as log₁₀|g|), rendered on JavaFX's Monocle headless
 * screen, so no display is needed.
 */
public final class FigureWriter {
    private FigureWriter() {}

    /** Starts JavaFX on Monocle's headless screen unless a toolkit is already running. */
    static void startToolkit() throws InterruptedException {
        setDefault("glass.platform", "Monocle");
        setDefault("monocle.platform", "Headless");
        setDefault("prism.order", "sw");
        setDefault("headless.geometry", "1600x1000-32");
        org.shiftscope.chart.FxLog.quiet();
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        Platform.setImplicitExit(false);
        started.await(30, TimeUnit.SECONDS);
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }

    /**
     * Renders and writes the figures; returns the files written.
     *
     * @param points   2-D data to plot under the decision regions, or null
     * @param boundary the final decision surface, or null
     */
    public static List<Path> write(Path dir, History history, int depth, Tap shown, List<Tap> taps, String caption,
                                   Dataset points, Boundary boundary) throws Exception {
        startToolkit();
        AtomicReference<Object> result = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(render(dir, history, depth, shown, taps, caption, points, boundary));
            } catch (Throwable t) {
                result.set(t);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(120, TimeUnit.SECONDS)) throw new IllegalStateException("rendering timed out");
        if (result.get() instanceof WriteException w) throw w;
        if (result.get() instanceof Throwable t) throw new IllegalStateException("rendering failed: " + t, t);
        @SuppressWarnings("unchecked")
        List<Path> files = (List<Path>) result.get();
        return files;
    }

    /**
     * Frames of the dashboard while a headless run trains, for an animated GIF: one dashboard on the headless
     * screen, redrawn from the history at each {@link #frame}. The training thread waits while a frame is drawn, so
     * the history is never read and written at once.
     */
    public static final class Animation implements AutoCloseable {
        private final Dashboard dashboard;
        private final org.shiftscope.export.GifRecorder gif;
        /** the GIF's final name, for messages */
        private final Path file;

        public Animation(Path file, double fps, History history, int depth, Tap shown, Dataset points)
                throws Exception {
            startToolkit();
            this.file = file;
            try {
                gif = new org.shiftscope.export.GifRecorder(file, fps);
            } catch (java.io.IOException e) {
                throw new WriteException(file, e);
            }
            dashboard = onFx(() -> {
                Dashboard d = new Dashboard(history, c -> { });
                d.setDepth(depth);
                d.setTap(shown);
                d.setPlanar(points != null && points.inputs() == 2);
                if (points != null && points.inputs() == 2) d.setPoints(org.shiftscope.train.Points.of(points));
                sequences(d, points);
                Scene scene = new Scene(d, 1500, height(depth, shown, points));
                org.shiftscope.chart.Styles.add(scene);
                return d;
            });
        }

        /** Draws the history as it is now, with a caption, and appends it to the GIF. */
        public void frame(String caption, Boundary boundary) throws Exception {
            javafx.scene.image.WritableImage img = onFx(() -> {
                if (boundary != null) dashboard.setBoundary(boundary);
                redraw(dashboard);
                return PngExporter.render(dashboard, 1, caption);
            });
            try {
                gif.add(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null));
            } catch (java.io.IOException e) {
                throw new WriteException(file, e);
            }
        }

        public int frames() {
            return gif.frames();
        }

        /** Finishes the GIF and moves it into place. */
        @Override
        public void close() {
            try {
                gif.close();
            } catch (java.io.IOException e) {
                throw new WriteException(file, e);
            }
        }

        /** Stops without a GIF: nothing appears under its name. */
        public void abandon() {
            gif.abandon();
        }
    }

    /** Runs on the FX thread and waits for the result. */
    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                result.set(work.call());
            } catch (Throwable t) {
                result.set(t);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(120, TimeUnit.SECONDS)) throw new IllegalStateException("rendering timed out");
        if (result.get() instanceof Throwable t) throw new IllegalStateException("rendering failed: " + t, t);
        @SuppressWarnings("unchecked")
        T value = (T) result.get();
        return value;
    }

    /** a sequence set's row of charts: accuracy by length (its training lengths shaded) and a layer by time step */
    private static void sequences(Dashboard d, Dataset points) {
        if (points instanceof SequenceDataset seq) d.setSequences(true, seq.minLength(), seq.maxLength());
    }

    private static List<Path> render(Path dir, History history, int depth, Tap shown, List<Tap> taps, String caption,
                                     Dataset points, Boundary boundary) throws Exception {
        Dashboard d = new Dashboard(history, c -> { });
        d.setDepth(depth);
        d.setPlanar(points != null && points.inputs() == 2);
        if (points != null && points.inputs() == 2) d.setPoints(org.shiftscope.train.Points.of(points));
        sequences(d, points);
        if (boundary != null) d.setBoundary(boundary);
        Scene scene = new Scene(d, 1500, height(depth, shown, points));
        org.shiftscope.chart.Styles.add(scene);
        List<Path> files = new ArrayList<>();
        d.setTap(shown); // as the window opens: the scenario's view.tap
        redraw(d);
        files.add(write(d, 1, caption + " · layer charts show " + d.describe(), dir.resolve("dashboard.png")));
        for (ChartPane c : d.charts()) {
            if (!(c instanceof LayerChart)) files.add(write(c, 2, caption, dir.resolve(c.fileStem() + ".png")));
        }
        for (Tap tap : taps) {
            d.setTap(tap);
            redraw(d);
            for (ChartPane c : d.charts()) {
                if (c instanceof LayerChart lc) {
                    files.add(write(lc, 2, caption + " · " + lc.describe(), dir.resolve(lc.fileStem() + ".png")));
                } else if (c instanceof GradFlowChart && shown != Tap.GRADIENT) { // written above when shown
                    files.add(write(c, 2, caption, dir.resolve(c.fileStem() + ".png")));
                }
            }
        }
        return files;
    }

    /**
     * the dashboard's height: the training row, with the gradient tap the gradient-flow row, the layer rows, and for
     * a sequence set its row of sequence charts
     */
    private static double height(int depth, Tap shown, Dataset points) {
        return 260 + 200 * (depth + (shown == Tap.GRADIENT ? 1 : 0)) + (points instanceof SequenceDataset ? 220 : 0);
    }

    /** Lays the dashboard out and draws every chart now. */
    private static void redraw(Dashboard d) {
        d.applyCss();
        d.layout();
        d.markDirty();
        d.refresh();
    }

    /** Writes a node as a captioned PNG at a scale, whole or not at all; returns the file. */
    private static Path write(javafx.scene.Node node, int scale, String caption, Path file) {
        try {
            PngExporter.write(node, scale, caption, file);
        } catch (java.io.IOException e) {
            throw new WriteException(file, e);
        }
        return file;
    }
}
