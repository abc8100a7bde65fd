package org.shiftscope.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.shiftscope.nn.Tap;
import org.shiftscope.train.Boundary;
import org.shiftscope.stats.History;

/**
 * Every chart of a run, drawn from one {@link History}: the training row (loss/accuracy and, for 2-D data, the
 * decision regions), for sequence sets the sequence row (accuracy by length, a layer by time step), with the
 * gradient tap the gradient-flow row ({@link GradFlowChart}), and one row per hidden layer (histogram, histogram
 * over time, mean ± std, percentiles).
 * Used live by the window and offline by the headless runner's PNG export. FX thread only.
 */
public final class Dashboard extends VBox {
    private final History history;
    private final TrainingChart trainingChart;
    private final BoundaryChart boundaryChart = new BoundaryChart();
    /** sequence sets: accuracy by length and the first recurrent layer by time step, in a row of their own */
    private final LengthChart lengthChart;
    private final TimeStepChart timeStepChart;
    private final HBox sequenceRow;
    private final List<LayerChart> layerCharts = new ArrayList<>();
    private final VBox layerRows = new VBox(8);
    /** the gradient-flow row: per layer ‖∂L/∂W‖ and the update-to-weight ratio, shown with the gradient tap */
    private final List<GradFlowChart> flowCharts;
    private final HBox flowRow = new HBox(8);
    /** called for every chart made (e.g. to add a context menu) */
    private final Consumer<ChartPane> onChart;
    /** the tap every layer chart shows */
    private Tap tap = Tap.ACTIVATION;
    /** whether the layer charts show a tap whose values span decades as log₁₀|value| */
    private boolean logView = true;
    /** hidden layers shown */
    private int depth = -1;
    /** colours of every chart */
    private ChartTheme theme = ChartTheme.LIGHT;
    /** font and line scale of every chart (presentation mode enlarges it) */
    private double fontScale = 1;
    /** height of a layer row and of the training row (see {@link #setRowHeight}) */
    private double layerHeight = 190, trainingHeight = 220;
    /** the over-time view of the layer rows */
    private OverTime overTime = OverTime.HEAT_MAP;
    /** the range of steps every time chart shows: they zoom together */
    private final TimeRange timeRange = new TimeRange();
    /** the hidden layers (1-based) whose rows are shown; null = all */
    private java.util.Set<Integer> shownRows;
    /** the part of the dashboard on screen, in its own coordinates (null: all of it, e.g. headless) */
    private java.util.function.Supplier<javafx.geometry.Bounds> onScreen;

    public Dashboard(History history, Consumer<ChartPane> onChart) {
        super(8);
        this.history = history;
        this.onChart = onChart;
        trainingChart = new TrainingChart(history);
        trainingChart.setTimeRange(timeRange);
        HBox trainingRow = new HBox(8, trainingChart, boundaryChart);
        HBox.setHgrow(trainingChart, Priority.ALWAYS);
        trainingChart.setPrefHeight(220);
        boundaryChart.setPrefSize(260, 220);
        boundaryChart.setMinWidth(220);
        lengthChart = new LengthChart(history);
        timeStepChart = new TimeStepChart(history);
        timeStepChart.setSource(1, tap);
        sequenceRow = new HBox(8, lengthChart, timeStepChart);
        HBox.setHgrow(lengthChart, Priority.ALWAYS);
        HBox.setHgrow(timeStepChart, Priority.ALWAYS);
        sequenceRow.setId("sequence-row");
        sequenceRow.setVisible(false);
        sequenceRow.setManaged(false);
        flowCharts = List.of(new GradFlowChart(history, GradFlowChart.Kind.NORM),
                new GradFlowChart(history, GradFlowChart.Kind.RATIO));
        Label flowName = new Label("Gradient flow");
        flowName.getStyleClass().add("layer-label");
        flowName.setRotate(-90);
        flowRow.getChildren().add(new Group(flowName));
        for (GradFlowChart c : flowCharts) {
            c.setTimeRange(timeRange);
            HBox.setHgrow(c, Priority.ALWAYS);
            flowRow.getChildren().add(c);
        }
        flowRow.setAlignment(Pos.CENTER_LEFT);
        flowRow.setId("gradient-flow-row");
        getChildren().setAll(trainingRow, sequenceRow, flowRow, layerRows);
        applyFlowRow();
        setPadding(new Insets(8));
        getStyleClass().add("dashboard");
        setId("dashboard");
        onChart.accept(trainingChart);
        onChart.accept(boundaryChart);
        onChart.accept(lengthChart);
        onChart.accept(timeStepChart);
        for (GradFlowChart c : flowCharts) onChart.accept(c);
    }

