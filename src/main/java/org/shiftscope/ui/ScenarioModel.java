package org.shiftscope.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import org.shiftscope.lesson.Lesson;
import org.shiftscope.nn.NormKind;
import org.shiftscope.nn.Tap;
import org.shiftscope.stats.History;
import org.shiftscope.stats.InspectMode;
import org.shiftscope.stats.Inspection;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.train.Boundary;
import org.shiftscope.train.Status;
import org.shiftscope.train.Trainer;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioException;
import org.shiftscope.train.scenario.ScenarioIO;
import org.shiftscope.train.scenario.Setting;
import org.shiftscope.train.scenario.Settings;

/**
 * The one thing between the trainer and the views: read-only observable state (the settings shown, the
 * trainer's status, the history the charts draw, the open lesson, the last notice) and command methods (set a
 * setting, play, step, reset, open and save scenarios, open a lesson). Only this class talks to the
 * {@link Trainer}; views bind to its properties and call its commands. It never waits on the trainer: it sends
 * commands and reads immutable records once per frame ({@link #frame()}). FX thread only.
 */
public final class ScenarioModel {
    private final Trainer trainer;
    /** which variant the panel edits, which ones the charts hide */
    private final VariantSelection variants;
    /** the open lesson */
    private final LessonFlow lessons;
    /** opening and saving scenarios */
    private final ScenarioFiles files = new ScenarioFiles(this);
    /** what the charts draw, fed from the trainer once per frame */
    private final HistoryFeed feed = new HistoryFeed();

    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper generation = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<Tap> tap = new ReadOnlyObjectWrapper<>(Tap.ACTIVATION);
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(Notice.NONE);
    private final ReadOnlyObjectWrapper<Boundary> boundary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper refusals = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Inspection> inspection = new ReadOnlyObjectWrapper<>();

    /** the trainer's last message and error already passed on as notices */
    private String lastMessage = "", lastError = "";
    /** the trainer's count of refused requests already passed on (the same words twice are two refusals) */
    private int lastRefusals;
    /** a request was refused: the settings go back to the trainer's once it has done every command sent */
    private boolean revertPending;
    /** the divergence step already reflected in {@link #playing} */
    private long shownDivergence = -1;

    public ScenarioModel(Trainer trainer) {
        this.trainer = trainer;
        Status st = trainer.status();
        status.set(st);
        variants = new VariantSelection(scenario.getReadOnlyProperty(), trainer, feed.history);
        lessons = new LessonFlow(this, trainer);
        scenario.set(st.scenario());
        tap.set(scenario().get(Settings.VIEW_TAP));
        // a scenario opened, a lesson or a file brings its own view of the layer charts
        scenario.addListener((o, a, next) -> tap.set(next.get(Settings.VIEW_TAP)));
        lastMessage = st.message();
        lastRefusals = st.refusals();
    }

    // ---------------------------------------------------------------- state

    /** the settings the controls show and Save writes; the trainer gets each change as it is made */
    public ReadOnlyObjectProperty<Scenario> scenarioProperty() { return scenario.getReadOnlyProperty(); }

    public Scenario scenario() {
        return scenario.get();
    }

    /** the trainer's latest status, read once per frame */
    public ReadOnlyObjectProperty<Status> statusProperty() { return status.getReadOnlyProperty(); }

