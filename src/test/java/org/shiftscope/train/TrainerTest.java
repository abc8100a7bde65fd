package org.shiftscope.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioIO;

/** The trainer thread: commands apply in order between steps; results read back on that thread. */
class TrainerTest {

    @Test
    void stepTrainsExactlyOneStepAndResetReturnsToZero() throws Exception {
        try (Trainer t = new Trainer(Scenario.defaults())) {
            t.step();
            assertEquals(1L, t.call(Session::stepCount));
            t.step();
            t.step();
            assertEquals(3L, t.call(Session::stepCount));
            List<Trainer.Published> got = new ArrayList<>();
            t.drain(got);
            assertEquals(3, got.stream().filter(p -> p.snapshot().step() <= 3).map(p -> p.snapshot().step())
                    .distinct().count());
            int gen = t.status().generation();
            t.reset();
            assertEquals(0L, t.call(Session::stepCount));
            assertEquals(gen + 1, t.status().generation());
        }
    }

    @Test
    void postedChangesReachTheSessionInOrder() throws Exception {
        try (Trainer t = new Trainer(Scenario.defaults())) {
            t.post(s -> s.set(org.shiftscope.train.scenario.Settings.LEARNING_RATE, 0.25));
            t.post(s -> s.set(org.shiftscope.train.scenario.Settings.NORM, org.shiftscope.nn.NormKind.NONE));
            assertEquals(0.25, t.call(s -> s.runs().get(0).sgd.learningRate()));
            assertFalse((boolean) t.call(s -> s.runs().get(0).net.batchNorm()));
            assertEquals(0.25, t.status().scenario().training().learningRate());
        }
    }

    @Test
    void badRebuildKeepsTheOldSessionAndSaysWhy() throws Exception {
        try (Trainer t = new Trainer(Scenario.defaults())) {
            t.step();
            Scenario bad = ScenarioIO.withOverride(ScenarioIO.withOverride(Scenario.defaults(), "dataset.name", "idx"),
                    "dataset.path", "/nonexistent/idx-folder");
            t.rebuild(bad, "data changed");
            assertEquals(1L, t.call(Session::stepCount), "old session kept");
            assertTrue(t.status().error().contains("/nonexistent/idx-folder"), t.status().error());
        }
    }

    @Test
    void aRebuildThatRunsOutOfMemoryKeepsTheOldSessionTrainingAndSaysWhy() throws Exception {
        Scenario huge = ScenarioIO.withOverride(Scenario.defaults(), "training.seed", "99"); // other data: built anew
        try (Trainer t = new Trainer(Scenario.defaults(), sc -> {
            if (sc.training().seed() == 99) throw new OutOfMemoryError("Java heap space");
            return Session.create(sc);
        })) {
            t.step();
            t.rebuild(huge, "seed changed");
            assertEquals(1L, t.call(Session::stepCount), "old session kept");
            assertEquals("the new network could not be built (java.lang.OutOfMemoryError: Java heap space); "
                    + "training goes on with the one before.", t.status().error());
            assertEquals(1, t.status().refusals());
            t.step();
            assertEquals(2L, t.call(Session::stepCount), "the thread goes on training");
        }
    }

    @Test
    void anErrorInACommandStopsTrainingButNotTheThread() throws Exception {
        try (Trainer t = new Trainer(Scenario.defaults())) {
            t.play();
            t.post(s -> {
                throw new StackOverflowError("deep");
            });
            assertEquals(Scenario.defaults(), t.call(Session::scenario), "the thread still answers");
            assertTrue(t.status().error().contains("training stopped: java.lang.StackOverflowError: deep"),
                    t.status().error());
            assertFalse(t.status().playing());
            long at = t.call(Session::stepCount);
            t.step();
            assertEquals(at + 1, (long) t.call(Session::stepCount));
        }
    }

    /** linear, no BN, large weights and a learning rate of 10: the loss overflows within a few steps */
    static Scenario divergent(boolean compare) {
        Scenario sc = Scenario.defaults();
        for (String[] kv : new String[][] {{"network.batchnorm", "false"}, {"network.activation", "linear"},
                {"network.init", "normal"}, {"network.init_gain", "1"}, {"training.learning_rate", "10"}}) {
            sc = ScenarioIO.withOverride(sc, kv[0], kv[1]);
        }
        return ScenarioIO.withOverride(sc, "compare", Boolean.toString(compare));
    }

    /** the step at which the first run of this scenario diverges, from the same seeded session stepped here */
    static long divergenceStep(Scenario sc) {
        Session reference = Session.create(sc);
        while (!reference.anyDiverged() && reference.stepCount() < 1000) reference.step();
        assertTrue(reference.anyDiverged(), "the scenario diverges");
        return reference.stepCount();
    }

    /**
     * Plays until a run diverges. The latch opens inside the step that diverged, on the trainer thread; the
     * round trip after it runs once that step is over, so it sees what the trainer did about it.
     */
    static Status playUntilDivergence(Trainer t) throws InterruptedException {
        CountDownLatch diverged = new CountDownLatch(1);
        // this test reads the trainer's snapshots through its own listener instead of drain()
        t.call(s -> {
            s.setListener(snap -> {
                if (snap.diverged()) diverged.countDown();
            });
            return null;
        });
        t.play();
        assertTrue(diverged.await(60, TimeUnit.SECONDS), "no divergence within 60 s");
        return t.call(s -> t.status());
    }

    @Test
    void divergencePausesTrainingAtTheStepItHappened() throws Exception {
        Scenario sc = divergent(false);
        long expected = divergenceStep(sc);
        try (Trainer t = new Trainer(sc)) {
            Status after = playUntilDivergence(t);
            assertFalse(after.playing(), "paused");
            assertEquals(expected, after.step());
            assertEquals(expected, after.firstDivergence());
            t.step(); // nothing left to train: refused
            assertEquals(expected, (long) t.call(Session::stepCount));
            assertFalse(t.call(s -> t.status()).playing());
        }
    }

    @Test
    void aDivergingTwinPausesTheOtherTwinToo() throws Exception {
        // the plain twin diverges, the BN twin could go on: training still pauses so the user sees it
        Scenario sc = divergent(true);
        long expected = divergenceStep(sc);
        try (Trainer t = new Trainer(sc)) {
            Status after = playUntilDivergence(t);
            assertEquals(List.of("bn", "plain"), after.runs());
            assertFalse(after.playing(), "paused although the BN twin has not diverged");
            assertEquals(expected, after.step(), "not one step after the divergence");
            assertArrayEquals(new long[] {-1, expected}, after.divergedAt());
            // Step still trains the twin that is left, one step at a time
            t.step();
            assertEquals(expected + 1, (long) t.call(Session::stepCount));
            Status stepped = t.call(s -> t.status());
            assertFalse(stepped.playing());
            assertArrayEquals(new long[] {-1, expected}, stepped.divergedAt());
        }
    }
}
