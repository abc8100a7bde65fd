package org.shiftscope.ui;

import java.io.IOException;
import java.nio.file.Path;
import org.shiftscope.lesson.Lesson;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioException;
import org.shiftscope.train.scenario.ScenarioIO;

/**
 * The view model's commands on scenario files and presets: open one (refused with a notice, nothing changed, when
 * it cannot be used), save the settings shown, and remember them in the preferences. FX thread only.
 */
final class ScenarioFiles {
    private final ScenarioModel model;

    ScenarioFiles(ScenarioModel model) {
        this.model = model;
    }

    /** Opens a preset (keeping the open lesson only if it is that lesson's scenario). */
    void openPreset(String name) {
        try {
            Scenario s = ScenarioIO.preset(name);
            Lesson l = model.lessonProperty().get();
            if (l == null || !l.scenario().equals(name)) model.closeLesson();
            model.open(s, "opened " + s.title());
            Prefs.setLastScenario(name);
        } catch (ScenarioException e) {
            model.notify(e.getMessage(), true);
        }
    }

    /** Opens a scenario file; a file that cannot be used is refused with a notice and nothing changes. */
    boolean openFile(Path file) {
        Scenario s;
        try {
            s = ScenarioIO.load(file);
        } catch (ScenarioException e) {
            model.notify("Not opened: " + e.getMessage(), true);
            return false;
        }
        model.closeLesson();
        model.open(s, "opened " + file.getFileName());
        Prefs.addRecent(file);
        Prefs.setLastScenario(file.toAbsolutePath().toString());
        return true;
    }

    /** Saves the settings shown (seed included), named after the file. */
    boolean save(Path file) {
        String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
        Scenario s = stem.isBlank() ? model.scenario() : model.scenario().withName(stem);
        try {
            ScenarioIO.save(s, file);
        } catch (IOException | RuntimeException e) {
            model.notify("Could not save " + file + ": " + e.getMessage(), true);
            return false;
        }
        Prefs.addRecent(file);
        model.notify("Saved " + file.toAbsolutePath(), false);
        return true;
    }
}
