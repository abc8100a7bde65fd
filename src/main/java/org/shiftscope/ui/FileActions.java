package org.shiftscope.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.TransferMode;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.shiftscope.chart.ChartPane;
import org.shiftscope.chart.Dashboard;
import org.shiftscope.chart.LayerChart;
import org.shiftscope.export.Captions;
import org.shiftscope.export.CsvRecorder;
import org.shiftscope.export.EventsCsv;
import org.shiftscope.export.ExportQueue;
import org.shiftscope.export.GifRecorder;
import org.shiftscope.export.PngExporter;
import org.shiftscope.io.WriteException;
import org.shiftscope.stats.Event;
import org.shiftscope.stats.Decimated;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.train.Status;

/**
 * Everything that reads or writes a file from the window: scenario files (dialogs, recent files, drag and
 * drop) through the {@link ScenarioModel}, and exports — PNG of the dashboard or one chart, CSV of the kept
 * statistics, GIF recordings. An exported picture, its file name and its caption come from one moment: the picture
 * is taken when the export starts, before any dialog. The FX thread only takes pictures and copies immutable
 * records; one background writer ({@link ExportQueue}) encodes and writes them, in the order asked, each file
 * through a temporary file moved into place; the notice shows a long write's progress, then the path or the
 * error naming the file. FX thread only.
 */
final class FileActions {
    private final ScenarioModel model;
    private final Supplier<Window> window;
    private final Supplier<Dashboard> dashboard;
    /** where exports and dialogs start; system property shiftscope.exportDir or the home folder */
    private Path exportDir = Path.of(System.getProperty("shiftscope.exportDir", System.getProperty("user.home")));
    /** resolution of exported pictures: 1, 2 or 3 */
    private int scale = 2;
    /** encodes and writes the exports, in order, off the FX thread */
    private final ExportQueue writer = new ExportQueue(Platform::runLater);
    /** how long closing the window waits for the exports in hand */
    static final long CLOSE_WAIT_SECONDS = 60;

    FileActions(ScenarioModel model, Supplier<Window> window, Supplier<Dashboard> dashboard) {
        this.model = model;
        this.window = window;
        this.dashboard = dashboard;
    }

    void setExportDir(Path dir) {
        exportDir = dir;
    }

    void setScale(int s) {
        scale = s;
    }

    /** Waits until every export handed over is written (or not: the notice says); false when not done in time. */
    boolean awaitWrites(long timeout, TimeUnit unit) throws InterruptedException {
        return writer.finish(timeout, unit);
    }

