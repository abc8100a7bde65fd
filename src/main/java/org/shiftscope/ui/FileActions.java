package org.shiftscope.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
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
import org.shiftscope.export.PngExporter;
import org.shiftscope.stats.Decimated;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.train.Status;

/**
 * Everything that reads or writes a file from the window: scenario files (dialogs, recent files, drag and
 * drop) through the {@link ScenarioModel}, and exports — PNG of the dashboard or one chart, CSV of the kept
 * statistics. An exported picture, its file name and its caption come from one moment: the picture is taken
 * when the export starts, before any dialog. FX thread only.
 */
final class FileActions {
    private final ScenarioModel model;
    private final Supplier<Window> window;
    private final Supplier<Dashboard> dashboard;
    /** where exports and dialogs start; system property shiftscope.exportDir or the home folder */
    private Path exportDir = Path.of(System.getProperty("shiftscope.exportDir", System.getProperty("user.home")));
    /** resolution of exported pictures: 1, 2 or 3 */
    private int scale = 2;

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
    boolean quickExport() {
        Picture p = picture(dashboard.get(), "dashboard");
        return write(p, exportDir.resolve(p.fileName()));
    }

    /** Writes a node now at a scale (1–3); false (and a notice saying why) when it cannot. */
    boolean exportNode(Node node, String what, Path file, int scale) {
        return write(picture(node, what, scale), file);
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

    private boolean write(Picture p, Path file) {
        try {
            PngExporter.write(p.image(), p.caption(), file);
            model.notifySaved("Saved " + file.toAbsolutePath(), file);
            return true;
        } catch (IOException | RuntimeException e) {
            model.notify("Could not save " + file + ": " + (e.getMessage() == null ? e : e.getMessage()), true);
            return false;
        }
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
    /** the recording in progress, or null */
    private org.shiftscope.export.GifRecorder gif;
    private Path gifFile;
    private long lastFrame;

    /** Starts recording the dashboard as an animated GIF into the export folder; false if it cannot. */
    boolean startGif() {
        Status st = model.statusProperty().get();
        gifFile = exportDir.resolve(PngExporter.fileName(st.scenario().name(), st.step(), "dashboard", 1)
                .replace("@1x.png", ".gif"));
        try {
            gif = new org.shiftscope.export.GifRecorder(gifFile, GIF_FPS);
        } catch (IOException | RuntimeException e) {
            model.notify("Could not record " + gifFile + ": " + e.getMessage(), true);
            gif = null;
            return false;
        }
        lastFrame = 0;
        model.notify("Recording the dashboard as a GIF (" + (int) GIF_FPS + " frames/s, at most "
                + (int) GIF_SECONDS + " s): press ● GIF again to stop", false);
        return true;
    }

    /** Adds a frame when one is due (called every screen frame); returns false once the recording stopped. */
    boolean recordFrame(long now) {
        if (gif == null) return false;
        if (now - lastFrame < 1e9 / GIF_FPS) return true;
        lastFrame = now;
        try {
            Picture p = picture(dashboard.get(), "dashboard", 1);
            gif.add(javafx.embed.swing.SwingFXUtils.fromFXImage(p.image(), null));
        } catch (IOException | RuntimeException e) {
            model.notify("Could not record " + gifFile + ": " + e.getMessage(), true);
            stopGif();
            return false;
        }
        if (gif.frames() >= GIF_FPS * GIF_SECONDS) {
            stopGif();
            return false;
        }
        return true;
    }

    /** Finishes the recording and says where it is. */
    void stopGif() {
        if (gif == null) return;
        int n = gif.frames();
        try {
            gif.close();
            if (n == 0) model.notify("No GIF: nothing was recorded", false);
            else model.notifySaved("Saved " + gifFile.toAbsolutePath() + " (" + n + " frames)", gifFile);
        } catch (IOException e) {
            model.notify("Could not save " + gifFile + ": " + e.getMessage(), true);
        }
        gif = null;
    }

    boolean recording() {
        return gif != null;
    }

    /** frames recorded so far (0 when not recording) */
    int gifFrames() {
        return gif == null ? 0 : gif.frames();
    }

    // ---------------------------------------------------------------- CSV

    /** Writes the kept statistics as stats.csv, metrics.csv, histograms.csv and events.csv into a folder. */
    boolean exportCsv(Path dir) {
        try (CsvRecorder csv = new CsvRecorder(dir)) {
            for (String run : model.history().runs()) {
                Decimated<Snapshot> d = model.history().metrics(run);
                for (int i = 0; i < d.size(); i++) csv.write(d.get(i));
                if (d.last() != null && (d.size() == 0 || d.step(d.size() - 1) != d.lastStep())) csv.write(d.last());
            }
            org.shiftscope.export.EventsCsv.write(dir, model.history().events());
            model.notifySaved("Saved the statistics to " + dir.toAbsolutePath(), dir.resolve("stats.csv"));
            return true;
        } catch (IOException | RuntimeException e) {
            model.notify("Could not save the statistics to " + dir + ": " + e.getMessage(), true);
            return false;
        }
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
