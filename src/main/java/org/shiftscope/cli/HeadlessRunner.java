package org.shiftscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.shiftscope.export.Captions;
import org.shiftscope.io.WriteException;
import org.shiftscope.nn.Tap;
import org.shiftscope.train.Boundary;
import org.shiftscope.stats.History;
import org.shiftscope.train.Run;
import org.shiftscope.train.Session;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioIO;
import org.shiftscope.train.scenario.Settings;
import org.shiftscope.train.scenario.VariantPreset;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --headless}: runs a scenario without a display and writes stats.csv, metrics.csv, histograms.csv, events.csv and
 * run.json ({@link RunFolder}). Exit code 0 when the run finished (also when it diverged), 2 for bad input, 4 when a
 * file could not be written, 130/143 when Ctrl+C or SIGTERM stopped it.
 */
public final class HeadlessRunner {
    /** parsed options */
    record Options(String scenario, Long steps, Long seed, Path out, Long every, boolean compare, String variants,
                   List<KeyValue> sets, boolean png, boolean gif) { }

    /** one {@code --set key=value} */
    record KeyValue(String key, String value) { }

    private HeadlessRunner() {}

    /** Runs and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return Cli.run("--headless", new Command(err), args, out, err);
    }

    /** The options of {@code --headless}, as picocli fills them. */
    @CommandLine.Command(name = "--headless", separator = " ", sortOptions = false, optionListHeading = "%nOptions:%n",
            customSynopsis = "java -jar shiftscope.jar --headless [options]",
            description = {"", "Trains a scenario without a window and writes its statistics and figures."},
            footer = {"", "Writes stats.csv, metrics.csv, histograms.csv, gradflow.csv, ics.csv (with lab.every), events.csv, "
                    + "run.json and PNG figures into DIR; progress "
                    + "goes to stderr.",
                "Other modes: the window (--help), --bench (--bench --help)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the run finished (also when it diverged)",
                "2:bad option or value, scenario file, data or --set key; nothing is trained or written",
                "4:a file could not be written (e.g. a full disk); the message names it",
                "130:stopped by Ctrl+C (143: by SIGTERM) after the step in progress; run.json says \"interrupted\""})
    static final class Command implements Callable<Integer> {
        @Option(names = "--headless", hidden = true)
        boolean headless;

        @Option(names = "--scenario", paramLabel = "NAME|FILE", description = "a preset (${COMPLETION-CANDIDATES}) "
                + "or a scenario JSON file (default: ${DEFAULT-VALUE})", completionCandidates = Cli.Presets.class)
        String scenario = "default";

        @Option(names = "--steps", paramLabel = "N", converter = Steps.class,
                description = "training steps, 1 to 100000000 (sets training.steps)")
        Long steps;

        @Option(names = "--seed", paramLabel = "S", converter = Cli.AnyWholeNumber.class,
                description = "seed for weights, data and batches (sets training.seed)")
        Long seed;

