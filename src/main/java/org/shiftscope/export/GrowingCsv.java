package org.shiftscope.export;

import java.nio.file.Path;
import org.shiftscope.io.RowFile;

/**
 * A headless run's CSV file that grows by whole rows ({@link RowFile}): created with its header at once, then each
 * step's rows gathered in {@link #rows} and handed on together by {@link #hand()}.
 */
abstract class GrowingCsv implements AutoCloseable {
    /** the file */
    private final RowFile out;
    /** one step's rows, before they are handed on */
    protected final StringBuilder rows = new StringBuilder();

    /** Creates {@code file} with its header (a {@code WriteException} names it if it cannot). */
    GrowingCsv(Path file, String header) {
        out = RowFile.create(file);
        out.add(header + "\n");
        out.flush();
    }

    /** Hands the rows gathered to the file. */
    protected final void hand() {
        if (rows.length() == 0) return;
        out.add(rows);
        rows.setLength(0);
    }

    @Override
    public void close() {
        out.close();
    }
}
