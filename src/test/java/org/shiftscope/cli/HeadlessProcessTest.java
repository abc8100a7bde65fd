package org.shiftscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.app.Launcher;
import org.shiftscope.io.TestDisks;

/**
 * The headless runner as a process of its own, as a shell runs it, killed, stopped by SIGTERM, or on a disk that
 * fills up: what it leaves in --out, its exit code, and that it always ends.
 */
class HeadlessProcessTest {
    @TempDir
    Path tmp;

    /** columns of each CSV file */
    private static final String[][] CSV = {{"stats.csv", "12"}, {"metrics.csv", "6"}, {"histograms.csv", "7"}};
    /** how long a process may take before the test gives up on it (a bound for failures, not a measurement) */
    private static final long LIMIT_SECONDS = 180;

    /** Starts {@code main} with these arguments in a JVM of its own; its output goes to {@code log}. */
    private static Process start(Class<?> main, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the run has written rows of histograms.csv (its signal handling is in place by then). */
    private static void waitForRows(Process p, Path out, Path log) throws Exception {
        Path rows = out.resolve("histograms.csv");
        for (int i = 0; i < LIMIT_SECONDS * 10; i++) {
            if (Files.exists(rows) && Files.size(rows) > 1000) return; // more than the header
            assertTrue(p.isAlive(), "the run ended early: " + Files.readString(log));
            Thread.sleep(100); // polling a file another process writes: no earlier signal to wait for
        }
        throw new AssertionError("no rows within " + LIMIT_SECONDS + " s: " + Files.readString(log));
    }

    private static int exitOf(Process p, Path log) throws Exception {
        if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the process did not end: " + Files.readString(log));
        }
        return p.exitValue();
    }

    /** every CSV file ends in a whole row: its last byte is a line break and every row has all its columns */
    private static void wholeRows(Path out) throws IOException {
        for (String[] f : CSV) {
            String text = Files.readString(out.resolve(f[0]));
            assertTrue(text.endsWith("\n"), f[0] + " ends in a line break");
            int columns = Integer.parseInt(f[1]);
            text.lines().forEach(l -> assertEquals(columns, l.split(",", -1).length, f[0] + ": " + l));
        }
    }

    private static JsonNode runJson(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("run.json").toFile());
    }

    private static List<String> leftovers(Path out) throws IOException {
        return TestDisks.names(out).stream().filter(n -> n.startsWith(".") || n.endsWith(".part")).toList();
    }

    /** A run of many steps, once it has written rows. */
    private static Process midRun(Path out, Path log) throws Exception {
        Process p = start(Launcher.class, log, "--headless", "--no-png", "--steps", "100000000", "--every", "100",
                "--out", out.toString());
        waitForRows(p, out, log);
        return p;
    }

    @Test
    void killedMidRunItsCsvFilesEndInWholeRowsAndRunJsonSaysRunning() throws Exception {
        Path out = tmp.resolve("killed"), log = tmp.resolve("killed.log");
        Process p = midRun(out, log);
        p.destroyForcibly();
        exitOf(p, log);
        wholeRows(out);
        assertEquals("running", runJson(out).get("status").asText(), "what a killed run leaves says so");
    }

    @Test
    void sigtermFinishesTheStepFlushesAndRunJsonSaysInterrupted() throws Exception {
        Path out = tmp.resolve("term"), log = tmp.resolve("term.log");
        Process p = midRun(out, log);
        p.destroy(); // SIGTERM
        assertEquals(143, exitOf(p, log), Files.readString(log));
        wholeRows(out);
        JsonNode json = runJson(out);
        assertEquals("interrupted", json.get("status").asText());
        long steps = json.get("steps").asLong();
        assertTrue(steps > 0, json.toString());
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        long last = Long.parseLong(metrics.get(metrics.size() - 1).split(",")[1]);
        assertTrue(last <= steps && last > steps - 100, "the rows reach the last step trained: " + last + " of "
                + steps);
        assertEquals(List.of("step,run,key,old,new"), Files.readAllLines(out.resolve("events.csv")));
        assertTrue(Files.readString(log).contains("interrupted at step " + steps), Files.readString(log));
        assertEquals(List.of(), leftovers(out));
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void ctrlCFinishesTheStepFlushesAndExits130() throws Exception {
        Path out = tmp.resolve("int"), log = tmp.resolve("int.log");
        Process p = midRun(out, log);
        // a process started as a shell's background job ignores Ctrl+C from birth; then there is nothing to test
        String ignored = Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status")).stream()
                .filter(l -> l.startsWith("SigIgn:")).findFirst().orElse("SigIgn:\t0").substring(7).trim();
        org.junit.jupiter.api.Assumptions.assumeTrue((Long.parseLong(ignored, 16) & 2) == 0,
                "SIGINT is ignored where this test runs");
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
        assertEquals(130, exitOf(p, log), Files.readString(log));
        wholeRows(out);
        JsonNode json = runJson(out);
        assertEquals("interrupted", json.get("status").asText());
        assertTrue(Files.readString(log).contains("interrupted at step " + json.get("steps").asLong()),
                Files.readString(log));
        assertEquals(List.of("step,run,key,old,new"), Files.readAllLines(out.resolve("events.csv")));
        assertEquals(List.of(), leftovers(out));
    }

    @Test
    void aFullDiskExitsFourNamingTheFileAndLeavesNoPartialFile() throws Exception {
        Path out = tmp.resolve("full"), log = tmp.resolve("full.log");
        Process p = start(FullDiskMain.class, log, "histograms.csv", "300000", "--headless", "--no-png", "--steps",
                "100000", "--every", "1", "--out", out.toString());
        assertEquals(Cli.WRITE_FAILED, exitOf(p, log), Files.readString(log));
        String said = Files.readString(log);
        assertTrue(said.contains("shiftscope: cannot write " + out.resolve("histograms.csv")
                + " (No space left on device)"), said);
        assertFalse(said.contains("\tat ") || said.contains("Exception"), said);
        wholeRows(out);
        assertTrue(Files.size(out.resolve("histograms.csv")) <= 300_000);
        JsonNode json = runJson(out);
        assertEquals("failed", json.get("status").asText());
        assertTrue(json.get("error").asText().contains("histograms.csv"), json.toString());
        assertFalse(Files.exists(out.resolve("events.csv")), "no file the run did not finish");
        assertEquals(List.of(), leftovers(out));
    }

    @Test
    void aFullDiskUnderTheGifEndsTheProcessTooAndLeavesNoGif() throws Exception {
        Path out = tmp.resolve("gif"), log = tmp.resolve("gif.log");
        Process p = start(FullDiskMain.class, log, "dashboard.gif", "60000", "--headless", "--no-png", "--gif",
                "--steps", "4000", "--every", "50", "--out", out.toString());
        assertEquals(Cli.WRITE_FAILED, exitOf(p, log), Files.readString(log));
        String said = Files.readString(log);
        assertTrue(said.contains("shiftscope: cannot write " + out.resolve("dashboard.gif")
                + " (No space left on device)"), said);
        assertFalse(Files.exists(out.resolve("dashboard.gif")), "no half a GIF");
        wholeRows(out);
        assertEquals("failed", runJson(out).get("status").asText());
        assertEquals(List.of(), leftovers(out));
    }
}
