package org.shiftscope.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.shiftscope.nn.Tap;
import java.util.Random;
import java.util.concurrent.Callable;
import org.shiftscope.data.ArrayDataset;
import org.shiftscope.data.Dataset;
import org.shiftscope.nn.MatMuls;
import org.shiftscope.nn.OpenBlasMatMul;
import org.shiftscope.train.Session;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioIO;
import org.shiftscope.train.scenario.Settings;
import org.shiftscope.train.scenario.VariantPreset;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --bench}: steps per second of the {@code bn-paper} network (784→100→100→100→10, sigmoid, batch 60,
 * BN on, one thread) on random MNIST-shaped data, for each back-end: the bare step, and the step with every
 * statistic at every tap measured on every step. Prints a table with the machine and date.
 */
public final class Benchmark {
    private Benchmark() {}

    /** parsed options: seconds per measurement, and the one scenario to measure (null: the whole table) */
    record Options(double seconds, String scenario) { }

    /** Runs and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.run("--bench", new Command(out), args, out, err);
    }

    /** The options of {@code --bench}, as picocli fills them. */
    @CommandLine.Command(name = "--bench", separator = " ", sortOptions = false, optionListHeading = "%nOptions:%n",
            customSynopsis = "java -jar shiftscope.jar --bench [--seconds S] [--scenario NAME|FILE]",
            description = {"", "Steps per second of the bn-paper network (784-100-100-100-10 sigmoid, batch 60, BN on, "
                + "one thread) on random MNIST-shaped data, for each matrix back-end: the bare step and the step "
                + "with every statistic at every tap; then the default scenario and lesson 5 as the window trains "
                + "them; then variants in lockstep. Prints a table to stdout. With --scenario, only that scenario."},
            footer = {"", "Other modes: the window (--help), --headless (--headless --help)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the benchmark finished", "2:bad option or value, or a scenario that cannot be read"})
    static final class Command implements Callable<Integer> {
        @Option(names = "--bench", hidden = true)
        boolean bench;

        @Option(names = "--seconds", paramLabel = "S", converter = Seconds.class,
                description = "time per measurement, more than 0 and at most 600: half of it warms up, then three "
                        + "windows of a third each, the median counts (default: ${DEFAULT-VALUE})")
        double seconds = 3;

        @Option(names = "--scenario", paramLabel = "NAME|FILE", completionCandidates = Cli.Presets.class,
                description = "measure only this preset (${COMPLETION-CANDIDATES}) or scenario file, as the window "
                        + "trains it: every statistic on its schedule, test accuracy on its schedule, no files. Run "
                        + "in a JVM of its own, its figure is the one to set against --headless and the window")
        String scenario;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
        boolean help;

        private final PrintStream out;

        Command(PrintStream out) {
            this.out = out;
        }

        Options options() {
            return new Options(seconds, scenario);
        }

        @Override
        public Integer call() {
            return bench(options(), out);
        }
    }

