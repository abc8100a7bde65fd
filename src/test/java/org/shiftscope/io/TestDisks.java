package org.shiftscope.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** Disks for tests, to put in with {@link Disk#use}: one that fills up under one file, one that writes slowly. */
public final class TestDisks {
    private TestDisks() {}

    /**
     * The file system, except that files whose name contains {@code name} (a temporary file's too) may hold only
     * {@code bytes} between them: the write that goes beyond writes what fits and the next one fails with "No space
     * left on device", as a full disk does; cutting a file back frees its space.
     */
    public static Disk.Opener full(String name, long bytes) {
        AtomicLong free = new AtomicLong(bytes);
        return (file, options) -> {
            SeekableByteChannel real = Disk.FILES.open(file, options);
            if (!file.getFileName().toString().contains(name)) return real;
            return new Wrapped(real) {
                @Override
                public int write(ByteBuffer src) throws IOException {
                    long room = free.get();
                    if (room <= 0) throw new IOException("No space left on device");
                    if (src.remaining() <= room) {
                        int n = real.write(src);
                        free.addAndGet(-n);
                        return n;
                    }
                    ByteBuffer part = src.duplicate();
                    part.limit(part.position() + (int) room);
                    int n = real.write(part);
                    src.position(src.position() + n);
                    free.addAndGet(-n);
                    return n;
                }

                @Override
                public SeekableByteChannel truncate(long size) throws IOException {
                    long before = real.size();
                    real.truncate(size);
                    free.addAndGet(before - real.size());
                    return this;
                }
            };
        };
    }

    /** The file system, but every write first waits {@code millis}: a slow disk, or a busy network share. */
    public static Disk.Opener slow(long millis) {
        return (file, options) -> new Wrapped(Disk.FILES.open(file, options)) {
            @Override
            public int write(ByteBuffer src) throws IOException {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while writing");
                }
                return real.write(src);
            }
        };
    }

    /**
     * The file system, but the first write to any file says so ({@code writing} counts down) and every write waits
     * until {@code go} opens: a write held in flight for as long as a test needs. An interrupted wait fails the
     * write, as an interrupted write to a file does.
     */
    public static Disk.Opener held(CountDownLatch writing, CountDownLatch go) {
        return (file, options) -> new Wrapped(Disk.FILES.open(file, options)) {
            @Override
            public int write(ByteBuffer src) throws IOException {
                writing.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while writing");
                }
                return real.write(src);
            }
        };
    }

    /** a file written through by default */
    private static class Wrapped implements SeekableByteChannel {
        final SeekableByteChannel real;

        Wrapped(SeekableByteChannel real) {
            this.real = real;
        }

        @Override public int read(ByteBuffer dst) throws IOException { return real.read(dst); }
        @Override public int write(ByteBuffer src) throws IOException { return real.write(src); }
        @Override public long position() throws IOException { return real.position(); }
        @Override public SeekableByteChannel position(long p) throws IOException {
            real.position(p);
            return this;
        }
        @Override public long size() throws IOException { return real.size(); }
        @Override public SeekableByteChannel truncate(long size) throws IOException {
            real.truncate(size);
            return this;
        }
        @Override public boolean isOpen() { return real.isOpen(); }
        @Override public void close() throws IOException { real.close(); }
    }

    /** the file names in a folder, hidden ones included, sorted */
    public static java.util.List<String> names(Path dir) throws IOException {
        try (var files = java.nio.file.Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
