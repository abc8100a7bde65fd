package org.shiftscope.train;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.shiftscope.data.Sampler;
import org.shiftscope.data.SequenceDataset;
import org.shiftscope.data.Dataset;
import org.shiftscope.data.Datasets;
import org.shiftscope.nn.BatchRenorm;
import org.shiftscope.nn.MatMul;
import org.shiftscope.nn.NormKind;
import org.shiftscope.nn.Network;
import org.shiftscope.nn.Sgd;
import org.shiftscope.nn.Tensor;
import org.shiftscope.stats.IcsRow;
import org.shiftscope.stats.InspectionCapture;
import org.shiftscope.stats.LayerFlow;
import org.shiftscope.stats.Event;
import org.shiftscope.stats.NetworkProbe;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.stats.TapProbe;
import org.shiftscope.nn.NetworkSpec;
import org.shiftscope.train.scenario.Engine;
import org.shiftscope.train.scenario.LiveEffect;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.Setting;
import org.shiftscope.train.scenario.Settings;
import org.shiftscope.train.scenario.TrainingSpec;

/**
 * A training session: one data set, one mini-batch sequence and one run per variant of the scenario (one run,
 * "main", when it has none): the runs share initial weights (their layer sizes are shared) and mini-batches and
 * differ only in their variants' settings. {@link #step()} trains every live run by one mini-batch,
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
    /** draws mini-batch indices; shared by the runs */
    private final Sampler sampler;
    /** the runs, in the scenario's variant order */
    private final List<Run> runs = new ArrayList<>();
    /** the matrix back-end */
    private final MatMul mm;
    /** the current mini-batch, batch × inputs, or (batch, length, inputs) for sequences */
    private final Tensor x = new Tensor();
    /** labels of the current mini-batch */
    private int[] y = new int[1];
    /** sample indices of the current mini-batch */
    private int[] idx = new int[1];
    /** grid points for the decision surface, size² × 2 */
    private final DMatrixRMaj grid = new DMatrixRMaj(1, 1);
    /** how many runs may train at the same time (see {@link #setParallelRuns}) */
    private int parallel = 1;
    /** the helper threads for runs 2…, made on first use */
    private java.util.concurrent.ExecutorService helpers;
    /** the helpers' pending steps, one per run (index 0 unused: run 1 trains on the calling thread) */
    private final List<java.util.concurrent.Future<Snapshot>> pending = new ArrayList<>();
    /** each helper's step of one run, made once so a step allocates no lambda */
    private final List<java.util.concurrent.Callable<Snapshot>> jobs = new ArrayList<>();
    /** this step's batch size and what it measures, read by the helpers' jobs */
    private int stepBatch;
    private boolean stepStats, stepEval, stepLab, stepLabNow;
    /** the ICS lab's probe batch: the first {@link #PROBE} training examples, made when the lab first runs */
    private DMatrixRMaj probe;
    /** examples in the probe batch (fewer when the training split is smaller) */
    static final int PROBE = 64;
    /** gets the ICS lab's rows of each measured step, run by run */
    private java.util.function.Consumer<List<IcsRow>> labListener = rows -> { };
    /** steps done */
    private long step;
    /** gets every snapshot */
    private SnapshotListener listener = s -> { };
    /** the step inspector's copy of each step of {@link #inspectedRun()}, or null while it is closed */
    private InspectionCapture capture;
    /** the settings changed during this run, at most {@link #MAX_EVENTS} (the newest kept) */
    private final EventLog events = new EventLog();
    /** the next entry of the scenario's schedule to apply */
    private int nextScheduled;
    /** changes kept per run */
    public static final int MAX_EVENTS = EventLog.MAX_EVENTS;

    /** Builds the session from a scenario, loading its data set and choosing its back-end. */
    public static Session create(Scenario sc) {
        var d = sc.dataset();
        Dataset data = Datasets.load(d.name(), d.path(), d.noise(), d.samples(), d.testFraction(),
                sc.training().seed(), d.lengths());
        return new Session(sc, data, sc.training().products());
    }

    public Session(Scenario sc, Dataset data, MatMul mm) {
        this.scenario = sc;
        this.data = data;
        this.mm = mm;
        TrainingSpec t = sc.training();
        this.sampler = data.sampler(t.seed() ^ SAMPLER_SALT);
        for (int i = 0; i < sc.runCount(); i++) {
            runs.add(newRun(sc.runName(i), sc.run(i)));
            final int r = i;
            jobs.add(() -> train(runs.get(r), stepBatch, stepStats, stepEval, stepLab, stepLabNow));
            pending.add(null);
        }
        ensureBatch(t.batchSize());
    }

    private Run newRun(String name, Scenario sc) {
        NetworkSpec n = sc.network();
        TrainingSpec t = sc.training();
        int[] hidden = n.hidden();
        // the same seed for every run: the same starting weights; sequences go into a recurrent network
        Network net = data instanceof SequenceDataset
                ? Network.recurrent(data.inputs(), data.classes(), n, t.seed(), mm)
                : new Network(data.inputs(), data.classes(), n, t.seed(), mm);
        return new Run(name, net, new Sgd(t.learningRate(), t.momentum()),
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
     * Trains up to this many runs at the same time, on helper threads, when each step is big enough to pay for the
     * hand-over (results are identical either way: each run's arithmetic stays on one thread and in order). 1 = all
     * on the calling thread.
     */
    public void setParallelRuns(int threads) {
        parallel = Math.max(1, threads);
    }

    /** Hands the ICS lab's rows of each measured step to a listener (null: none), run by run, in run order. */
    public void setLabListener(java.util.function.Consumer<List<IcsRow>> l) {
        labListener = l == null ? rows -> { } : l;
    }

    /**
     * Trains every run that has not diverged by one mini-batch; every {@code lab.every} steps the ICS lab measures
     * each run on copies.
     */
    public void step() {
        stepRuns();
        for (int r = 0, nr = runs.size(); r < nr; r++) {
            Run run = runs.get(r);
            if (run.labRows.isEmpty()) continue;
            List<IcsRow> rows = run.labRows;
            run.labRows = List.of();
            labListener.accept(rows);
        }
    }

    private void stepRuns() {
        applySchedule();
        final TrainingSpec t = scenario.training();
        final int n = t.batchSize();
        step++;
        sampler.next(idx, n);
        data.trainBatch(idx, n, x, y);
        final boolean statsNow = step == 1 || step % t.statsEvery() == 0;
        final boolean evalNow = step % t.evalEvery() == 0;
        final long every = scenario.labEvery();
        // the ICS lab measures feed-forward networks only (its probe batch and G'_i are of dense layers)
        final boolean labOn = every > 0 && !(data instanceof SequenceDataset), labNow = labOn && step % every == 0;
        if (labOn && probe == null) probe = probeBatch();
        final int nr = runs.size();
        for (int r = 0; r < nr; r++) warmUp(runs.get(r), scenario.run(r));
        if (nr > 1 && parallel > 1 && worthParallel(n)) {
            // runs 2… on the helpers (at most `parallel` at once, run 1 here); snapshots published in run order
            stepBatch = n;
            stepStats = statsNow;
            stepEval = evalNow;
            stepLab = labOn;
            stepLabNow = labNow;
            for (int r = 1; r < nr; r++) pending.set(r, helpers().submit(jobs.get(r)));
            Snapshot first = train(runs.get(0), n, statsNow, evalNow, labOn, labNow);
            if (first != null) listener.accept(first);
            for (int r = 1; r < nr; r++) {
                Snapshot other;
                try {
                    other = pending.get(r).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while run " + runs.get(r).name + " trained", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("run " + runs.get(r).name + "'s step failed", e.getCause());
                }
                if (other != null) listener.accept(other);
            }
            return;
        }
        for (int r = 0; r < nr; r++) {
            Snapshot snap = train(runs.get(r), n, statsNow, evalNow, labOn, labNow);
            if (snap != null) listener.accept(snap);
        }
    }

    /**
     * Batch Renorm's warm-up (network.renorm_warmup steps): r max rises from 1 and d max from 0 to their settings
     * in a straight line, set before each step of the ramp and once more when it ends.
     */
    private void warmUp(Run run, Scenario sc) {
        NetworkSpec n = sc.network();
        long ramp = n.renormWarmup();
        if (ramp <= 0 || step > ramp + 1 || run.net.norm() != NormKind.RENORM) return;
        run.net.setRenorm(BatchRenorm.warmupRMax(step - 1, ramp, n.renormRMax()),
                BatchRenorm.warmupDMax(step - 1, ramp, n.renormDMax()));
    }

    /**
     * One step of one run; returns its snapshot when this step publishes one, else null. With the lab on it takes
     * its baseline before the first step it sees, and measures after the update at a step of the lab.
     */
    private Snapshot train(Run run, int n, boolean statsNow, boolean evalNow, boolean labOn, boolean labNow) {
        if (run.diverged()) return null;
        Network net = run.net;
        if (labOn) {
            if (run.lab == null) run.lab = new IcsLab();
            if (!run.lab.hasBaseline()) run.lab.baseline(net, probe);
        }
        double loss = net.forward(x, y, true);
        if (capture != null && !net.recurrent() && run == inspectedRun()) capture.take(run.name, step, net); // a copy
        run.loss = loss;
        run.batchAccuracy = (double) net.correct() / n;
        final boolean finite = Double.isFinite(loss);
        if (finite) {
            net.zeroGrad();
            net.backward();
        }
        // the forward's values and, after a backward, the gradients (no backward when the loss is not finite)
        if (statsNow) run.probe.measure(net);
        // the gradient-flow figures of the weights this step updates, before the update
        List<LayerFlow> flow = statsNow && finite ? flow(net, run.sgd.learningRate()) : List.of();
        final boolean measure = labNow && finite;
        if (measure) run.lab.beforeUpdate(net);
        if (!finite) {
            run.divergedAt = step;
        } else {
            double clip = scenario.training().clipNorm();
            if (clip > 0) clipGradient(net.parameters(), clip);
            run.sgd.step(net.parameters());
            if (measure) run.labRows = run.lab.afterUpdate(run.name, step, net, x, y, probe);
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
                statsNow ? run.probe.snapshot() : List.of(), flow, evaluated ? run.byLength : null);
    }

    /**
     * Gradient clipping by the global norm: when ‖g‖ over every trained parameter together exceeds {@code max},
     * every gradient is scaled by max/‖g‖.
     */
    static void clipGradient(List<org.shiftscope.nn.Param> params, double max) {
        double sq = 0;
        for (int i = 0, n = params.size(); i < n; i++) {
            org.shiftscope.nn.Param p = params.get(i);
            if (p.frozen || p.gradIsZero()) continue;
            final double[] g = p.grad.data;
            for (int k = 0, m = p.size(); k < m; k++) sq += g[k] * g[k];
        }
        double norm = Math.sqrt(sq);
        if (!(norm > max)) return; // also when not finite: the divergence check sees it
        double f = max / norm;
        for (int i = 0, n = params.size(); i < n; i++) {
            org.shiftscope.nn.Param p = params.get(i);
            if (p.frozen || p.gradIsZero()) continue;
            // g ← g · max/‖g‖
            org.ejml.dense.row.CommonOps_DDRM.scale(f, p.grad);
        }
    }

    /** per hidden layer: ‖∂L/∂W_h‖ and log₁₀(std(lr·∂L/∂W_h)/std(W_h)), from the gradients of the last backward */
    static List<LayerFlow> flow(Network net, double lr) {
        int depth = net.depth();
        LayerFlow[] out = new LayerFlow[depth];
        for (int h = 1; h <= depth; h++) {
            // a recurrent layer's W = [W_x; W_h], else the dense layer's W
            org.shiftscope.nn.Param w = net.recurrent() ? net.recurrentLayer(h).w : net.dense(h).w;
            out[h - 1] = LayerFlow.of(h, w.value, w.grad, lr);
        }
        return List.of(out);
    }

    /** the ICS lab's fixed probe batch: the first training examples, in order */
    private DMatrixRMaj probeBatch() {
        int m = Math.min(PROBE, data.trainSize());
        int[] ids = new int[m], labels = new int[m];
        for (int i = 0; i < m; i++) ids[i] = i;
        DMatrixRMaj p = new DMatrixRMaj(m, data.inputs());
        data.trainBatch(ids, m, p, labels);
        return p;
    }

    /** whether a step does enough arithmetic (≈ parameters × batch) to split the runs over threads */
    private boolean worthParallel(int batch) {
        return (long) runs.get(0).net.parameterCount() * batch >= 1_000_000L;
    }

    private java.util.concurrent.ExecutorService helpers() {
        if (helpers == null) {
            helpers = java.util.concurrent.Executors.newFixedThreadPool(Math.min(parallel - 1, runs.size() - 1), r -> {
                Thread th = new Thread(r, "shiftscope-run");
                th.setDaemon(true);
                return th;
            });
        }
        return helpers;
    }

    /**
     * Accuracy of a run on the whole test split in inference mode (BN uses its running averages). For sequences,
     * over the test lengths proper, and the accuracy at every length into the run's {@link Run#byLength()}.
     */
    public double testAccuracy(Run run) {
        if (data instanceof SequenceDataset seq) return sequenceAccuracy(run, seq);
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

    /** a sequence set's test accuracy by length, one length at a time (a batch is of one length) */
    private double sequenceAccuracy(Run run, SequenceDataset seq) {
        int per = seq.testPerLength(), shortest = seq.minLength(), longest = seq.testMaxLength();
        double[] acc = new double[longest - shortest + 1];
        long correct = 0, counted = 0;
        for (int len = shortest; len <= longest; len++) {
            int first = seq.testFrom(len), right = 0;
            for (int from = 0; from < per; from += EVAL_CHUNK) {
                int m = Math.min(EVAL_CHUNK, per - from);
                seq.testBatch(first + from, m, run.testX, run.testY);
                run.net.forward(run.testX, run.testY, false);
                right += run.net.correct();
            }
            acc[len - shortest] = (double) right / per;
            if (len >= seq.testMinLength()) {
                correct += right;
                counted += per;
            }
        }
        run.byLength = new org.shiftscope.stats.LengthAccuracy(shortest, acc);
        return (double) correct / counted;
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

    /** Measures only these taps from now on, in every run (all by default). */
    public void measureOnly(java.util.Set<org.shiftscope.nn.Tap> taps) {
        for (Run r : runs) r.probe.measureOnly(taps);
    }

    /** Copies every training step of {@link #inspectedRun()} into this capture from now on (null: stop). */
    public void setCapture(InspectionCapture capture) {
        this.capture = capture;
    }

    /** the run the step inspector should show (the variant the panel edits), or null for the default */
    private String inspectName;

    /** Shows this run in the step inspector (a variant's name; null: the first run with a normalizer). */
    public void setInspectedRun(String name) {
        inspectName = name;
    }

    /**
     * the run the step inspector shows: the one chosen, else the first one with a normalizer (the normalized twin),
     * else the first
     */
    public Run inspectedRun() {
        for (int i = 0, n = runs.size(); i < n; i++) if (runs.get(i).name.equals(inspectName)) return runs.get(i);
        for (int i = 0, n = runs.size(); i < n; i++) if (runs.get(i).net.batchNorm()) return runs.get(i);
        return runs.get(0);
    }

    // ---- live changes, applied between steps ----

    /**
     * Takes the live settings ({@link Setting.Apply#LIVE}) of another scenario, and its variants' overrides when it
     * has the same variants (names, in order), keeping the weights: each changed one takes effect at the next step
     * in the runs it concerns. Its other settings are ignored: they need a new session.
     */
    public void apply(Scenario other) {
        Scenario old = scenario, next = old.withLiveOf(other);
        events.record(old, next, step + 1, runs);
        scenario = next;
        if (next.differs(old, Settings.BATCH_SIZE)) ensureBatch(next.training().batchSize());
        for (int i = 0; i < runs.size(); i++) apply(runs.get(i), old.run(i), next.run(i));
        // stats_every, eval_every and speed are read from the scenario where they are used
    }

    /**
     * One run's live changes: the {@link LiveEffect} of each changed setting of the table, once per effect however
     * many of its settings changed, in the order the effects are declared.
     */
    private static void apply(Run r, Scenario old, Scenario next) {
        Engine run = new Engine(r.net, r.sgd);
        for (LiveEffect e : LiveEffect.due(old, next)) e.apply(run, next);
    }

    // ---- events: what changed during the run, and the scenario's schedule ----

    /** Applies the schedule's entries due at the next step (nothing is allocated when none is). */
    private void applySchedule() {
        var schedule = scenario.schedule();
        while (nextScheduled < schedule.size() && schedule.get(nextScheduled).step() <= step + 1) {
            apply(schedule.get(nextScheduled++).applyTo(scenario));
        }
    }

    /** the settings changed during this run, oldest first (immutable; a new list after each change) */
    public List<Event> events() {
        return events.list();
    }

    /** a run's words in legends: its variant's ("with BN", "with LayerNorm + noise 1", …), "this network" alone */
    public static String runLabel(Scenario s, String run) {
        int i = s.runIndex(run);
        return i < 0 ? run : s.runLabel(i);
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

    /** the last step's mini-batch, batch × inputs (read-only; valid until the next step) */
    DMatrixRMaj batch() {
        return x;
    }

    /** the last step's labels (read-only; the first batch-size entries count) */
    int[] labels() {
        return y;
    }

    public MatMul backend() {
        return mm;
    }
}
