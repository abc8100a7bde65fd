package org.shiftscope.chart;

import java.util.ArrayList;
import java.util.List;
import org.shiftscope.nn.Tap;
import org.shiftscope.stats.TapStats;
import org.shiftscope.stats.Decimated;
import org.shiftscope.stats.History;

/**
 * A chart of one hidden layer's tap, for every run in the history. A tap whose values span decades (the gradient)
 * is drawn, while the log view is on, from the statistics of log₁₀|g| ({@link History#magnitude}): its value axis
 * then reads in powers of ten and its readouts in |g|.
 */
public abstract class LayerChart extends ChartPane {
    /** the words for the log view in titles, captions and the toolbar */
    public static final String LOG_WORDS = "log |g|";

    /** where the data come from */
    protected final History history;
    /** hidden layer, 1-based */
    protected int layer = 1;
    /** which tap */
    protected Tap tap = Tap.ACTIVATION;
    /** whether a tap whose values span decades is shown as log₁₀|value| (the toolbar's "log |g|") */
    private boolean logView = true;
    /** "histogram", "distribution", "moments" or "percentiles" */
    private final String kind;
    /** the chart's title without the layer and tap */
    private final String name;
    /** shorter titles for narrow charts, longest first: the name, then abbreviations */
    private final List<String> shortNames;
    /** the same in the log view: the name with "log |g|" first */
    private final List<String> logShortNames;
    /** horizontal and vertical ranges: they only grow, and start over with {@link #resetRanges()} */
    protected final Axis x = new Axis(), y = new Axis();

    protected LayerChart(History history, String name, String kind, String help, String... abbreviations) {
        super(name, help);
        this.history = history;
        this.name = name;
        List<String> names = new ArrayList<>(List.of(name));
        names.addAll(List.of(abbreviations));
        this.shortNames = List.copyOf(names);
        names.add(0, name + " · " + LOG_WORDS);
        this.logShortNames = List.copyOf(names);
        this.kind = kind;
        setTitle(fullTitle());
    }

    private String fullTitle() {
        return name + (logScale() ? " · " + LOG_WORDS : "") + " · layer " + layer;
    }

    /** e.g. "layer 2, activation" or "layer 2, gradient, log |g|": for captions of exported charts */
    public String describe() {
        return "layer " + layer + ", " + tap.label + (logScale() ? ", " + LOG_WORDS : "");
    }

    @Override
    protected String help() {
        return logScale() ? super.help() + " Here: log₁₀|g| of the gradients that are not exactly 0, so that "
                + "sizes from 10⁻⁸ to 1 fit one axis; the readout says how many were exactly 0." : super.help();
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
        sourceChanged();
    }

    /** Shows a tap whose values span decades as log₁₀|value| (on) or as they are (off); forgets the axis ranges. */
    public void setLogView(boolean on) {
        if (on == logView) return;
        logView = on;
        sourceChanged();
    }

    private void sourceChanged() {
        setTitle(fullTitle());
        valueAxis().decades(logScale());
        resetRanges();
    }

    /** whether the chart plots log₁₀|value|: its tap's values span decades and the log view is on */
    public boolean logScale() {
        return logView && tap.scale == Tap.Scale.LOG_MAGNITUDE;
    }

    /** the axis of the tap's values (horizontal in a histogram, vertical in a chart over steps) */
    public abstract Axis valueAxis();

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
     * A run's statistics at this layer and tap, those of log₁₀|value| on the log scale. A run without BN has no
     * "after BN" values: there the chart shows its {@link Tap#fallback} instead, W·x+b, which plays the same role
     * (the input of the nonlinearity when BN sits before it), so the two twins of Figure 1 can be compared in one
     * chart.
     */
    protected Decimated<TapStats> series(String run) {
        Tap shown = shownTap(run);
        return logScale() ? history.magnitude(run, layer, shown) : history.tap(run, layer, shown);
    }

    /** the tap a run's series is of: this chart's, or its fallback where the run has none of its own values */
    private Tap shownTap(String run) {
        return tap.fallback != null && history.tap(run, layer, tap).isEmpty() ? tap.fallback : tap;
    }

    /** whether {@link #series} stands in the tap's fallback for a run without values of its own */
    protected boolean substituted(String run) {
        return shownTap(run) != tap;
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
            String wx = substituted(r) ? " (" + tap.fallback.label + ")" : "";
            keys.add(new Key(history.label(r) + wx, history.brief(r), ChartTheme.runColor(history, r), Mark.BOX));
        }
        return keys;
    }

    /** without the layer (the row says it), then the chart's short name */
    @Override
    protected List<String> titleVariants() {
        return logScale() ? logShortNames : shortNames;
    }

    /** what an empty chart says: why there is nothing to draw */
    protected String emptyText() {
        boolean trained = !history.shown().isEmpty();
        if (tap == Tap.GRADIENT) {
            if (!trained) return "No gradient yet: it comes from a training step's backward pass. Press Play (Space)";
            return hasOwnValues() ? "Every gradient here is exactly 0: nothing to show as " + LOG_WORDS
                    : "No gradient: no step had a finite loss";
        }
        if (tap == Tap.NORMALIZED && trained) return "BatchNorm is off: nothing after BN";
        return "Press Play (Space) to start training";
    }

    /** whether a run shown has values of this tap itself (not its fallback, nor their magnitudes) */
    private boolean hasOwnValues() {
        for (String r : history.shown()) if (!history.tap(r, layer, tap).isEmpty()) return true;
        return false;
    }

    // ---- values in readouts and notes: on the log scale a point of the value axis stands for |g| = 10^v ----

    /** the value a point of the value axis stands for: |g| = 10^v on the log scale, else v itself */
    protected double actual(double v) {
        return logScale() ? Math.pow(10, v) : v;
    }

    /** a point of the value axis in a readout: "|g| 3.2e-04" on the log scale, else "value 0.12" */
    protected String valueWords(double v) {
        return (logScale() ? "|g| " : "value ") + num(actual(v));
    }

    /** the value axis' name under the plot */
    protected String valueName() {
        return logScale() ? "|g|" : "value";
    }

    /** on the log scale, the share of values that were exactly 0 and are not shown ("; 2.5% exactly 0"), else "" */
    protected String zeros(TapStats t) {
        return logScale() && t.saturation() > 0 ? "; " + pct(t.saturation()) + " exactly 0 (not shown)" : "";
    }

    /** a share as a percentage with one decimal: "12.5%" */
    protected static String pct(double share) {
        return Math.round(share * 1000) / 10.0 + "%";
    }
}
