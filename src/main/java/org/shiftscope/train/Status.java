package org.shiftscope.train;

import java.util.List;
import org.shiftscope.train.scenario.Scenario;

/**
 * What the trainer is doing, replaced as a whole (immutable) so the UI can read it any time.
 *
 * @param generation   bumped on every reset or rebuild: charts clear their history when it changes
 * @param step         steps done
 * @param playing      whether training runs continuously
 * @param stepsPerSecond measured training speed over the last half second (0 while paused)
 * @param scenario     the settings in force
 * @param backend      matrix back-end in use
 * @param runs         run names: ["main"] or ["bn", "plain"]
 * @param divergedAt   per run, the step it diverged at, or -1
 * @param message      the last notice for the user (e.g. "network rebuilt: depth changed"), or ""
 * @param error        the last refused request (bad file, missing data set), or ""
 * @param refusals     how many requests were refused so far: a refusal in the same words as the last is news too
 * @param commandsDone how many commands the trainer has done (compare {@link Trainer#commandsSent()})
 * @param pausedAt     the step at which training paused by itself at a requested stop (a lesson's end), or -1
 * @param points       the training points of 2-D data for the decision regions (null otherwise)
 */
public record Status(int generation, long step, boolean playing, double stepsPerSecond, Scenario scenario,
                     String backend, List<String> runs, long[] divergedAt, String message, String error,
                     int refusals, long commandsDone, long pausedAt, Points points) {

    /** the first diverged run's step, or -1 */
    public long firstDivergence() {
        long first = -1;
        for (long d : divergedAt) if (d >= 0 && (first < 0 || d < first)) first = d;
        return first;
    }
}
