package org.shiftscope.ui;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.shiftscope.chart.ChartTheme;
import org.shiftscope.chart.HistogramChart;
import org.shiftscope.nn.NormKind;
import org.shiftscope.stats.InspectMode;
import org.shiftscope.stats.Inspection;
import org.shiftscope.train.scenario.Scenario;

/**
 * The step inspector: BatchNorm's four equations on one unit of the live network. A layer and a unit (spinners, or
 * a click on a layer's histogram), training batch or inference; {@link InspectorLines} draws the number lines, the
 * labels beside them print the statistics (4 significant digits) with their formulas. Shows the model's latest
 * {@link Inspection} (updated at most once a frame, frozen while paused). Folds away when closed. FX thread only.
 */
final class InspectorPanel extends VBox {
    final Spinner<Integer> layer = new Spinner<>(new IntegerSpinnerValueFactory(1, 1, 1));
    final Spinner<Integer> unit = new Spinner<>(new IntegerSpinnerValueFactory(1, 1, 1));
    final ToggleGroup modes = new ToggleGroup();
    final ToggleButton training = modeButton(InspectMode.TRAINING, "inspectTraining",
            "What the training step computed: this mini-batch's own statistics.");
    final ToggleButton inference = modeButton(InspectMode.INFERENCE, "inspectInference",
            "What a test-time forward computes from the same values: BatchNorm uses its running averages.");
    final Button close = new Button("✕");
    final Label what = label("inspectWhat"), note = label("inspectNote");
    final Label mean = label("inspectMean"), var = label("inspectVar"), eps = label("inspectEps"),
            gamma = label("inspectGamma"), beta = label("inspectBeta"), extra = label("inspectExtra");
    final InspectorLines lines = new InspectorLines();
    /** whether the panel is shown (and the trainer copies steps for it) */
    private final BooleanProperty open = new SimpleBooleanProperty(false);
    private final ScenarioModel model;
    /** whether the user chose a layer (else opening during a lesson starts at the lesson's layer) */
    private boolean picked;
    /** the column of numbers beside the lines */
    private final VBox numbers;
    /** its width at scale 1, and its largest share of the panel's width (presentation mode at 1280×720) */
    private static final double NUMBERS_WIDTH = 330, NUMBERS_SHARE = 0.42;
    /** the type scale of {@link #setLook} */
    private double scale = 1;

