package org.shiftscope.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file written whole or not at all: its bytes go to a hidden temporary file in the same folder, which
 * {@link #commit()} moves into place in one step (atomically where the file system can), so a reader, a killed
 * process or a full disk never leaves half a file under the final name. {@link #close()} without a commit removes
 * the temporary file. The file keeps the permissions of the one it replaces; a new one gets those of any new file
 * in that folder (not a temporary file's owner-only ones). Failures are the system's {@link IOException}s. One
 * thread at a time.
 */
public final class AtomicFile implements AutoCloseable {
    /** the final name */
    private final Path target;
    /** the temporary file beside it */
    private final Path temp;
    /** the temporary file, open for writing */
    private final SeekableByteChannel channel;
    /** whether the file was moved into place */
    private boolean committed;

    private AtomicFile(Path target, Path temp, SeekableByteChannel channel) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
    }

    /** Starts a file at {@code target} (its folder must exist); nothing appears there before {@link #commit()}. */
    public static AtomicFile create(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
        Path temp = abs.resolveSibling(".shiftscope-" + random + "-" + abs.getFileName() + ".part");
        SeekableByteChannel ch = Disk.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        temp.toFile().deleteOnExit(); // a process that ends before the commit leaves no temporary file
        return new AtomicFile(abs, temp, ch);
    }

    /** Writes a whole file at once. */
    public static void write(Path target, byte[] bytes) throws IOException {
        try (AtomicFile f = create(target)) {
            f.write(bytes);
            f.commit();
        }
    }

    /** Writes a whole text file (UTF-8) at once. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** the final name */
    public Path target() {
        return target;
    }

    /** Appends bytes to the temporary file. */
    public void write(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) channel.write(b);
    }

    /** A stream into the temporary file; closing it ends the writing, {@link #commit()} still moves the file. */
    public OutputStream stream() {
        return Channels.newOutputStream(channel);
    }

    /** Moves the written file into place, replacing what was there. */
    public void commit() throws IOException {
        channel.close();
        if (Files.exists(target) && Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
        }
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** Ends the file: after a commit nothing more happens; without one the temporary file is removed. */
    @Override
    public void close() {
        if (committed) return;
        try {
            channel.close();
        } catch (IOException e) {
            // removed below all the same
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // a hidden leftover; the final name was never touched
        }
    }
}
