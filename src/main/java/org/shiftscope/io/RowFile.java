package org.shiftscope.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * A text file that grows by whole lines while a run goes on (the headless runner's CSV files): lines gather in
 * memory and reach the file only at a line boundary, each time in one write, so a reader or a killed process
 * finds whole lines; after a failed write (a full disk) the file is cut back to its last whole line. One thread.
 */
public final class RowFile implements AutoCloseable {
    /** lines kept in memory up to about this many characters */
    static final int BUFFER = 1 << 16;

    /** the file's name, for messages */
    private final Path file;
    /** the open file */
    private final SeekableByteChannel channel;
    /** whole lines not yet written */
    private final StringBuilder pending = new StringBuilder(BUFFER + 4096);
    /** bytes of whole lines in the file */
    private long written;
    /** a write failed: nothing more is written */
    private boolean failed;

    private RowFile(Path file, SeekableByteChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Creates (or empties) the file. */
    public static RowFile create(Path file) {
        try {
            return new RowFile(file, Disk.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)));
        } catch (IOException e) {
            throw new WriteException(file, e);
        }
    }

    /** Adds whole lines (each ending in a line break); they are written once enough have gathered. */
    public void add(CharSequence lines) {
        if (failed) return;
        pending.append(lines);
        if (pending.length() >= BUFFER) flush();
    }

    /** Writes every line added so far. */
    public void flush() {
        if (failed || pending.length() == 0) return;
        ByteBuffer b = ByteBuffer.wrap(pending.toString().getBytes(StandardCharsets.UTF_8));
        try {
            while (b.hasRemaining()) channel.write(b);
        } catch (IOException e) {
            failed = true;
            cutBack();
            throw new WriteException(file, e);
        }
        written += b.limit();
        pending.setLength(0);
    }

    /** Cuts the file back to its last whole line after a failed write (which frees the space it took). */
    private void cutBack() {
        try {
            channel.truncate(written);
        } catch (IOException e) {
            // the write failed already; that is what is reported
        }
    }

    /** Writes what is left and closes the file. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                throw new WriteException(file, e);
            }
        }
    }
}
