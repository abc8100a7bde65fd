package org.shiftscope.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.shiftscope.data.Dataset;
import org.shiftscope.data.Datasets;
import org.shiftscope.export.Captions;
import org.shiftscope.lesson.Lesson;
import org.shiftscope.lesson.Lessons;
import org.shiftscope.export.PngExporter;
import org.shiftscope.nn.ActivationKind;
import org.shiftscope.nn.Affine;
import org.shiftscope.nn.Init;
import org.shiftscope.nn.Placement;
import org.shiftscope.nn.Tap;
import org.shiftscope.train.Boundary;
import org.shiftscope.train.Status;
import org.shiftscope.train.Trainer;
import org.shiftscope.train.scenario.NetworkSpec;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioException;
import org.shiftscope.train.scenario.ScenarioIO;
import org.shiftscope.chart.BoundaryChart;
import org.shiftscope.chart.Dashboard;
import org.shiftscope.chart.ChartPane;
import org.shiftscope.chart.DistributionChart;
import org.shiftscope.chart.HistogramChart;
import org.shiftscope.chart.LayerChart;
import org.shiftscope.chart.MomentsChart;
import org.shiftscope.chart.PercentileChart;
import org.shiftscope.chart.TrainingChart;
import org.shiftscope.stats.History;

/**
 * The ShiftScope window's content: controls on the left, live charts in the middle, a status bar below.
 * Controls post commands to the {@link Trainer}; an AnimationTimer drains the trainer's snapshots into the
 * {@link History} once per frame and redraws the charts that changed. FX thread only.
 */
public final class MainView extends BorderPane {
    /** learning-rate slider range, as log10 */
    static final double LR_MIN = -4, LR_MAX = 1;
    /** batch-size slider range, as log2: 1 … 512 */
    static final double BATCH_MAX_LOG2 = 9;
    /** speed slider value that means "as fast as possible" */
    static final double SPEED_MAX = 4;

    /** the training thread's handle */
    private final Trainer trainer;
    /** the settings the controls show; source of truth for rebuilds */
    private Scenario ui;
    /** everything drawn, bounded */
    private final History history = new History();
    /** snapshots drained this frame */
    private final List<Trainer.Published> drained = new ArrayList<>();
    /** set while the controls are being filled from a scenario, so they post nothing */
    private boolean updating;

    // ---- charts ----
    /** every chart; the part exported as "dashboard" */
    private final Dashboard dashboard = new Dashboard(history, this::addExportMenu);

    // ---- controls ----
    final ComboBox<String> preset = new ComboBox<>();
    final TextField seed = new TextField();
    final CheckBox compare = new CheckBox("Compare: BN twin vs plain twin");
    final ComboBox<String> dataset = new ComboBox<>();
    final Slider noise = new Slider(0, 0.5, 0.1);
    final Spinner<Integer> depth = new Spinner<>(1, 12, 3);
    final ComboBox<Lesson> lesson = new ComboBox<>();
    /** the open lesson's explanation, above the charts */
    final VBox lessonCard = new VBox(6);
    final Button lessonAction = new Button();
    private Lesson openLesson;
    final Spinner<Integer> width = new Spinner<>(2, 256, 8);
    final ComboBox<ActivationKind> activation = new ComboBox<>();
    final ComboBox<Init> init = new ComboBox<>();
    final Slider initStd = new Slider(-3, 2, -1);
    final CheckBox batchNorm = new CheckBox("BatchNorm on  (B)");
    final ToggleGroup placement = new ToggleGroup();
    final ToggleButton before = new ToggleButton("before activation");
    final ToggleButton after = new ToggleButton("after activation");
    final ToggleGroup affine = new ToggleGroup();
    final ToggleButton learned = new ToggleButton("learned");
    final ToggleButton fixed = new ToggleButton("fixed");
    final Slider gamma = new Slider(0, 5, 1);
    final Slider beta = new Slider(-3, 3, 0);
    final Slider bnMomentum = new Slider(0, 1, 0.1);
    final Slider learningRate = new Slider(LR_MIN, LR_MAX, Math.log10(0.03));
    final Slider batchSize = new Slider(0, BATCH_MAX_LOG2, 5);
    final Slider momentum = new Slider(0, 0.99, 0.9);
    final Slider speed = new Slider(0, SPEED_MAX, SPEED_MAX);

    // ---- toolbar and status ----
    final ToggleButton play = new ToggleButton("▶ Play");
    final Button step = new Button("Step");
    final Button reset = new Button("Reset");
    final ToggleGroup tapGroup = new ToggleGroup();
    final ToggleButton tapLinear = new ToggleButton("W·x+b");
    final ToggleButton tapNormalized = new ToggleButton("after BN");
    final ToggleButton tapActivation = new ToggleButton("activation");
    /** the File menu: scenario files, recent files, CSV and PNG export */
    final javafx.scene.control.MenuButton file = new javafx.scene.control.MenuButton("File");
    final MenuItem open = new MenuItem("Open scenario…   (Ctrl+O, or drop a file on the window)");
    final MenuItem save = new MenuItem("Save scenario…   (Ctrl+Shift+S)");
    final javafx.scene.control.Menu recent = new javafx.scene.control.Menu("Open recent");
    final MenuItem exportCsv = new MenuItem("Export statistics as CSV…   (Ctrl+E)");
    final MenuItem exportPng = new MenuItem("Export dashboard as PNG…   (Ctrl+S saves without asking)");
    final ToggleButton presentation = new ToggleButton("Presentation");
    final ToggleButton dark = new ToggleButton("Dark");
    final ComboBox<String> exportScale = new ComboBox<>();
    final Button export = new Button("Export PNG…");
    final Label banner = new Label();
    final Label status = new Label();
    final Label message = new Label();

