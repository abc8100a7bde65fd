package org.shiftscope.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shiftscope.nn.Tap;

/**
 * What the charts draw: for each run, its metrics over time and each (layer, tap)'s statistics over time,
 * bounded by decimation so memory stays flat. Fed on the FX thread from the snapshots the trainer publishes.
 */
public final class History {
    /** points kept per series before decimation */
    public static final int CAPACITY = 384;

    /** run names in order of first appearance */
    private final List<String> runs = new ArrayList<>();
    /** per run: every snapshot's metrics (loss, batch accuracy, learning rate, …) */
    private final Map<String, Decimated<Snapshot>> metrics = new HashMap<>();
    /** per run: snapshots that carried a test accuracy */
    private final Map<String, Decimated<Snapshot>> tests = new HashMap<>();
    /** per run + layer + tap: statistics over time */
    private final Map<String, Decimated<TapStats>> taps = new HashMap<>();
    /**
     * per run + layer + tap whose values span decades: the statistics of log₁₀|value| over time
     * ({@link TapStats#magnitude()}), added with the raw ones so that both keep the same steps
     */
    private final Map<String, Decimated<TapStats>> magnitudes = new HashMap<>();
    /** the taps some run measured, in {@link Tap} order */
    private final java.util.EnumSet<Tap> measured = java.util.EnumSet.noneOf(Tap.class);
    /** per run: the snapshots that carried gradient-flow figures ({@link Snapshot#flow()}) */
    private final Map<String, Decimated<Snapshot>> flows = new HashMap<>();
    /** newest snapshot per run that carried statistics */
    private final Map<String, Snapshot> latestStats = new HashMap<>();
    /**
     * per run: a recurrent network's statistics at each time step, each site's newest (a mini-batch of length L
     * measures steps 0 … L−1; longer steps keep what the last longer batch measured)
     */
    private final Map<String, Map<org.shiftscope.nn.Site, TapStats>> timeSteps = new HashMap<>();
    /** per run: a sequence model's test accuracy at each length, from its newest evaluation */
    private final Map<String, LengthAccuracy> byLength = new HashMap<>();
    /** legend words per run, where they differ from its role's (e.g. "with LayerNorm") */
    private final Map<String, String> labels = new HashMap<>();
    /** colour per run ("#rrggbb"), where set */
    private final Map<String, String> colors = new HashMap<>();
    /** runs the user hid from the charts (still recorded) */
    private final java.util.Set<String> hidden = new java.util.HashSet<>();
    /** the runs shown, in order (recomputed when runs or hidden change) */
    private final List<String> shown = new ArrayList<>();
    /** the settings changed during the run, oldest first (immutable) */
    private List<Event> events = List.of();
    /** hidden layers seen */
    private int depth;
    /** newest step seen */
    private long lastStep;

    public void add(Snapshot snapshot) {
        // a recurrent network's rows per time step: the newest of each step is kept in timeSteps, the series keep
        // the rows over all time steps (hundreds of snapshots × every step would fill memory and the CSV export)
        Snapshot s = pooled(snapshot);
        String run = s.run();
        if (!runs.contains(run)) {
            runs.add(run);
            reshow();
        }
        lastStep = Math.max(lastStep, s.step());
        metrics.computeIfAbsent(run, k -> new Decimated<>(CAPACITY)).add(s.step(), s);
        if (s.hasTestAccuracy()) tests.computeIfAbsent(run, k -> new Decimated<>(CAPACITY)).add(s.step(), s);
        if (!s.flow().isEmpty()) flows.computeIfAbsent(run, k -> new Decimated<>(CAPACITY)).add(s.step(), s);
        if (s.byLength() != null) byLength.put(run, s.byLength());
        for (TapStats t : snapshot.taps()) {
            if (t.site().position() != org.shiftscope.nn.Site.ALL) {
                timeSteps.computeIfAbsent(run, k -> new HashMap<>()).put(t.site(), t);
            }
        }
        if (!s.taps().isEmpty()) {
            latestStats.put(run, s);
            for (TapStats t : s.taps()) {
                if (t.site().position() != org.shiftscope.nn.Site.ALL) continue; // a time step's: see the per-step view
                depth = Math.max(depth, t.layer());
                measured.add(t.tap());
                String key = key(run, t.layer(), t.tap());
                taps.computeIfAbsent(key, k -> new Decimated<>(CAPACITY)).add(s.step(), t);
                if (t.magnitude() != null) {
                    magnitudes.computeIfAbsent(key, k -> new Decimated<>(CAPACITY)).add(s.step(), t.magnitude());
                }
            }
        }
    }

    public void clear() {
        runs.clear();
        shown.clear();
        metrics.clear();
        tests.clear();
        flows.clear();
        taps.clear();
        magnitudes.clear();
        measured.clear();
        latestStats.clear();
        timeSteps.clear();
        byLength.clear();
        events = List.of();
        depth = 0;
        lastStep = 0;
    }

    /** the snapshot with its rows over all positions only (itself when it has no others) */
    static Snapshot pooled(Snapshot s) {
        boolean steps = false;
        for (TapStats t : s.taps()) steps |= t.site().position() != org.shiftscope.nn.Site.ALL;
        if (!steps) return s;
        List<TapStats> all = new ArrayList<>();
        for (TapStats t : s.taps()) if (t.site().position() == org.shiftscope.nn.Site.ALL) all.add(t);
        return new Snapshot(s.run(), s.step(), s.loss(), s.batchAccuracy(), s.testAccuracy(), s.learningRate(),
                s.batchSize(), s.batchNorm(), s.divergedAt(), List.copyOf(all), s.flow(), s.byLength());
    }

