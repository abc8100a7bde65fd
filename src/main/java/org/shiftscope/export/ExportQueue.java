package org.shiftscope.export;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;
import java.util.function.LongSupplier;

/**
 * One background thread that encodes and writes the window's exports, a job at a time in the order they were
 * handed over: a second export while one is writing waits its turn and is never lost, and the FX thread only takes
 * the picture or copies the immutable records, then goes on. What becomes of a job (its progress while a long one
 * writes, then saved or failed) is told to its {@link Listener} through the executor the queue was given (the
 * window's {@code Platform::runLater}).
 */
public final class ExportQueue {
    /** a job's work: writes its files, telling {@code progress} the share done (0 to 1) now and then */
    @FunctionalInterface
    public interface Work {
        void write(DoubleConsumer progress) throws Exception;
    }

    /** what becomes of a job, told through the queue's executor */
    public interface Listener {
        /** a job still writing after {@link #QUIET_NANOS}: the share done, a few times a second */
        void progress(double share);

        void saved();

        void failed(Throwable why);
    }

    /** a job that ends sooner shows no progress */
    static final long QUIET_NANOS = 500_000_000L;
    /** at most this often a job's progress is told */
    static final long PROGRESS_EVERY_NANOS = 200_000_000L;

    /** the writing thread */
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "shiftscope-export");
        t.setDaemon(true);
        return t;
    });
    /** where listeners are told */
    private final Executor tell;
    /** what the jobs handed over and not yet done write, oldest first */
    private final ConcurrentLinkedQueue<String> waiting = new ConcurrentLinkedQueue<>();
    /** the clock (nanoseconds) that decides when a job's progress is shown */
    private final LongSupplier clock;

    public ExportQueue(Executor tell) {
        this(tell, System::nanoTime);
    }

    /** A queue whose progress notices follow {@code clock} (tests give one they move by hand). */
    ExportQueue(Executor tell, LongSupplier clock) {
        this.tell = tell;
        this.clock = clock;
    }

    /**
     * Queues a job writing {@code what} (a file's name); it runs once the jobs handed over before it are done. After
     * {@link #abandon()} a job is not taken: its listener is told it failed.
     */
    public void submit(String what, Work work, Listener listener) {
        if (thread.isShutdown()) {
            tell.execute(() -> listener.failed(new IllegalStateException("the window is closing")));
            return;
        }
        waiting.add(what);
        thread.execute(() -> {
            long start = clock.getAsLong();
            long[] told = {start - PROGRESS_EVERY_NANOS};
            try {
                work.write(share -> {
                    long now = clock.getAsLong();
                    if (now - start < QUIET_NANOS || now - told[0] < PROGRESS_EVERY_NANOS) return;
                    told[0] = now;
                    tell.execute(() -> listener.progress(share));
                });
                tell.execute(listener::saved);
            } catch (Throwable e) { // a failure, even running out of memory, is one job's: the thread goes on
                tell.execute(() -> listener.failed(e));
            } finally {
                waiting.remove(what);
            }
        });
    }

    /** what the jobs handed over and not yet done write (the one writing first), e.g. to say what was not saved */
    public List<String> waiting() {
        return List.copyOf(waiting);
    }

    /**
     * Gives up on the jobs not done: the one writing is interrupted (its file is not moved into place), the others
     * never start, and the queue takes no more.
     */
    public void abandon() {
        thread.shutdownNow();
    }

    /** Waits until every job handed over so far is done (or given up); false when they are not done in time. */
    public boolean finish(long timeout, TimeUnit unit) throws InterruptedException {
        if (thread.isShutdown()) return thread.awaitTermination(timeout, unit);
        CountDownLatch done = new CountDownLatch(1);
        thread.execute(done::countDown);
        return done.await(timeout, unit);
    }
}
