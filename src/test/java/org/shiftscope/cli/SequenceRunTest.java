package org.shiftscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headless runs of a sequence set: the recurrent network's rows per time step in the CSV files, its accuracy by
 * length, variants in lockstep, and bad sequence settings refused before anything is written.
 */
class SequenceRunTest {
    @TempDir
    Path tmp;

    static final String SCENARIO = """
            {"dataset": {"name": "more-ones", "samples": 600, "min_length": 2, "max_length": 6,
                         "test_min_length": 8, "test_max_length": 9},
             "network": {"hidden": [5], "gamma": 0.1},
             "training": {"learning_rate": 0.1, "batch_size": 16, "eval_every": 20, "clip_norm": 1},
             "variants": [{"name": "plain", "network": {"norm": "none"}},
                          {"name": "bn-step", "network": {"norm": "batch"}},
                          {"name": "bn-shared", "network": {"norm": "batch", "time_stats": "shared"}},
                          {"name": "ln", "network": {"norm": "layer", "gamma": 1.0}}]}
            """;

    @Test
    void aSequenceRunWritesEachTimeStepsRowsAndTheAccuracyByLength() throws IOException {
        Path file = tmp.resolve("seq.json"), out = tmp.resolve("out");
        Files.writeString(file, SCENARIO);
        var r = HeadlessRunnerTest.run("--headless", "--scenario", file.toString(), "--steps", "40", "--every", "20",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> stats = Files.readAllLines(out.resolve("stats.csv"));
        Set<String> layers = stats.stream().skip(1).map(l -> l.split(",")[2]).collect(Collectors.toSet());
        assertTrue(layers.contains("1") && layers.contains("1@t0"), layers.toString());
        assertTrue(layers.stream().allMatch(l -> l.matches("1(@t[0-5])?")), "steps within the training lengths "
                + layers);
        // the step-1 batch's length L gives rows at t0 … t(L−1) for each tap of each run
        for (String run : List.of("plain", "bn-step", "ln")) {
            List<String> rows = stats.stream().filter(l -> l.startsWith(run + ",1,1@t")).toList();
            long steps = rows.stream().map(l -> l.split(",")[2]).distinct().count();
            assertEquals(steps * (run.equals("plain") ? 3 : 4), rows.size(), run + ": " + rows);
        }
        List<String> lengths = Files.readAllLines(out.resolve("lengths.csv"));
        assertEquals("run,step,length,test_accuracy", lengths.get(0));
        // steps 20 and 40, four runs, lengths 2…9
        assertEquals(1 + 2 * 4 * 8, lengths.size());
        assertTrue(lengths.contains(lengths.stream().filter(l -> l.startsWith("ln,40,9,")).findFirst().orElseThrow()));
        // lockstep: the same data, batches and starting weights; per-step and shared BN train alike (they differ
        // only in the running averages inference uses)
        Map<String, String> loss = Files.readAllLines(out.resolve("metrics.csv")).stream().skip(1)
                .filter(l -> l.split(",")[1].equals("40"))
                .collect(Collectors.toMap(l -> l.split(",")[0], l -> l.split(",")[2]));
        assertEquals(loss.get("bn-step"), loss.get("bn-shared"));
        assertFalse(loss.get("plain").equals(loss.get("ln")));
        assertTrue(Files.size(out.resolve("dashboard.png")) > 2000);
        assertFalse(Files.exists(out.resolve("decision-regions.png")), "sequences have no 2-D picture");
        assertTrue(Files.size(out.resolve("accuracy-by-length.png")) > 2000);
        assertTrue(Files.size(out.resolve("layer1-activation-by-time-step.png")) > 2000);
    }

    @Test
    void aPerceptronRunWritesNoLengths() throws IOException {
        Path out = tmp.resolve("mlp");
        var r = HeadlessRunnerTest.run("--headless", "--steps", "5", "--no-png", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(out.resolve("lengths.csv")));
    }

    @Test
    void badSequenceSettingsAreRefusedNamingTheKeyAndNothingIsWritten() throws IOException {
        String[][] bad = {
            {"dataset.min_length=0", "dataset.min_length"},
            {"dataset.max_length=1", "dataset.max_length"},
            {"dataset.test_max_length=10", "dataset.test_max_length"},
            {"dataset.test_min_length=70", "dataset.test_max_length"},
            {"dataset.max_length=abc", "dataset.max_length"},
            {"network.time_stats=sometimes", "network.time_stats"},
            {"training.clip_norm=-1", "training.clip_norm"}};
        for (String[] b : bad) {
            Path out = tmp.resolve("bad" + b[1].hashCode());
            var r = HeadlessRunnerTest.run("--headless", "--set", "dataset.name=adding", "--set",
                    "dataset.min_length=5", "--set", b[0], "--steps", "5", "--out", out.toString());
            assertEquals(2, r.code(), b[0] + ": " + r.err());
            assertTrue(r.err().contains(b[1]), b[0] + ": " + r.err());
            assertFalse(Files.exists(out) && Files.list(out).findAny().isPresent(), "nothing written for " + b[0]);
        }
    }
}
