package org.shiftscope.ui;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.shiftscope.chart.LayerChart;
import org.shiftscope.nn.Tap;
import org.shiftscope.train.scenario.Scenario;

/**
 * The bar above the charts: play/step/reset, the tap the layer charts show (and, for the gradient, whether as
 * log |g|), the File menu and PNG export, and the looks (dark, presentation). Training buttons call the
 * {@link ScenarioModel}; files go through {@link FileActions}.
 */
final class Toolbar extends HBox {
    final ToggleButton play = new ToggleButton("▶ Play");
    final Button step = new Button("Step");
    final Button reset = new Button("Reset");
    final ToggleGroup tapGroup = new ToggleGroup();
    /** one switch per tap, in {@link Tap} order (ids tapLinear, tapNormalized, …), each with its tap as user data */
    final Map<Tap, ToggleButton> taps = new EnumMap<>(Tap.class);
    /** a tap whose values span decades (the gradient) as log₁₀|g|; offered only while such a tap is shown */
    final CheckBox logView = new CheckBox(LayerChart.LOG_WORDS);
    final MenuButton file = new MenuButton("File");
    final MenuItem open = new MenuItem("Open scenario…   (Ctrl+O, or drop a file on the window)");
    final MenuItem save = new MenuItem("Save scenario…   (Ctrl+Shift+S)");
    final Menu recent = new Menu("Open recent");
    final MenuItem exportCsv = new MenuItem("Export statistics as CSV…   (Ctrl+E)");
    final MenuItem exportPng = new MenuItem("Export dashboard as PNG…   (Ctrl+S saves without asking)");
    final ComboBox<String> exportScale = new ComboBox<>();
    final Button export = new Button("Export PNG…");
    final ToggleButton gif = new ToggleButton("● GIF");
    final ToggleButton dark = new ToggleButton("Dark");
    /** the over-time charts as ridgelines (selected) or heat maps */
    final ToggleButton ridgeline = new ToggleButton("Ridgeline");
    final ToggleButton panel = new ToggleButton("◧ Controls");
    final ToggleButton presentation = new ToggleButton("Presentation");
    final ToggleButton inspector = new ToggleButton("x̂ Inspector");
    private final Label show = new Label("Show:");
    /** whether presentation mode is on (the file and export controls give way) */
    private boolean presenting;

