package org.shiftscope.lesson;

import java.util.List;
import org.shiftscope.stats.Snapshot;

/** "What you just saw": a lesson's end-of-run summary (placeholder until the lesson templates land). */
public final class LessonReport {
    private LessonReport() {}

    public static String summary(Lesson lesson, List<Snapshot> checkpoints) {
        return checkpoints.isEmpty() ? "" : "Lesson " + lesson.number() + " reached its end at step "
                + checkpoints.get(checkpoints.size() - 1).step() + ".";
    }
}
