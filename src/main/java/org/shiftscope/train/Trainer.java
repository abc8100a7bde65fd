package org.shiftscope.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.shiftscope.stats.InspectMode;
import org.shiftscope.stats.Inspection;
import org.shiftscope.stats.Event;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.train.scenario.Scenario;

/**
 * Runs a {@link Session} on its own thread. The thread contract (see package docs):
 * <ul>
 *   <li>the trainer thread alone touches the session, its networks and matrices;</li>
 *   <li>other threads send commands ({@link #post}, {@link #play}, {@link #step} …) that the trainer applies
 *       between two steps, in order;</li>
 *   <li>other threads read only immutable records: {@link #status()}, {@link #boundary()}, and the snapshots
 *       they drain from a bounded queue with {@link #drain}.</li>
 * </ul>
 */
public final class Trainer implements AutoCloseable {
    /** snapshots waiting for the UI; when full the newest are dropped (the UI fell behind) */
    private final ArrayBlockingQueue<Published> snapshots = new ArrayBlockingQueue<>(8192);
    /** commands waiting for the trainer thread */
    private final LinkedBlockingQueue<Consumer<Trainer>> commands = new LinkedBlockingQueue<>();
    /** the latest status */
    private final AtomicReference<Status> status = new AtomicReference<>();
    /** the latest decision surface (2-D data only), or null */
    private final BoundaryFeed boundary = new BoundaryFeed();
    /** the step inspector's copies and records */
    private final InspectorFeed inspector = new InspectorFeed();
    /** the settings changed during the current session, with its generation */
    private final AtomicReference<Events> events = new AtomicReference<>(new Events(0, List.of()));
    /** the thread that owns the session */
    private final Thread thread;
    /** builds a session from a scenario, loading its data */
    private final Function<Scenario, Session> build;

    // ---- trainer-thread state ----
    /** the session being trained */
    private Session session;
    /** generation of the session, bumped on reset/rebuild */
    private int generation;
    /** continuous training on? */
    private boolean playing;
    /** steps still to do one at a time (Step button) */
    private int pendingSteps;
    /** pause by itself when this step is reached while playing (a lesson's end), or -1 */
    private long pauseAt = -1;
    /** the step at which it last paused by itself at {@link #pauseAt}, or -1 */
    private long pausedAt = -1;
    /** the decision-region chart's training points of the current session (2-D data), or null */
    private Points points;
    /** the speed cap, the time left to the window, the measured speed */
    private final Pace pace = new Pace();
    /** set to stop the thread */
    private volatile boolean closed;
    /** notices for the status line */
    private String message = "", error = "";
    /** requests refused so far */
    private int refusals;
    /** commands sent to the trainer thread so far (any thread) */
    private final java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
    /** commands the trainer thread has done (its status says so) */
    private long done;

    /** threads the variants may train on: every core but one, which the window's FX and render threads need */
    private static final int RUN_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

    /** A snapshot tagged with the session generation that produced it. */
    public record Published(int generation, Snapshot snapshot) { }

    /** The changes of one session's settings so far (immutable), tagged with its generation. */
    public record Events(int generation, List<Event> list) { }

    /** Builds the first session on the calling thread (so bad input fails here) and starts the trainer thread. */
    public Trainer(Scenario scenario) {
        this(scenario, Session::create);
    }

    /** A trainer whose sessions come from {@code build} (tests: one that fails as a machine can). */
    Trainer(Scenario scenario, Function<Scenario, Session> build) {
        this.build = build;
        this.session = build.apply(scenario);
        session.setListener(this::publish);
        session.setParallelRuns(RUN_THREADS);
        points = Points.of(session.data());
        publishStatus();
        thread = new Thread(this::loop, "shiftscope-trainer");
        thread.setDaemon(true);
        thread.start();
    }

    // ---- any thread ----

    /** Queues a command for the trainer thread, counting it. */
    private void send(Consumer<Trainer> c) {
        sent.incrementAndGet();
        commands.add(c);
    }

