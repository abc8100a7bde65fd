package org.shiftscope.train.scenario;

import static org.shiftscope.train.scenario.Settings.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.shiftscope.nn.NetworkSpec;

/**
 * Every setting of a run, the seed included: the same scenario gives the same run. An immutable map from each
 * {@link Setting} of the {@link Settings} table to its value, with typed views for the engine
 * ({@link #dataset()}, {@link #network()}, {@link #training()}, built once per scenario so reading them in the
 * training loop allocates nothing).
 */
public final class Scenario {
    /** every setting's value; settings missing here have their default */
    private final Map<Setting<?>, Object> values;
    private final DatasetSpec dataset;
    private final NetworkSpec network;
    private final TrainingSpec training;
    /** the variants trained side by side (0–4; none = one network named "main") */
    private final List<Variant> variants;
    /** what each run trains: the shared settings with its variant's overrides (this scenario when none) */
    private final Scenario[] runs;
    /** each run's words in legends, made once */
    private final String[] labels;
    /** changes made by themselves during a run (see {@link Schedule}); not a setting of the table */
    private final Schedule schedule;

    private Scenario(Map<Setting<?>, Object> values, List<Variant> variants, Schedule schedule) {
        this.values = values;
        this.variants = variants;
        this.schedule = schedule;
        SpecDrafts specs = SpecDrafts.start();
        for (Setting<?> s : Settings.all()) feed(specs, s);
        this.dataset = specs.dataset().build();
        this.network = specs.network().build();
        this.training = specs.training().build();
        if (variants.isEmpty()) {
            runs = new Scenario[] {this};
        } else {
            Scenario shared = new Scenario(values, List.of(), Schedule.NONE);
            runs = new Scenario[variants.size()];
            for (int i = 0; i < runs.length; i++) runs[i] = variants.get(i).applyTo(shared);
        }
        labels = new String[runs.length];
        for (int i = 0; i < runs.length; i++) {
            labels[i] = variants.isEmpty() ? "this network" : variants.get(i).label(runs[i]);
        }
    }

    /** puts this scenario's value of a setting into its field of the specs */
    private <T> void feed(SpecDrafts specs, Setting<T> s) {
        s.feed().accept(specs, get(s));
    }

    /** Every setting at its default: the fast synthetic spiral with a 3-layer tanh network and BN. */
    public static Scenario defaults() {
        return DEFAULTS;
    }

    private static final Scenario DEFAULTS = new Scenario(Map.of(), List.of(), Schedule.NONE);

    /** a setting's value */
    public <T> T get(Setting<T> s) {
        Object v = values.get(s);
        return v == null ? s.defaultValue() : s.cast(v);
    }

    /**
     * The same scenario with one setting changed. The value must be allowed ({@link ValueType#allows}); a value
     * that is not is refused with a {@link ScenarioException} naming the key, the value and what is allowed.
     */
    public <T> Scenario with(Setting<T> s, T v) {
        Objects.requireNonNull(v, s.key());
        s.cast(v);
        if (!s.type().allows(v)) {
            throw new ScenarioException(s.key() + " = " + s.type().toJson(v) + " is out of range; expected "
                    + s.type().allowed() + ".");
        }
        if (v.equals(get(s))) return this;
        Map<Setting<?>, Object> next = new HashMap<>(values);
        if (v.equals(s.defaultValue())) next.remove(s);
        else next.put(s, v);
        return new Scenario(Map.copyOf(next), variants, schedule);
    }