    static final class Seconds implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                double s = Double.parseDouble(value.strip());
                if (s > 0 && s <= 600) return s;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not allowed; expected a number of "
                    + "seconds, more than 0 and at most 600");
        }
    }

    private static int bench(Options o, PrintStream out) {
        double seconds = o.seconds();
        Scenario only = o.scenario() == null ? null : ScenarioIO.resolve(o.scenario()); // bad input: exit 2
        out.printf(Locale.ROOT, "ShiftScope benchmark, %s, %s, Java %s, %d cores%n", LocalDate.now(), cpu(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        if (only != null) {
            out.printf(Locale.ROOT, "%-9s %-28s %12s %12s%n", "backend", "scenario", "steps/s", "ms/step");
            scenario(out, only.name(), only, seconds, ALL_TAPS);
            scenario(out, only.name() + ", no gradient", only, seconds, FORWARD_TAPS);
            return 0;
        }
        out.println("bn-paper network 784-100-100-100-10 sigmoid, batch 60, BN on, SGD momentum 0.9");
        out.printf(Locale.ROOT, "%-9s %-28s %12s %12s%n", "backend", "mode", "steps/s", "ms/step");
        Dataset data = randomImages(6000, 784, 10, 7);
        for (String backend : new String[] {"ejml", "openblas"}) {
            if (backend.equals("openblas") && OpenBlasMatMul.tryCreate() == null) {
                out.println("openblas  (not available: " + OpenBlasMatMul.loadError() + ")");
                continue;
            }
            double bare = measure(data, backend, Integer.MAX_VALUE, seconds, ALL_TAPS);
            double stats = measure(data, backend, 1, seconds, ALL_TAPS);
            double forward = measure(data, backend, 1, seconds, FORWARD_TAPS);
            out.printf(Locale.ROOT, "%-9s %-28s %12.0f %12.3f%n", backend, "bare step (no statistics)", bare,
                    1000 / bare);
            out.printf(Locale.ROOT, "%-9s %-28s %12.0f %12.3f%n", backend, "all statistics every step", stats,
                    1000 / stats);
            out.printf(Locale.ROOT, "%-9s %-28s %12.0f %12.3f%n", backend, "the same without the gradient", forward,
                    1000 / forward);
            out.printf(Locale.ROOT, "%-9s statistics overhead: %.1f%% of the bare step (%.1f%% without the "
                    + "gradient tap)%n", backend, 100 * (bare / stats - 1), 100 * (bare / forward - 1));
        }
        // scenarios as the window trains them: every statistic on every step, test accuracy on schedule, no files
        Scenario standard = ScenarioIO.withOverride(ScenarioIO.preset("default"), Settings.EVAL_EVERY.key(), "100");
        scenario(out, "default scenario, all stats", standard, seconds, ALL_TAPS);
        scenario(out, "  the same, no gradient", standard, seconds, FORWARD_TAPS);
        scenario(out, "lesson 5, bn vs plain", ScenarioIO.preset("lesson-5-depth"), seconds, ALL_TAPS);
        scenario(out, "  the same, no gradient", ScenarioIO.preset("lesson-5-depth"), seconds, FORWARD_TAPS);
        variants(out, data, seconds);
        return 0;
    }

    /**
     * Steps/s of 1, 2 and 4 variants trained in lockstep (one step = every variant's step), on one thread and on
     * every core, for the default and bn-paper scenarios: whether adding variants slows each one down.
     */
    private static void variants(PrintStream out, Dataset images, double seconds) {
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "%nvariants in lockstep (steps/s of the whole set; all statistics every step)%n");
        out.printf(Locale.ROOT, "%-10s %-9s %14s %14s%n", "scenario", "variants", "1 thread", cores + " threads");
        for (String name : new String[] {"default", "bn-paper"}) {
            for (VariantPreset p : new VariantPreset[] {VariantPreset.NONE, VariantPreset.BN_VS_PLAIN,
                    VariantPreset.NORMALIZERS}) {
                Scenario sc = p.applyTo(ScenarioIO.withOverride(ScenarioIO.preset(name), Settings.EVAL_EVERY.key(),
                        "10000000"));
                double[] rate = new double[2];
                for (int t = 0; t < 2; t++) {
                    Session s = name.equals("bn-paper") ? new Session(sc, images, sc.training().products())
                            : Session.create(sc);
                    s.setParallelRuns(t == 0 ? 1 : cores);
                    timed(s, seconds / 2);
                    double[] r = new double[3];
                    for (int i = 0; i < 3; i++) r[i] = timed(s, seconds / 3);
                    Arrays.sort(r);
                    rate[t] = r[1];
                }
                out.printf(Locale.ROOT, "%-10s %-9d %14.0f %14.0f%n", name, sc.runCount(), rate[0], rate[1]);
            }
        }
    }

    /** every tap, and the taps of the forward pass alone (what the engine measured before the gradient tap) */
    private static final Set<Tap> ALL_TAPS = EnumSet.allOf(Tap.class),
            FORWARD_TAPS = EnumSet.of(Tap.LINEAR, Tap.NORMALIZED, Tap.ACTIVATION);

    /**
     * Prints the median steps/s of a scenario's session (its own data, back-end and schedule of evaluations),
     * measuring these taps.
     */
    private static void scenario(PrintStream out, String what, Scenario sc, double seconds, Set<Tap> taps) {
        Session s = Session.create(sc);
        s.measureOnly(taps);
        timed(s, seconds / 2);
        double[] r = new double[3];
        for (int i = 0; i < 3; i++) r[i] = timed(s, seconds / 3);
        Arrays.sort(r);
        out.printf(Locale.ROOT, "%-9s %-28s %12.0f %12.3f%n", s.backend().name(), what, r[1], 1000 / r[1]);
    }

    /** Median steps/s of three timed windows after a warm-up. */
    private static double measure(Dataset data, String backend, int statsEvery, double seconds, Set<Tap> taps) {
        Scenario sc = ScenarioIO.preset("bn-paper");
        sc = ScenarioIO.withOverride(sc, ScenarioIO.LEGACY_COMPARE, "false");
        sc = ScenarioIO.withOverride(sc, ScenarioIO.LEGACY_BATCHNORM, "true");
        sc = ScenarioIO.withOverride(sc, Settings.STATS_EVERY.key(),
                Integer.toString(Math.min(statsEvery, 10_000_000)));
        sc = ScenarioIO.withOverride(sc, Settings.EVAL_EVERY.key(), "10000000");
        Session s = new Session(sc, data, MatMuls.select(backend));
        s.measureOnly(taps);
        timed(s, seconds / 2);
        double[] r = new double[3];
        for (int i = 0; i < 3; i++) r[i] = timed(s, seconds / 3);
        Arrays.sort(r);
        return r[1];
    }

    private static double timed(Session s, double seconds) {
        long t0 = System.nanoTime(), end = t0 + (long) (seconds * 1e9);
        long n = 0, now;
        do {
            s.step();
            n++;
            now = System.nanoTime();
        } while (now < end);
        return n / ((now - t0) / 1e9);
    }

    private static String cpu() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).trim();
            }
        } catch (Exception e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    /** MNIST-shaped random pixels and labels, so the benchmark needs no download. */
    static ArrayDataset randomImages(int n, int d, int k, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n * d];
        int[] y = new int[n];
        for (int i = 0; i < x.length; i++) x[i] = r.nextInt(256) / 255.0;
        for (int i = 0; i < n; i++) y[i] = r.nextInt(k);
        return ArrayDataset.split("random-images", d, k, x, y, 0.1);
    }
}