    /**
     * How many commands have been sent so far, from any thread: once {@link Status#commandsDone()} reaches it,
     * the status reflects every one of them.
     */
    public long commandsSent() {
        return sent.get();
    }

    /** Queues a change to the session, applied between two steps on the trainer thread. */
    public void post(Consumer<Session> change) {
        Objects.requireNonNull(change);
        send(t -> {
            change.accept(t.session);
            t.publishStatus();
        });
    }

    public void play() {
        send(t -> {
            t.playing = true;
            t.pace.restart();
            t.publishStatus();
        });
    }

    public void pause() {
        send(t -> {
            t.playing = false;
            t.publishStatus();
        });
    }

    /** Pauses and trains exactly one step. */
    public void step() {
        send(t -> {
            t.playing = false;
            t.pendingSteps++;
        });
    }

    /**
     * Leaves this share of the time idle while training flat out, so the window's FX and render threads get time
     * on a 2-core machine (0 = none, for headless use; the window adapts it to its frame rate, 0 while it keeps up).
     */
    public void setYieldShare(double share) {
        pace.setYieldShare(share);
    }

    /**
     * Pauses by itself when continuous training reaches this step (a lesson's end; -1 = never); Play afterwards
     * goes on. Applies to the current session and is cleared by a rebuild.
     */
    public void pauseAt(long step) {
        send(t -> {
            t.pauseAt = step;
            t.pausedAt = -1;
            t.publishStatus();
        });
    }

    /** Starts over at step 0 with the current settings (new weights from the seed). */
    public void reset() {
        send(t -> t.doRebuild(t.session.scenario(), "reset to step 0"));
    }

    /** Replaces the session by one built from a scenario (shape or data changes); keeps the old one on error. */
    public void rebuild(Scenario scenario, String why) {
        send(t -> t.doRebuild(scenario, why));
    }

    /**
     * Inspects one unit (0-based) of a hidden layer (1-based) in a mode from now on: the latest training step's
     * {@link Inspection} appears in {@link #inspection()} (at most ~30 times a second while playing; at once for a
     * single step, on pause and for a change of unit or mode). Another layer shows from the next step.
     */
    public void inspect(int layer, int unit, InspectMode mode) {
        Objects.requireNonNull(mode);
        send(t -> t.inspector.open(t.session, layer, unit, mode));
    }

    /** Stops inspecting: no copy per step any more, and {@link #inspection()} becomes null. */
    public void stopInspecting() {
        send(t -> t.inspector.close(t.session));
    }

    /** the inspected unit's latest step, or null (see {@link #inspect}) */
    public Inspection inspection() {
        return inspector.latest();
    }

    /** Moves every snapshot published so far into {@code sink}; returns how many. */
    public int drain(List<Published> sink) {
        return snapshots.drainTo(sink);
    }

    public Status status() {
        return status.get();
    }

    public Boundary boundary() {
        return boundary.latest();
    }

    /** the settings changed during the current session so far (a new record after each change) */
    public Events events() {
        return events.get();
    }

