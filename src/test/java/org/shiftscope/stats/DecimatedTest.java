package org.shiftscope.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounded series: what it keeps after any number of values, and its newest value. */
class DecimatedTest {

    /** the steps kept after offering 1..n: every s-th from the first, s the smallest power of 2 that fits */
    static List<Long> expectedKept(long n, int capacity) {
        long s = 1;
        while ((n + s - 1) / s > capacity) s *= 2;
        List<Long> kept = new ArrayList<>();
        for (long step = 1; step <= n; step += s) kept.add(step);
        return kept;
    }

    static List<Long> kept(Decimated<String> d) {
        List<Long> steps = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            steps.add(d.step(i));
            assertEquals("v" + d.step(i), d.get(i), "item " + i + " belongs to its step");
        }
        return steps;
    }

    @Test
    void keepsEveryValueUntilFullThenEvenlySpacedValuesWithADoublingStride() {
        for (int capacity : new int[] {4, 6, 8, 384}) {
            Decimated<String> d = new Decimated<>(capacity);
            for (long step = 1; step <= 5000; step++) {
                d.add(step, "v" + step);
                List<Long> expected = expectedKept(step, capacity);
                assertEquals(expected, kept(d), "capacity " + capacity + " after " + step + " values");
                assertTrue(d.size() <= capacity);
                assertTrue(d.size() > capacity / 2 || step <= capacity / 2, "never less than half full");
            }
        }
    }

    @Test
    void knownSequenceForCapacityFour() {
        Decimated<String> d = new Decimated<>(4);
        long[][] after = {{1}, {1, 2}, {1, 2, 3}, {1, 2, 3, 4}, {1, 3, 5}, {1, 3, 5}, {1, 3, 5, 7}, {1, 3, 5, 7},
            {1, 5, 9}, {1, 5, 9}, {1, 5, 9}, {1, 5, 9}, {1, 5, 9, 13}};
        for (int k = 0; k < after.length; k++) {
            d.add(k + 1, "v" + (k + 1));
            List<Long> expected = new ArrayList<>();
            for (long s : after[k]) expected.add(s);
            assertEquals(expected, kept(d), "after step " + (k + 1));
        }
    }

    @Test
    void theNewestValueIsReadableEvenWhenNotKept() {
        Decimated<String> d = new Decimated<>(4);
        assertTrue(d.isEmpty());
        assertNull(d.last());
        assertEquals(-1, d.lastStep());
        for (long step = 1; step <= 6; step++) d.add(step * 10, "v" + step * 10);
        assertEquals(List.of(10L, 30L, 50L), kept(d), "60 was skipped");
        assertEquals("v60", d.last());
        assertEquals(60, d.lastStep());
        assertFalse(d.isEmpty());
    }

    @Test
    void stepsNeedNotStartAtOneOrBeContiguous() {
        Decimated<Integer> d = new Decimated<>(4);
        long[] steps = {100, 250, 251, 900, 1000};
        for (int i = 0; i < steps.length; i++) d.add(steps[i], i);
        assertEquals(3, d.size());
        assertEquals(100, d.step(0));
        assertEquals(251, d.step(1));
        assertEquals(1000, d.step(2));
        assertEquals(0, d.get(0));
        assertEquals(2, d.get(1));
        assertEquals(4, d.get(2));
    }

    @Test
    void clearStartsOverWithStrideOne() {
        Decimated<String> d = new Decimated<>(4);
        for (long step = 1; step <= 100; step++) d.add(step, "v" + step);
        d.clear();
        assertEquals(0, d.size());
        assertTrue(d.isEmpty());
        assertNull(d.last());
        assertEquals(-1, d.lastStep());
        for (long step = 1; step <= 4; step++) d.add(step, "v" + step);
        assertEquals(List.of(1L, 2L, 3L, 4L), kept(d), "after a clear every value is kept again");
    }

    @Test
    void itemsAreTheObjectsOffered() {
        Decimated<Object> d = new Decimated<>(4);
        Object a = new Object(), b = new Object();
        d.add(1, a);
        d.add(2, b);
        assertSame(a, d.get(0));
        assertSame(b, d.get(1));
        assertSame(b, d.last());
    }

    @Test
    void capacityMustBeEvenAndAtLeastFour() {
        for (int bad : new int[] {-2, 0, 2, 3, 5, 7}) {
            assertThrows(IllegalArgumentException.class, () -> new Decimated<String>(bad), "capacity " + bad);
        }
        assertEquals(0, new Decimated<String>(4).size());
        assertEquals(0, new Decimated<String>(6).size());
    }
}