    // ---- frame loop ----
    private final AnimationTimer timer;
    private int generation = -1;
    private long frames, fpsT0 = System.nanoTime(), frameNanos, lastRedraw, redraws;
    private double fps, frameMillis, chartFps;
    private Boundary shownBoundary;
    /** the last refused request already reflected in the controls */
    private String lastError = "";
    /** the divergence step whose automatic pause the Play button already shows */
    private long shownDivergence = -1;
    /** where Ctrl+S writes; system property shiftscope.exportDir or the home folder */
    private Path exportDir = Path.of(System.getProperty("shiftscope.exportDir", System.getProperty("user.home")));

    public MainView(Trainer trainer) {
        this.trainer = trainer;
        this.ui = trainer.status().scenario();
        getStyleClass().add("main-view");
        setTop(toolbar());
        setLeft(controls());
        setCenter(charts());
        setBottom(statusBar());
        fillControls(ui);
        wireControls();
        dark.setSelected("dark".equals(Settings.theme()));
        sceneProperty().addListener((o, a, s) -> {
            if (s != null) s.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        });
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t0 = System.nanoTime();
                frame(now);
                frameNanos += System.nanoTime() - t0;
            }
        };
    }

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    public Trainer trainer() {
        return trainer;
    }

    public History history() {
        return history;
    }

    /** the settings the controls show */
    public Scenario scenario() {
        return ui;
    }

    /** Shows a notice in the status bar (red when it is a problem). */
    public void showMessage(String text, boolean problem) {
        message.getStyleClass().removeAll("error");
        if (problem) message.getStyleClass().add("error");
        message.setText(text);
    }

    /** Starts continuous training, as the Play button does. */
    public void play() {
        play.setSelected(true);
    }

    public void setExportDir(Path dir) {
        exportDir = dir;
    }

    // ---------------------------------------------------------------- layout

    private Node toolbar() {
        play.setId("play");
        step.setId("step");
        reset.setId("reset");
        tapLinear.setId("tapLinear");
        tapNormalized.setId("tapNormalized");
        tapActivation.setId("tapActivation");
        export.setId("export");
        file.setId("file");
        open.setId("open");
        save.setId("save");
        recent.setId("recent");
        exportCsv.setId("exportCsv");
        file.getItems().setAll(open, save, recent, new javafx.scene.control.SeparatorMenuItem(), exportCsv,
                exportPng);
        tip(file, "Scenario files (a file with a mistake is refused with a message and nothing changes; a saved "
                + "file holds every setting and the seed, so it gives the same run), recent files, and exports: "
                + "the statistics as CSV with the headless runner's columns, the dashboard as PNG.");
        refreshRecent();
        presentation.setId("presentation");
        dark.setId("dark");
        tip(presentation, "For a projector (F5): large text, thick lines, high contrast, full screen.");
        tip(dark, "Light or dark colours (remembered for next time).");
        exportScale.setId("exportScale");
        banner.setId("banner");
        tip(play, "Train continuously, or pause (Space).");
        tip(step, "Train exactly one mini-batch step, then pause (S).");
        tip(reset, "Start again from step 0 with fresh weights drawn from the seed (R).");
        for (ToggleButton t : List.of(tapLinear, tapNormalized, tapActivation)) {
            t.setToggleGroup(tapGroup);
            t.getStyleClass().add("tap");
        }
        tapActivation.setSelected(true);
        tip(tapLinear, "Show the values right after the weights: W·x + b, before anything else.");
        tip(tapNormalized, "Show BatchNorm's output: normalized over the mini-batch, then scaled by gamma and "
                + "shifted by beta. Only exists while BatchNorm is on.");
        tip(tapActivation, "Show the output of the nonlinearity (sigmoid, tanh, ReLU…).");
        exportScale.getItems().setAll("1×", "2×", "3×");
        exportScale.setValue("2×");
        tip(exportScale, "Resolution of exported pictures: 2× or 3× stays sharp on slides.");
        tip(export, "Save the whole dashboard as a PNG with a caption saying how it was made (Ctrl+S saves to "
                + "your home folder without asking). Right-click a chart to save just that chart.");
        Label show = new Label("Show:");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, play, step, reset, new Separator(Orientation.VERTICAL), show, tapLinear,
                tapNormalized, tapActivation, grow, file, exportScale, export, new Separator(Orientation.VERTICAL),
                dark, presentation);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 8, 10));
        bar.getStyleClass().add("toolbar");
        banner.getStyleClass().add("banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        banner.setVisible(false);
        banner.setManaged(false);
        return new VBox(bar, banner);
    }

    private Node controls() {
        preset.setId("preset");
        seed.setId("seed");
        compare.setId("compare");
        dataset.setId("dataset");
        noise.setId("noise");
        depth.setId("depth");
        width.setId("width");
        activation.setId("activation");
        init.setId("init");
        initStd.setId("initStd");
        batchNorm.setId("batchNorm");
        before.setId("placementBefore");
        after.setId("placementAfter");
        learned.setId("affineLearned");
        fixed.setId("affineFixed");
        gamma.setId("gamma");
        beta.setId("beta");
        bnMomentum.setId("bnMomentum");
        learningRate.setId("learningRate");
        batchSize.setId("batchSize");
        momentum.setId("momentum");
        speed.setId("speed");

        preset.getItems().setAll(ScenarioIO.presetNames());
        lesson.setId("lesson");
        lesson.getItems().setAll(Lessons.all());
        lesson.setPromptText("Choose a lesson…");
        lesson.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Lesson l) {
                return l == null ? "" : l.label();
            }

            @Override
            public Lesson fromString(String s) {
                return null;
            }
        });
        tip(lesson, "One idea of BatchNorm at a time: opens a ready-made set-up and says what to watch, what to "
                + "try, what will happen and why.");
        dataset.getItems().setAll(Datasets.names());
        activation.getItems().setAll(ActivationKind.values());
        init.getItems().setAll(Init.values());
        activation.setConverter(keyConverter(ActivationKind::key, ActivationKind.values()));
        init.setConverter(keyConverter(Init::key, Init.values()));
        depth.setEditable(true);
        width.setEditable(true);
        before.setToggleGroup(placement);
        after.setToggleGroup(placement);
        learned.setToggleGroup(affine);
        fixed.setToggleGroup(affine);

        tip(preset, "Ready-made set-ups. Picking one starts a new run with its settings.");
        tip(seed, "The random seed: the same seed gives the same starting weights, data and mini-batches. "
                + "Press Enter to start over with it.");
        tip(compare, "Train two copies side by side from the same starting weights on the same mini-batches: one "
                + "with BatchNorm (blue), one without (orange). Like Figure 1 of the BatchNorm paper.");
        tip(dataset, "What the network learns to classify. The first four are 2-D point clouds (you see the "
                + "decision regions); teacher has 20 features; fashion-mnist needs Debian's "
                + "dataset-fashion-mnist package.");
        tip(noise, "How noisy the 2-D data are.");
        tip(depth, "Number of hidden layers. Deeper nets are harder to train without BatchNorm.");
        tip(width, "Units in each hidden layer.");
        tip(activation, "The nonlinearity of every hidden layer. Sigmoid and tanh saturate at their ends.");
        tip(init, "How starting weights are drawn: normal uses the scale below; Xavier and He pick a scale "
                + "from the layer sizes.");
        tip(initStd, "Standard deviation of the starting weights (for 'normal' init). Too small or too large "
                + "ruins a plain network; BatchNorm makes it matter much less.");
        tip(batchNorm, "Normalize each unit over the mini-batch (mean 0, std 1), then scale by gamma and shift "
                + "by beta. Takes effect at the next step, keeping the weights.");
        tip(before, "BatchNorm between the weights and the nonlinearity (as in the paper).");
        tip(after, "BatchNorm after the nonlinearity.");
        tip(learned, "gamma and beta start at the slider values and are learned by gradient descent, so the "
                + "network can undo the normalization if that helps.");
        tip(fixed, "gamma and beta stay at the slider values for every unit: the normalized values then have "
                + "exactly mean beta and standard deviation gamma.");
        tip(gamma, "Scale applied after normalizing (every unit). Moving it sets all units to this value.");
        tip(beta, "Shift applied after normalizing (every unit). Moving it sets all units to this value.");
        tip(bnMomentum, "How much of BatchNorm's running averages each mini-batch replaces. The running averages "
                + "are what the network uses at test time instead of batch statistics.");
        tip(learningRate, "How big a step gradient descent takes. Too large and a plain network diverges; "
                + "BatchNorm tolerates much larger steps.");
        tip(batchSize, "Examples per step. BatchNorm estimates its mean and variance from the mini-batch, so "
                + "tiny batches (2–8) make those estimates noisy.");
        tip(momentum, "How much of the previous update carries over (0 = plain SGD).");
        tip(speed, "Cap on training steps per second, to watch changes slowly; all the way right = as fast as "
                + "the computer can.");

        VBox box = new VBox(6);
        box.setPadding(new Insets(10));
        box.getStyleClass().add("controls");
        box.getChildren().addAll(
                header("Lessons"), lesson,
                header("Scenario"), preset, row("Seed", seed), compare,
                header("Data"), dataset, sliderRow("Noise", noise, v -> String.format(Locale.ROOT, "%.2f", v)),
                header("Network"), row("Hidden layers", depth), row("Units per layer", width),
                row("Activation", activation), row("Init", init),
                sliderRow("Init scale", initStd, v -> fmt(Math.pow(10, v))),
                header("BatchNorm"), batchNorm, new HBox(4, before, after), new HBox(4, learned, fixed),
                sliderRow("gamma γ", gamma, v -> String.format(Locale.ROOT, "%.2f", v)),
                sliderRow("beta β", beta, v -> String.format(Locale.ROOT, "%.2f", v)),
                sliderRow("Running-average momentum", bnMomentum, v -> String.format(Locale.ROOT, "%.2f", v)),
                header("Training"),
                sliderRow("Learning rate", learningRate, v -> fmt(Math.pow(10, v))),
                sliderRow("Batch size", batchSize, v -> Integer.toString(batchOf(v))),
                sliderRow("Momentum", momentum, v -> String.format(Locale.ROOT, "%.2f", v)),
                sliderRow("Speed", speed, v -> v >= SPEED_MAX ? "max" : Math.round(Math.pow(10, v)) + " steps/s"));
        for (Node n : box.getChildren()) {
            if (n instanceof Control c) c.setMaxWidth(Double.MAX_VALUE);
        }
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        sp.setPrefWidth(300);
        sp.setMinWidth(260);
        sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return sp;
    }

    private Node charts() {
        ScrollPane sp = new ScrollPane(dashboard);
        sp.setFitToWidth(true);
        sp.getStyleClass().add("charts");
        lessonCard.setId("lessonCard");
        lessonCard.getStyleClass().add("lesson-card");
        lessonCard.setVisible(false);
        lessonCard.setManaged(false);
        lessonAction.setId("lessonAction");
        lessonAction.getStyleClass().add("lesson-action");
        lessonAction.setOnAction(e -> {
            if (openLesson != null) applySetting(openLesson.actionKey(), openLesson.actionValue(),
                    "lesson " + openLesson.number() + ": " + openLesson.actionLabel());
        });
        VBox.setVgrow(sp, Priority.ALWAYS);
        return new VBox(lessonCard, sp);
    }

    private Node statusBar() {
        status.setId("status");
        message.setId("message");
        message.getStyleClass().add("message");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(12, status, grow, message);
        bar.setPadding(new Insets(5, 10, 5, 10));
        bar.getStyleClass().add("status-bar");
        tip(status, "Training step, training speed, screen frames per second and the settings in force.");
        return bar;
    }

    // ---------------------------------------------------------------- controls ↔ scenario

    private void fillControls(Scenario s) {
        updating = true;
        try {
            preset.setValue(ScenarioIO.presetNames().contains(s.name()) ? s.name() : null);
            seed.setText(Long.toString(s.training().seed()));
            compare.setSelected(s.compare());
            dataset.setValue(s.dataset().name());
            noise.setValue(s.dataset().noise());
            NetworkSpec n = s.network();
            depth.getValueFactory().setValue(n.hidden().length);
            width.getValueFactory().setValue(n.hidden()[0]);
            activation.setValue(n.activation());
            init.setValue(n.init());
            initStd.setValue(Math.log10(n.initStd()));
            batchNorm.setSelected(n.batchnorm());
            (n.bnPlacement() == Placement.BEFORE ? before : after).setSelected(true);
            (n.affine() == Affine.LEARNED ? learned : fixed).setSelected(true);
            gamma.setValue(n.gamma());
            beta.setValue(n.beta());
            bnMomentum.setValue(n.bnMomentum());
            learningRate.setValue(Math.log10(s.training().learningRate()));
            batchSize.setValue(Math.log(s.training().batchSize()) / Math.log(2));
            momentum.setValue(s.training().momentum());
            speed.setValue(s.training().speed() <= 0 ? SPEED_MAX : Math.min(SPEED_MAX, Math.log10(s.training().speed())));
            updateEnabled();
        } finally {
            updating = false;
        }
    }

    private void updateEnabled() {
        boolean bnPossible = ui.compare() || ui.network().batchnorm();
        batchNorm.setDisable(ui.compare());
        tapNormalized.setDisable(!bnPossible);
        if (!bnPossible && tapNormalized.isSelected()) tapActivation.setSelected(true);
        for (Node n : List.of(before, after, learned, fixed, gamma, beta, bnMomentum)) n.setDisable(!bnPossible);
        noise.setDisable(!Datasets.isPlanar(ui.dataset().name()) && !ui.dataset().name().equals("teacher"));
    }

    private void wireControls() {
        play.selectedProperty().addListener((o, a, on) -> {
            play.setText(on ? "❚❚ Pause" : "▶ Play");
            if (updating) return;
            if (on) trainer.play();
            else trainer.pause();
        });
        step.setOnAction(e -> trainer.step());
        reset.setOnAction(e -> reset());
        tapGroup.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                (a != null ? (ToggleButton) a : tapActivation).setSelected(true); // one tap is always shown
                return;
            }
            dashboard.setTap(selectedTap());
        });
        export.setOnAction(e -> exportWithDialog(dashboard, "dashboard"));
        open.setOnAction(e -> openWithDialog());
        dark.selectedProperty().addListener((o, a, on) -> applyLook());
        presentation.selectedProperty().addListener((o, a, on) -> {
            applyLook();
            if (getScene() != null && getScene().getWindow() instanceof javafx.stage.Stage st) st.setFullScreen(on);
        });
        save.setOnAction(e -> saveWithDialog());
        exportCsv.setOnAction(e -> exportCsvWithDialog());
        exportPng.setOnAction(e -> exportWithDialog(dashboard, "dashboard"));
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()
                    && openScenario(e.getDragboard().getFiles().get(0).toPath());
            e.setDropCompleted(ok);
            e.consume();
        });

        // live changes: applied by the trainer between two steps, no reset
        live(learningRate, v -> {
            double lr = Math.pow(10, v);
            ui = ui.withTraining(ui.training().withLearningRate(lr));
            trainer.post(s -> s.setLearningRate(lr));
        });
        live(batchSize, v -> {
            int b = batchOf(v);
            if (b == ui.training().batchSize()) return;
            ui = ui.withTraining(ui.training().withBatchSize(b));
            trainer.post(s -> s.setBatchSize(b));
        });
        live(momentum, v -> {
            ui = ui.withTraining(ui.training().withMomentum(v));
            trainer.post(s -> s.setMomentum(v));
        });
        live(bnMomentum, v -> {
            ui = ui.withNetwork(ui.network().withBnMomentum(v));
            trainer.post(s -> s.setBnMomentum(v));
        });
        live(gamma, v -> postAffine());
        live(beta, v -> postAffine());
        affine.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                ((ToggleButton) a).setSelected(true);
                return;
            }
            if (!updating) postAffine();
        });
        placement.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                ((ToggleButton) a).setSelected(true);
                return;
            }
            if (updating) return;
            Placement p = t == before ? Placement.BEFORE : Placement.AFTER;
            ui = ui.withNetwork(ui.network().withBnPlacement(p));
            trainer.post(s -> s.setPlacement(p));
        });
        batchNorm.selectedProperty().addListener((o, a, on) -> {
            if (updating) return;
            ui = ui.withNetwork(ui.network().withBatchnorm(on));
            trainer.post(s -> s.setBatchNorm(on));
            updateEnabled();
        });
        speed.valueProperty().addListener((o, a, v) -> {
            double x = v.doubleValue();
            double cap = x >= SPEED_MAX - 1e-9 ? 0 : Math.round(Math.pow(10, x));
            ui = ui.withTraining(ui.training().withSpeed(cap));
            if (!updating) trainer.setMaxStepsPerSecond(cap);
        });

        lesson.valueProperty().addListener((o, a, l) -> {
            if (l != null && !updating) openLesson(l);
        });

        // shape, data and seed changes: a new network
        preset.valueProperty().addListener((o, a, name) -> {
            if (updating || name == null) return;
            try {
                Scenario s = ScenarioIO.preset(name);
                ui = s;
                fillControls(s);
                if (openLesson == null || !openLesson.scenario().equals(name)) closeLesson();
                rebuild("opened " + s.title());
            } catch (ScenarioException e) {
                message.setText(e.getMessage());
            }
        });
        compare.selectedProperty().addListener((o, a, on) -> {
            if (updating) return;
            ui = ui.withCompare(on);
            updateEnabled();
            rebuild(on ? "compare mode: BN twin and plain twin" : "single network");
        });
        dataset.valueProperty().addListener((o, a, name) -> {
            if (updating || name == null) return;
            ui = ui.withDataset(ui.dataset().withName(name));
            updateEnabled();
            rebuild("data set changed to " + name);
        });
        noise.valueChangingProperty().addListener((o, a, changing) -> {
            if (!changing && !updating && noise.getValue() != ui.dataset().noise()) {
                ui = ui.withDataset(ui.dataset().withNoise(noise.getValue()));
                rebuild("data noise changed");
            }
        });
        ChangeListener<Integer> shape = (o, a, v) -> {
            if (updating || v == null) return;
            int[] hidden = new int[depth.getValue()];
            java.util.Arrays.fill(hidden, width.getValue());
            ui = ui.withNetwork(ui.network().withHidden(hidden));
            rebuild("network rebuilt: " + hidden.length + " hidden layers of " + hidden[0] + " units");
        };
        depth.valueProperty().addListener(shape);
        width.valueProperty().addListener(shape);
        activation.valueProperty().addListener((o, a, v) -> {
            if (updating || v == null) return;
            ui = ui.withNetwork(ui.network().withActivation(v));
            rebuild("network rebuilt: " + v.key() + " activation");
        });
        init.valueProperty().addListener((o, a, v) -> {
            if (updating || v == null) return;
            ui = ui.withNetwork(ui.network().withInit(v));
            rebuild("network rebuilt: " + v.key() + " initialization");
        });
        initStd.valueChangingProperty().addListener((o, a, changing) -> {
            if (!changing) applyInitStd();
        });
        initStd.valueProperty().addListener((o, a, v) -> {
            if (!initStd.isValueChanging()) applyInitStd();
        });
        seed.setOnAction(e -> {
            try {
                long s = Long.parseLong(seed.getText().trim());
                ui = ui.withTraining(ui.training().withSeed(s));
                rebuild("new seed " + s);
            } catch (NumberFormatException ex) {
                message.setText("Seed must be a whole number, e.g. 42 (got '" + seed.getText() + "').");
                seed.setText(Long.toString(ui.training().seed()));
            }
        });
    }

    /** Opens a lesson: its scenario, its tap, and its explanation above the charts. */
    public void openLesson(Lesson l) {
        Scenario s;
        try {
            s = ScenarioIO.preset(l.scenario());
        } catch (ScenarioException e) {
            showMessage(e.getMessage(), true);
            return;
        }
        openLesson = l;
        ui = s;
        fillControls(s);
        switch (l.tap()) {
            case LINEAR -> tapLinear.setSelected(true);
            case NORMALIZED -> tapNormalized.setSelected(true);
            case ACTIVATION -> tapActivation.setSelected(true);
        }
        rebuild("lesson " + l.label());
        Label title = new Label("Lesson " + l.label());
        title.getStyleClass().add("lesson-title");
        Button close = new Button("✕");
        close.setId("lessonClose");
        tip(close, "Hide the lesson text (the settings stay).");
        close.setOnAction(e -> {
            lessonCard.setVisible(false);
            lessonCard.setManaged(false);
        });
        lesson.setValue(l);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(8, title, grow, close);
        head.setAlignment(Pos.CENTER_LEFT);
        lessonAction.setText("Try it: " + l.actionLabel());
        lessonCard.getChildren().setAll(head, paragraph("Look at", l.look()), paragraph("Try", l.move()),
                paragraph("What happens", l.expect()), paragraph("Why", l.why()), lessonAction);
        lessonCard.setVisible(true);
        lessonCard.setManaged(true);
    }

    private void closeLesson() {
        openLesson = null;
        lessonCard.setVisible(false);
        lessonCard.setManaged(false);
        boolean was = updating;
        updating = true;
        lesson.setValue(null);
        updating = was;
    }

    private static Node paragraph(String head, String text) {
        Label h = new Label(head);
        h.getStyleClass().add("lesson-head");
        h.setMinWidth(118);
        Label t = new Label(text);
        t.setWrapText(true);
        t.setMinHeight(Region.USE_PREF_SIZE); // wrap onto more lines instead of cutting the text short
        t.setMinWidth(0);
        t.setMaxWidth(Double.MAX_VALUE);
        t.getStyleClass().add("lesson-text");
        HBox.setHgrow(t, Priority.ALWAYS);
        return new HBox(8, h, t);
    }

    /**
     * Applies one scenario setting the way a user would: through its control when it is live (so it applies at
     * the next step, keeping the weights), else by rebuilding with it.
     */
    void applySetting(String key, String value, String why) {
        try {
            Scenario next = ScenarioIO.withOverride(ui, key, value);
            switch (key) {
                case "training.learning_rate" -> learningRate.setValue(Math.log10(next.training().learningRate()));
                case "training.batch_size" -> batchSize.setValue(Math.log(next.training().batchSize()) / Math.log(2));
                case "training.momentum" -> momentum.setValue(next.training().momentum());
                case "network.bn_momentum" -> bnMomentum.setValue(next.network().bnMomentum());
                case "network.batchnorm" -> batchNorm.setSelected(next.network().batchnorm());
                case "network.bn_placement" -> (next.network().bnPlacement() == Placement.BEFORE ? before : after)
                        .setSelected(true);
                case "network.affine" -> (next.network().affine() == Affine.LEARNED ? learned : fixed).setSelected(true);
                case "network.gamma" -> gamma.setValue(next.network().gamma());
                case "network.beta" -> beta.setValue(next.network().beta());
                default -> {
                    ui = next;
                    fillControls(ui);
                    rebuild(why);
                    return;
                }
            }
            showMessage(why, false);
        } catch (ScenarioException e) {
            showMessage(e.getMessage(), true);
        }
    }

    private void applyInitStd() {
        double v = Math.pow(10, initStd.getValue());
        if (updating || Math.abs(v - ui.network().initStd()) < 1e-12 * v) return;
        ui = ui.withNetwork(ui.network().withInitStd(v));
        rebuild("network rebuilt: initial weight scale " + fmt(v));
    }

    private void postAffine() {
        if (updating) return;
        Affine mode = fixed.isSelected() ? Affine.FIXED : Affine.LEARNED;
        double g = gamma.getValue(), b = beta.getValue();
        ui = ui.withNetwork(ui.network().withAffine(mode).withGamma(g).withBeta(b));
        trainer.post(s -> s.setAffine(mode, g, b));
    }

    private void live(Slider s, java.util.function.DoubleConsumer apply) {
        s.valueProperty().addListener((o, a, v) -> {
            if (!updating) apply.accept(v.doubleValue());
        });
    }

    private void rebuild(String why) {
        trainer.rebuild(ui, why);
    }

    /** Starts again at step 0 with the settings shown. */
    public void reset() {
        trainer.rebuild(ui, "reset to step 0");
    }

    Tap selectedTap() {
        Object t = tapGroup.getSelectedToggle();
        return t == tapLinear ? Tap.LINEAR : t == tapNormalized ? Tap.NORMALIZED : Tap.ACTIVATION;
    }

    static int batchOf(double log2) {
        return (int) Math.round(Math.pow(2, log2));
    }

    // ---------------------------------------------------------------- keyboard

    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() && e.getCode() == KeyCode.S && e.isShiftDown()) {
            saveWithDialog();
            e.consume();
            return;
        }
        if (e.isShortcutDown() && e.getCode() == KeyCode.S) {
            exportDashboard(exportDir.resolve(defaultName("dashboard")), selectedScale());
            e.consume();
            return;
        }
        if (e.getCode() == KeyCode.F5) {
            presentation.setSelected(!presentation.isSelected());
            e.consume();
            return;
        }
        if (e.isShortcutDown() && e.getCode() == KeyCode.O) {
            openWithDialog();
            e.consume();
            return;
        }
        if (e.isShortcutDown() && e.getCode() == KeyCode.E) {
            exportCsvWithDialog();
            e.consume();
            return;
        }
        if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) return;
        if (e.getTarget() instanceof Spinner<?> || e.getTarget() instanceof ComboBox<?>) return;
        switch (e.getCode()) {
            case SPACE -> play.setSelected(!play.isSelected());
            case S -> trainer.step();
            case R -> reset();
            case B -> {
                if (!batchNorm.isDisabled()) batchNorm.setSelected(!batchNorm.isSelected());
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    // ---------------------------------------------------------------- frame loop

    private void frame(long now) {
        Status st = trainer.status();
        if (st.generation() != generation) {
            generation = st.generation();
            history.clear();
            dashboard.resetRanges();
            shownDivergence = -1;
            shownBoundary = null;
            onNewSession(st);
        }
        drained.clear();
        trainer.drain(drained);
        boolean changed = false;
        for (Trainer.Published p : drained) {
            if (p.generation() != generation) continue;
            history.add(p.snapshot());
            changed = true;
        }
        if (changed) dashboard.markDirty();
        // charts redraw at most ~30 times a second: the render thread shares a core with training
        boolean redraw = now - lastRedraw >= 31_000_000L;
        Boundary b = trainer.boundary();
        if (b != null && b != shownBoundary && b.generation() == generation) {
            shownBoundary = b;
            dashboard.setBoundary(b);
        }
        if (redraw && dashboard.refresh()) {
            lastRedraw = now;
            redraws++; // frames in which charts were actually drawn
        }
        frames++;
        if (now - fpsT0 >= 500_000_000L) {
            fps = frames * 1e9 / (now - fpsT0);
            chartFps = redraws * 1e9 / (now - fpsT0);
            redraws = 0;
            frameMillis = frameNanos / 1e6 / Math.max(1, frames);
            if (Boolean.getBoolean("shiftscope.debugFrames")) {
                System.err.printf(Locale.ROOT, "fps %.1f, chart updates %.1f/s, frame handler %.1f ms%n", fps,
                        chartFps, frameMillis);
            }
            frameNanos = 0;
            frames = 0;
            fpsT0 = now;
        }
        showStatus(st);
    }

    private void onNewSession(Status st) {
        Scenario s = st.scenario();
        if (ScenarioIO.presetNames().contains(s.name())) Settings.setLastScenario(s.name());
        dashboard.setDepth(s.network().hidden().length);
        dashboard.setTap(selectedTap());
        boolean planar = Datasets.isPlanar(s.dataset().name());
        dashboard.setPlanar(planar);
        if (planar) {
            try {
                Dataset d = trainer.call(session -> session.data()); // read-only after loading
                dashboard.setPoints(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void showStatus(Status st) {
        Scenario s = st.scenario();
        String bn = s.compare() ? "compare: BN vs plain"
                : s.network().batchnorm() ? "BatchNorm on (" + s.network().bnPlacement().key() + ")" : "BatchNorm off";
        status.setText(String.format(Locale.ROOT, "Step %,d   ·   %,.0f steps/s   ·   %.0f fps (charts %.0f/s)   ·   %s   ·   "
                        + "learning rate %s   ·   batch %d   ·   %s", st.step(), st.stepsPerSecond(), fps, chartFps, bn,
                fmt(s.training().learningRate()), s.training().batchSize(), st.backend()));
        if (!st.error().isEmpty() && !st.error().equals(lastError)) {
            // a refused rebuild (e.g. a data set that is not installed): the controls go back to what trains
            lastError = st.error();
            ui = s;
            fillControls(ui);
        }
        if (st.error().isEmpty()) lastError = "";
        String msg = !st.error().isEmpty() ? st.error() : st.message();
        if (!msg.equals(message.getText()) && !msg.isEmpty()) message.setText(msg);
        message.getStyleClass().removeAll("error");
        if (!st.error().isEmpty()) message.getStyleClass().add("error");
        long div = st.firstDivergence();
        boolean show = div >= 0;
        if (show) {
            String who = st.runs().size() > 1 ? "The " + (st.divergedAt()[0] >= 0 ? "BN" : "plain") + " twin" : "Training";
            banner.setText(who + " diverged at step " + div + ": the loss became NaN or infinite. Lower the "
                    + "learning rate or turn BatchNorm on, then press Reset (R).");
        }
        banner.setVisible(show);
        banner.setManaged(show);
        if (show && div != shownDivergence && play.isSelected() && !st.playing()) {
            // the trainer paused itself at a divergence: reflect it without sending a command back
            shownDivergence = div;
            boolean was = updating;
            updating = true;
            play.setSelected(false);
            updating = was;
        }
    }

    // ---------------------------------------------------------------- export

    private int selectedScale() {
        String v = exportScale.getValue();
        return v == null ? 2 : v.charAt(0) - '0';
    }

    /** the caption under exported figures (see {@link Captions}) */
    public String caption() {
        Status st = trainer.status();
        return Captions.of(st.scenario(), st.step());
    }

    String defaultName(String what) {
        Status st = trainer.status();
        return PngExporter.fileName(st.scenario().name(), st.step(), what, selectedScale());
    }

    /** Writes the whole dashboard; returns false (and says why in the status bar) when it cannot. */
    public boolean exportDashboard(Path file, int scale) {
        return exportNode(dashboard, file, scale);
    }

    /** Writes one chart. */
    public boolean exportChart(ChartPane chart, Path file, int scale) {
        return exportNode(chart, file, scale);
    }

    private boolean exportNode(Node node, Path file, int scale) {
        try {
            if (node instanceof ChartPane c) c.refresh();
            String caption = node instanceof LayerChart lc ? caption() + " · " + lc.describe() : caption();
            PngExporter.write(node, scale, caption, file);
            message.getStyleClass().removeAll("error");
            message.setText("Saved " + file.toAbsolutePath());
            return true;
        } catch (IOException | RuntimeException e) {
            message.getStyleClass().add("error");
            message.setText("Could not save " + file + ": " + (e.getMessage() == null ? e : e.getMessage()));
            return false;
        }
    }

    private void exportWithDialog(Node node, String what) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export PNG");
        fc.setInitialFileName(defaultName(what));
        java.io.File dir = exportDir.toFile();
        if (dir.isDirectory()) fc.setInitialDirectory(dir);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        java.io.File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            exportDir = f.toPath().toAbsolutePath().getParent();
            exportNode(node, f.toPath(), selectedScale());
        }
    }

    // ---------------------------------------------------------------- looks

    /** Applies the theme and presentation mode to the window and every chart, and remembers the theme. */
    void applyLook() {
        boolean darkOn = dark.isSelected() || presentation.isSelected();
        getStyleClass().removeAll("dark", "presentation");
        if (darkOn) getStyleClass().add("dark");
        if (presentation.isSelected()) getStyleClass().add("presentation");
        dashboard.setLook(darkOn ? org.shiftscope.chart.ChartTheme.DARK : org.shiftscope.chart.ChartTheme.LIGHT,
                presentation.isSelected() ? 1.6 : 1.0);
        // on a projector the file and export buttons give way to the big ones (their shortcuts still work)
        for (Node n : List.of(file, exportScale, export)) {
            n.setVisible(!presentation.isSelected());
            n.setManaged(!presentation.isSelected());
        }
        if (getLeft() instanceof ScrollPane sp) sp.setPrefWidth(presentation.isSelected() ? 400 : 300);
        Settings.setTheme(dark.isSelected() ? "dark" : "light");
    }

    // ---------------------------------------------------------------- scenario files and CSV

    /**
     * Opens a scenario file. A file that cannot be used is refused with a message naming the file, the key and
     * what is allowed, and nothing else changes.
     */
    public boolean openScenario(Path file) {
        Scenario s;
        try {
            s = ScenarioIO.load(file);
        } catch (ScenarioException e) {
            showMessage("Not opened: " + e.getMessage(), true);
            return false;
        }
        closeLesson();
        ui = s;
        fillControls(s);
        rebuild("opened " + file.getFileName());
        Settings.addRecent(file);
        Settings.setLastScenario(file.toAbsolutePath().toString());
        refreshRecent();
        return true;
    }

    /** Saves the settings shown (seed included) as a scenario file named after the file. */
    public boolean saveScenario(Path file) {
        String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
        Scenario s = ui.withName(stem.isBlank() ? ui.name() : stem);
        try {
            ScenarioIO.save(s, file);
        } catch (IOException | RuntimeException e) {
            showMessage("Could not save " + file + ": " + e.getMessage(), true);
            return false;
        }
        Settings.addRecent(file);
        refreshRecent();
        showMessage("Saved " + file.toAbsolutePath(), false);
        return true;
    }

    /** Writes the kept statistics as stats.csv, metrics.csv and histograms.csv into a folder. */
    public boolean exportCsv(Path dir) {
        try (org.shiftscope.export.CsvRecorder csv = new org.shiftscope.export.CsvRecorder(dir)) {
            for (String run : history.runs()) {
                var d = history.metrics(run);
                for (int i = 0; i < d.size(); i++) csv.write(d.get(i));
                if (d.last() != null && (d.size() == 0 || d.step(d.size() - 1) != d.lastStep())) csv.write(d.last());
            }
            showMessage("Saved the statistics to " + dir.toAbsolutePath(), false);
            return true;
        } catch (IOException | RuntimeException e) {
            showMessage("Could not save the statistics to " + dir + ": " + e.getMessage(), true);
            return false;
        }
    }

    private void refreshRecent() {
        recent.getItems().clear();
        for (Path p : Settings.recent()) {
            MenuItem item = new MenuItem(p.toString());
            item.setOnAction(e -> openScenario(p));
            recent.getItems().add(item);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    private FileChooser jsonChooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (JSON)", "*.json"));
        java.io.File dir = exportDir.toFile();
        if (dir.isDirectory()) fc.setInitialDirectory(dir);
        return fc;
    }

    private void openWithDialog() {
        java.io.File f = jsonChooser("Open scenario").showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) openScenario(f.toPath());
    }

    private void saveWithDialog() {
        FileChooser fc = jsonChooser("Save scenario");
        fc.setInitialFileName(ui.name() + ".json");
        java.io.File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) saveScenario(f.toPath());
    }

    private void exportCsvWithDialog() {
        javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
        dc.setTitle("Folder for stats.csv, metrics.csv and histograms.csv");
        java.io.File dir = exportDir.toFile();
        if (dir.isDirectory()) dc.setInitialDirectory(dir);
        java.io.File f = dc.showDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) exportCsv(f.toPath());
    }

    private void addExportMenu(ChartPane c) {
        MenuItem item = new MenuItem("Export this chart as PNG…");
        item.setOnAction(e -> exportWithDialog(c, c.fileStem()));
        ContextMenu menu = new ContextMenu(item);
        c.setOnContextMenuRequested(e -> menu.show(c, e.getScreenX(), e.getScreenY()));
    }

    /** every chart on screen, training first */
    public List<ChartPane> chartPanes() {
        return dashboard.charts();
    }

    /** the exported dashboard node */
    public Node dashboard() {
        return dashboard;
    }

    // ---------------------------------------------------------------- helpers

    private static <E> javafx.util.StringConverter<E> keyConverter(java.util.function.Function<E, String> key,
                                                                    E[] values) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : key.apply(e);
            }

            @Override
            public E fromString(String s) {
                for (E e : values) if (key.apply(e).equals(s)) return e;
                return null;
            }
        };
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }

    private static Node row(String label, Node control) {
        Label l = new Label(label);
        l.setMinWidth(110);
        HBox box = new HBox(6, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(control, Priority.ALWAYS);
        if (control instanceof Control c) c.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static Node sliderRow(String label, Slider s, DoubleFunction<String> format) {
        Label name = new Label(label);
        Label value = new Label(format.apply(s.getValue()));
        value.getStyleClass().add("value");
        s.valueProperty().addListener((o, a, v) -> value.setText(format.apply(v.doubleValue())));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(name, grow, value);
        s.setMaxWidth(Double.MAX_VALUE);
        return new VBox(1, top, s);
    }

    private static void tip(Control c, String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(340);
        t.setShowDelay(Duration.millis(400));
        t.setShowDuration(Duration.seconds(30));
        c.setTooltip(t);
    }

    static String fmt(double v) {
        return Captions.number(v);
    }
}
