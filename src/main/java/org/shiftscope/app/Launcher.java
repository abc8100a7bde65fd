package org.shiftscope.app;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.ToIntFunction;
import org.shiftscope.cli.Benchmark;
import org.shiftscope.cli.Cli;
import org.shiftscope.cli.HeadlessRunner;
import org.shiftscope.ui.LaunchOptions;

/**
 * Plain entry point (a class extending Application cannot be the jar's main class). {@code --headless} anywhere
 * in the arguments selects the headless runner, {@code --bench} the benchmark, else the window opens; each mode
 * parses its own options (see {@link Cli}) and answers {@code --help}.
 */
public final class Launcher {
    private Launcher() {}

    /** Runs and always ends the process with the mode's exit code (1 after an unexpected error). */
    public static void main(String[] args) {
        int code = 1;
        try {
            code = run(args, System.out, System.err, System.getenv(), System.getProperties(), Launcher::openWindow);
        } catch (Throwable t) { // a bug: said once, and the process still ends (JavaFX's threads would keep it)
            System.err.println("shiftscope: stopped by an unexpected error:");
            t.printStackTrace();
        } finally {
            System.exit(code);
        }
    }

    /**
     * Runs the mode the arguments select and returns its exit code: 0 done, 2 bad input, 3 no display for the
     * window, 4 a file could not be written. The window mode returns when the window has closed.
     *
     * @param env        the environment variables, {@code properties} the system properties: the window checks
     *                   them for a display
     * @param openWindow opens the window with checked options, returns its exit code when it has closed
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env,
                          Properties properties, ToIntFunction<LaunchOptions> openWindow) {
        List<String> a = Arrays.asList(args);
        boolean headless = a.contains("--headless"), bench = a.contains("--bench");
        if (headless && bench) {
            err.println("shiftscope: --headless and --bench are two modes; choose one. See --headless --help or "
                    + "--bench --help.");
            return Cli.USAGE;
        }
        if (bench) return Benchmark.run(args, out, err);
        if (headless) return HeadlessRunner.run(args, out, err);
        return Cli.run("", new Window(env, properties, openWindow, err), args, out, err);
    }

    /** JavaFX's window; a display that is set but cannot be opened ends here too, without a stack trace */
    private static int openWindow(LaunchOptions options) {
        try {
            options.open();
            return 0;
        } catch (UnsupportedOperationException e) { // the toolkit could not start, e.g. "Unable to open DISPLAY"
            System.err.println("shiftscope: the window cannot open (" + e.getMessage() + ", DISPLAY="
                    + System.getenv("DISPLAY") + "). To train without a window, run with --headless (see "
                    + "--headless --help).");
            return Window.NO_DISPLAY;
        }
    }
}
