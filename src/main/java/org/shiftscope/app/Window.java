package org.shiftscope.app;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import org.shiftscope.cli.Cli;
import org.shiftscope.lesson.Lessons;
import org.shiftscope.train.scenario.ScenarioIO;
import org.shiftscope.ui.LaunchOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The window mode (the default): its options, checked before JavaFX starts — a bad value, a scenario that
 * cannot be read, or no display to open the window on end here with a message instead of a JavaFX stack trace.
 */
@Command(name = "shiftscope", separator = " ", sortOptions = false, optionListHeading = "%nOptions:%n",
        customSynopsis = {"java -jar shiftscope.jar [--scenario NAME|FILE] [--lesson N] [--play]",
            "   or: java -jar shiftscope.jar --headless [options]    (see --headless --help)",
            "   or: java -jar shiftscope.jar --bench [--seconds S]   (see --bench --help)"},
        description = {"", "Opens the ShiftScope window: a small network trains while every hidden layer's "
            + "activation distribution streams to live charts. --headless trains a scenario without a window and "
            + "writes CSV files and figures; --bench measures steps per second."},
        footer = {"", "The window needs a display: on Linux DISPLAY or WAYLAND_DISPLAY must be set (or JavaFX set up "
            + "for Monocle with -Dglass.platform=Monocle). --headless and --bench need none."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the window was closed",
            "2:bad option or value, or a scenario that cannot be read; the window does not open",
            "3:no display to open the window on; use --headless"})
final class Window implements Callable<Integer> {
    /** exit code when there is no display to open the window on */
    static final int NO_DISPLAY = 3;

    @Option(names = "--scenario", paramLabel = "NAME|FILE", completionCandidates = Cli.Presets.class,
            description = "open a preset (${COMPLETION-CANDIDATES}) or a scenario JSON file (default: where the "
                    + "last session left off)")
    String scenario;

    @Option(names = "--lesson", paramLabel = "N", converter = LessonNumber.class,
            completionCandidates = LessonNumbers.class, description = "open lesson N: ${COMPLETION-CANDIDATES}")
    Integer lesson;

    @Option(names = "--play", description = "start training at once")
    boolean play;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
    boolean help;

    private final Map<String, String> env;
    private final Properties properties;
    private final ToIntFunction<LaunchOptions> open;
    private final PrintStream err;

    /**
     * @param env        the environment variables (DISPLAY, WAYLAND_DISPLAY)
     * @param properties the system properties (os.name, glass.platform)
     * @param open       opens the window and returns the exit code when it has closed
     */
    Window(Map<String, String> env, Properties properties, ToIntFunction<LaunchOptions> open, PrintStream err) {
        this.env = env;
        this.properties = properties;
        this.open = open;
        this.err = err;
    }

    LaunchOptions options() {
        return new LaunchOptions(scenario, lesson, play);
    }

    @Override
    public Integer call() {
        if (scenario != null) ScenarioIO.resolve(scenario); // refused: exit 2 with its message, before any window
        Optional<String> missing = noDisplay(env, properties);
        if (missing.isPresent()) {
            err.println("shiftscope: " + missing.get());
            return NO_DISPLAY;
        }
        return open.applyAsInt(options());
    }

    /**
     * Why the window cannot open here, or empty when it can: on Linux, neither DISPLAY nor WAYLAND_DISPLAY is
     * set and JavaFX is not set up for Monocle (its own screen, {@code -Dglass.platform=Monocle}).
     */
    static Optional<String> noDisplay(Map<String, String> env, Properties properties) {
        boolean linux = properties.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
        if (!linux) return Optional.empty();
        if ("monocle".equalsIgnoreCase(properties.getProperty("glass.platform", ""))) return Optional.empty();
        if (isSet(env.get("DISPLAY")) || isSet(env.get("WAYLAND_DISPLAY"))) return Optional.empty();
        return Optional.of("there is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is "
                + "set). To train without a window, run with --headless (see --headless --help); for the window's "
                + "options see --help. Exit code " + NO_DISPLAY + ".");
    }

    private static boolean isSet(String v) {
        return v != null && !v.isBlank();
    }

    /** a lesson number, 1 to the number of lessons */
    static final class LessonNumber implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = Lessons.all().size();
            try {
                int l = Integer.parseInt(value.strip());
                if (l >= 1 && l <= n) return l;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a lesson; expected a lesson "
                    + "number from 1 to " + n);
        }
    }

    /** the lesson numbers, for the help text */
    static final class LessonNumbers implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return IntStream.rangeClosed(1, Lessons.all().size()).mapToObj(Integer::toString).iterator();
        }
    }
}
