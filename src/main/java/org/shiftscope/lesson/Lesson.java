package org.shiftscope.lesson;

import org.shiftscope.nn.Tap;

/**
 * One idea of BatchNorm, taught with one scenario: what to look at, what to move, what will happen and why,
 * and one suggested change the app can make for the user.
 *
 * @param number       1-based order in the course
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
 */
public record Lesson(int number, String title, String scenario, Tap tap, String look, String move, String expect,
                     String why, String actionLabel, String actionKey, String actionValue) {

    /** e.g. "1 · Internal covariate shift" */
    public String label() {
        return number + " · " + title;
    }
}
