package org.shiftscope.train;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.shiftscope.data.BatchSampler;
import org.shiftscope.data.Dataset;
import org.shiftscope.data.Datasets;
import org.shiftscope.nn.MatMul;
import org.shiftscope.nn.MatMuls;
import org.shiftscope.nn.Network;
import org.shiftscope.nn.Sgd;
import org.shiftscope.stats.Event;
import org.shiftscope.stats.NetworkProbe;
import org.shiftscope.stats.RunRole;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.stats.TapProbe;
import org.shiftscope.nn.NetworkSpec;
import org.shiftscope.nn.NormKind;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.Setting;
import org.shiftscope.train.scenario.Settings;
import org.shiftscope.train.scenario.TrainingSpec;

/**
 * A training session: one data set, one mini-batch sequence and one run (or, in compare mode, a BN twin and a
 * plain twin that share initial weights and batches). {@link #step()} trains every live run by one mini-batch,
 * measures statistics every {@code stats_every} steps and test accuracy every {@code eval_every} steps, and hands
 * immutable {@link Snapshot}s to a listener. Owned by one thread; the setters are meant to be called between
 * steps by that thread (the {@link Trainer} applies commands from other threads that way).
 */
public final class Session {
    /** test samples per inference-mode forward pass */
    static final int EVAL_CHUNK = 1000;
    /** mixes the training seed into the batch sampler's seed so batches and weights are not drawn alike */
    private static final long SAMPLER_SALT = 0x5DEECE66DL;

    /** the current settings, updated by every live change */
    private Scenario scenario;
    /** the data */
    private final Dataset data;
    /** draws mini-batch indices; shared by the twins */
    private final BatchSampler sampler;
    /** the runs: one, or "bn" then "plain" in compare mode */
    private final List<Run> runs = new ArrayList<>();
    /** the matrix back-end */
    private final MatMul mm;
    /** the current mini-batch, batch × inputs */
    private final DMatrixRMaj x = new DMatrixRMaj(1, 1);
    /** labels of the current mini-batch */
    private int[] y = new int[1];
    /** sample indices of the current mini-batch */
    private int[] idx = new int[1];
    /** grid points for the decision surface, size² × 2 */
    private final DMatrixRMaj grid = new DMatrixRMaj(1, 1);
    /** whether compare twins may train on two threads (see {@link #setParallelTwins}) */
    private boolean parallelTwins;
    /** the helper thread for the second twin, made on first use */
    private java.util.concurrent.ExecutorService twinThread;
    /** steps done */
    private long step;
    /** gets every snapshot */
    private SnapshotListener listener = s -> { };
    /** the settings changed during this run, oldest first, at most {@link #MAX_EVENTS} (the newest kept) */
    private final java.util.ArrayDeque<Event> events = new java.util.ArrayDeque<>();
    /** {@link #events} as an immutable list, made anew only when an event is recorded */
    private List<Event> eventList = List.of();
    /** the next entry of the scenario's schedule to apply */
    private int nextScheduled;
    /** changes kept per run */
    public static final int MAX_EVENTS = 1000;

    /** Builds the session from a scenario, loading its data set and choosing its back-end. */
    public static Session create(Scenario sc) {
        var d = sc.dataset();
        Dataset data = Datasets.load(d.name(), d.path(), d.noise(), d.samples(), d.testFraction(),
                sc.training().seed());
        return new Session(sc, data, MatMuls.of(sc.training().backend()));
    }

    public Session(Scenario sc, Dataset data, MatMul mm) {
        this.scenario = sc;
        this.data = data;
        this.mm = mm;
        TrainingSpec t = sc.training();
        this.sampler = new BatchSampler(data.trainSize(), t.seed() ^ SAMPLER_SALT);
        if (sc.compare()) {
            runs.add(newRun(RunRole.BN, true));
            runs.add(newRun(RunRole.PLAIN, false));
        } else {
            runs.add(newRun(RunRole.MAIN, sc.network().batchnorm()));
        }
        ensureBatch(t.batchSize());
    }

    private Run newRun(RunRole role, boolean bn) {
        NetworkSpec n = scenario.with(Settings.NORM, bn ? twinNorm(scenario) : NormKind.NONE).network();
        TrainingSpec t = scenario.training();
        int[] hidden = n.hidden();
        Network net = new Network(data.inputs(), data.classes(), n, t.seed(), mm);
        return new Run(role.key(), net, new Sgd(t.learningRate(), t.momentum()),
                new NetworkProbe(hidden.length, TapProbe.DEFAULT_BINS));
    }

    private void ensureBatch(int n) {
        if (y.length < n) {
            y = new int[n];
            idx = new int[n];
        }
    }

    public void setListener(SnapshotListener listener) {
        this.listener = listener == null ? s -> { } : listener;
    }

    /**
     * Trains the compare twins on two threads when each step is big enough to pay for the hand-over (headless
     * runs; results are identical either way: each twin's arithmetic stays on one thread and in order).
     */
    public void setParallelTwins(boolean on) {
        parallelTwins = on;
    }