    Toolbar(ScenarioModel m, FileActions files) {
        super(8);
        play.setId("play");
        step.setId("step");
        reset.setId("reset");
        file.setId("file");
        open.setId("open");
        save.setId("save");
        recent.setId("recent");
        exportCsv.setId("exportCsv");
        exportScale.setId("exportScale");
        export.setId("export");
        gif.setId("gif");
        SettingControls.tip(gif, "Record the dashboard as an animated GIF for slides (5 frames a second, up to a "
                + "minute, captioned like the PNGs), into the export folder; press again to stop.");
        gif.setOnAction(e -> {
            if (gif.isSelected()) files.startGif();
            else files.stopGif();
        });
        dark.setId("dark");
        ridgeline.setId("ridgeline");
        SettingControls.tip(ridgeline, "Show the histograms over time as a ridgeline (earlier steps' histograms "
                + "stacked behind the current one) instead of a heat map (remembered for next time).");
        panel.setId("panel");
        panel.setSelected(true);
        SettingControls.tip(panel, "Show or hide the controls on the left so the charts get the whole width (Ctrl+B).");
        presentation.setId("presentation");
        inspector.setId("inspectorToggle");
        // where the bar has no room for it (1280 px wide) it gives way: I and a click on a histogram still open it
        inspector.visibleProperty().bind(widthProperty().greaterThan(1360));
        inspector.managedProperty().bind(inspector.visibleProperty());
        SettingControls.tip(inspector, "Open the step inspector (I): one unit's mini-batch values, their mean and "
                + "variance, the normalized values and γ·x̂ + β, live. Click a layer's histogram to pick the layer.");
        SettingControls.tip(play, "Train continuously, or pause (Space).");
        SettingControls.tip(step, "Train exactly one mini-batch step, then pause (S).");
        SettingControls.tip(reset, "Start again from step 0 with fresh weights drawn from the seed (R).");
        SettingControls.tip(file, "Scenario files (a file with a mistake is refused with a message and nothing "
                + "changes; a saved file holds every setting and the seed, so it gives the same run), recent files, "
                + "and exports: the statistics as CSV with the headless runner's columns, the dashboard as PNG.");
        SettingControls.tip(exportScale, "Resolution of exported pictures: 2× or 3× stays sharp on slides.");
        SettingControls.tip(export, "Save the whole dashboard as a PNG with a caption saying how it was made "
                + "(Ctrl+S saves to your home folder without asking). Right-click a chart to save just that chart.");
        SettingControls.tip(dark, "Light or dark colours (remembered for next time).");
        SettingControls.tip(presentation, "For a projector (F5): large text, thick lines, high contrast, full screen.");

        play.setOnAction(e -> {
            if (play.isSelected()) m.play();
            else m.pause();
        });
        m.playingProperty().addListener((o, a, on) -> play.setSelected(on));
        play.selectedProperty().addListener((o, a, on) -> play.setText(on ? "❚❚ Pause" : "▶ Play"));
        step.setOnAction(e -> m.step());
        reset.setOnAction(e -> m.reset());

        for (Tap t : Tap.values()) taps.put(t, tapButton(t));
        logView.setId("logView");
        SettingControls.tip(logView, "Show the gradients' sizes on a log scale: every layer chart plots log₁₀|g| of "
                + "the gradients that are not exactly 0, on an axis of powers of ten (10⁻⁶, 10⁻⁴, …); the readouts "
                + "say how many were exactly 0. Off: the gradients' raw values (remembered for next time).");
        showTap(m.tapProperty().get());
        tapGroup.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                if (a != null) a.setSelected(true); // one tap is always shown
                return;
            }
            m.setTap((Tap) t.getUserData());
        });
        m.tapProperty().addListener((o, a, t) -> showTap(t));
        m.scenarioProperty().addListener((o, a, s) -> enableTaps(s, m));
        enableTaps(m.scenario(), m);

        file.getItems().setAll(open, save, recent, new SeparatorMenuItem(), exportCsv, exportPng);
        open.setOnAction(e -> files.openWithDialog());
        save.setOnAction(e -> files.saveWithDialog());
        exportCsv.setOnAction(e -> files.exportCsvWithDialog());
        exportPng.setOnAction(e -> files.exportDashboardWithDialog());
        export.setOnAction(e -> files.exportDashboardWithDialog());
        exportScale.getItems().setAll("1×", "2×", "3×");
        exportScale.setValue("2×");
        exportScale.valueProperty().addListener((o, a, v) -> files.setScale(v == null ? 2 : v.charAt(0) - '0'));
        files.refreshRecent(recent);
        m.noticeProperty().addListener((o, a, n) -> files.refreshRecent(recent)); // a file opened or saved

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(panel, play, step, reset, new Separator(Orientation.VERTICAL), show);
        getChildren().addAll(taps.values());
        getChildren().addAll(logView, new Separator(Orientation.VERTICAL), ridgeline, inspector, grow, file,
                exportScale, export, gif, new Separator(Orientation.VERTICAL), dark, presentation);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 10, 8, 10));
        getStyleClass().add("toolbar");
        for (Node n : getChildren()) {
            if (n instanceof javafx.scene.layout.Region r && !(n instanceof Separator) && n != grow) {
                r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a word is never cut; see layoutChildren
            }
        }
        setMinWidth(0); // the window decides the width; the optional controls give way to it
    }

    /**
     * Where the window is narrow, the "Show:" label, the export scale, Export PNG… (also in the File menu) and the
     * File menu (its shortcuts stay) give way, in that order, so every other button keeps its whole words.
     */
    @Override
    protected void layoutChildren() {
        giveWay();
        super.layoutChildren();
    }

    private void giveWay() {
        List<Node> optional = List.of(show, exportScale, export, file);
        for (Node n : optional) shown(n, !presenting || n == show);
        for (Node n : optional) {
            if (getWidth() <= 0 || prefWidth(-1) <= getWidth()) break;
            shown(n, false);
        }
    }

    private static void shown(Node n, boolean on) {
        if (n.isManaged() != on) n.setManaged(on);
        if (n.isVisible() != on) n.setVisible(on);
    }

    /** a tap's switch in the tap group: its words, its tooltip, id "tap" + its key ("tapGradient") */
    private ToggleButton tapButton(Tap tap) {
        ToggleButton b = new ToggleButton(tap.label);
        b.setId("tap" + Character.toUpperCase(tap.key().charAt(0)) + tap.key().substring(1));
        b.setUserData(tap);
        b.getStyleClass().add("tap");
        b.setToggleGroup(tapGroup);
        SettingControls.tip(b, tap.description + " (T: the next tap)");
        return b;
    }

    /** Selects a tap's switch, and offers the log view only where the tap's values span decades. */
    private void showTap(Tap t) {
        taps.get(t).setSelected(true);
        boolean decades = t.scale == Tap.Scale.LOG_MAGNITUDE;
        logView.setVisible(decades);
        logView.setManaged(decades);
    }

    /** T: the tap after the one shown, in toolbar order, skipping those not offered now (after BN without BN) */
    void nextTap() {
        List<ToggleButton> all = List.copyOf(taps.values());
        int at = all.indexOf(tapGroup.getSelectedToggle());
        for (int i = 1; i < all.size(); i++) {
            ToggleButton b = all.get((at + i) % all.size());
            if (!b.isDisabled()) {
                b.setSelected(true);
                return;
            }
        }
    }

    /**
     * A tap that falls back to another where a run has none of its own values ("after BN") is offered only while
     * some run has them: while a normalizer is on. Without one, a chart of it would show the fallback alone; the
     * charts then show the activation.
     */
    private void enableTaps(Scenario s, ScenarioModel m) {
        boolean norm = false;
        for (int i = 0; i < s.runCount(); i++) norm |= s.run(i).network().batchnorm();
        for (Tap t : Tap.values()) {
            if (t.fallback == null) continue;
            taps.get(t).setDisable(!norm);
            if (!norm && m.tapProperty().get() == t) m.setTap(Tap.ACTIVATION);
        }
    }

    /** Puts the layer chooser after the taps: together they say what the layer rows show. */
    void addLayerChooser(javafx.scene.layout.Region chooser) {
        chooser.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().add(getChildren().indexOf(logView) + 1, chooser);
    }

    /** the file and export controls give way on a projector (their shortcuts still work) */
    void setPresentation(boolean on) {
        presenting = on;
        giveWay();
    }
}