    /** The gradient-flow row shows with the gradient tap (the layer charts then show gradients too). */
    private void applyFlowRow() {
        boolean on = tap == Tap.GRADIENT;
        flowRow.setVisible(on);
        flowRow.setManaged(on);
        for (GradFlowChart c : flowCharts) c.markDirty();
    }

    /** whether the gradient-flow row is shown */
    public boolean flowRowShown() {
        return flowRow.isManaged();
    }

    /** Shows one row per hidden layer (rebuilt only when the depth changes). */
    public void setDepth(int layers) {
        if (layers == depth) return;
        depth = layers;
        layerCharts.clear();
        layerRows.getChildren().clear();
        for (int h = 1; h <= layers; h++) {
            Label name = new Label("Layer " + h);
            name.getStyleClass().add("layer-label");
            name.setRotate(-90);
            HBox box = new HBox(8, new Group(name)); // the Group makes layout see the rotated bounds
            for (LayerChart c : List.of(new HistogramChart(history), new DistributionChart(history),
                    new RidgelineChart(history), new MomentsChart(history), new PercentileChart(history))) {
                c.setSource(h, tap);
                c.setLogView(logView);
                c.setTimeRange(timeRange); // histograms are not over steps: they ignore it
                c.setTheme(theme);
                c.fontScaleProperty().set(fontScale);
                HBox.setHgrow(c, Priority.ALWAYS);
                onChart.accept(c);
                box.getChildren().add(c);
                layerCharts.add(c);
            }
            box.setAlignment(Pos.CENTER_LEFT);
            layerRows.getChildren().add(box);
        }
        applyRows();
        applyHeights();
        setOverTime(overTime);
    }

    /** Shows the histograms over time as a heat map or as a ridgeline in every layer row. */
    public void setOverTime(OverTime view) {
        overTime = view;
        for (LayerChart c : layerCharts) {
            boolean hide = c instanceof DistributionChart && view != OverTime.HEAT_MAP
                    || c instanceof RidgelineChart && view != OverTime.RIDGELINE;
            c.setVisible(!hide);
            c.setManaged(!hide);
            c.markDirty();
        }
    }

    public OverTime overTime() {
        return overTime;
    }

    /** Shows only these hidden layers' rows (1-based; null or empty = all). */
    public void showRows(java.util.Set<Integer> rows) {
        shownRows = rows == null || rows.isEmpty() ? null : java.util.Set.copyOf(rows);
        applyRows();
    }

    /** the hidden layers whose rows are shown, in order */
    public List<Integer> shownRows() {
        List<Integer> out = new ArrayList<>();
        for (int h = 1; h <= Math.max(depth, 0); h++) if (shownRows == null || shownRows.contains(h)) out.add(h);
        return out;
    }

    private void applyRows() {
        for (int h = 1; h <= layerRows.getChildren().size(); h++) {
            boolean on = shownRows == null || shownRows.contains(h) || shownRows.stream().allMatch(r -> r > depth);
            var row = layerRows.getChildren().get(h - 1);
            row.setVisible(on);
            row.setManaged(on);
        }
        for (LayerChart c : layerCharts) c.markDirty();
    }

