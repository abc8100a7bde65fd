package org.shiftscope.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shiftscope.nn.Site;
import org.shiftscope.nn.Tap;

/** What the charts read: metrics, test accuracy and tap statistics per run, decimated, and cleared on reset. */
class HistoryTest {

    static TapStats stats(int layer, Tap tap, double mean) {
        return new TapStats(layer, tap, mean, 1, mean - 1, mean - 0.5, mean, mean + 0.5, mean + 1, Double.NaN,
                mean - 1, mean + 1, new int[] {1, 2});
    }

    static Snapshot snap(String run, long step, double testAccuracy, List<TapStats> taps) {
        return new Snapshot(run, step, 0.5, 0.75, testAccuracy, 0.1, 32, true, -1, taps);
    }

    @Test
    void aRunsShortWordsAreItsLegendWordsShortenedNotItsName() {
        History h = new History();
        h.setStyle("bn", "with BN", "#0072b2");
        h.setStyle("plain", "without BN", "#e69f00");
        h.setStyle("noisy-bn", "with BN + noise 1", "#cc79a7");
        h.setStyle("fast", "with LayerNorm, learning rate 0.3", "#009e73");
        assertEquals("BN", h.brief("bn"));
        assertEquals("no BN", h.brief("plain"));
        assertEquals("BN + noise 1", h.brief("noisy-bn"));
        assertEquals("LayerNorm, learning rate 0.3", h.brief("fast"));
    }

    @Test
    void anEmptyHistoryAnswersWithEmptySeries() {
        History h = new History();
        assertTrue(h.runs().isEmpty());
        assertEquals(0, h.depth());
        assertEquals(0, h.lastStep());
        assertNotNull(h.metrics("main"));
        assertTrue(h.metrics("main").isEmpty());
        assertEquals(0, h.testAccuracy("main").size());
        assertEquals(0, h.tap("main", 1, Tap.LINEAR).size());
        assertNull(h.latest("main"));
        assertNull(h.latestStats("main"));
    }

    @Test
    void snapshotsAreSortedIntoTheirRunsSeries() {
        History h = new History();
        Snapshot b1 = snap("bn", 1, Double.NaN, List.of(stats(1, Tap.LINEAR, 1), stats(1, Tap.NORMALIZED, 2),
                stats(2, Tap.LINEAR, 3), stats(2, Tap.ACTIVATION, 4)));
        Snapshot p1 = snap("plain", 1, Double.NaN, List.of(stats(1, Tap.LINEAR, -1), stats(2, Tap.LINEAR, -3)));
        Snapshot b2 = snap("bn", 2, 0.9, List.of());
        Snapshot p2 = snap("plain", 2, Double.NaN, List.of());
        Snapshot b3 = snap("bn", 3, Double.NaN, List.of(stats(1, Tap.LINEAR, 10), stats(2, Tap.LINEAR, 30)));
        for (Snapshot s : List.of(b1, p1, b2, p2, b3)) h.add(s);

        assertEquals(List.of("bn", "plain"), h.runs(), "in order of first appearance, once each");
        assertEquals(2, h.depth());
        assertEquals(3, h.lastStep());

        assertEquals(3, h.metrics("bn").size());
        assertSame(b1, h.metrics("bn").get(0));
        assertSame(b2, h.metrics("bn").get(1));
        assertSame(b3, h.metrics("bn").get(2));
        assertEquals(2, h.metrics("plain").size());
        assertSame(p2, h.latest("plain"));
        assertSame(b3, h.latest("bn"));

        assertEquals(1, h.testAccuracy("bn").size(), "only the snapshot that carried a test accuracy");
        assertSame(b2, h.testAccuracy("bn").get(0));
        assertEquals(2, h.testAccuracy("bn").step(0));
        assertEquals(0, h.testAccuracy("plain").size());

        Decimated<TapStats> bnL1 = h.tap("bn", 1, Tap.LINEAR);
        assertEquals(2, bnL1.size());
        assertEquals(1, bnL1.get(0).mean());
        assertEquals(10, bnL1.get(1).mean());
        assertEquals(1, bnL1.step(0));
        assertEquals(3, bnL1.step(1));
        assertEquals(1, h.tap("bn", 1, Tap.NORMALIZED).size());
        assertEquals(2, h.tap("bn", 1, Tap.NORMALIZED).get(0).mean());
        assertEquals(4, h.tap("bn", 2, Tap.ACTIVATION).get(0).mean());
        assertEquals(List.of(3.0, 30.0), List.of(h.tap("bn", 2, Tap.LINEAR).get(0).mean(),
                h.tap("bn", 2, Tap.LINEAR).get(1).mean()));
        assertEquals(-1, h.tap("plain", 1, Tap.LINEAR).get(0).mean());
        assertEquals(1, h.tap("plain", 2, Tap.LINEAR).size());
        assertEquals(0, h.tap("plain", 1, Tap.NORMALIZED).size(), "never measured");
        assertEquals(0, h.tap("bn", 3, Tap.LINEAR).size());

        assertSame(b3, h.latestStats("bn"), "the newest snapshot that carried statistics");
        assertSame(p1, h.latestStats("plain"), "a snapshot without statistics does not replace it");
    }

