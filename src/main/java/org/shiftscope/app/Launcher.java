package org.shiftscope.app;

import java.util.Arrays;
import org.shiftscope.cli.Benchmark;
import org.shiftscope.cli.HeadlessRunner;

/**
 * Plain entry point (a class extending Application cannot be the jar's main class). With {@code --headless}
 * or {@code --help} it runs the headless runner, with {@code --bench} the benchmark, else it opens the window
 * ({@code --scenario NAME|FILE} opens a scenario, {@code --lesson N} a lesson, {@code --play} starts training).
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--bench")) {
            System.exit(Benchmark.run(args, System.out, System.err));
        }
        if (Arrays.asList(args).contains("--headless") || Arrays.asList(args).contains("--help")) {
            System.exit(HeadlessRunner.run(args, System.out, System.err));
        }
        javafx.application.Application.launch(org.shiftscope.ui.ShiftScopeApp.class, args);
    }
}
