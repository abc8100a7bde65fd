package org.shiftscope.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.shiftscope.lesson.LessonClaimsTest.f;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shiftscope.lesson.LessonClaimsTest.Result;
import org.shiftscope.lesson.LessonClaimsTest.Verdicts;
import org.shiftscope.stats.LengthAccuracy;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.train.scenario.Scenario;

/**
 * What the {@code sequences} preset shows, on its own run to its end step, on the seeds of
 * {@value LessonClaimsTest#SEEDS_PROPERTY}: a recurrent network trained on bit strings of 2–20 bits and tested on
 * 40–60. BatchNorm with running averages per time step learns the training lengths, but on the long strings, whose
 * steps beyond 20 it normalizes with step 20's averages, it falls clearly below its own accuracy on the training
 * lengths and below LayerNorm, which needs no batch or time statistics. Accuracies are averaged over the last five
 * evaluations (1000 steps): one evaluation's test set has 30 strings of each length.
 */
class SequencesClaimTest {
    /** the watch window: from this step to the end step */
    static final long FROM = 2000;
    /** the span of the running averages */
    static final long SPAN = 1000;

    static Stream<Arguments> seeds() {
        return LessonClaimsTest.seeds().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "sequences, seed {0}")
    @MethodSource("seeds")
    void perStepBatchNormFallsOnLongSequencesAndLayerNormHoldsUp(long seed) {
        Scenario sc = LessonClaimsTest.scenario("sequences", seed);
        assertEquals(20, sc.dataset().maxLength());
        assertEquals(40, sc.dataset().testMinLength());
        Result r = LessonClaimsTest.train(sc);
        Verdicts v = new Verdicts();
        for (long step : r.checkpointSteps()) {
            if (step < FROM) continue;
            var c = v.at(step);
            double bnLong = r.meanAcc("bn-per-step", step, SPAN), lnLong = r.meanAcc("layer", step, SPAN);
            double bnTrained = trained(r, "bn-per-step", step), lnTrained = trained(r, "layer", step);
            c.need(f("LayerNorm on 40–60 %.3f ≥ per-step BN on 40–60 %.3f + 0.05", lnLong, bnLong),
                    lnLong - bnLong - 0.05);
            c.need(f("per-step BN on 2–20 %.3f ≥ per-step BN on 40–60 %.3f + 0.07", bnTrained, bnLong),
                    bnTrained - bnLong - 0.07);
            c.need(f("per-step BN learned the training lengths: %.3f ≥ 0.8", bnTrained), bnTrained - 0.8);
            c.need(f("LayerNorm learned them: %.3f ≥ 0.9", lnTrained), lnTrained - 0.9);
        }
        v.assertHolds("sequences", seed, FROM, sc.training().steps(), sc.training().evalEvery());
    }

    /** a run's mean accuracy on the training lengths over its evaluations in (step − SPAN, step] */
    static double trained(Result r, String run, long step) {
        double sum = 0;
        int n = 0;
        for (Snapshot s : r.of(run)) {
            if (!s.hasTestAccuracy() || s.step() <= step - SPAN || s.step() > step) continue;
            LengthAccuracy by = s.byLength();
            assertNotNull(by, run + " has its accuracy by length at step " + s.step());
            sum += by.mean(r.sc().dataset().minLength(), r.sc().dataset().maxLength());
            n++;
        }
        return sum / n;
    }
}
