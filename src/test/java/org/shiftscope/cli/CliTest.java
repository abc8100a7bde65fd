package org.shiftscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.shiftscope.cli.HeadlessRunner.KeyValue;
import org.shiftscope.cli.HeadlessRunner.Options;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** The headless runner's and the benchmark's options, parsed into their records. */
class CliTest {
    static Options headless(String... args) {
        HeadlessRunner.Command c = new HeadlessRunner.Command(System.err);
        Cli.commandLine(c).parseArgs(args);
        return c.options();
    }

    static Benchmark.Options bench(String... args) {
        Benchmark.Command c = new Benchmark.Command(System.out);
        Cli.commandLine(c).parseArgs(args);
        return c.options();
    }

    @Test
    void headlessDefaults() {
        assertEquals(new Options("default", null, null, Path.of("shiftscope-out"), null, false, null, List.of(), true,
                false),
                headless("--headless"));
    }

    @Test
    void headlessOptionsIntoTheRecord() {
        assertEquals(new Options("figure1", 40L, -3L, Path.of("out", "a"), 5L, true, null,
                        List.of(new KeyValue("network.hidden", "64,64"), new KeyValue("training.learning_rate", "0.5"),
                                new KeyValue("network.hidden", "8")), false, true),
                headless("--headless", "--scenario", "figure1", "--steps", "40", "--seed", "-3", "--out", "out/a",
                        "--every", "5", "--compare", "--set", "network.hidden = 64,64", "--set",
                        "training.learning_rate=0.5", "--no-png", "--set", "network.hidden=8", "--gif"));
        // the mode flag may stand anywhere; an option given twice keeps its last value
        Options o = headless("--steps", "5", "--headless", "--steps", "6", "--scenario", "@not-a-file");
        assertEquals(6L, o.steps());
        assertEquals("@not-a-file", o.scenario(), "no @file expansion");
        assertEquals(new KeyValue("dataset.path", "a=b"), headless("--set", "dataset.path=a=b").sets().get(0));
    }

    @Test
    void headlessRangesAreChecked() {
        assertEquals(1L, headless("--steps", "1").steps());
        assertEquals(100_000_000L, headless("--steps", "100000000").steps());
        assertEquals(10_000_000L, headless("--every", "10000000").every());
        for (String[] bad : new String[][] {{"--steps", "0"}, {"--steps", "100000001"}, {"--every", "0"},
            {"--every", "10000001"}, {"--seed", "x"}, {"--set", "=1"}, {"--steps", "--out"}}) {
            assertThrows(ParameterException.class, () -> headless(bad), String.join(" ", bad));
        }
        TypeConversionException e = assertThrows(TypeConversionException.class,
                () -> new HeadlessRunner.Steps().convert("abc"));
        assertEquals("'abc' is not allowed; expected a whole number from 1 to 100000000", e.getMessage());
    }

    @Test
    void benchOptionsIntoTheRecord() {
        assertEquals(new Benchmark.Options(3, null), bench("--bench"));
        assertEquals(new Benchmark.Options(0.5, null), bench("--bench", "--seconds", "0.5"));
        assertEquals(new Benchmark.Options(600, null), bench("--seconds", "600", "--bench"));
        assertEquals(new Benchmark.Options(3, "lesson-5-depth"), bench("--bench", "--scenario", "lesson-5-depth"));
        for (String v : new String[] {"0", "-1", "601", "NaN", "abc"}) {
            assertThrows(ParameterException.class, () -> bench("--bench", "--seconds", v), v);
        }
    }

    /** a mode that does what it is told */
    @Command(name = "--x")
    static final class Mode implements Callable<Integer> {
        private final Callable<Integer> body;

        Mode(Callable<Integer> body) {
            this.body = body;
        }

        @Override
        public Integer call() throws Exception {
            return body.call();
        }
    }

    @Test
    void executionErrorsAreUsageErrors() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, Cli.run("--x", new Mode(() -> {
            throw new UsageException("the output folder 'o' is not writable");
        }), new String[0], System.out, e));
        assertEquals("shiftscope: the output folder 'o' is not writable", err.toString(StandardCharsets.UTF_8).strip());
        assertEquals(7, Cli.run("--x", new Mode(() -> 7), new String[0], System.out, e), "the mode's own exit code");
        assertThrows(IllegalStateException.class, () -> Cli.run("--x", new Mode(() -> {
            throw new IllegalStateException("a bug is not a usage error");
        }), new String[0], System.out, e));
    }
}
