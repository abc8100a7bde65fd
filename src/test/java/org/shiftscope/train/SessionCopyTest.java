package org.shiftscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shiftscope.export.CsvRecorder;
import org.shiftscope.nn.Network;
import org.shiftscope.nn.Pass;
import org.shiftscope.train.scenario.ScenarioIO;

/**
 * Extra passes on copies change nothing of the trained run: between every two steps each run's copy is brought up
 * to date and does a forward and backward on the step's batch (replaying its noise, and once more with noise from a
 * generator of its own), and the run's metrics.csv and stats.csv are byte-identical to a run without them.
 */
class SessionCopyTest {
    /** the CSV files of 300 steps of a scenario, with or without the extra passes */
    static String[] run(String scenario, boolean extra) throws IOException {
        Session s = Session.create(ScenarioIO.withOverride(ScenarioIO.preset(scenario), "training.stats_every", "1"));
        StringWriter stats = new StringWriter(), metrics = new StringWriter(), histograms = new StringWriter();
        List<Network> copies = new ArrayList<>();
        for (Run r : s.runs()) copies.add(r.net.copy());
        try (CsvRecorder csv = new CsvRecorder(stats, metrics, histograms)) {
            s.setListener(csv::write);
            for (int i = 0; i < 300; i++) {
                s.step();
                if (!extra) continue;
                int m = s.scenario().training().batchSize();
                int[] y = Arrays.copyOf(s.labels(), m);
                for (int k = 0; k < copies.size(); k++) {
                    Network c = copies.get(k);
                    c.copyStateFrom(s.runs().get(k).net);
                    c.forward(s.batch(), y, Pass.measuring());
                    c.zeroGrad();
                    c.backward();
                    c.forward(s.batch(), y, Pass.training(new Random(i)));
                    c.zeroGrad();
                    c.backward();
                }
            }
        }
        return new String[] {metrics.toString(), stats.toString(), histograms.toString()};
    }

    @ParameterizedTest
    @ValueSource(strings = {"lesson-10-noisy-shift", "lesson-8-small-batches", "lesson-6-placement"})
    void extraPassesOnCopiesLeaveTheFilesAsTheyWere(String scenario) throws IOException {
        String[] plain = run(scenario, false), extra = run(scenario, true);
        assertTrue(plain[1].lines().count() > 300, "statistics were written");
        assertTrue(plain[1].contains(",gradient,"), "gradients too");
        assertEquals(plain[0], extra[0], "metrics.csv");
        assertEquals(plain[1], extra[1], "stats.csv");
        assertEquals(plain[2], extra[2], "histograms.csv");
    }
}