    /** Runs a function on the trainer thread and waits for its result (tests, exports). */
    public <T> T call(java.util.function.Function<Session, T> f) throws InterruptedException {
        var box = new java.util.concurrent.CompletableFuture<T>();
        send(t -> {
            try {
                box.complete(f.apply(t.session));
            } catch (RuntimeException | Error e) {
                box.completeExceptionally(e);
            }
        });
        try {
            return box.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Error err) throw err;
            throw (RuntimeException) e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("trainer did not answer within 60 s", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- trainer thread ----

    private void loop() {
        while (!closed) {
            try {
                if (pendingSteps > 0) {
                    trainOne(); // a Step finishes before any command sent after it
                } else {
                    long wait = !playing ? 50_000_000L : pace.untilNextStep(cap());
                    Consumer<Trainer> c = wait > 0 ? commands.poll(wait, TimeUnit.NANOSECONDS) : commands.poll();
                    if (c != null) {
                        run(c); // one command at a time, between two steps
                        continue;
                    }
                    if (playing && pace.untilNextStep(cap()) == 0) {
                        trainOne();
                        yieldSlice();
                    }
                }
                boundary.maybeCompute(session, generation);
                if (pace.measure(playing)) publishStatus();
                inspector.maybePublish(playing, generation);
            } catch (InterruptedException e) {
                if (closed) return;
            } catch (Throwable e) { // whatever a step or a command throws, even running out of memory: the thread stays
                playing = false;
                pendingSteps = 0;
                error = "training stopped: " + e;
                publishStatus();
            }
        }
    }

    /** Does one command and says so in the status. */
    private void run(Consumer<Trainer> c) {
        try {
            c.accept(this);
        } finally {
            done++;
            inspector.maybePublish(playing, generation);
            publishStatus();
        }
    }

    /** After each 10 ms of flat-out training, idles for the configured share (see {@link #setYieldShare}). */
    private void yieldSlice() throws InterruptedException {
        long idle = pace.idleNow(cap());
        if (idle > 0) {
            Consumer<Trainer> c = commands.poll(idle, TimeUnit.NANOSECONDS); // idle, but wake for a command
            if (c != null) run(c);
            pace.sliceDone();
        }
    }

    /** the speed cap in force (steps/s, 0 = none): the scenario's {@code training.speed} */
    private double cap() {
        return session.scenario().training().speed();
    }

    private void trainOne() {
        if (session.allDiverged()) {
            playing = false;
            pendingSteps = 0;
            publishStatus();
            return;
        }
        boolean anyDivergedBefore = session.anyDiverged();
        session.step();
        if (session.events() != events.get().list()) publishEvents(); // a scheduled change
        if (pendingSteps > 0) {
            pendingSteps--;
            publishStatus();
            boundary.soon();
        }
        pace.stepped(cap());
        if (playing && pauseAt >= 0 && session.stepCount() >= pauseAt) {
            playing = false; // a lesson's end: pause so the class sees the summary
            pausedAt = session.stepCount();
            pauseAt = -1;
            publishStatus();
        }
        boolean anyDivergedNow = session.anyDiverged();
        if (anyDivergedNow && !anyDivergedBefore) {
            playing = false; // a divergence pauses training so the user sees it
            publishStatus();
        }
    }

    private void doRebuild(Scenario sc, String why) {
        try {
            Session old = session;
            Session fresh = sameData(old.scenario(), sc)
                    ? new Session(sc, old.data(), sc.training().products())
                    : build.apply(sc);
            session = fresh;
            session.setListener(this::publish);
            session.setParallelRuns(RUN_THREADS);
            inspector.follow(session);
            pauseAt = -1;
            pausedAt = -1;
            points = Points.of(fresh.data());
            generation++;
            pendingSteps = 0;
            boundary.clear();
            message = why;
            error = "";
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.toString() : e.getMessage();
            refusals++;
        } catch (Throwable e) { // e.g. out of memory: the session before goes on, and the thread with it
            error = "the new network could not be built (" + e + "); training goes on with the one before.";
            refusals++;
        }
        publishStatus();
    }

    private static boolean sameData(Scenario a, Scenario b) {
        return a.dataset().equals(b.dataset()) && a.training().seed() == b.training().seed();
    }

    private void publish(Snapshot s) {
        snapshots.offer(new Published(generation, s));
    }

    private void publishEvents() {
        Events e = events.get();
        if (e.generation() != generation || e.list() != session.events()) {
            events.set(new Events(generation, session.events()));
        }
    }

    private void publishStatus() {
        publishEvents();
        List<String> names = new ArrayList<>();
        long[] div = new long[session.runs().size()];
        for (int i = 0; i < div.length; i++) {
            Run r = session.runs().get(i);
            names.add(r.name);
            div[i] = r.divergedAt();
        }
        status.set(new Status(generation, session.stepCount(), playing, playing ? pace.rate() : 0, session.scenario(),
                session.backend().name(), List.copyOf(names), div, message, error, refusals, done,
                pausedAt, points));
    }
}
