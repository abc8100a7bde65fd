package org.shiftscope.io;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Set;

/**
 * Where every file the app writes is opened: the file system, or in tests one that is slow or fails like a full
 * disk. {@link AtomicFile} and {@link RowFile} write through it.
 */
public final class Disk {
    /** opens a file for writing with the given options */
    @FunctionalInterface
    public interface Opener {
        SeekableByteChannel open(Path file, Set<OpenOption> options) throws IOException;
    }

    /** the file system itself */
    public static final Opener FILES = (file, options) -> Files.newByteChannel(file, options);

    /** the opener in use */
    private static volatile Opener opener = FILES;

    private Disk() {}

    /** Opens a file for writing through the opener in use. */
    static SeekableByteChannel open(Path file, Set<OpenOption> options) throws IOException {
        return opener.open(file, options);
    }

    /** Writes go through this opener from now on (tests: a slow disk, a full one). */
    public static void use(Opener o) {
        opener = o;
    }
}
