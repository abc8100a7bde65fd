package org.shiftscope.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A file could not be written (a full disk, a folder that cannot be written to): the message names the file. */
public final class WriteException extends UncheckedIOException {
    /** the file that could not be written */
    private final Path file;

    public WriteException(Path file, IOException cause) {
        super("cannot write " + file + " (" + reason(cause) + ")", cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** the system's words for an I/O failure, e.g. "No space left on device" */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or folder";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileAlreadyExistsException f) return f.getFile() + " is in the way";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
