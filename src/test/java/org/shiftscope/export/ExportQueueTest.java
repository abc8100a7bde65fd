package org.shiftscope.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The background writer: jobs in the order handed over, none lost, a failure (even an Error) one job's alone. */
class ExportQueueTest {
    /** what the listeners heard, in order */
    private final List<String> heard = new CopyOnWriteArrayList<>();

    private ExportQueue.Listener listener(String name) {
        return new ExportQueue.Listener() {
            @Override
            public void progress(double share) {
                heard.add(name + " at " + share);
            }

            @Override
            public void saved() {
                heard.add(name + " saved");
            }

            @Override
            public void failed(Throwable why) {
                heard.add(name + " failed: " + why.getMessage());
            }
        };
    }

    @Test
    void jobsRunInOrderAndAFailureIsOneJobsAlone() throws Exception {
        ExportQueue q = new ExportQueue(Runnable::run);
        CountDownLatch go = new CountDownLatch(1);
        q.submit("a.png", progress -> go.await(60, TimeUnit.SECONDS), listener("a"));
        q.submit("b.csv", progress -> {
            throw new java.io.IOException("No space left on device");
        }, listener("b"));
        q.submit("c.gif", progress -> {
            throw new OutOfMemoryError("Java heap space");
        }, listener("c"));
        q.submit("d.png", progress -> { }, listener("d"));
        assertEquals(List.of("a.png", "b.csv", "c.gif", "d.png"), q.waiting(), "all waiting behind the first");
        go.countDown();
        assertTrue(q.finish(60, TimeUnit.SECONDS));
        assertEquals(List.of("a saved", "b failed: No space left on device", "c failed: Java heap space", "d saved"),
                heard);
        assertEquals(List.of(), q.waiting());
    }

    @Test
    void progressIsShownOnlyAfterHalfASecondAndAtMostFiveTimesASecond() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000L); // a clock the job moves by hand: no time has to pass
        ExportQueue q = new ExportQueue(Runnable::run, now::get);
        long ms = 1_000_000L;
        q.submit("long.csv", progress -> {
            for (long[] at : new long[][] {{100, 10}, {499, 20}, {500, 30}, {650, 40}, {700, 50}, {899, 60},
                {900, 70}, {2000, 100}}) {
                now.set(1_000_000_000L + at[0] * ms);
                progress.accept(at[1] / 100.0);
            }
        }, listener("long"));
        q.submit("quick.csv", progress -> {
            progress.accept(0.5); // the clock stands still: within half a second
            progress.accept(1);
        }, listener("quick"));
        assertTrue(q.finish(60, TimeUnit.SECONDS));
        assertEquals(List.of("long at 0.3", "long at 0.5", "long at 0.7", "long at 1.0", "long saved", "quick saved"),
                heard, "quiet for half a second, then at most every 200 ms");
    }

    @Test
    void abandonedTheJobWritingIsInterruptedAndTheOthersNeverStart() throws Exception {
        ExportQueue q = new ExportQueue(Runnable::run);
        CountDownLatch writing = new CountDownLatch(1), never = new CountDownLatch(1);
        q.submit("held.png", progress -> {
            writing.countDown();
            never.await(); // a write that would not end by itself
        }, listener("held"));
        q.submit("next.csv", progress -> heard.add("next ran"), listener("next"));
        assertTrue(writing.await(60, TimeUnit.SECONDS));
        assertEquals(List.of("held.png", "next.csv"), q.waiting());
        q.abandon();
        assertTrue(q.finish(60, TimeUnit.SECONDS), "the writer ends once the job writing gives up");
        q.submit("late.png", progress -> heard.add("late ran"), listener("late"));
        assertEquals(List.of("held failed: null", "late failed: the window is closing"), heard);
    }
}