    InspectorPanel(ScenarioModel m) {
        super(6);
        this.model = m;
        setId("inspector");
        getStyleClass().add("inspector");
        layer.setId("inspectLayer");
        unit.setId("inspectUnit");
        close.setId("inspectClose");
        for (Spinner<Integer> s : List.of(layer, unit)) {
            s.setEditable(true);
            s.setPrefWidth(78);
        }
        SettingControls.tip(layer, "Which hidden layer to inspect (a click on a layer's histogram picks it too).");
        SettingControls.tip(unit, "Which unit of that layer to inspect.");
        SettingControls.tip(close, "Close the inspector (I).");
        training.setSelected(true);
        modes.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null && a != null) a.setSelected(true); // one mode is always chosen
            else send();
        });
        Label title = new Label("Step inspector");
        title.getStyleClass().add("inspector-title");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(8, title, new Label("Layer"), layer, new Label("Unit"), unit, training, inference, grow,
                close);
        head.setAlignment(Pos.CENTER_LEFT);
        for (Node n : head.getChildren()) {
            if (n != grow && n instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);
        }
        javafx.scene.layout.FlowPane constants = new javafx.scene.layout.FlowPane(14, 0, eps, gamma, beta);
        numbers = new VBox(3, what, mean, var, constants, extra, note);
        numbers.setId("inspectNumbers");
        // a long value wraps onto the next line, never ends in "…" (presentation type in a narrow window)
        for (Label l : List.of(what, mean, var, extra, note)) l.setWrapText(true);
        widthProperty().addListener((o, a, w) -> numbersWidth());
        numbersWidth();
        what.getStyleClass().add("inspector-what");
        HBox.setHgrow(lines, Priority.ALWAYS);
        HBox body = new HBox(10, lines, numbers);
        getChildren().addAll(head, body);
        setPadding(new Insets(6, 10, 8, 10));
        setFixedHeight(1);

        m.scenarioProperty().addListener((o, a, s) -> bounds(s));
        bounds(m.scenario());
        layer.valueProperty().addListener((o, a, v) -> {
            picked |= open.get();
            bounds(model.scenario());
            send();
        });
        unit.valueProperty().addListener((o, a, v) -> send());
        close.setOnAction(e -> open.set(false));
        open.addListener((o, a, on) -> {
            var lesson = model.lessonProperty().get();
            if (on && !picked && lesson != null && lesson.rows().length > 0) {
                layer.getValueFactory().setValue(lesson.rows()[0]); // the layer the lesson talks about
            }
            setVisible(on);
            setManaged(on);
            if (!on) model.inspect(0, 0, null); // the trainer stops copying steps
            send();
        });
        setVisible(false);
        setManaged(false);
        m.inspectionProperty().addListener((o, a, in) -> show(in));
        show(null);
    }

    /** whether the inspector is shown */
    BooleanProperty openProperty() {
        return open;
    }

    void toggle() {
        open.set(!open.get());
    }

    /** Inspects a hidden layer (1-based), opening the panel. */
    void pickLayer(int h) {
        layer.getValueFactory().setValue(h);
        open.set(true);
    }

    /** A click on a layer's histogram (in {@code charts}) picks that layer and opens the inspector. */
    void pickFrom(Node charts) {
        charts.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) return;
            for (Node n = e.getPickResult().getIntersectedNode(); n != null; n = n.getParent()) {
                if (n instanceof HistogramChart c) {
                    pickLayer(c.layer());
                    return;
                }
            }
        });
    }

    void setLook(ChartTheme theme, double scale) {
        this.scale = scale;
        lines.setLook(theme, scale);
        setFixedHeight(scale);
        numbersWidth();
    }

    /**
     * The numbers' column: a fixed width (new numbers never move the layout, nor the charts), larger with the
     * type, but at most {@link #NUMBERS_SHARE} of the panel so the number lines keep room.
     */
    private void numbersWidth() {
        double w = NUMBERS_WIDTH * scale;
        if (getWidth() > 0) w = Math.max(Math.min(w, getWidth() * NUMBERS_SHARE), Math.min(w, 240));
        numbers.setMinWidth(w);
        numbers.setMaxWidth(w);
        numbers.setPrefWidth(w);
    }

    /** the panel's height never follows its text: a new step must not resize the charts above it */
    private void setFixedHeight(double scale) {
        double h = 215 * Math.max(1, scale * 0.9);
        setMinHeight(h);
        setPrefHeight(h);
        setMaxHeight(h);
    }

    /** the inspection shown now (null: none yet) */
    Inspection shown() {
        return lines.shown();
    }

    /** the mode chosen */
    InspectMode mode() {
        return inference.isSelected() ? InspectMode.INFERENCE : InspectMode.TRAINING;
    }

    /** the layer spinner follows the depth, the unit spinner that layer's width */
    private void bounds(Scenario s) {
        int[] hidden = s.network().hidden();
        if (hidden.length == 0) return;
        var lf = (IntegerSpinnerValueFactory) layer.getValueFactory();
        lf.setMax(hidden.length);
        if (lf.getValue() > hidden.length) lf.setValue(hidden.length);
        var uf = (IntegerSpinnerValueFactory) unit.getValueFactory();
        uf.setMax(hidden[lf.getValue() - 1]);
        if (uf.getValue() > uf.getMax()) uf.setValue(uf.getMax());
    }

    /** tells the model what to inspect while open (a closed panel sends nothing) */
    private void send() {
        if (open.get()) model.inspect(layer.getValue(), unit.getValue() - 1, mode());
        show(model.inspectionProperty().get());
    }

    private void show(Inspection in) {
        lines.show(open.get() ? in : null);
        if (!open.get()) return;
        note.setText("");
        if (in == null) {
            what.setText("");
            for (Label l : List.of(mean, var, eps, gamma, beta, extra)) l.setText("");
            note.setText("Train a step (S) or press Play to see a mini-batch.");
            return;
        }
        Scenario sc = model.scenario();
        String run = sc.runCount() > 1 ? " · " + model.history().label(in.run()) : "";
        what.setText(in.kind().label() + ": statistics " + in.axis() + " · step " + in.step() + run);
        if (in.layer() != layer.getValue()) {
            note.setText("Layer " + layer.getValue() + " shows from the next step (S); this is layer "
                    + in.layer() + ".");
        }
        boolean running = in.mode() == InspectMode.INFERENCE && in.kind().keepsRunningStatistics();
        if (!in.normalized()) {
            mean.setText("μ_B = 1/m Σ x_i = " + sig4(in.batchMean()));
            var.setText("σ²_B = 1/m Σ (x_i − μ_B)² = " + sig4(in.batchVar()));
            for (Label l : List.of(eps, gamma, beta)) l.setText("");
            extra.setText("No normalizer on this layer: W·x+b goes straight on, as it is.");
            return;
        }
        if (in.perExample()) {
            mean.setText("μ_i = 1/k Σ_c x_ic over its k = " + in.groupSize() + " units: " + range(in.exampleMean()));
            var.setText("σ²_i = 1/k Σ_c (x_ic − μ_i)²: " + range(in.exampleVar()));
        } else if (running) {
            mean.setText("running μ = " + sig4(in.mean()));
            var.setText("running σ² = " + sig4(in.var()));
        } else {
            mean.setText("μ_B = 1/m Σ x_i = " + sig4(in.mean()));
            var.setText("σ²_B = 1/m Σ (x_i − μ_B)² = " + sig4(in.var()));
        }
        eps.setText("ε = " + sig4(in.eps()));
        gamma.setText("γ = " + sig4(in.gamma()));
        beta.setText("β = " + sig4(in.beta()));
        extra.setText(extra(in, running));
    }

    /** what else this normalizer and mode need said: the gap, r and d, the unused batch statistics, the noise */
    private static String extra(Inspection in, boolean running) {
        String text;
        if (running) {
            text = "running μ = " + sig4(in.mean()) + ", this batch μ_B = " + sig4(in.batchMean()) + ", gap "
                    + sig4(Math.abs(in.mean() - in.batchMean())) + "; running σ² = " + sig4(in.var())
                    + ", σ²_B = " + sig4(in.batchVar());
        } else if (in.perExample()) {
            text = "Each example is normalized with its own μ_i, σ²_i (the band per example in ②)"
                    + (in.mode() == InspectMode.INFERENCE ? "; inference computes exactly the same. " : ". ")
                    + "This unit's batch μ_B = " + sig4(in.batchMean()) + " is not used.";
        } else if (in.kind() == NormKind.RENORM) {
            text = "r = " + sig4(in.r()) + ", d = " + sig4(in.d()) + " (r = σ_B/σ, d = (μ_B − μ)/σ against the "
                    + "running σ, μ, clipped)";
        } else {
            text = "running μ = " + sig4(in.runningMean()) + ", σ² = " + sig4(in.runningVar())
                    + " (what inference uses)";
        }
        if (in.noisy()) {
            text += "; noisy: the layer outputs y·s + m with s = " + sig4(in.noiseScale()) + ", m = "
                    + sig4(in.noiseShift());
        }
        return text;
    }

    private static String range(double[] v) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        boolean bad = false;
        for (double d : v) {
            if (!Double.isFinite(d)) bad = true;
            else {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
        }
        String r = lo <= hi ? sig4(lo) + " … " + sig4(hi) + " across the batch" : "none finite";
        return bad ? r + " (some NaN or infinite)" : r;
    }

    /** 4 significant digits: "0.3120", "1.234e-5"; NaN and infinities in words */
    static String sig4(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e6) return new BigDecimal(v).round(new MathContext(4)).toPlainString();
        String s = String.format(Locale.ROOT, "%.3e", v);
        int e = s.indexOf('e');
        return s.substring(0, e) + "e" + Integer.parseInt(s.substring(e + 1));
    }

    private ToggleButton modeButton(InspectMode mode, String id, String tip) {
        ToggleButton b = new ToggleButton(mode.label);
        b.setId(id);
        b.setUserData(mode);
        b.setToggleGroup(modes);
        SettingControls.tip(b, tip);
        return b;
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        return l;
    }
}
