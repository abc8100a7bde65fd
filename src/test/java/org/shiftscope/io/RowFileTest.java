package org.shiftscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines reach the file whole, at line boundaries; a full disk cuts it back to its last whole line. */
class RowFileTest {
    @TempDir
    Path dir;

    @AfterEach
    void realDisk() {
        Disk.use(Disk.FILES);
    }

    private static String line(int i) {
        return "row," + i + "," + "x".repeat(i % 37) + "\n";
    }

    @Test
    void linesGatherAndReachTheFileWholeAtLineBoundaries() throws IOException {
        Path f = dir.resolve("a.csv");
        StringBuilder all = new StringBuilder();
        try (RowFile r = RowFile.create(f)) {
            r.add("header\n");
            all.append("header\n");
            assertEquals(0, Files.size(f), "a few lines wait in memory");
            for (int i = 0; i < 5000; i++) {
                r.add(line(i));
                all.append(line(i));
                String now = Files.readString(f);
                assertTrue(now.isEmpty() || now.endsWith("\n"), "whole lines only, at line " + i);
                assertTrue(all.toString().startsWith(now));
            }
            assertTrue(Files.size(f) > 0, "enough gathered to be written on the way");
        }
        assertEquals(all.toString(), Files.readString(f));
    }

    @Test
    void aFullDiskCutsTheFileBackToItsLastWholeLineAndNamesIt() throws IOException {
        Disk.use(TestDisks.full("b.csv", 100_000));
        Path f = dir.resolve("b.csv");
        RowFile r = RowFile.create(f);
        WriteException e = assertThrows(WriteException.class, () -> {
            for (int i = 0; i < 100_000; i++) r.add(line(i));
        });
        assertEquals(f, e.file());
        assertEquals("cannot write " + f + " (No space left on device)", e.getMessage());
        r.close(); // nothing more is written after a failure
        String text = Files.readString(f);
        assertTrue(text.length() > 50_000 && text.length() <= 100_000, "kept: " + text.length());
        assertTrue(text.endsWith("\n"), "ends in a whole line");
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) assertEquals(line(i), lines[i] + "\n");
    }
}
