package org.shiftscope.ui;

import org.shiftscope.lesson.Lesson;
import org.shiftscope.lesson.Lessons;
import org.shiftscope.train.Trainer;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioException;
import org.shiftscope.train.scenario.ScenarioIO;

/**
 * What the window opens with: the first launch the welcome scenario with its card ({@link Lessons#welcome()}), later
 * ones where the last session left off (its scenario, and its lesson), the launcher's options over both. A
 * remembered scenario that cannot be opened any more (a file changed or gone, data that are refused) is forgotten,
 * and the default scenario opens with a message saying why.
 *
 * @param trainer the trainer of the scenario that opens
 * @param lesson  the lesson to open, or null
 * @param problem a message for the user, or null
 */
record Startup(Trainer trainer, Lesson lesson, String problem) {
    /** the preset that opens when nothing else can */
    static final String FALLBACK = "default";

    /** Chooses and builds what opens (on the FX thread, before the window shows). */
    static Startup choose(LaunchOptions launch) {
        String first = ScenarioIO.presetNames().contains("welcome") ? "welcome" : FALLBACK;
        Scenario scenario = ScenarioIO.preset(first);
        String problem = null;
        String remembered = launch.scenario() == null ? Prefs.lastScenario() : "";
        Lesson lesson = launch.lesson() != null ? Lessons.get(launch.lesson()) : null;
        if (launch.scenario() != null) {
            try {
                scenario = ScenarioIO.resolve(launch.scenario());
            } catch (ScenarioException e) {
                scenario = ScenarioIO.preset(FALLBACK);
                problem = e.getMessage() + " Opened the default scenario instead.";
            }
        } else if (!remembered.isEmpty()) {
            try {
                scenario = ScenarioIO.resolve(remembered); // where the last session left off
                if (lesson == null) lesson = lastLesson(scenario);
            } catch (ScenarioException e) {
                return fallBack(remembered, e.getMessage());
            }
        } else if (lesson == null) {
            // the first launch: the welcome scenario with its card
            lesson = first.equals("welcome") ? Lessons.welcome() : lastLesson(scenario);
        }
        try {
            return new Startup(new Trainer(scenario), lesson, problem);
        } catch (RuntimeException | Error e) { // its data are refused, or too big for the memory there is
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            if (!remembered.isEmpty()) return fallBack(remembered, why);
            return new Startup(new Trainer(ScenarioIO.preset(FALLBACK)), null,
                    why + " Opened the default scenario instead.");
        }
    }

    /** The remembered scenario cannot be opened: it is forgotten, and the default opens with a message. */
    private static Startup fallBack(String remembered, String why) {
        Prefs.setLastScenario("");
        return new Startup(new Trainer(ScenarioIO.preset(FALLBACK)), null, "The last scenario, " + remembered
                + ", cannot be opened any more: " + why + " Opened the default scenario instead.");
    }

    /** the lesson open at the last close, if the remembered scenario is still its scenario */
    private static Lesson lastLesson(Scenario scenario) {
        int n = Prefs.lastLesson();
        if (n == Prefs.WELCOME) return scenario.name().equals(Lessons.welcome().scenario()) ? Lessons.welcome() : null;
        if (n <= 0 || n > Lessons.all().size()) return null;
        Lesson l = Lessons.get(n);
        return l.scenario().equals(scenario.name()) ? l : null;
    }
}
