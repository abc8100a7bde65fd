package org.shiftscope.ui;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.shiftscope.lesson.Lesson;
import org.shiftscope.lesson.LessonReport;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.train.Status;
import org.shiftscope.train.Trainer;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioException;
import org.shiftscope.train.scenario.ScenarioIO;
import org.shiftscope.train.scenario.Setting;
import org.shiftscope.train.scenario.Settings;

/**
 * The open lesson, for {@link ScenarioModel}: opening one (its scenario, tap and end step), its suggested change,
 * closing it, and its "what you just saw" once training pauses at its end. FX thread only.
 */
final class LessonFlow {
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ScenarioModel model;
    private final Trainer trainer;

    LessonFlow(ScenarioModel model, Trainer trainer) {
        this.model = model;
        this.trainer = trainer;
    }

    /** the open lesson, or null */
    ReadOnlyObjectProperty<Lesson> lessonProperty() { return lesson.getReadOnlyProperty(); }

    /** "what you just saw" once the open lesson reached its end step, else "" */
    ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }

    /** Opens a lesson: its scenario, its tap and its card; training will pause at its end step. */
    void open(Lesson l) {
        Scenario s;
        try {
            s = ScenarioIO.preset(l.scenario());
        } catch (ScenarioException e) {
            model.notify(e.getMessage(), true);
            return;
        }
        lesson.set(l);
        model.open(s.with(Settings.VIEW_TAP, l.tap()), "lesson " + l.label()); // its scenario shown at its tap
        restart();
        Prefs.setLastScenario(l.scenario());
        Prefs.setLastLesson(l.welcome() ? Prefs.WELCOME : l.number());
    }

    void close() {
        lesson.set(null);
        summary.set("");
        Prefs.setLastLesson(0);
    }

    /** Makes the open lesson's suggested change, the way its control would. */
    void applyAction() {
        Lesson l = lesson.get();
        if (l == null || l.actionKey().isBlank()) return;
        Setting<?> k = Settings.byKey(l.actionKey());
        if (k == null) {
            // one variant's setting ("variants[1].network.norm_noise"), read as --set reads it
            try {
                Scenario now = model.scenario();
                Scenario next = ScenarioIO.withOverride(now, l.actionKey(), l.actionValue());
                if (!next.equals(now)) {
                    model.commit(next, "lesson " + l.number(), "lesson " + l.number() + ": " + l.actionLabel());
                }
            } catch (ScenarioException e) {
                model.notify("lesson " + l.number() + ": " + e.getMessage(), true);
            }
            return;
        }
        // a setting of the whole scenario: with variants, every one that does not set its own (not only the one
        // the panel edits)
        if (model.setSharedText(k, l.actionValue())) {
            model.notify("lesson " + l.number() + ": " + l.actionLabel(), false);
        }
    }

    /** a new session of an open lesson pauses again at the lesson's end */
    void restart() {
        if (lesson.get() == null) return;
        summary.set("");
        trainer.pauseAt(model.scenario().training().steps());
    }

    /** Whether the open lesson just reached its end (its summary is then made from these checkpoints). */
    boolean ended(Status st, List<Snapshot> checkpoints) {
        Lesson l = lesson.get();
        if (l == null || st.pausedAt() < 0 || !summary.get().isEmpty()) return false;
        summary.set(LessonReport.summary(l, checkpoints));
        return true;
    }
}