    /** whether training runs continuously (the trainer pausing itself sets it back) */
    public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }

    /** bumped when a new session starts: the charts start over */
    public ReadOnlyIntegerProperty generationProperty() { return generation.getReadOnlyProperty(); }

    /** the tap every layer chart shows */
    public ReadOnlyObjectProperty<Tap> tapProperty() { return tap.getReadOnlyProperty(); }

    /** the open lesson, or null */
    public ReadOnlyObjectProperty<Lesson> lessonProperty() { return lessons.lessonProperty(); }

    /** "what you just saw" once the open lesson reached its end step, else "" */
    public ReadOnlyStringProperty lessonSummaryProperty() { return lessons.summaryProperty(); }

    /** the last notice; a new one replaces it, nothing else does */
    public ReadOnlyObjectProperty<Notice> noticeProperty() { return notice.getReadOnlyProperty(); }

    /** the latest decision surface of 2-D data, or null */
    public ReadOnlyObjectProperty<Boundary> boundaryProperty() { return boundary.getReadOnlyProperty(); }

    /** counts changes refused because of another setting (e.g. groups that do not divide a width) */
    public ReadOnlyIntegerProperty refusalsProperty() { return refusals.getReadOnlyProperty(); }

    /** which variant the panel edits (and its settings), which ones the charts hide */
    public VariantSelection variants() {
        return variants;
    }

    /** what the panel's controls show and move: the edited variant's settings, or the scenario's */
    public Scenario edited() {
        return variants.edited();
    }

    /** the step inspector's unit at the latest step shown (null while it is closed or before a step) */
    public ReadOnlyObjectProperty<Inspection> inspectionProperty() { return inspection.getReadOnlyProperty(); }

    /** Inspects a unit (0-based) of a hidden layer (1-based) from now on; a null mode stops inspecting. */
    public void inspect(int layer, int unit, InspectMode mode) {
        if (mode != null) trainer.inspect(layer, unit, mode);
        else trainer.stopInspecting();
    }

    /** what the charts draw */
    public History history() {
        return feed.history;
    }

    /** the snapshots of this session that carry a test accuracy, oldest first (read-only) */
    public List<Snapshot> checkpoints() {
        return feed.checkpoints();
    }

    // ---------------------------------------------------------------- commands: settings

    /**
     * Sets one setting as a control moved it: rounded to the control's step, checked (with the checks between
     * keys: the idx data set needs a folder), then applied — live at the next step, or as a new network — with a
     * notice saying which. A refused value leaves everything as it was, with a notice naming the key.
     */
    public <T> void set(Setting<T> k, T value) {
        put(k, value);
    }

    /** {@link #set}; false when refused. A per-variant setting goes to the selected variant. */
    private <T> boolean put(Setting<T> k, T value) {
        T v = k.round(value);
        if (v.equals(edited().get(k))) return true;
        int i = variants.selectedProperty().get();
        boolean own = i >= 0 && Settings.perVariant().contains(k);
        try {
            Scenario next = own ? scenario().withVariant(i, scenario().variants().get(i).with(k, v))
                    : scenario().with(k, v);
            return commit(next, k.label(), (own ? scenario().runName(i) + ": " : "") + k.label() + " " + k.format(v));
        } catch (ScenarioException e) {
            return refuse(e.getMessage());
        }
    }

    /** Trains these variants instead (a new run from step 0). */
    public void applyPreset(org.shiftscope.train.scenario.VariantPreset p) {
        Scenario next = p.applyTo(scenario());
        if (!next.equals(scenario())) commit(next, p.label, "variants: " + p.label);
    }

    /**
     * Sets one setting from typed text, rounded to its control's step like a value moved on the control; a
     * refusal is a notice naming the key, the text and what is allowed.
     */
    public <T> boolean setText(Setting<T> k, String text) {
        String t = k.control() != null && k.control().topMeansZero() && text.trim().equals("max") ? "0" : text;
        T v;
        try {
            v = ScenarioIO.setText(edited(), k, t, k.label()).get(k);
        } catch (ScenarioException e) {
            notify(e.getMessage(), true);
            return false;
        }
        return put(k, v);
    }

    /** {@link #setText}, but into the shared settings even where a variant is being edited (a lesson's button). */
    <T> boolean setSharedText(Setting<T> k, String text) {
        Scenario now = scenario();
        T v;
        try {
            v = k.round(ScenarioIO.setText(now, k, text, k.label()).get(k));
        } catch (ScenarioException e) {
            return refuse(e.getMessage());
        }
        return v.equals(now.get(k)) || commit(now.with(k, v), k.label(), k.label() + " " + k.format(v));
    }

    /**
     * Checks a changed scenario (a refusal names {@code source}) and sends it to the trainer: live settings apply
     * at the next step, others rebuild. Returns false when refused.
     */
    boolean commit(Scenario next, String source, String what) {
        Scenario now = scenario();
        try {
            ScenarioIO.validate(next, source);
        } catch (ScenarioException e) {
            return refuse(e.getMessage());
        }
        scenario.set(next);
        boolean rebuild = !now.sameRuns(next) || Settings.all().stream()
                .anyMatch(k -> k.apply() == Setting.Apply.REBUILD && next.differs(now, k));
        if (rebuild) {
            trainer.rebuild(next, "new network: " + what);
            lessons.restart();
        } else {
            trainer.post(s -> s.apply(next));
            notify(what + " (applies at the next step)", false);
        }
        return true;
    }

    /** A refused change: the notice says why, and the controls show what is in force again. Returns false. */
    private boolean refuse(String message) {
        notify(message, true);
        refusals.set(refusals.get() + 1);
        return false;
    }

    /** the normalizer B turns back on */
    private NormKind lastNorm = NormKind.BATCH;

    /** Turns the normalizer off, or back on to the one used last (BatchNorm at first). */
    public void toggleNorm() {
        NormKind now = edited().get(Settings.NORM);
        if (now.hasLayer()) lastNorm = now;
        set(Settings.NORM, now.hasLayer() ? NormKind.NONE : lastNorm);
    }

    /**
     * Picks the tap the layer charts show: a setting of the scenario ({@link Settings#VIEW_TAP}, which Save writes)
     * that nothing in training reads: the trainer takes it with its scenario (what trains and what is shown stay one
     * scenario), without a notice or a new network.
     */
    public void setTap(Tap t) {
        tap.set(t);
        if (scenario().get(Settings.VIEW_TAP) == t) return;
        Scenario next = scenario().with(Settings.VIEW_TAP, t);
        scenario.set(next);
        trainer.post(s -> s.apply(next));
    }

    // ---------------------------------------------------------------- commands: training

    public void play() {
        playing.set(true);
        trainer.play();
    }

    public void pause() {
        playing.set(false);
        trainer.pause();
    }

    public void togglePlay() {
        if (playing.get()) pause();
        else play();
    }

    /** Trains one step, then pauses. */
    public void step() {
        playing.set(false);
        trainer.step();
    }

    /** Starts again at step 0 with the settings shown (new weights from the seed). */
    public void reset() {
        trainer.rebuild(scenario(), "reset to step 0");
        lessons.restart();
    }

    /** Leaves this share of each 10 ms idle for the window's threads while training flat out ({@link CoreShare}). */
    void leaveToWindow(double share) {
        trainer.setYieldShare(share);
    }

    /** Shows that a file was saved, with an action that opens its folder. */
    public void notifySaved(String text, Path file) {
        Path abs = file.toAbsolutePath();
        notice.set(new Notice(text, false, abs.getParent() != null ? abs.getParent() : abs));
    }

    /** Shows a notice in the status bar. */
    public void notify(String text, boolean problem) {
        notice.set(new Notice(text, problem));
    }

    // ---------------------------------------------------------------- commands: scenarios and lessons

    /** Opens a preset (keeping the open lesson only if it is that lesson's scenario). */
    public void openPreset(String name) {
        files.openPreset(name);
    }

    /** Opens a scenario file; a file that cannot be used is refused with a notice and nothing changes. */
    public boolean openFile(Path file) {
        return files.openFile(file);
    }

    /** Saves the settings shown (seed included), named after the file. */
    public boolean save(Path file) {
        return files.save(file);
    }

    /** Trains another scenario from step 0 (a file, a preset, a lesson's). */
    void open(Scenario s, String why) {
        scenario.set(s);
        trainer.rebuild(s, why);
    }

    /** Opens a lesson: its scenario, its tap and its card; training will pause at its end step. */
    public void openLesson(Lesson l) {
        lessons.open(l);
    }

    public void closeLesson() {
        lessons.close();
    }

    /** Makes the open lesson's suggested change, the way its control would. */
    public void applyLessonAction() {
        lessons.applyAction();
    }

    // ---------------------------------------------------------------- per frame

    /**
     * Reads the trainer's status and drains its snapshots into the history; returns whether the history
     * changed. Called once per frame.
     */
    public boolean frame() {
        Status st = trainer.status();
        if (st.generation() != generation.get()) {
            feed.clear();
            shownDivergence = -1;
            boundary.set(null);
            status.set(st);
            generation.set(st.generation());
            variants.followInInspector(); // a new session: the inspector still shows the edited variant
        }
        boolean changed = feed.take(trainer, st);
        if (trainer.inspection() != inspection.get()) inspection.set(trainer.inspection());
        Boundary b = trainer.boundary();
        if (b != null && b != boundary.get() && b.generation() == st.generation()) boundary.set(b);
        reflect(st);
        status.set(st);
        return changed;
    }

    /**
     * The controls show the live settings the trainer uses, also those a scenario's schedule changed: once the
     * trainer has done every command sent, its live settings are the ones in force.
     */
    private void followSchedule(Status st) {
        if (!revertPending && st.commandsDone() >= trainer.commandsSent()) {
            scenario.set(scenario().withLiveOf(st.scenario())); // the same scenario when nothing differs
        }
    }

    /** passes the trainer's own news on: refusals, notices, divergence, a lesson's end */
    private void reflect(Status st) {
        if (!st.error().isEmpty() && (!st.error().equals(lastError) || st.refusals() != lastRefusals)) {
            revertPending = true;
            notify(st.error(), true);
        }
        if (revertPending && st.commandsDone() >= trainer.commandsSent()) {
            // a refused rebuild: the controls go back to what trains, once the trainer has done every command sent
            // (changes made meanwhile are in what it trains; going back earlier would undo them on screen only)
            revertPending = false;
            scenario.set(st.scenario());
        }
        lastError = st.error();
        lastRefusals = st.refusals();
        followSchedule(st);
        if (!st.message().isEmpty() && !st.message().equals(lastMessage)) notify(st.message(), false);
        lastMessage = st.message();
        long div = st.firstDivergence();
        if (div >= 0 && div != shownDivergence && !st.playing()) {
            shownDivergence = div;
            playing.set(false);
        }
        if (lessons.ended(st, feed.checkpoints())) playing.set(false);
        if (playing.get() != st.playing() && st.commandsDone() >= trainer.commandsSent()) {
            playing.set(st.playing()); // the trainer did every command and is not doing what the button says
        }
    }
}