    /** Trains every run that has not diverged by one mini-batch. */
    public void step() {
        applySchedule();
        final TrainingSpec t = scenario.training();
        final int n = t.batchSize();
        step++;
        sampler.next(idx, n);
        data.trainBatch(idx, n, x, y);
        final boolean statsNow = step == 1 || step % t.statsEvery() == 0;
        final boolean evalNow = step % t.evalEvery() == 0;
        if (runs.size() == 2 && parallelTwins && worthParallel(n)) {
            // the second twin on the helper thread, the first here; snapshots published in run order after both
            java.util.concurrent.Future<Snapshot> second = twinThread().submit(
                    () -> train(runs.get(1), n, statsNow, evalNow));
            Snapshot first = train(runs.get(0), n, statsNow, evalNow);
            Snapshot other;
            try {
                other = second.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the twin trained", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("the twin's step failed", e.getCause());
            }
            if (first != null) listener.accept(first);
            if (other != null) listener.accept(other);
            return;
        }
        for (int r = 0, nr = runs.size(); r < nr; r++) {
            Snapshot snap = train(runs.get(r), n, statsNow, evalNow);
            if (snap != null) listener.accept(snap);
        }
    }

    /** One step of one run; returns its snapshot when this step publishes one, else null. */
    private Snapshot train(Run run, int n, boolean statsNow, boolean evalNow) {
        if (run.diverged()) return null;
        Network net = run.net;
        double loss = net.forward(x, y, true);
        run.loss = loss;
        run.batchAccuracy = (double) net.correct() / n;
        if (statsNow) run.probe.measure(net);
        if (!Double.isFinite(loss)) {
            run.divergedAt = step;
        } else {
            net.backward();
            run.sgd.step(net.parameters());
            if (evalNow && !net.parametersFinite()) run.divergedAt = step; // NaN weights also show in the loss
        }
        boolean evaluated = false;
        if (evalNow && !run.diverged()) {
            run.testAccuracy = testAccuracy(run);
            evaluated = true;
        }
        if (!(statsNow || evalNow || run.diverged())) return null;
        return new Snapshot(run.name, step, loss, run.batchAccuracy, evaluated ? run.testAccuracy : Double.NaN,
                run.sgd.learningRate(), n, net.batchNorm(), run.divergedAt,
                statsNow ? run.probe.snapshot() : List.of());
    }

    /** whether a step does enough arithmetic (≈ parameters × batch) to split the twins over two threads */
    private boolean worthParallel(int batch) {
        return (long) runs.get(0).net.parameterCount() * batch >= 1_000_000L;
    }