    /**
     * Sets the height of the training row and of each layer row, e.g. so the rows a lesson names fit the window
     * (never below a readable minimum, larger with presentation mode's larger type).
     */
    public void setRowHeight(double training, double layer) {
        trainingHeight = training;
        layerHeight = layer;
        applyHeights();
    }

    /** the height the training row and {@code rows} layer rows need at their smallest readable size */
    public double neededHeight(int rows) {
        double k = rowScale();
        return 16 + 170 * k + (sequenceRow.isManaged() ? 170 * k + 8 : 0)
                + (150 * k + 8) * (Math.max(1, rows) + (flowRowShown() ? 1 : 0));
    }

    /** how much taller than usual rows should be for the type in use: larger in presentation mode, never below 1 */
    public double rowScale() {
        return Math.max(1, fontScale * 0.8);
    }

    private void applyHeights() {
        double k = rowScale(); // larger type needs taller charts
        double training = Math.max(trainingHeight, 170 * k), layer = Math.max(layerHeight, 150 * k);
        trainingChart.setPrefHeight(training);
        boundaryChart.setPrefHeight(training);
        lengthChart.setPrefHeight(training);
        timeStepChart.setPrefHeight(training);
        for (LayerChart c : layerCharts) c.setPrefHeight(layer);
        for (GradFlowChart c : flowCharts) c.setPrefHeight(layer);
    }

    /** Colours and sizes for every chart, present and future. */
    public void setLook(ChartTheme theme, double fontScale) {
        this.theme = theme;
        this.fontScale = fontScale;
        for (ChartPane c : charts()) {
            c.setTheme(theme);
            c.fontScaleProperty().set(fontScale);
        }
        for (ChartPane c : List.of(boundaryChart, lengthChart, timeStepChart)) { // also while they are hidden
            c.setTheme(theme);
            c.fontScaleProperty().set(fontScale);
        }
        for (GradFlowChart c : flowCharts) { // also while their row is hidden
            c.setTheme(theme);
            c.fontScaleProperty().set(fontScale);
        }
        applyHeights();
    }

    /** Shows another tap in every layer chart. */
    public void setTap(Tap tap) {
        this.tap = tap;
        for (LayerChart c : layerCharts) c.setSource(c.layer(), tap);
        timeStepChart.setSource(1, tap);
        applyFlowRow();
    }

    /** Shows a tap whose values span decades (the gradient) as log₁₀|value| or as they are in every layer chart. */
    public void setLogView(boolean on) {
        logView = on;
        for (LayerChart c : layerCharts) c.setLogView(on);
    }

    public boolean logView() {
        return logView;
    }

    /**
     * What the layer charts show, for a caption: the tap's words, with two or more runs shown those that stand in
     * its fallback for want of values of their own ("after the normalizer (plain: W·x+b)"), and the log scale
     * where it is used.
     */
    public String describe() {
        List<String> standIns = new ArrayList<>();
        if (tap.fallback != null && history.shown().size() > 1) {
            for (String run : history.shown()) if (history.tap(run, 1, tap).isEmpty()) standIns.add(run);
        }
        String words = standIns.isEmpty() ? tap.caption
                : tap.caption + " (" + String.join(", ", standIns) + ": " + tap.fallback.caption + ")";
        boolean log = logView && tap.scale == Tap.Scale.LOG_MAGNITUDE;
        return log ? words + ", " + LayerChart.LOG_WORDS : words;
    }

    /** Shows or hides the decision-region chart (2-D data only). */
    public void setPlanar(boolean planar) {
        boundaryChart.setVisible(planar);
        boundaryChart.setManaged(planar);
    }

    /**
     * Shows or hides the row of sequence charts (sequence sets only): accuracy by length, the training lengths
     * {@code from}–{@code to} shaded, and the first layer by time step.
     */
    public void setSequences(boolean on, int from, int to) {
        sequenceRow.setVisible(on);
        sequenceRow.setManaged(on);
        lengthChart.setTrained(from, to);
        applyHeights();
    }

