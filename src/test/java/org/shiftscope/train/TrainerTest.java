package org.shiftscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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
            t.post(s -> s.set(org.shiftscope.train.scenario.Settings.BATCHNORM_ON, false));
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
    void divergencePausesTraining() throws Exception {
        Scenario sc = Scenario.defaults();
        for (String[] kv : new String[][] {{"network.batchnorm", "false"}, {"network.activation", "linear"},
                {"network.init", "normal"}, {"network.init_std", "1"}, {"training.learning_rate", "10"}}) {
            sc = ScenarioIO.withOverride(sc, kv[0], kv[1]);
        }
        try (Trainer t = new Trainer(sc)) {
            t.play();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (t.status().firstDivergence() < 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(t.status().firstDivergence() > 0);
            long at = t.call(Session::stepCount);
            assertFalse(t.status().playing());
            assertEquals(at, t.call(Session::stepCount), "paused after the divergence");
        }
    }
}
