package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The trainer leaves the window time only while its frames fall behind, and takes it back once they keep up. */
class CoreShareTest {

    @Test
    void risesWhileBehindUpToItsMostAndFallsBackToNone() {
        CoreShare s = new CoreShare(Double.NaN);
        assertEquals(0, s.next(60), 1e-12, "a window that keeps up gets no idle time");
        assertEquals(CoreShare.UP, s.next(30), 1e-12);
        assertEquals(2 * CoreShare.UP, s.next(CoreShare.BEHIND - 0.1), 1e-12);
        for (int i = 0; i < 100; i++) s.next(10);
        assertEquals(CoreShare.MAX, s.share(), 1e-12, "never more than the most");
        assertEquals(CoreShare.MAX, s.next(40), 1e-12, "between behind and keeping up: as it was");
        assertEquals(CoreShare.MAX - CoreShare.DOWN, s.next(CoreShare.KEEPING_UP), 1e-12);
        for (int i = 0; i < 100; i++) s.next(60);
        assertEquals(0, s.share(), 1e-12, "back to none");
    }

    /** the slow frames of a launch (JIT compiling, first layout) cost training a little, for a short time */
    @Test
    void aSlowStartIsForgottenWithinSeconds() {
        CoreShare s = new CoreShare(Double.NaN);
        for (int i = 0; i < 10; i++) s.next(20); // 5 s of slow frames
        assertTrue(s.share() <= 0.2 + 1e-12, "after 5 s behind: " + s.share());
        for (int i = 0; i < 4; i++) s.next(60); // then 2 s keeping up
        assertEquals(0, s.share(), 1e-12, "all of it back to training");
    }

    @Test
    void aFixedShareStaysFixed() {
        CoreShare s = new CoreShare(0.2);
        assertEquals(0.2, s.next(5), 1e-12);
        assertEquals(0.2, s.next(60), 1e-12);
    }

    @Test
    void theSystemPropertyFixesItWithinItsRange() {
        String before = System.getProperty("shiftscope.uiShare");
        try {
            System.setProperty("shiftscope.uiShare", "0.3");
            assertEquals(0.3, CoreShare.fromSystemProperty().next(10), 1e-12);
            System.setProperty("shiftscope.uiShare", "7");
            assertEquals(0.9, CoreShare.fromSystemProperty().next(10), 1e-12);
            System.setProperty("shiftscope.uiShare", "lots");
            assertEquals(CoreShare.UP, CoreShare.fromSystemProperty().next(10), 1e-12, "not a number: adaptive");
            System.clearProperty("shiftscope.uiShare");
            assertEquals(0, CoreShare.fromSystemProperty().next(60), 1e-12);
        } finally {
            if (before == null) System.clearProperty("shiftscope.uiShare");
            else System.setProperty("shiftscope.uiShare", before);
        }
    }
}