    /**
     * The window closes: a recording ends and is saved, and every export handed over is written first; what is
     * not done within {@link #CLOSE_WAIT_SECONDS} is given up and named on stderr.
     */
    void close() {
        close(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Closes, waiting for the exports in hand at most {@code timeout}; what is not written by then is given up
     * (nothing appears under its name) and named on stderr, the one place left to say it. Returns what was given up.
     */
    List<String> close(long timeout, TimeUnit unit) {
        stopGif();
        try {
            if (writer.waiting().isEmpty() || writer.finish(timeout, unit)) return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> left = List.copyOf(new LinkedHashSet<>(writer.waiting()));
        writer.abandon();
        if (!left.isEmpty()) {
            System.err.println("shiftscope: the window closed before " + String.join(", ", left)
                    + " could be written; not saved.");
        }
        return left;
    }

    /**
     * Tells the user what becomes of an export handed to the writer: progress ("Saving {@code saving}… 40%"),
     * then {@code saved} with an Open folder link to {@code file}'s folder, or the error naming {@code target}.
     */
    private ExportQueue.Listener notices(String saving, Path target, Path file, String saved) {
        return new ExportQueue.Listener() {
            @Override
            public void progress(double share) {
                int more = writer.waiting().size() - 1;
                model.notify(String.format(Locale.ROOT, "Saving %s… %d%%%s", saving, Math.round(share * 100),
                        more > 0 ? " (" + more + " more waiting)" : ""), false);
            }

            @Override
            public void saved() {
                model.notifySaved(saved, file);
            }

            @Override
            public void failed(Throwable why) {
                model.notify("Could not save " + target + ": " + reason(why), true);
            }
        };
    }

    /** a failure in the user's words: the system's reason for an I/O failure, else the message */
    static String reason(Throwable e) {
        if (e instanceof IOException io) return WriteException.reason(io);
        if (e instanceof java.io.UncheckedIOException u) return WriteException.reason(u.getCause());
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    // ---------------------------------------------------------------- PNG

    /** A picture ready to write: the image, and the file name and caption of the same moment. */
    record Picture(WritableImage image, String fileName, String caption) { }

    /** Takes a picture of a node now (a chart redraws first), captioned with the step it shows. */
    Picture picture(Node node, String what) {
        return picture(node, what, scale);
    }

    private Picture picture(Node node, String what, int scale) {
        if (node instanceof ChartPane c) c.refresh();
        if (node instanceof Dashboard d) d.refreshAll(); // charts scrolled out of view too
        Status st = model.statusProperty().get();
        String shows = node instanceof LayerChart lc ? lc.describe()
                : "layer charts show " + dashboard.get().describe();
        String caption = Captions.of(st.scenario(), st.step(), model.variants().hiddenRuns()) + " · " + shows;
        return new Picture(PngExporter.render(node, scale, caption),
                PngExporter.fileName(st.scenario().name(), st.step(), what, scale), caption);
    }

    /** Ctrl+S: the dashboard into the export folder, no questions. */
    void quickExport() {
        Picture p = picture(dashboard.get(), "dashboard");
        write(p, exportDir.resolve(p.fileName()));
    }

    /** Takes a picture of a node now at a scale (1–3) and hands it to the writer. */
    void exportNode(Node node, String what, Path file, int scale) {
        write(picture(node, what, scale), file);
    }

    void exportDashboardWithDialog() {
        exportWithDialog(dashboard.get(), "dashboard");
    }

    private void exportWithDialog(Node node, String what) {
        Picture p = picture(node, what);
        FileChooser fc = new FileChooser();
        fc.setTitle("Export PNG");
        fc.setInitialFileName(p.fileName());
        startIn(fc);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File f = fc.showSaveDialog(window.get());
        if (f != null) {
            exportDir = f.toPath().toAbsolutePath().getParent();
            write(p, f.toPath());
        }
    }

    private void write(Picture p, Path file) {
        writer.submit(file.toString(), progress -> PngExporter.write(p.image(), p.caption(), file, progress),
                notices(file.getFileName().toString(), file, file, "Saved " + file.toAbsolutePath()));
    }

    /** A right-click menu on a chart that exports just that chart. */
    void addExportMenu(ChartPane c) {
        MenuItem item = new MenuItem("Export this chart as PNG…");
        item.setOnAction(e -> exportWithDialog(c, c.fileStem()));
        ContextMenu menu = new ContextMenu(item);
        c.setOnContextMenuRequested(e -> menu.show(c, e.getScreenX(), e.getScreenY()));
    }

    // ---------------------------------------------------------------- GIF

    /** frames per second of a recording, and its longest length in seconds */
    static final double GIF_FPS = 5, GIF_SECONDS = 60;
    /** frames that may wait for the writer; when more would, a frame is left out (the machine is busy) */
    static final int GIF_BACKLOG = 5;

    /** A recording: the FX thread counts its frames, the writer's thread alone touches its recorder. */
    private static final class Recording {
        /** the GIF it becomes */
        final Path file;
        /** writer thread: the GIF being written, null until it starts or after it failed */
        private GifRecorder recorder;
        /** FX thread: frames handed to the writer, and left out while it was behind */
        int frames, skipped;
        /** FX thread: the recording could not go on (its notice said why) */
        boolean failed;
        /** FX thread: when the last frame was taken */
        long lastFrame;

        Recording(Path file) {
            this.file = file;
        }

        /** writer thread: starts the GIF (its temporary file) */
        void start() throws IOException {
            recorder = new GifRecorder(file, GIF_FPS);
        }

        /** writer thread: adds a frame; a failure ends the GIF and leaves no file */
        void add(WritableImage image) throws IOException {
            if (recorder == null) return;
            try {
                recorder.add(SwingFXUtils.fromFXImage(image, null));
            } catch (IOException | RuntimeException e) {
                recorder.abandon();
                recorder = null;
                throw e;
            }
        }

        /** writer thread: finishes the GIF and moves it into place */
        void finish() throws IOException {
            if (recorder != null) recorder.close();
        }
    }

    /** the recording in progress, or null */
    private Recording gif;

    /**
     * Starts recording the dashboard as an animated GIF into the export folder; if the GIF cannot be started, the
     * notice says why and the recording stops at its next frame.
     */
    void startGif() {
        Status st = model.statusProperty().get();
        Recording r = new Recording(exportDir.resolve(PngExporter.fileName(st.scenario().name(), st.step(),
                "dashboard", 1).replace("@1x.png", ".gif")));
        gif = r;
        writer.submit(r.file.toString(), progress -> r.start(), failure(r));
        model.notify("Recording the dashboard as a GIF (" + (int) GIF_FPS + " frames/s, at most "
                + (int) GIF_SECONDS + " s): press ● GIF again to stop", false);
    }

    /** a recording's frame jobs say nothing unless they fail; then the recording stops */
    private ExportQueue.Listener failure(Recording r) {
        return new ExportQueue.Listener() {
            @Override
            public void progress(double share) { }

            @Override
            public void saved() { }

            @Override
            public void failed(Throwable why) {
                if (r.failed) return;
                r.failed = true;
                model.notify("Could not record " + r.file + ": " + reason(why), true);
            }
        };
    }

    /** Adds a frame when one is due (called every screen frame); returns false once the recording stopped. */
    boolean recordFrame(long now) {
        Recording r = gif;
        if (r == null) return false;
        if (r.failed) {
            gif = null;
            return false;
        }
        if (now - r.lastFrame < 1e9 / GIF_FPS) return true;
        r.lastFrame = now;
        if (writer.waiting().size() > GIF_BACKLOG) {
            r.skipped++; // the writer is behind: this moment is left out rather than piling up pictures
            return true;
        }
        WritableImage image = picture(dashboard.get(), "dashboard", 1).image();
        r.frames++;
        writer.submit(r.file.toString(), progress -> r.add(image), failure(r));
        if (r.frames >= GIF_FPS * GIF_SECONDS) {
            stopGif();
            return false;
        }
        return true;
    }

    /** Finishes the recording; the writer saves it once its frames are in, and the notice says where. */
    void stopGif() {
        Recording r = gif;
        if (r == null) return;
        gif = null;
        if (r.failed) return;
        String left = r.skipped == 0 ? "" : "; " + r.skipped + " left out while the machine was busy";
        String saved = "Saved " + r.file.toAbsolutePath() + " (" + r.frames + " frames" + left + ")";
        ExportQueue.Listener notice = r.frames == 0 ? failure(r) : notices(r.file.getFileName().toString(), r.file,
                r.file, saved);
        writer.submit(r.file.toString(), progress -> r.finish(), notice);
        if (r.frames == 0) model.notify("No GIF: nothing was recorded", false);
    }

    boolean recording() {
        return gif != null;
    }

    /** frames handed to the writer so far (0 when not recording) */
    int gifFrames() {
        return gif == null ? 0 : gif.frames;
    }

    // ---------------------------------------------------------------- CSV

    /**
     * Hands the kept statistics to the writer as stats.csv, metrics.csv, histograms.csv and events.csv in a folder
     * (the records are copied now: what is shown now is what is written).
     */
    void exportCsv(Path dir) {
        List<Snapshot> rows = new ArrayList<>();
        List<Event> events = new ArrayList<>(model.history().events());
        for (String run : model.history().runs()) {
            Decimated<Snapshot> d = model.history().metrics(run);
            for (int i = 0; i < d.size(); i++) rows.add(d.get(i));
            if (d.last() != null && (d.size() == 0 || d.step(d.size() - 1) != d.lastStep())) rows.add(d.last());
            if (d.last() != null && d.last().diverged()) events.add(Event.divergence(run, d.last().divergedAt()));
        }
        writer.submit(dir.toString(), progress -> {
            CsvRecorder.writeFiles(dir, rows, progress);
            EventsCsv.write(dir, events);
        }, notices("the statistics", dir, dir.resolve("stats.csv"), "Saved the statistics to " + dir.toAbsolutePath()));
    }

    void exportCsvWithDialog() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Folder for stats.csv, metrics.csv, histograms.csv and events.csv");
        File dir = exportDir.toFile();
        if (dir.isDirectory()) dc.setInitialDirectory(dir);
        File f = dc.showDialog(window.get());
        if (f != null) exportCsv(f.toPath());
    }

    // ---------------------------------------------------------------- scenario files

    void openWithDialog() {
        File f = jsonChooser("Open scenario").showOpenDialog(window.get());
        if (f != null) model.openFile(f.toPath());
    }

    void saveWithDialog() {
        FileChooser fc = jsonChooser("Save scenario");
        fc.setInitialFileName(model.scenario().name() + ".json");
        File f = fc.showSaveDialog(window.get());
        if (f != null) model.save(f.toPath());
    }

    private FileChooser jsonChooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (JSON)", "*.json"));
        startIn(fc);
        return fc;
    }

    private void startIn(FileChooser fc) {
        File dir = exportDir.toFile();
        if (dir.isDirectory()) fc.setInitialDirectory(dir);
    }

    /** Fills the "Open recent" menu from the remembered files. */
    void refreshRecent(Menu recent) {
        recent.getItems().clear();
        for (Path p : Prefs.recent()) {
            MenuItem item = new MenuItem(p.toString());
            item.setOnAction(e -> model.openFile(p));
            recent.getItems().add(item);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    /** A scenario file dropped onto the node opens it. */
    void acceptDrops(Node target) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        target.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()
                    && model.openFile(e.getDragboard().getFiles().get(0).toPath());
            e.setDropCompleted(ok);
            e.consume();
        });
    }
}
