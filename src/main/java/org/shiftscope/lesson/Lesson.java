package org.shiftscope.lesson;

import java.util.Arrays;
import org.shiftscope.nn.Tap;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioIO;

/**
 * One idea of BatchNorm, taught with one scenario: what to look at, what to move, what will happen and why,
 * and one suggested change the app can make for the user.
 *
 * <p>A lesson is a timed experience: its scenario's {@code training.speed} is its pace (steps per second in the
 * window) and its {@code training.steps} its end step, where the app pauses and shows {@link #summary()} filled in
 * with the run's own numbers by {@link LessonReport}. Its claim ({@link #expect()}) is visible from step
 * {@link #from()} and is checked at every evaluation checkpoint from there to the end step by
 * {@code LessonClaimsTest}.
 *
 * @param number       1-based order in the course; 0 for the first launch's welcome card
 * @param title        the idea
 * @param scenario     preset name in {@code assets/scenarios}
 * @param tap          the tap the layer charts should show
 * @param look         which chart to watch
 * @param move         which control to try
 * @param expect       what will happen
 * @param why          the reason, in plain words
 * @param actionLabel  the suggested change, as a button label
 * @param actionKey    the scenario key the suggested change sets (dotted)
 * @param actionValue  its value, as text
 * @param from         the step from which the claim is visible (and checked)
 * @param rows         the 1-based hidden-layer rows the card talks about, ascending (a defensive copy is kept and
 *                     returned)
 * @param summary      the "what you just saw" text shown at the end step: a template whose {@code {...}}
 *                     placeholders {@link LessonReport#summary} fills with this run's numbers
 * @param next         what happens if the class keeps playing after the end step; "" when nothing changes
 */
public record Lesson(int number, String title, String scenario, Tap tap, String look, String move, String expect,
                     String why, String actionLabel, String actionKey, String actionValue, long from, int[] rows,
                     String summary, String next) {

    public Lesson {
        rows = rows.clone();
    }

    @Override
    public int[] rows() {
        return rows.clone();
    }

    /** e.g. "1 · Internal covariate shift"; the welcome card's title alone */
    public String label() {
        return welcome() ? title : number + " · " + title;
    }

    /** whether this is the first launch's card ({@link Lessons#welcome()}), number 0 */
    public boolean welcome() {
        return number == 0;
    }

    /** the card's title line: "Lesson 1 · Internal covariate shift", or the welcome card's title */
    public String heading() {
        return welcome() ? title : "Lesson " + label();
    }

    /** the lesson's scenario, read from its preset */
    public Scenario preset() {
        return ScenarioIO.preset(scenario);
    }

    /** the end step: the scenario's {@code training.steps} */
    public long end() {
        return preset().training().steps();
    }

    /** the pace in steps per second: the scenario's {@code training.speed} */
    public double pace() {
        return preset().training().speed();
    }

    /** seconds a class watches from step 0 to the end step at the lesson's pace */
    public double seconds() {
        return end() / pace();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lesson l && number == l.number && title.equals(l.title) && scenario.equals(l.scenario)
                && tap == l.tap && look.equals(l.look) && move.equals(l.move) && expect.equals(l.expect)
                && why.equals(l.why) && actionLabel.equals(l.actionLabel) && actionKey.equals(l.actionKey)
                && actionValue.equals(l.actionValue) && from == l.from && Arrays.equals(rows, l.rows)
                && summary.equals(l.summary) && next.equals(l.next);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(rows) + java.util.Objects.hash(number, title, scenario, tap, look, move, expect,
                why, actionLabel, actionKey, actionValue, from, summary, next);
    }

    @Override
    public String toString() {
        return "Lesson[" + label() + ", scenario=" + scenario + ", tap=" + tap.key() + ", from=" + from + ", rows="
                + Arrays.toString(rows) + "]";
    }
}