    private static String key(String run, int layer, Tap tap) {
        return run + "/" + layer + "/" + tap.key();
    }

    /** Replaces the changes of settings the charts mark (an immutable list, oldest first). */
    public void setEvents(List<Event> list) {
        events = List.copyOf(list);
    }

    /** the settings changed during the run, oldest first: the charts mark them */
    public List<Event> events() {
        return events;
    }

    /** Names a run in legends and readouts (e.g. "with LayerNorm" for the normalized twin). */
    public void setLabel(String run, String words) {
        labels.put(run, words);
    }

    /** Names and colours a run ("#rrggbb"). */
    public void setStyle(String run, String words, String color) {
        labels.put(run, words);
        colors.put(run, color);
    }

    /** a run's colour, "#rrggbb": as set, else blue (orange for "plain") */
    public String color(String run) {
        String c = colors.get(run);
        return c != null ? c : RunRole.of(run) == RunRole.PLAIN ? "#e69f00" : "#0072b2";
    }

    /** Hides a run from the charts (its data are still recorded) or shows it again. */
    public void setHidden(String run, boolean hide) {
        if (hide ? hidden.add(run) : hidden.remove(run)) reshow();
    }

    /** whether the user hid this run */
    public boolean isHidden(String run) {
        return hidden.contains(run);
    }

    /** the runs the charts draw: every run not hidden, in order */
    public List<String> shown() {
        return shown;
    }

    private void reshow() {
        shown.clear();
        for (String r : runs) if (!hidden.contains(r)) shown.add(r);
    }

    /** a run's words in legends and readouts: as set, else its role's ("with BN", "without BN", …) */
    public String label(String run) {
        String l = labels.get(run);
        return l != null ? l : RunRole.of(run).label;
    }

    /**
     * a run's words where a legend is short of room: the same words as {@link #label}, shortened ("with LayerNorm"
     * → "LayerNorm", "without BN" → "no BN"), so every chart names a variant alike
     */
    public String brief(String run) {
        String l = label(run);
        if (l.startsWith("without ")) return "no " + l.substring(8);
        return l.startsWith("with ") ? l.substring(5) : l;
    }

    /** run names: ["main"] or ["bn", "plain"] */
    public List<String> runs() {
        return runs;
    }

    public int depth() {
        return depth;
    }

    public long lastStep() {
        return lastStep;
    }

    /** every snapshot of a run (loss, batch accuracy…), decimated; empty series if none */
    public Decimated<Snapshot> metrics(String run) {
        return metrics.getOrDefault(run, EMPTY_SNAPSHOTS);
    }

    /** the snapshots of a run that carried a test accuracy, decimated */
    public Decimated<Snapshot> testAccuracy(String run) {
        return tests.getOrDefault(run, EMPTY_SNAPSHOTS);
    }

    /** the snapshots of a run that carried gradient-flow figures, decimated; empty series if none */
    public Decimated<Snapshot> flow(String run) {
        return flows.getOrDefault(run, EMPTY_SNAPSHOTS);
    }

    /** a tap's statistics over time, decimated; empty series if never measured */
    public Decimated<TapStats> tap(String run, int layer, Tap tap) {
        Decimated<TapStats> d = taps.get(key(run, layer, tap));
        return d != null ? d : EMPTY_TAPS;
    }

    /**
     * the statistics of log₁₀|value| of a tap whose values span decades ({@link Tap.Scale#LOG_MAGNITUDE}) over
     * time, at the same steps as {@link #tap}; empty series for other taps or if never measured
     */
    public Decimated<TapStats> magnitude(String run, int layer, Tap tap) {
        Decimated<TapStats> d = magnitudes.get(key(run, layer, tap));
        return d != null ? d : EMPTY_TAPS;
    }

    /** the taps some run measured since the last {@link #clear()}, in {@link Tap} order (read-only) */
    public java.util.Set<Tap> measured() {
        return java.util.Collections.unmodifiableSet(measured);
    }

    /**
     * a recurrent network's statistics of one layer's tap at each time step, each step's newest measurement, time
     * step ascending; empty for a network without time steps or before a measurement
     */
    public List<TapStats> timeSteps(String run, int layer, Tap tap) {
        List<TapStats> out = new ArrayList<>();
        for (TapStats t : timeSteps.getOrDefault(run, Map.of()).values()) {
            if (t.layer() == layer && t.tap() == tap) out.add(t);
        }
        out.sort(java.util.Comparator.comparingInt(t -> t.site().position()));
        return out;
    }

    /** a sequence model's test accuracy at each length at its newest evaluation, or null */
    public LengthAccuracy byLength(String run) {
        return byLength.get(run);
    }

    /** the newest snapshot of a run that carried statistics, or null */
    public Snapshot latestStats(String run) {
        return latestStats.get(run);
    }

    /** the newest snapshot of a run, or null */
    public Snapshot latest(String run) {
        Decimated<Snapshot> d = metrics.get(run);
        return d == null ? null : d.last();
    }

    private static final Decimated<Snapshot> EMPTY_SNAPSHOTS = new Decimated<>(4);
    private static final Decimated<TapStats> EMPTY_TAPS = new Decimated<>(4);
}
