package org.shiftscope;

import java.lang.management.ManagementFactory;

/**
 * What a piece of work cost the thread that did it: its own CPU time and the memory it allocated. Unlike the wall
 * clock, neither grows when other processes keep the machine busy, so limits on them hold on a loaded machine.
 *
 * @param cpuNanos       CPU time of the calling thread
 * @param allocatedBytes bytes the calling thread allocated
 */
public record ThreadCost(long cpuNanos, long allocatedBytes) {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Runs the work on this thread and measures it. */
    public static ThreadCost of(Runnable work) {
        long cpu0 = THREADS.getCurrentThreadCpuTime(), bytes0 = THREADS.getCurrentThreadAllocatedBytes();
        work.run();
        return new ThreadCost(THREADS.getCurrentThreadCpuTime() - cpu0,
                THREADS.getCurrentThreadAllocatedBytes() - bytes0);
    }

    /** CPU time of any thread by its id (e.g. the FX thread's, from a watchdog) */
    public static long cpuNanos(Thread t) {
        return THREADS.getThreadCpuTime(t.getId());
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.0f ms of CPU, %.1f MB allocated", cpuNanos / 1e6,
                allocatedBytes / 1e6);
    }
}
