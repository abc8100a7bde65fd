package org.shiftscope.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.shiftscope.chart.ChartPane;
import org.shiftscope.chart.ChartTheme;
import org.shiftscope.chart.Dashboard;
import org.shiftscope.chart.OverTime;
import org.shiftscope.lesson.Lesson;
import org.shiftscope.train.Trainer;
import org.shiftscope.train.scenario.Scenario;

/**
 * The ShiftScope window's content, assembled from small views around one {@link ScenarioModel}: the
 * {@link Toolbar} and {@link Banner} on top, the {@link ControlPanel} on the left, the {@link LessonCard} above
 * the {@link ChartArea} in the middle, the {@link StatusBar} below; {@link Shortcuts} for the keyboard,
 * {@link FileActions} for files, a {@link FrameLoop} that feeds the charts. FX thread only.
 */
public final class MainView extends BorderPane {
    final ScenarioModel model;
    final FileActions files;
    final ControlPanel controls;
    final Toolbar toolbar;
    final Banner banner;
    final LessonCard lessonCard;
    final ChartArea charts;
    final StatusBar statusBar;
    final InspectorPanel inspector;
    final LayerChooser layers;
    private final FrameLoop loop;
    /** whether Dark was on before presentation mode turned it on */
    private boolean darkBefore;

    public MainView(Trainer trainer) {
        model = new ScenarioModel(trainer);
        files = new FileActions(model, () -> getScene() == null ? null : getScene().getWindow(), this::dashboard);
        charts = new ChartArea(model, files);
        toolbar = new Toolbar(model, files);
        layers = new LayerChooser(charts);
        toolbar.addLayerChooser(layers);
        banner = new Banner(model);
        controls = new ControlPanel(model, () -> Platform.runLater(charts::requestFocus));
        lessonCard = new LessonCard(model);
        statusBar = new StatusBar(model);
        inspector = new InspectorPanel(model);
        loop = new FrameLoop(model, charts, statusBar, files, toolbar.gif);
        Shortcuts keys = new Shortcuts(model, files, () -> toolbar.presentation.fire(), () -> toolbar.panel.fire(),
                lessonCard);
        keys.onFollowRun(() -> {
            boolean zoomed = !charts.dashboard.timeRange().following();
            charts.dashboard.timeRange().follow();
            return zoomed;
        });
        getStyleClass().add("main-view");
        setTop(new VBox(toolbar, banner));
        setLeft(controls);
        VBox.setVgrow(charts, Priority.ALWAYS);
        setCenter(new VBox(lessonCard, charts, inspector));
        toolbar.inspector.selectedProperty().bindBidirectional(inspector.openProperty());
        keys.onInspector(inspector::toggle);
        keys.onNextTap(toolbar::nextTap);
        inspector.pickFrom(charts);
        setBottom(statusBar);
        files.acceptDrops(this);
        model.variants().shownRunsProperty().addListener((o, a, n) -> charts.dashboard.markDirty());
        // once a lesson plays, where the charts it names would not fit, its card folds to make room (▾ or Ctrl+L
        // unfolds it, and then it stays as the user left it); before Play the whole card, with its Try-it button,
        // is open
        Runnable makeRoom = () -> {
            if (model.playingProperty().get() && lessonCard.isVisible() && !lessonCard.folded()
                    && !lessonCard.userChose() && charts.getViewportBounds().getHeight() < charts.neededHeight()) {
                lessonCard.setFolded(true);
            }
        };
        model.playingProperty().addListener((o, a, on) -> makeRoom.run());
        charts.viewportBoundsProperty().addListener((o, a, b) -> makeRoom.run());
        toolbar.panel.selectedProperty().addListener((o, a, on) -> setLeft(on ? controls : null));
        toolbar.dark.setSelected("dark".equals(Prefs.theme()));
        toolbar.dark.selectedProperty().addListener((o, a, on) -> applyLook());
        toolbar.ridgeline.setSelected(Prefs.overTime() == OverTime.RIDGELINE);
        charts.dashboard.setOverTime(Prefs.overTime());
        toolbar.ridgeline.selectedProperty().addListener((o, a, on) -> {
            OverTime view = on ? OverTime.RIDGELINE : OverTime.HEAT_MAP;
            charts.dashboard.setOverTime(view);
            Prefs.setOverTime(view);
        });
        toolbar.logView.setSelected(Prefs.logView());
        charts.dashboard.setLogView(Prefs.logView());
        toolbar.logView.selectedProperty().addListener((o, a, on) -> {
            charts.dashboard.setLogView(on);
            Prefs.setLogView(on);
        });
        toolbar.presentation.selectedProperty().addListener((o, a, on) -> {
            // a projector gets dark colours unless the presenter switches Dark off; leaving restores the theme
            if (on) darkBefore = toolbar.dark.isSelected();
            toolbar.dark.setSelected(on || darkBefore);
            applyLook();
            if (getScene() != null && getScene().getWindow() instanceof Stage st) st.setFullScreen(on);
        });
        sceneProperty().addListener((o, a, s) -> {
            if (s != null) s.addEventFilter(KeyEvent.KEY_PRESSED, keys::onKey);
        });
        // presentation type keeps its size relative to the screen
        widthProperty().addListener((o, a, w) -> {
            if (toolbar.presentation.isSelected()) applyLook();
        });
        heightProperty().addListener((o, a, h) -> {
            if (toolbar.presentation.isSelected()) applyLook();
        });
        applyLook();
    }

