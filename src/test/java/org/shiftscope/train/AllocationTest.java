package org.shiftscope.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.stats.TapStats;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioIO;
import org.shiftscope.train.scenario.Settings;
import org.shiftscope.train.scenario.VariantPreset;

/**
 * The training thread allocates nothing per step once warmed up (not a byte a step over 3 × 500 steps), with the
 * statistics off; with them on (1,000 steps), only the snapshot it publishes (its records and their histogram
 * counts). Counted by the JVM for this thread
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}), so neither the machine's load nor the garbage
 * collector changes the figure.
 */
class AllocationTest {
    private static final int WARM_UP = 300, STEPS = 1000;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** bytes this thread has allocated so far */
    private static long allocated() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** a preset with other variants (or none), the statistics every {@code every} steps, no test pass */
    private static Session session(String preset, String variants, long every) {
        Scenario sc = ScenarioIO.preset(preset);
        if (!variants.isEmpty()) sc = VariantPreset.fromKey(variants).applyTo(sc);
        sc = sc.with(Settings.STATS_EVERY, every).with(Settings.EVAL_EVERY, 10_000_000L);
        return Session.create(sc);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"default,", "default,normalizers", "default,noisy", "default,small-batch",
            "lesson-6-placement,", "lesson-8-small-batches,", "lesson-10-noisy-shift,"})
    void aStepAllocatesNothingWithTheStatisticsOff(String preset, String variants) {
        Session s = session(preset, variants == null ? "" : variants, 10_000_000L);
        for (int i = 0; i < WARM_UP; i++) s.step();
        allocated(); // the first call may set itself up
        // the least of three windows: something allocated once (a class set up on its first use, a coverage
        // agent's probes) falls in one window, while an allocation made every step falls in each of them
        long least = Long.MAX_VALUE;
        for (int w = 0; w < 3; w++) {
            long before = allocated();
            for (int i = 0; i < STEPS / 2; i++) s.step();
            least = Math.min(least, allocated() - before);
        }
        assertTrue(least < STEPS / 2, preset + " " + variants + ": " + least + " bytes over " + STEPS / 2 + " steps");
    }

    /**
     * a generous size of a published snapshot: its record, its lists, each tap's record and counts, and each layer's
     * gradient-flow record
     */
    private static long bound(Snapshot snap) {
        long b = 128 + 2 * 32 + 8L * snap.taps().size() + 48L * snap.flow().size();
        for (TapStats t : snap.taps()) b += bound(t);
        return b;
    }

    private static long bound(TapStats t) {
        if (t == null) return 0;
        return 128 + 24 + 4L * t.counts().length + bound(t.magnitude());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"default,", "default,normalizers", "lesson-8-small-batches,"})
    void withTheStatisticsOnAStepAllocatesOnlyTheSnapshotItPublishes(String preset, String variants) {
        Session s = session(preset, variants == null ? "" : variants, 1);
        long[] published = new long[1];
        s.setListener(snap -> published[0] += bound(snap)); // sums primitives only
        for (int i = 0; i < WARM_UP; i++) s.step();
        allocated();
        published[0] = 0;
        long before = allocated();
        for (int i = 0; i < STEPS; i++) s.step();
        long bytes = allocated() - before;
        assertTrue(published[0] > 0, "snapshots were published");
        assertTrue(bytes <= published[0], preset + " " + variants + ": " + bytes / STEPS + " bytes a step, against "
                + published[0] / STEPS + " for the snapshots published");
    }
}