    /** a gradient's statistics: its raw values' mean and its log₁₀|g| statistics' mean */
    static TapStats gradient(int layer, double mean, double logMean) {
        TapStats log = stats(layer, Tap.GRADIENT, logMean);
        return new TapStats(Site.of(layer, Tap.GRADIENT), mean, 1, mean - 1, mean, mean, mean, mean + 1, Double.NaN,
                mean - 1, mean + 1, new int[] {1, 2}, 0, 0, log);
    }

    @Test
    void aGradientsMagnitudesAreASeriesOfTheirOwnKeptAtTheSameStepsAsItsValues() {
        History h = new History();
        int n = History.CAPACITY * 3 + 5;
        for (int step = 1; step <= n; step++) {
            // every 7th step's loss was not finite: it has no gradient
            List<TapStats> taps = step % 7 == 0 ? List.of(stats(1, Tap.LINEAR, step))
                    : List.of(stats(1, Tap.LINEAR, step), gradient(1, step, -step));
            h.add(snap("main", step, Double.NaN, taps));
        }
        Decimated<TapStats> raw = h.tap("main", 1, Tap.GRADIENT), log = h.magnitude("main", 1, Tap.GRADIENT);
        assertTrue(raw.size() > History.CAPACITY / 2 && raw.size() <= History.CAPACITY, "decimated: " + raw.size());
        assertEquals(raw.size(), log.size());
        for (int i = 0; i < raw.size(); i++) {
            assertEquals(raw.step(i), log.step(i));
            assertSame(raw.get(i).magnitude(), log.get(i), "the raw statistics' own magnitude at step " + raw.step(i));
            assertEquals(-raw.get(i).mean(), log.get(i).mean());
        }
        assertSame(raw.last().magnitude(), log.last());
        assertEquals(raw.lastStep(), log.lastStep());
        assertEquals(0, h.magnitude("main", 1, Tap.LINEAR).size(), "a tap without magnitudes");
        assertEquals(0, h.magnitude("main", 2, Tap.GRADIENT).size(), "a layer never measured");
        assertEquals(java.util.Set.of(Tap.LINEAR, Tap.GRADIENT), h.measured());
        assertEquals(List.of(Tap.LINEAR, Tap.GRADIENT), List.copyOf(h.measured()), "in Tap order");
        h.clear();
        assertEquals(0, h.magnitude("main", 1, Tap.GRADIENT).size());
        assertTrue(h.measured().isEmpty());
    }

    @Test
    void lastStepIsTheLargestSeenAndDepthTheDeepestLayer() {
        History h = new History();
        h.add(snap("main", 7, Double.NaN, List.of(stats(3, Tap.LINEAR, 0))));
        h.add(snap("main", 5, Double.NaN, List.of(stats(1, Tap.LINEAR, 0))));
        assertEquals(7, h.lastStep());
        assertEquals(3, h.depth());
    }

    @Test
    void longRunsAreDecimatedToTheCapacity() {
        History h = new History();
        int n = History.CAPACITY * 5 + 3;
        for (int step = 1; step <= n; step++) {
            h.add(snap("main", step, step % 10 == 0 ? 0.5 : Double.NaN, List.of(stats(1, Tap.LINEAR, step))));
        }
        assertTrue(h.metrics("main").size() <= History.CAPACITY);
        assertTrue(h.metrics("main").size() > History.CAPACITY / 2);
        assertTrue(h.tap("main", 1, Tap.LINEAR).size() <= History.CAPACITY);
        assertEquals(n / 10, h.testAccuracy("main").size(), "fewer than the capacity: all kept");
        assertEquals(n, h.latest("main").step(), "the newest stays readable");
        assertEquals(n, h.lastStep());
        assertEquals(1, h.tap("main", 1, Tap.LINEAR).step(0), "the first step stays");
    }

    @Test
    void clearForgetsEverything() {
        History h = new History();
        h.add(snap("bn", 4, 0.5, List.of(stats(2, Tap.LINEAR, 0))));
        h.clear();
        assertTrue(h.runs().isEmpty());
        assertEquals(0, h.depth());
        assertEquals(0, h.lastStep());
        assertEquals(0, h.metrics("bn").size());
        assertEquals(0, h.testAccuracy("bn").size());
        assertEquals(0, h.tap("bn", 2, Tap.LINEAR).size());
        assertNull(h.latest("bn"));
        assertNull(h.latestStats("bn"));
        h.add(snap("main", 1, Double.NaN, List.of()));
        assertEquals(List.of("main"), h.runs());
        assertEquals(1, h.lastStep());
        assertEquals(0, h.depth());
    }
}