    public void start() {
        loop.start();
    }

    /** The window closes: a recording still running is saved, and every export handed over is written first. */
    public void stop() {
        loop.stop();
        files.close();
    }

    /** the view model every part of the window works through */
    public ScenarioModel model() {
        return model;
    }

    /** the settings the controls show */
    public Scenario scenario() {
        return model.scenario();
    }

    public void showMessage(String text, boolean problem) {
        model.notify(text, problem);
    }

    /** Starts continuous training, as the Play button does. */
    public void play() {
        model.play();
    }

    public void openLesson(Lesson l) {
        model.openLesson(l);
    }

    public boolean openScenario(Path file) {
        return model.openFile(file);
    }

    public boolean saveScenario(Path file) {
        return model.save(file);
    }

    /** Hands the kept statistics to the background writer as the four CSV files in a folder. */
    public void exportCsv(Path dir) {
        files.exportCsv(dir);
    }

    /** Takes a picture of the dashboard at a scale (1–3) and hands it to the background writer. */
    public void exportDashboard(Path file, int scale) {
        files.exportNode(dashboard(), "dashboard", file, scale);
    }

    /** Takes a picture of one chart at a scale (1–3) and hands it to the background writer. */
    public void exportChart(ChartPane chart, Path file, int scale) {
        files.exportNode(chart, chart.fileStem(), file, scale);
    }

    /**
     * Waits (off the FX thread) until every export handed over so far is written or has failed; its notice is on
     * its way to the FX thread. False when they are not done in time.
     */
    public boolean awaitExports(long timeout, java.util.concurrent.TimeUnit unit) throws InterruptedException {
        return files.awaitWrites(timeout, unit);
    }

    public void setExportDir(Path dir) {
        files.setExportDir(dir);
    }

    /** every chart on screen, training first */
    public List<ChartPane> chartPanes() {
        return charts.charts();
    }

    /** the exported dashboard node */
    public Dashboard dashboard() {
        return charts.dashboard;
    }

    /**
     * The charts' type and line scale in presentation mode: 1.6 on a 1920×1080 screen and the same share of a
     * smaller screen's height, never below 1.25 (a 1280×720 projector fills the same wall as a 1920×1080 one).
     */
    static double presentationScale(double width, double height) {
        if (width <= 0 || height <= 0) return 1.6;
        return Math.max(1.25, Math.min(1.6, 1.6 * Math.min(width / 1920, height / 1080)));
    }

    /** Applies the theme and presentation mode to the window and every chart, and remembers the theme. */
    private void applyLook() {
        boolean presenting = toolbar.presentation.isSelected();
        boolean darkOn = toolbar.dark.isSelected();
        getStyleClass().removeAll("dark", "presentation");
        if (darkOn) getStyleClass().add("dark");
        if (presenting) getStyleClass().add("presentation");
        charts.setLook(darkOn ? ChartTheme.DARK : ChartTheme.LIGHT,
                presenting ? presentationScale(getWidth(), getHeight()) : 1.0);
        inspector.setLook(darkOn ? ChartTheme.DARK : ChartTheme.LIGHT, presenting ? 1.4 : 1.0);
        toolbar.setPresentation(presenting);
        controls.setPrefWidth(presenting ? 400 : 300);
        if (!presenting) Prefs.setTheme(darkOn ? "dark" : "light");
    }
}
