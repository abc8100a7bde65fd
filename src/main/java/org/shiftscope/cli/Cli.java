package org.shiftscope.cli;

import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.shiftscope.data.DatasetException;
import org.shiftscope.io.WriteException;
import org.shiftscope.train.scenario.ScenarioException;
import org.shiftscope.train.scenario.ScenarioIO;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Help;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one command-line parser (picocli) behind every mode: the window, {@code --headless} and {@code --bench}.
 * Each mode is a picocli command that is also a {@code Callable<Integer>}; {@link #run} parses, prints the
 * mode's usage for {@code --help} (exit 0), reports bad input as one paragraph naming the option or value and
 * what is allowed (exit 2, {@link ExitCode#USAGE}), a file that cannot be written as one line naming it (exit 4,
 * {@link #WRITE_FAILED}), and otherwise calls the mode and returns its exit code.
 */
public final class Cli {
    /** exit code for bad input: an unknown option, a bad value, a refused scenario or {@code --set} */
    public static final int USAGE = ExitCode.USAGE;
    /** exit code when a file could not be written (a full disk, a folder taken away) */
    public static final int WRITE_FAILED = 4;

    private Cli() {}

    /**
     * Parses {@code args} into {@code command} and runs it. {@code mode} is the flag that selected the mode
     * ({@code "--headless"}, {@code "--bench"}, or {@code ""} for the window), used in the hint to its help.
     */
    public static int run(String mode, Callable<Integer> command, String[] args, PrintStream out, PrintStream err) {
        String help = (mode.isEmpty() ? "" : mode + " ") + "--help";
        CommandLine cl = commandLine(command);
        try {
            cl.parseArgs(args);
        } catch (ParameterException e) {
            err.println(paragraph(e, mode, help));
            return USAGE;
        }
        if (cl.isUsageHelpRequested()) {
            cl.usage(out);
            return ExitCode.OK;
        }
        try {
            return command.call();
        } catch (UsageException | ScenarioException | DatasetException e) {
            err.println("shiftscope: " + e.getMessage());
            return USAGE;
        } catch (IllegalArgumentException e) { // e.g. an unavailable back-end
            err.println("shiftscope: " + e.getMessage());
            return USAGE;
        } catch (WriteException e) {
            err.println("shiftscope: " + e.getMessage());
            return WRITE_FAILED;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The parser for one mode's options, as {@link #run} uses it: values are taken literally (no {@code @file}
     * expansion), an option given twice keeps its last value, help is plain text.
     */
    public static CommandLine commandLine(Object command) {
        CommandLine cl = new CommandLine(command);
        cl.setExpandAtFiles(false);
        cl.setOverwrittenOptionsAllowed(true);
        cl.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
        cl.setUsageHelpWidth(100);
        return cl;
    }

    /**
     * One paragraph, e.g. "shiftscope: Unknown option: '--bogus'. --headless takes: --scenario NAME|FILE, …. See
     * --headless --help."
     */
    static String paragraph(ParameterException e, String mode, String help) {
        StringBuilder m = new StringBuilder("shiftscope: ").append(e.getMessage().strip());
        if (!m.toString().endsWith(".")) m.append('.');
        if (e instanceof UnmatchedArgumentException u) {
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) m.append(" Did you mean ").append(String.join(" or ", suggestions)).append('?');
            m.append(' ').append(mode.isEmpty() ? "The window" : mode).append(" takes: ")
                    .append(options(e.getCommandLine())).append('.');
        }
        return m.append(" See ").append(help).append('.').toString();
    }

    /** the visible options as they are typed, e.g. "--steps N, --compare, -h/--help" */
    private static String options(CommandLine cl) {
        StringJoiner j = new StringJoiner(", ");
        for (OptionSpec o : cl.getCommandSpec().options()) {
            if (o.hidden()) continue;
            String names = String.join("/", o.names());
            j.add(o.arity().max() > 0 ? names + " " + o.paramLabel() : names);
        }
        return j.toString();
    }

    /** A whole number in [min, max]; its message says what is allowed. */
    public static class WholeNumber implements ITypeConverter<Long> {
        private final long min, max;

        protected WholeNumber(long min, long max) {
            this.min = min;
            this.max = max;
        }

        @Override
        public Long convert(String value) {
            try {
                long n = Long.parseLong(value.strip());
                if (n >= min && n <= max) return n;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("'" + value + "' is not allowed; expected a whole number"
                    + (min == Long.MIN_VALUE && max == Long.MAX_VALUE ? "" : " from " + min + " to " + max));
        }
    }

    /** any 64-bit whole number (a seed) */
    public static final class AnyWholeNumber extends WholeNumber {
        public AnyWholeNumber() {
            super(Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    /** the preset names, for a help text's {@code ${COMPLETION-CANDIDATES}} */
    public static final class Presets implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ScenarioIO.presetNames().iterator();
        }
    }
}
