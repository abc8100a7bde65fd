package org.shiftscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file appears whole under its name or not at all, also when the disk fills up while it is written. */
class AtomicFileTest {
    @TempDir
    Path dir;

    @AfterEach
    void realDisk() {
        Disk.use(Disk.FILES);
    }

    @Test
    void nothingUnderTheNameUntilTheCommitThenTheWholeFile() throws IOException {
        Path f = dir.resolve("a.txt");
        Files.writeString(f, "old");
        try (AtomicFile a = AtomicFile.create(f)) {
            a.write("new ".getBytes(StandardCharsets.UTF_8));
            a.stream().write("text".getBytes(StandardCharsets.UTF_8));
            assertEquals("old", Files.readString(f), "the old file stays until the commit");
            assertEquals(2, TestDisks.names(dir).size(), "a hidden temporary file beside it");
            assertTrue(TestDisks.names(dir).get(0).startsWith(".shiftscope-"), TestDisks.names(dir).toString());
            a.commit();
        }
        assertEquals("new text", Files.readString(f));
        assertEquals(List.of("a.txt"), TestDisks.names(dir));
    }

    @Test
    void closedWithoutACommitLeavesNothing() throws IOException {
        Path f = dir.resolve("b.txt");
        try (AtomicFile a = AtomicFile.create(f)) {
            a.write(new byte[1000]);
        }
        assertEquals(List.of(), TestDisks.names(dir));
    }

    @Test
    void aFullDiskLeavesNoFileUnderTheNameAndNoTemporaryFile() throws IOException {
        Disk.use(TestDisks.full("c.bin", 500));
        Path f = dir.resolve("c.bin");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(f, new byte[2000]));
        assertEquals("No space left on device", e.getMessage());
        assertEquals(List.of(), TestDisks.names(dir));
        Files.writeString(f, "before");
        assertThrows(IOException.class, () -> AtomicFile.writeString(f, "x".repeat(2000)));
        assertEquals("before", Files.readString(f), "the file it would have replaced is untouched");
        assertEquals(List.of("c.bin"), TestDisks.names(dir));
    }

    @Test
    void aMissingFolderIsAnError() {
        assertThrows(IOException.class, () -> AtomicFile.writeString(dir.resolve("no").resolve("d.txt"), "x"));
        assertFalse(Files.exists(dir.resolve("no")));
    }
}
