package org.shiftscope.train.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario files: saved whole or not at all, loaded with messages that name the file, presets and names resolved. */
class ScenarioFilesTest {
    private static final Scenario S = Scenario.defaults().with(Settings.GAMMA, 2.5).withName("mine");

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // ---------------------------------------------------------------- save

    @Test
    void saveWritesTheScenarioAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("mine.json");
        ScenarioIO.save(S, f);
        assertEquals(ScenarioIO.toJson(S), Files.readString(f));
        assertEquals(List.of("mine.json"), listing(dir));
        assertEquals(S, ScenarioIO.load(f));
    }

    @Test
    void saveReplacesAnOldFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("mine.json");
        Files.writeString(f, "old");
        ScenarioIO.save(S, f);
        assertEquals(ScenarioIO.toJson(S), Files.readString(f));
        ScenarioIO.save(Scenario.defaults(), f);
        assertEquals(Scenario.defaults(), ScenarioIO.load(f));
        assertEquals(List.of("mine.json"), listing(dir));
    }

    @Test
    void aRelativePathIsSavedWhereItPoints(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("sub").resolve("..").resolve("rel.json");
        Files.createDirectories(dir.resolve("sub"));
        ScenarioIO.save(S, f);
        assertEquals(S, ScenarioIO.load(dir.resolve("rel.json")));
        assertEquals(List.of("rel.json", "sub"), listing(dir));
    }

    @Test
    void aFailedSaveLeavesTheOldContentAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        // the name is taken by a folder with a file in it: the file is written, but cannot be moved into place
        Path taken = dir.resolve("taken.json");
        Files.createDirectories(taken);
        Files.writeString(taken.resolve("inside.txt"), "keep");
        assertThrows(IOException.class, () -> ScenarioIO.save(S, taken));
        assertEquals("keep", Files.readString(taken.resolve("inside.txt")));
        assertEquals(List.of("taken.json"), listing(dir));
    }

    @Test
    void saveIntoAMissingFolderThrows(@TempDir Path dir) throws IOException {
        assertThrows(NoSuchFileException.class, () -> ScenarioIO.save(S, dir.resolve("no").resolve("x.json")));
        assertEquals(List.of(), listing(dir));
    }

    @Test
    void saveIntoAnUnwritableFolderThrowsAndKeepsTheOldFile(@TempDir Path dir) throws IOException {
        assumeTrue(posix(dir));
        Path f = dir.resolve("mine.json");
        Files.writeString(f, "old");
        Set<PosixFilePermission> was = Files.getPosixFilePermissions(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(dir), "permissions are not enforced for this user (root)");
            assertThrows(IOException.class, () -> ScenarioIO.save(S, f));
            assertEquals("old", Files.readString(f));
            assertEquals(List.of("mine.json"), listing(dir));
        } finally {
            Files.setPosixFilePermissions(dir, was);
        }
    }

    @Test
    void aReplacedFileKeepsItsPermissions(@TempDir Path dir) throws IOException {
        assumeTrue(posix(dir));
        Path f = dir.resolve("shared.json");
        Files.writeString(f, "old");
        Set<PosixFilePermission> shared = PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(f, shared);
        ScenarioIO.save(S, f);
        assertEquals(shared, Files.getPosixFilePermissions(f));
        assertEquals(S, ScenarioIO.load(f));
    }

    @Test
    void aNewFileGetsTheUsualPermissions(@TempDir Path dir) throws IOException {
        assumeTrue(posix(dir));
        Path usual = Files.createFile(dir.resolve("usual.txt")); // as any program makes a file here
        Path f = dir.resolve("new.json");
        ScenarioIO.save(S, f);
        assertEquals(Files.getPosixFilePermissions(usual), Files.getPosixFilePermissions(f));
    }

    private static boolean posix(Path dir) throws IOException {
        return Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
    }

    // ---------------------------------------------------------------- load and resolve

    @Test
    void loadNamesTheFileInEveryMessage(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("no.json");
        assertEquals(missing + ": no such scenario file.",
                assertThrows(ScenarioException.class, () -> ScenarioIO.load(missing)).getMessage());
        String m = assertThrows(ScenarioException.class, () -> ScenarioIO.load(dir)).getMessage();
        assertTrue(m.startsWith(dir + ": cannot be read ("), m);
        assertTrue(m.endsWith(")."), m);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ \"network\": { \"gamma\": 1e9 } }");
        assertEquals(bad + ": network.gamma = 1.0E9 is out of range; expected a number ≥ -100 and ≤ 100.",
                assertThrows(ScenarioException.class, () -> ScenarioIO.load(bad)).getMessage());
    }

    @Test
    void aHugeOrEndlessFileIsRefusedAtOnceWithLittleMemory(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.json");
        try (var out = Files.newOutputStream(big)) { // 10 MB and a byte, of spaces: JSON, but no scenario
            out.write(" ".repeat(ScenarioIO.MAX_FILE_BYTES).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.write('{');
        }
        List<Path> files = new java.util.ArrayList<>(List.of(big));
        if (Files.isReadable(Path.of("/dev/zero"))) files.add(Path.of("/dev/zero"));
        for (Path f : files) {
            String[] m = new String[1];
            org.shiftscope.ThreadCost cost = org.shiftscope.ThreadCost.of(() -> m[0] = assertThrows(
                    ScenarioException.class, () -> ScenarioIO.resolve(f.toString())).getMessage());
            assertEquals(f + ": larger than 10 MB, so not a scenario file (a scenario is a few kilobytes of JSON).",
                    m[0]);
            assertTrue(cost.cpuNanos() < 1_000_000_000L && cost.allocatedBytes() < 64_000_000L, cost.toString());
        }
        Files.writeString(big, "{}" + " ".repeat(ScenarioIO.MAX_FILE_BYTES - 2));
        assertEquals(Scenario.defaults(), ScenarioIO.load(big), "10 MB exactly is still read");
    }

    @Test
    void loadReadsUtf8(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("u.json");
        Files.writeString(f, "{\"title\": \"γ and β — naïve\"}", java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("γ and β — naïve", ScenarioIO.load(f).title());
    }

    @Test
    void resolveTakesAPresetNameOrAFile(@TempDir Path dir) throws IOException {
        assertEquals(ScenarioIO.preset("bn-paper"), ScenarioIO.resolve("bn-paper"));
        assertEquals("figure1", ScenarioIO.resolve("figure1").name());
        Path f = dir.resolve("scenario.txt"); // any name
        ScenarioIO.save(S, f);
        assertEquals(S, ScenarioIO.resolve(f.toString()));
        // a name that looks like a file is read as one, so the message says the file is missing
        assertEquals("missing.json: no such scenario file.",
                assertThrows(ScenarioException.class, () -> ScenarioIO.resolve("missing.json")).getMessage());
        String sub = dir.resolve("nowhere") + "/x";
        assertEquals(sub + ": no such scenario file.",
                assertThrows(ScenarioException.class, () -> ScenarioIO.resolve(sub)).getMessage());
        assertEquals("'nonsense' is neither a preset (" + String.join(", ", ScenarioIO.presetNames())
                        + ") nor an existing scenario file.",
                assertThrows(ScenarioException.class, () -> ScenarioIO.resolve("nonsense")).getMessage());
    }

    @Test
    void anUnknownPresetListsThePresets() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioIO.preset("nope"));
        assertEquals("no preset named 'nope'; presets are " + ScenarioIO.presetNames() + ".", e.getMessage());
        assertTrue(e.getMessage().contains("bn-paper"));
        assertFalse(ScenarioIO.presetNames().contains("index"));
    }
}