    /** Plots training points of a 2-D data set under the decision regions (null: none). */
    public void setPoints(org.shiftscope.train.Points p) {
        if (p == null) boundaryChart.setPoints(new double[0], new double[0], new int[0]);
        else boundaryChart.setPoints(p.x(), p.y(), p.label());
    }

    public void setBoundary(Boundary b) {
        boundaryChart.setBoundary(b, b == null ? "" : history.label(b.run()));
    }

    /** New data: every chart redraws at the next refresh. */
    public void markDirty() {
        trainingChart.markDirty();
        lengthChart.markDirty();
        timeStepChart.markDirty();
        for (GradFlowChart c : flowCharts) c.markDirty();
        for (LayerChart c : layerCharts) c.markDirty();
    }

    /** the range of steps every time chart shows (shared: zooming one zooms them all) */
    public TimeRange timeRange() {
        return timeRange;
    }

    /** A new run: axis ranges start over and the time charts follow the run. */
    public void resetRanges() {
        timeRange.follow();
        trainingChart.resetRanges();
        timeStepChart.resetRanges();
        for (GradFlowChart c : flowCharts) c.resetRanges();
        for (LayerChart c : layerCharts) c.resetRanges();
    }

    /**
     * Tells which part of the dashboard is on screen (e.g. a scroll pane's viewport), in the dashboard's own
     * coordinates; {@link #refresh} then leaves charts outside it dirty until they scroll into view.
     */
    public void setOnScreen(java.util.function.Supplier<javafx.geometry.Bounds> area) {
        onScreen = area;
    }

    /**
     * Redraws the charts on screen whose data changed; returns whether any was drawn. Charts scrolled out of view
     * or in hidden rows cost nothing: they stay dirty and redraw when they come into view.
     */
    public boolean refresh() {
        javafx.geometry.Bounds area = onScreen == null ? null : onScreen.get();
        boolean drawn = false;
        if (visible(trainingChart, area)) drawn |= trainingChart.refresh();
        if (visible(boundaryChart, area)) drawn |= boundaryChart.refresh();
        if (sequenceRow.isManaged()) {
            if (visible(lengthChart, area)) drawn |= lengthChart.refresh();
            if (visible(timeStepChart, area)) drawn |= timeStepChart.refresh();
        }
        if (flowRowShown()) {
            for (GradFlowChart c : flowCharts) if (visible(c, area)) drawn |= c.refresh();
        }
        for (LayerChart c : layerCharts) {
            if (shown(c) && visible(c, area)) drawn |= c.refresh();
        }
        return drawn;
    }

    /** Redraws every chart shown whose data changed, on screen or not (before a picture of the whole dashboard). */
    public void refreshAll() {
        trainingChart.refresh();
        boundaryChart.refresh();
        if (sequenceRow.isManaged()) {
            lengthChart.refresh();
            timeStepChart.refresh();
        }
        if (flowRowShown()) for (GradFlowChart c : flowCharts) c.refresh();
        for (LayerChart c : layerCharts) if (shown(c)) c.refresh();
    }

    /** whether any part of a chart lies in the area (null: everything counts as on screen) */
    private boolean visible(ChartPane c, javafx.geometry.Bounds area) {
        return area == null || area.intersects(sceneToLocal(c.localToScene(c.getLayoutBounds())));
    }

    private static boolean shown(LayerChart c) {
        return c.isManaged() && (c.getParent() == null || c.getParent().isManaged());
    }

    /** every chart shown, training first */
    public List<ChartPane> charts() {
        List<ChartPane> all = new ArrayList<>();
        all.add(trainingChart);
        if (boundaryChart.isManaged()) all.add(boundaryChart);
        if (sequenceRow.isManaged()) {
            all.add(lengthChart);
            all.add(timeStepChart);
        }
        if (flowRowShown()) all.addAll(flowCharts);
        for (LayerChart c : layerCharts) if (shown(c)) all.add(c);
        return all;
    }
}