    private java.util.concurrent.ExecutorService twinThread() {
        if (twinThread == null) {
            twinThread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread th = new Thread(r, "shiftscope-twin");
                th.setDaemon(true);
                return th;
            });
        }
        return twinThread;
    }

    /** Accuracy of a run on the whole test split in inference mode (BN uses its running averages). */
    public double testAccuracy(Run run) {
        int total = data.testSize();
        if (total == 0) return Double.NaN;
        long correct = 0;
        for (int from = 0; from < total; from += EVAL_CHUNK) {
            int m = Math.min(EVAL_CHUNK, total - from);
            data.testBatch(from, m, run.testX, run.testY);
            run.net.forward(run.testX, run.testY, false);
            correct += run.net.correct();
        }
        return (double) correct / total;
    }

    /**
     * The decision surface of a 2-D classifier on a size × size grid over [-1.1, 1.1]², in inference mode.
     * Allocates its result (called a few times a second at most).
     */
    public Boundary decisionSurface(Run run, int generation, int size) {
        double lo = -1.1, hi = 1.1;
        grid.reshape(size * size, 2);
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                grid.set(r * size + c, 0, lo + (hi - lo) * (c + 0.5) / size);
                grid.set(r * size + c, 1, lo + (hi - lo) * (r + 0.5) / size);
            }
        }
        int[] labels = new int[size * size];
        run.net.forward(grid, labels, false);
        DMatrixRMaj p = run.net.probabilities();
        int[] cls = new int[size * size];
        float[] conf = new float[size * size];
        for (int i = 0; i < size * size; i++) {
            int best = 0;
            for (int k = 1; k < p.numCols; k++) if (p.get(i, k) > p.get(i, best)) best = k;
            cls[i] = best;
            conf[i] = (float) p.get(i, best);
        }
        return new Boundary(generation, run.name, step, size, lo, hi, cls, conf);
    }

    /** Whether some run has diverged. */
    public boolean anyDiverged() {
        for (int i = 0, n = runs.size(); i < n; i++) if (runs.get(i).diverged()) return true;
        return false;
    }

    /** Whether every run has diverged. */
    public boolean allDiverged() {
        for (Run r : runs) if (!r.diverged()) return false;
        return true;
    }

    // ---- live changes, applied between steps ----

    /**
     * Takes the live settings ({@link Setting.Apply#LIVE}) of another scenario, keeping the weights: each changed
     * one takes effect at the next step. Its other settings are ignored: they need a new session.
     */
    public void apply(Scenario other) {
        Scenario old = scenario, next = old;
        for (Setting<?> k : Settings.all()) {
            if (k.apply() == Setting.Apply.LIVE) next = copy(next, other, k);
        }
        recordChanges(old, next);
        scenario = next;
        TrainingSpec t = next.training();
        NetworkSpec n = next.network();
        if (next.differs(old, Settings.LEARNING_RATE)) for (Run r : runs) r.sgd.setLearningRate(t.learningRate());
        if (next.differs(old, Settings.MOMENTUM)) for (Run r : runs) r.sgd.setMomentum(t.momentum());
        if (next.differs(old, Settings.BATCH_SIZE)) ensureBatch(t.batchSize());
        // in compare mode the twins keep their roles: BN on/off concerns the single network only
        if (next.differs(old, Settings.NORM)) {
            // in compare mode only the normalized twin follows the choice; the plain twin stays plain
            if (next.compare()) runs.get(0).net.setNorm(twinNorm(next));
            else runs.get(0).net.setNorm(n.norm());
        }
        if (next.differs(old, Settings.NORM_GROUPS)) for (Run r : runs) r.net.setGroups(n.normGroups());
        if (next.differs(old, Settings.RENORM_RMAX) || next.differs(old, Settings.RENORM_DMAX)) {
            for (Run r : runs) r.net.setRenorm(n.renormRMax(), n.renormDMax());
        }
        if (next.differs(old, Settings.BN_PLACEMENT)) for (Run r : runs) r.net.setPlacement(n.bnPlacement());
        if (next.differs(old, Settings.AFFINE) || next.differs(old, Settings.GAMMA)
                || next.differs(old, Settings.BETA)) {
            for (Run r : runs) r.net.setAffine(n.affine(), n.gamma(), n.beta());
        }
        if (next.differs(old, Settings.BN_MOMENTUM)) for (Run r : runs) r.net.setBnMomentum(n.bnMomentum());
        if (next.differs(old, Settings.BN_EPS)) for (Run r : runs) r.net.setBnEps(n.bnEps());
        if (next.differs(old, Settings.NORM_NOISE)) for (Run r : runs) r.net.setNormNoise(n.normNoise());
        // stats_every, eval_every and speed are read from the scenario where they are used
    }

    private static <T> Scenario copy(Scenario to, Scenario from, Setting<T> k) {
        return to.with(k, from.get(k));
    }

    // ---- events: what changed during the run, and the scenario's schedule ----

    /** Records an {@link Event} for each live setting that differs between two scenarios (at the next step). */
    private void recordChanges(Scenario old, Scenario next) {
        boolean any = false;
        for (Setting<?> k : Settings.all()) {
            if (k.apply() == Setting.Apply.LIVE && next.differs(old, k)) {
                // in compare mode the normalizer concerns the normalized twin only
                String run = k == Settings.NORM && next.compare() ? runs.get(0).name : Event.ALL;
                if (events.size() == MAX_EVENTS) events.removeFirst();
                events.addLast(event(k, old, next, run));
                any = true;
            }
        }
        if (any) eventList = List.copyOf(events);
    }

    private <T> Event event(Setting<T> k, Scenario old, Scenario next, String run) {
        T a = old.get(k), b = next.get(k);
        return new Event(step + 1, run, k.key(), k.type().toJson(a).asText(), k.type().toJson(b).asText(),
                EventWords.label(k, a, b));
    }

    /** Applies the schedule's entries due at the next step (nothing is allocated when none is). */
    private void applySchedule() {
        var schedule = scenario.schedule();
        while (nextScheduled < schedule.size() && schedule.get(nextScheduled).step() <= step + 1) {
            apply(schedule.get(nextScheduled++).applyTo(scenario));
        }
    }

    /** the settings changed during this run, oldest first (immutable; a new list after each change) */
    public List<Event> events() {
        return eventList;
    }

    /** a run's words in legends: its role's, naming the normalized twin's normalizer where it is not BatchNorm */
    public static String runLabel(Scenario s, String run) {
        NormKind k = twinNorm(s);
        return RunRole.of(run) == RunRole.BN && s.compare() && k != NormKind.BATCH ? "with " + k.label()
                : RunRole.of(run).label;
    }

    /** the normalized twin's normalizer: the scenario's, BatchNorm when that is none */
    private static NormKind twinNorm(Scenario s) {
        NormKind k = s.network().norm();
        return k.hasLayer() ? k : NormKind.BATCH;
    }

    /** Changes one live setting (see {@link #apply}). */
    public <T> void set(Setting<T> setting, T value) {
        apply(scenario.with(setting, value));
    }

    // ---- reading ----

    public Scenario scenario() {
        return scenario;
    }

    public long stepCount() {
        return step;
    }

    public List<Run> runs() {
        return java.util.Collections.unmodifiableList(runs);
    }

    public Dataset data() {
        return data;
    }

    public MatMul backend() {
        return mm;
    }
}
