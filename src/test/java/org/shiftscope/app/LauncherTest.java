package org.shiftscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.lesson.Lessons;
import org.shiftscope.ui.LaunchOptions;

/** The launcher's modes, exit codes and messages, without starting JavaFX (the window is a stand-in). */
class LauncherTest {
    @TempDir
    Path tmp;

    static final Map<String, String> DESKTOP = Map.of("DISPLAY", ":0");
    static final Map<String, String> NO_DISPLAY = Map.of("HOME", "/root");

    /** exit code, stdout, stderr, and the options the window was opened with (none if it was not) */
    record Result(int code, String out, String err, List<LaunchOptions> opened) { }

    static Result run(Map<String, String> env, String os, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Properties props = new Properties();
        props.setProperty("os.name", os);
        List<LaunchOptions> opened = new ArrayList<>();
        int code = Launcher.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, props, o -> {
                    opened.add(o);
                    return 0;
                });
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), opened);
    }

    static Result run(String... args) {
        return run(DESKTOP, "Linux", args);
    }

    /** one paragraph on stderr, no stack trace, the window not opened */
    static void assertUsageError(Result r, String... mentions) {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.opened().isEmpty(), "the window must not open");
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("shiftscope: "), r.err());
        assertFalse(r.err().strip().contains("\n"), "one paragraph: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        for (String m : mentions) assertTrue(r.err().contains(m), "'" + m + "' in: " + r.err());
    }

    @Test
    void windowHelpNamesItsOptionsTheOtherModesAndTheExitCodes() {
        for (Map<String, String> env : List.of(DESKTOP, NO_DISPLAY)) { // help needs no display
            for (String help : new String[] {"--help", "-h"}) {
                Result r = run(env, "Linux", help);
                assertEquals(0, r.code(), r.err());
                assertTrue(r.opened().isEmpty());
                assertEquals("", r.err());
                for (String s : new String[] {"--scenario NAME|FILE", "--lesson N", "--play", "--help", "--headless",
                    "--bench", "figure1", "1, 2, 3", "Exit codes", "3   no display"}) {
                    assertTrue(r.out().contains(s), s + " in:\n" + r.out());
                }
            }
        }
    }

    @Test
    void headlessAndBenchHelpNameTheirOwnOptions() {
        String[][] helps = {{"--headless", "--help"}, {"--help", "--headless"}, {"--headless", "-h"}};
        for (String[] args : helps) {
            Result r = run(NO_DISPLAY, "Linux", args);
            assertEquals(0, r.code(), r.err());
            for (String s : new String[] {"--headless", "--scenario NAME|FILE", "--steps N", "--seed S", "--out DIR",
                "--every K", "--compare", "--set key=value", "--no-png", "--help"}) {
                assertTrue(r.out().contains(s), s + " in:\n" + r.out());
            }
            assertFalse(r.out().contains("--lesson"), r.out());
        }
        Result r = run(NO_DISPLAY, "Linux", "--bench", "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("--bench") && r.out().contains("--seconds S"), r.out());
        assertTrue(r.out().contains("--scenario NAME|FILE") && r.out().contains("lesson-5-depth"), r.out());
        assertFalse(r.out().contains("--steps"), r.out());
    }

    @Test
    void unknownOptionExitsTwoNamingItAndWhatIsAllowed() {
        assertUsageError(run("--bogus"), "'--bogus'", "--scenario NAME|FILE, --lesson N, --play", "See --help");
        assertUsageError(run(NO_DISPLAY, "Linux", "--bogus"), "'--bogus'"); // before the display is looked at
        assertUsageError(run("figure1"), "'figure1'", "--scenario NAME|FILE");
        assertUsageError(run("--headless", "--bogus"), "'--bogus'", "--steps N", "--set key=value",
                "See --headless --help");
        assertUsageError(run("--headless", "--stpes", "5"), "'--stpes'", "Did you mean --steps?");
        assertUsageError(run("--bench", "--bogus"), "'--bogus'", "--seconds S", "See --bench --help");
        assertUsageError(run("--headless", "--bench"), "--headless", "--bench");
    }

    @Test
    void badValueExitsTwoBeforeAnyWindow() throws IOException {
        int lessons = Lessons.all().size();
        assertEquals(10, lessons);
        assertUsageError(run("--lesson", "99"), "--lesson", "'99'", "1 to " + lessons);
        assertUsageError(run("--lesson", "0"), "--lesson", "'0'");
        assertUsageError(run("--lesson", "two"), "--lesson", "'two'");
        assertUsageError(run("--lesson"), "--lesson");
        assertUsageError(run("--scenario"), "--scenario");
        assertUsageError(run("--scenario", "no-such-preset"), "no-such-preset", "figure1");
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{ \"training\": { \"learning_rate\": \"fast\" } }");
        assertUsageError(run("--scenario", broken.toString()), "learning_rate");
        assertUsageError(run("--headless", "--steps", "abc"), "--steps", "'abc'", "1 to 100000000");
        assertUsageError(run("--headless", "--every", "0"), "--every", "'0'");
        assertUsageError(run("--headless", "--seed", "1.5"), "--seed", "'1.5'");
        assertUsageError(run("--headless", "--set", "nokeyvalue"), "--set", "nokeyvalue");
        assertUsageError(run("--bench", "--seconds", "abc"), "--seconds", "'abc'");
        assertUsageError(run("--bench", "--seconds", "0"), "--seconds", "'0'");
        assertUsageError(run("--bench", "--scenario", "nope"), "nope");
        assertUsageError(run("--bench", "--scenario", broken.toString()), "learning_rate");
    }

    @Test
    void windowWithoutDisplaySaysSoAndPointsToHeadless() {
        Result r = run(NO_DISPLAY, "Linux", "--scenario", "figure1", "--play");
        assertEquals(Window.NO_DISPLAY, r.code());
        assertEquals(3, r.code());
        assertTrue(r.opened().isEmpty(), "JavaFX must not start");
        assertTrue(r.err().contains("no display"), r.err());
        assertTrue(r.err().contains("--headless") && r.err().contains("--help"), r.err());
        assertFalse(r.err().strip().contains("\n"), r.err());
        // a bad value is still reported as such, not as a missing display
        assertEquals(2, run(NO_DISPLAY, "Linux", "--lesson", "99").code());
    }

    @Test
    void displayDecision() {
        Properties linux = props("Linux", null);
        assertTrue(Window.noDisplay(Map.of(), linux).isPresent());
        assertTrue(Window.noDisplay(Map.of("DISPLAY", " "), linux).isPresent(), "blank is not set");
        assertTrue(Window.noDisplay(Map.of("DISPLAY", ":0"), linux).isEmpty());
        assertTrue(Window.noDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), linux).isEmpty());
        assertTrue(Window.noDisplay(Map.of(), props("Linux", "Monocle")).isEmpty(), "Monocle has its own screen");
        assertTrue(Window.noDisplay(Map.of(), props("Linux", "gtk")).isPresent());
        assertTrue(Window.noDisplay(Map.of(), props("Windows 11", null)).isEmpty());
        assertTrue(Window.noDisplay(Map.of(), props("Mac OS X", null)).isEmpty());
        assertEquals(0, run(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux").code());
        assertEquals(0, run(NO_DISPLAY, "Mac OS X").code());
    }

    @Test
    void windowOptionsArriveParsed() {
        Result r = run("--scenario", "figure1", "--lesson", "3", "--play");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(new LaunchOptions("figure1", 3, true)), r.opened());
        assertEquals(List.of(LaunchOptions.NONE), run().opened());
        assertEquals(List.of(new LaunchOptions(null, 9, false)), run("--lesson", "9").opened());
        assertEquals(List.of(new LaunchOptions("bn-paper", null, false)),
                run("--scenario", "figure1", "--scenario", "bn-paper").opened(), "the last one counts");
    }

    @Test
    void windowExitCodeIsTheWindowsOwn() {
        Properties props = props("Linux", null);
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(3, Launcher.run(new String[] {"--play"}, sink, sink, DESKTOP, props, o -> 3));
    }

    @Test
    void headlessAndBenchRunThroughTheLauncher() throws IOException {
        Path out = tmp.resolve("run");
        Result r = run(NO_DISPLAY, "Linux", "--headless", "--steps", "5", "--no-png", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readAllLines(out.resolve("stats.csv")).size() > 1);
        assertTrue(r.opened().isEmpty());
        Result b = run(NO_DISPLAY, "Linux", "--bench", "--seconds", "0.03");
        assertEquals(0, b.code(), b.err());
        assertTrue(b.out().contains("ShiftScope benchmark") && b.out().contains("default scenario")
                && b.out().contains("lesson 5"), b.out());
        Result one = run(NO_DISPLAY, "Linux", "--bench", "--seconds", "0.03", "--scenario", "lesson-5-depth");
        assertEquals(0, one.code(), one.err());
        assertTrue(one.out().lines().anyMatch(l -> l.matches("\\S+ +lesson-5-depth +[0-9]+ +[0-9.]+")), one.out());
        assertFalse(one.out().contains("default scenario"), "only the scenario asked for: " + one.out());
    }

    private static Properties props(String os, String glassPlatform) {
        Properties p = new Properties();
        p.setProperty("os.name", os);
        if (glassPlatform != null) p.setProperty("glass.platform", glassPlatform);
        return p;
    }
}