        @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})")
        Path out = Path.of("shiftscope-out");

        @Option(names = "--every", paramLabel = "K", converter = Every.class,
                description = "statistics every K steps, 1 to 10000000 (sets training.stats_every)")
        Long every;

        @Option(names = "--compare", description = "train a BN twin and a plain twin side by side (= --variants "
                + "bn-vs-plain)")
        boolean compare;

        @Option(names = "--variants", paramLabel = "NAME", description = "train these variants side by side: "
                + "bn-vs-plain, normalizers (BN, LayerNorm, GroupNorm, Batch Renorm), noisy (BN, noisy BN, plain), "
                + "small-batch (batch size 2: BN, Batch Renorm, LayerNorm, plain), or none; then change one with "
                + "--set variants[i].key=value")
        String variants;

        @Option(names = "--set", paramLabel = "key=value", converter = KeyValueConverter.class,
                description = "override any scenario key, e.g. --set network.hidden=64,64 (repeatable)")
        List<KeyValue> sets = new ArrayList<>();

        @Option(names = "--no-png", description = "skip the PNG figures (dashboard.png and one per chart)")
        boolean noPng;

        @Option(names = "--gif", description = "also write dashboard.gif: the dashboard as it trained, "
                + GIF_FRAMES + " frames at " + GIF_FPS + " frames/s, looping")
        boolean gif;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
        boolean help;

        private final PrintStream err;

        Command(PrintStream err) {
            this.err = err;
        }

        Options options() {
            return new Options(scenario, steps, seed, out, every, compare, variants, List.copyOf(sets), !noPng,
                    gif);
        }

        @Override
        public Integer call() {
            Options o = options();
            return execute(resolve(o), o.out(), o.png(), o.gif(), err);
        }
    }

    static final class Steps extends Cli.WholeNumber {
        Steps() {
            super(1, 100_000_000L);
        }
    }

    static final class Every extends Cli.WholeNumber {
        Every() {
            super(1, 10_000_000L);
        }
    }

    static final class KeyValueConverter implements CommandLine.ITypeConverter<KeyValue> {
        @Override
        public KeyValue convert(String kv) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.TypeConversionException("expected key=value (e.g. --set "
                        + Settings.LEARNING_RATE.key() + "=0.1), got '" + kv + "'");
            }
            return new KeyValue(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
    }

    static Scenario resolve(Options o) {
        Scenario sc = ScenarioIO.resolve(o.scenario());
        if (o.variants() != null) sc = VariantPreset.fromKey(o.variants()).applyTo(sc);
        for (KeyValue kv : o.sets()) sc = ScenarioIO.withOverride(sc, kv.key(), kv.value());
        if (o.steps() != null) sc = ScenarioIO.withOverride(sc, Settings.STEPS.key(), o.steps().toString());
        if (o.seed() != null) sc = ScenarioIO.withOverride(sc, Settings.SEED.key(), o.seed().toString());
        if (o.every() != null) sc = ScenarioIO.withOverride(sc, Settings.STATS_EVERY.key(), o.every().toString());
        if (o.compare()) sc = ScenarioIO.withOverride(sc, ScenarioIO.LEGACY_COMPARE, "true");
        return ScenarioIO.validate(sc, "--set");
    }

    /** frames of the --gif animation, and how fast it plays */
    static final int GIF_FRAMES = 40, GIF_FPS = 8;

    static int execute(Scenario sc, Path outDir, boolean png, PrintStream err) {
        return execute(sc, outDir, png, false, err);
    }

    /**
     * Trains and writes the run's files. The data are read and checked before anything is written (a refusal
     * leaves no folder behind); after a signal (Ctrl+C, SIGTERM) the step in progress finishes, the files are
     * flushed and run.json says "interrupted".
     *
     * @throws WriteException when a file cannot be written: the CSV files keep their whole rows and run.json says
     *                        "failed" (if the disk still takes it)
     */
    static int execute(Scenario sc, Path outDir, boolean png, boolean gif, PrintStream err) {
        Session session = Session.create(sc);
        // the variants on every core when a step is big enough
        session.setParallelRuns(Runtime.getRuntime().availableProcessors());
        prepare(outDir);
        long steps = sc.training().steps();
        err.printf(Locale.ROOT, "shiftscope: %s — %s, %d steps, seed %d, back-end %s%n", sc.name(),
                sc.variants().isEmpty() ? "single run" : "variants " + String.join(", ",
                        sc.variants().stream().map(v -> v.name()).toList()), steps, sc.training().seed(),
                session.backend().name());
        Progress progress = new Progress(err, steps);
        long t0 = System.nanoTime();
        History history = new History();
        for (int i = 0; i < sc.runCount(); i++) history.setStyle(sc.runName(i), sc.runLabel(i), sc.runColor(i));
        Interruption signal = Interruption.watch();
        FigureWriter.Animation animation = null;
        try (RunFolder folder = RunFolder.start(outDir, sc, session)) {
            try {
                animation = gif ? animation(outDir, history, sc, session, err) : null;
                long frameEvery = Math.max(1, steps / GIF_FRAMES);
                session.setListener(s -> {
                    folder.write(s);
                    history.add(s);
                });
                session.setLabListener(folder::writeLab);
                while (session.stepCount() < steps && !session.allDiverged() && !signal.requested()) {
                    session.step();
                    if (session.events() != history.events()) history.setEvents(session.events()); // scheduled
                    progress.update(session.stepCount());
                    if (animation != null && session.stepCount() % frameEvery == 0
                            && !gifFrame(animation, session, err)) {
                        animation = null;
                    }
                }
                folder.closeCsv();
                boolean interrupted = signal.requested();
                double wall = (System.nanoTime() - t0) / 1e9;
                progress.done(session.stepCount(), wall);
                if (interrupted) {
                    if (animation != null) animation.abandon();
                    folder.finish(session, wall, RunFolder.State.INTERRUPTED);
                    err.println("  interrupted at step " + session.stepCount() + "; wrote " + outDir.toAbsolutePath()
                            + " (run.json says \"interrupted\")");
                    return INTERRUPTED;
                }
                if (animation != null) closeGif(animation, err);
                for (Run r : session.runs()) {
                    err.printf(Locale.ROOT, "  %-6s final loss %.4f, test accuracy %s%s%n", r.name, r.loss(),
                            Double.isNaN(r.testAccuracy()) ? "n/a"
                                    : String.format(Locale.ROOT, "%.4f", r.testAccuracy()),
                            r.diverged() ? ", DIVERGED at step " + r.divergedAt() : "");
                }
                if (png) writeFigures(sc, session, history, outDir, err);
                folder.finish(session, wall, RunFolder.State.FINISHED);
                err.println("  wrote " + outDir.toAbsolutePath());
                return 0;
            } catch (WriteException e) {
                if (animation != null) animation.abandon();
                folder.fail(session, (System.nanoTime() - t0) / 1e9, e);
                err.println("  the run stopped at step " + session.stepCount() + ": the CSV files end in whole rows, "
                        + "run.json says \"failed\" if it could still be written, no other file is half-written");
                throw e;
            }
        } finally {
            signal.release();
        }
    }

    /** what a run stopped by a signal returns; the JVM itself then exits with 130 (Ctrl+C) or 143 (SIGTERM) */
    static final int INTERRUPTED = 143;

    /** Creates the output folder; one that cannot be is bad input. */
    private static void prepare(Path outDir) {
        try {
            Files.createDirectories(outDir);
        } catch (IOException | SecurityException e) {
            throw new UsageException("cannot write to the output folder '" + outDir + "' (" + e.getMessage()
                    + "); choose another with --out DIR.");
        }
        if (!Files.isWritable(outDir)) {
            throw new UsageException("the output folder '" + outDir + "' is not writable; choose another with --out.");
        }
    }

    private static FigureWriter.Animation animation(Path outDir, History history, Scenario sc, Session session,
                                                    PrintStream err) {
        try {
            return new FigureWriter.Animation(outDir.resolve("dashboard.gif"), GIF_FPS, history,
                    sc.network().hidden().length, sc.shownTap(), session.data());
        } catch (WriteException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            err.println("  warning: no GIF (" + e.getMessage() + "); the CSV files are complete.");
            return null;
        }
    }

    /** Adds a frame to the GIF; false (the GIF given up, with a warning) when it cannot be drawn. */
    private static boolean gifFrame(FigureWriter.Animation a, Session session, PrintStream err) {
        try {
            Boundary b = null;
            if (session.data().inputs() == 2) {
                for (Run r : session.runs()) {
                    if (!r.diverged()) {
                        b = session.decisionSurface(r, 0, 48);
                        break;
                    }
                }
            }
            a.frame(Captions.of(session.scenario(), session.stepCount()), b);
            return true;
        } catch (WriteException e) {
            throw e;
        } catch (Exception e) {
            a.abandon();
            err.println("  warning: no GIF (the frame at step " + session.stepCount() + " could not be drawn: "
                    + e.getMessage() + "); the CSV files are complete.");
            return false;
        }
    }

    private static void closeGif(FigureWriter.Animation a, PrintStream err) {
        a.close();
        err.println("  dashboard.gif: " + a.frames() + " frames at " + GIF_FPS + " frames/s");
    }

    /**
     * dashboard.png and one PNG per chart, for every tap some run measured, drawn by the app's own chart code on a
     * headless screen; each appears whole. A figure that cannot be drawn is a warning; one that cannot be written
     * is a {@link WriteException}.
     */
    private static void writeFigures(Scenario sc, Session session, History history, Path outDir, PrintStream err) {
        List<Tap> taps = List.copyOf(history.measured()); // every tap some run measured
        Boundary boundary = null;
        if (session.data().inputs() == 2) {
            for (Run r : session.runs()) {
                if (!r.diverged()) {
                    boundary = session.decisionSurface(r, 0, 64);
                    break;
                }
            }
        }
        try {
            List<Path> files = FigureWriter.write(outDir, history, sc.network().hidden().length,
                    sc.shownTap(), taps,
                    Captions.of(session.scenario(), session.stepCount()), session.data(), boundary);
            err.println("  " + files.size() + " PNG figures (dashboard.png and one per chart)");
        } catch (WriteException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            err.println("  warning: no PNG figures (" + e.getMessage() + "); the CSV files are complete.");
        }
    }

    /** A percentage with steps/s on stderr: rewritten in place on a terminal, a line per 10% otherwise. */
    static final class Progress {
        private final PrintStream err;
        private final long total;
        private final boolean tty = System.console() != null;
        private final long start = System.nanoTime();
        private long lastPrint = start;
        private int lastDecile = 0;

        Progress(PrintStream err, long total) {
            this.err = err;
            this.total = total;
        }

        void update(long step) {
            if ((step & 63) != 0 && step != total) return;
            long now = System.nanoTime();
            int pct = (int) (100 * step / total);
            if (tty ? now - lastPrint > 200_000_000L : pct / 10 > lastDecile) {
                lastPrint = now;
                lastDecile = pct / 10;
                double rate = step / ((now - start) / 1e9);
                int bar = pct / 5;
                err.printf(Locale.ROOT, "%s[%s%s] %3d%%  step %d/%d  %.0f steps/s%s", tty ? "\r" : "  ",
                        "#".repeat(bar), " ".repeat(20 - bar), pct, step, total, rate, tty ? "" : "\n");
            }
        }

        void done(long steps, double wall) {
            err.printf(Locale.ROOT, "%s  done: %d steps in %.1f s (%.0f steps/s)%n", tty ? "\n" : "", steps, wall,
                    steps / Math.max(wall, 1e-9));
        }
    }
}