    /**
     * The same settings with other variants (0–{@link Variant#MAX}, unique names). Refused with a
     * {@link ScenarioException} naming what is wrong.
     */
    public Scenario withVariants(List<Variant> vs) {
        if (vs.size() > Variant.MAX) {
            throw new ScenarioException("variants: " + vs.size() + " variants; at most " + Variant.MAX
                    + " train side by side.");
        }
        for (int i = 0; i < vs.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (vs.get(i).name().equals(vs.get(j).name())) {
                    throw new ScenarioException("variants[" + i + "].name = " + vs.get(i).name()
                            + " is taken by variants[" + j + "]; each variant needs its own name.");
                }
            }
        }
        if (vs.equals(variants)) return this;
        return new Scenario(values, List.copyOf(vs), schedule);
    }

    /** The same scenario with variant i replaced. */
    public Scenario withVariant(int i, Variant v) {
        List<Variant> next = new java.util.ArrayList<>(variants);
        next.set(i, v);
        return withVariants(next);
    }

    /** the variants trained side by side; empty for one network */
    public List<Variant> variants() {
        return variants;
    }

    /** how many networks train: the variants', or 1 */
    public int runCount() {
        return runs.length;
    }

    /** the name of run i in snapshots and CSV files: its variant's, or "main" */
    public String runName(int i) {
        return variants.isEmpty() ? "main" : variants.get(i).name();
    }

    /** what run i trains: the shared settings with its variant's overrides */
    public Scenario run(int i) {
        return runs[i];
    }

    /** the index of the run with this name, or -1 */
    public int runIndex(String name) {
        for (int i = 0; i < runs.length; i++) if (runName(i).equals(name)) return i;
        return -1;
    }

    /** run i's colour, "#rrggbb" */
    public String runColor(int i) {
        return variants.isEmpty() ? Variant.colorOf("main", 0) : variants.get(i).colorAt(i);
    }

    /** run i's words in legends and captions ("with BN", "with LayerNorm + noise 1", …) */
    public String runLabel(int i) {
        return labels[i];
    }

    /**
     * This scenario with the settings of another that a running session takes without a new network: the live ones
     * ({@link Setting.Apply#LIVE}) and those that change nothing in training ({@link Setting.Apply#NONE}: the tap
     * the charts show, the name); itself when they agree.
     */
    public Scenario withLiveOf(Scenario other) {
        Scenario s = this;
        for (Setting<?> k : Settings.all()) if (k.apply() != Setting.Apply.REBUILD) s = copy(s, other, k);
        return sameRuns(other) ? s.withVariants(other.variants()) : s;
    }

    /** whether two scenarios train the same runs (the same variant names in the same order) */
    public boolean sameRuns(Scenario other) {
        if (runCount() != other.runCount()) return false;
        for (int i = 0; i < runCount(); i++) if (!runName(i).equals(other.runName(i))) return false;
        return true;
    }

    private static <T> Scenario copy(Scenario to, Scenario from, Setting<T> k) {
        return to.with(k, from.get(k));
    }

    /** whether two scenarios differ in a setting */
    public boolean differs(Scenario other, Setting<?> s) {
        return !get(s).equals(other.get(s));
    }

    // ---- views ----

    public String name() {
        return get(NAME);
    }

    public String title() {
        return get(TITLE);
    }

    public String description() {
        return get(DESCRIPTION);
    }

    /** the tap the layer charts show (nothing in training reads it) */
    public org.shiftscope.nn.Tap shownTap() {
        return get(VIEW_TAP);
    }

    /** every how many steps the ICS lab measures (0 = off; nothing in training reads it) */
    public long labEvery() {
        return get(Settings.LAB_EVERY);
    }

    /** whether several networks train side by side */
    public boolean compare() {
        return variants.size() > 1;
    }

    public DatasetSpec dataset() {
        return dataset;
    }

    public NetworkSpec network() {
        return network;
    }

    public TrainingSpec training() {
        return training;
    }

    /** the changes scheduled during a run (empty when none) */
    public Schedule schedule() {
        return schedule;
    }

    /** The same scenario with another schedule. */
    public Scenario withSchedule(Schedule s) {
        Objects.requireNonNull(s, Schedule.KEY);
        return s.equals(schedule) ? this : new Scenario(values, variants, s);
    }

    public Scenario withName(String name) {
        return with(NAME, name);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Scenario other)) return false;
        for (Setting<?> s : Settings.all()) if (differs(other, s)) return false;
        return variants.equals(other.variants) && schedule.equals(other.schedule);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Setting<?> s : Settings.all()) h = 31 * h + get(s).hashCode();
        h = 31 * h + variants.hashCode();
        return schedule.isEmpty() ? h : 31 * h + schedule.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Scenario[");
        for (Setting<?> s : Settings.all()) {
            if (values.containsKey(s)) b.append(s.key()).append('=').append(values.get(s)).append(", ");
        }
        for (Variant v : variants) b.append("variant ").append(v.name()).append(v.overrides()).append(", ");
        if (!schedule.isEmpty()) b.append(Schedule.KEY).append('=').append(schedule.entries()).append(", ");
        return b.append("defaults otherwise]").toString();
    }
}
