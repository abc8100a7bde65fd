package org.shiftscope.chart;

import java.util.ArrayList;
import java.util.List;
import org.shiftscope.nn.Tap;
import org.shiftscope.stats.TapStats;
import org.shiftscope.stats.Decimated;
import org.shiftscope.stats.History;

/** A chart of one hidden layer's tap, for every run in the history. */
public abstract class LayerChart extends ChartPane {
    /** where the data come from */
    protected final History history;
    /** hidden layer, 1-based */
    protected int layer = 1;
    /** which tap */
    protected Tap tap = Tap.ACTIVATION;
    /** "histogram", "distribution", "moments" or "percentiles" */
    private final String kind;
    /** the chart's title without the layer and tap */
    private final String name;
    /** shorter titles for narrow charts, longest first: the name, then abbreviations */
    private final List<String> shortNames;
    /** horizontal and vertical ranges: they only grow, and start over with {@link #resetRanges()} */
    protected final Axis x = new Axis(), y = new Axis();

    protected LayerChart(History history, String name, String kind, String help, String... abbreviations) {
        super(name, help);
        this.history = history;
        this.name = name;
        List<String> names = new ArrayList<>(List.of(name));
        names.addAll(List.of(abbreviations));
        this.shortNames = List.copyOf(names);
        this.kind = kind;
        setTitle(title(layer, tap));
    }

    private String title(int layer, Tap tap) {
        return name + " · layer " + layer;
    }

    /** e.g. "layer 2, activation": for captions of exported charts */
    public String describe() {
        return "layer " + layer + ", " + tapLabel(tap);
    }

    /** Plain words for a tap. */
    public static String tapLabel(Tap tap) {
        return tap.label;
    }

    @Override
    protected double newestStep() {
        return history.lastStep();
    }

    @Override
    public void resetRanges() {
        x.reset();
        y.reset();
        super.resetRanges();
    }

    /** Shows another layer or tap; forgets the axis ranges. */
    public void setSource(int layer, Tap tap) {
        if (layer == this.layer && tap == this.tap) return;
        this.layer = layer;
        this.tap = tap;
        setTitle(title(layer, tap));
        resetRanges();
    }

    public int layer() {
        return layer;
    }

    public Tap tap() {
        return tap;
    }

    @Override
    public String fileStem() {
        return "layer" + layer + "-" + tap.key() + "-" + kind;
    }

    /**
     * A run's statistics at this layer and tap. A run without BN has no "after BN" values: there the chart
     * shows its W·x+b instead, which plays the same role (the input of the nonlinearity when BN sits before
     * it), so the two twins of Figure 1 can be compared in one chart.
     */
    protected Decimated<TapStats> series(String run) {
        Decimated<TapStats> d = history.tap(run, layer, tap);
        if (d.isEmpty() && tap == Tap.NORMALIZED) return history.tap(run, layer, Tap.LINEAR);
        return d;
    }

    /** whether {@link #series} stands in W·x+b for a run without BN */
    protected boolean substituted(String run) {
        return tap == Tap.NORMALIZED && history.tap(run, layer, tap).isEmpty();
    }

    /** runs that have data for this layer and tap */
    protected List<String> runsWithData() {
        List<String> runs = new ArrayList<>();
        for (String r : history.shown()) if (!series(r).isEmpty()) runs.add(r);
        return runs;
    }

    /** the runs' colours when there are two or more (a plain twin standing in its W·x+b says so) */
    @Override
    protected List<Key> legendKeys() {
        List<String> runs = runsWithData();
        if (runs.size() < 2) return List.of();
        List<Key> keys = new ArrayList<>();
        for (String r : runs) {
            String wx = substituted(r) ? " (W·x+b)" : "";
            keys.add(new Key(history.label(r) + wx, r, ChartTheme.runColor(history, r), Mark.BOX));
        }
        return keys;
    }

    /** without the layer (the row says it), then the chart's short name */
    @Override
    protected List<String> titleVariants() {
        return shortNames;
    }

    protected String emptyText() {
        if (tap == Tap.NORMALIZED && !history.shown().isEmpty()) return "BatchNorm is off: nothing after BN";
        return "Press Play (Space) to start training";
    }
}
