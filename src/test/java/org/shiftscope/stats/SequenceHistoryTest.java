package org.shiftscope.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shiftscope.nn.Site;
import org.shiftscope.nn.Tap;

/** What the sequence charts read: each time step's newest statistics, and the newest accuracy by length. */
class SequenceHistoryTest {
    static TapStats at(int t, Tap tap, double mean) {
        return new TapStats(new Site("h1", 1, t, tap), mean, 1, mean - 1, mean - 0.5, mean, mean + 0.5, mean + 1,
                Double.NaN, mean - 1, mean + 1, new int[] {1, 2}, 0, 0, null);
    }

    static Snapshot snap(long step, int length, double mean, LengthAccuracy by) {
        List<TapStats> taps = new ArrayList<>(List.of(HistoryTest.stats(1, Tap.LINEAR, mean)));
        for (int t = 0; t < length; t++) taps.add(at(t, Tap.LINEAR, mean + t));
        return new Snapshot("main", step, 0.5, 0.75, by == null ? Double.NaN : 0.6, 0.1, 32, true, -1, taps, by);
    }

    @Test
    void eachTimeStepKeepsItsNewestMeasurementAndThePooledSeriesOnlyThePooledRows() {
        History h = new History();
        LengthAccuracy by = new LengthAccuracy(2, new double[] {1, 0.9, 0.5});
        h.add(snap(1, 5, 0, null));
        h.add(snap(2, 3, 10, by));
        List<TapStats> steps = h.timeSteps("main", 1, Tap.LINEAR);
        assertEquals(5, steps.size());
        for (int t = 0; t < 5; t++) assertEquals(t, steps.get(t).site().position());
        assertEquals(12, steps.get(2).mean(), 0.0, "step 2: the newer batch's");
        assertEquals(4, steps.get(4).mean(), 0.0, "step 4: the last batch that reached it");
        assertEquals(List.of(), h.timeSteps("main", 1, Tap.GRADIENT));
        assertEquals(2, h.tap("main", 1, Tap.LINEAR).size(), "the pooled series: one point per step");
        assertEquals(10, h.tap("main", 1, Tap.LINEAR).last().mean(), 0.0);
        assertEquals(1, h.depth());
        for (int i = 0; i < h.metrics("main").size(); i++) {
            assertEquals(1, h.metrics("main").get(i).taps().size(), "the kept snapshots hold the pooled rows only");
        }
        assertEquals(1, h.latestStats("main").taps().size());
        assertSame(by, h.byLength("main"));
        h.add(snap(3, 2, 0, null));
        assertSame(by, h.byLength("main"), "kept until the next evaluation");
        assertEquals(0.5, by.at(4), 0.0);
        assertTrue(Double.isNaN(by.at(5)));
        assertEquals(0.95, by.mean(2, 3), 1e-15);
        assertEquals(4, by.longest());
        h.clear();
        assertEquals(List.of(), h.timeSteps("main", 1, Tap.LINEAR));
        assertNull(h.byLength("main"));
    }
}
