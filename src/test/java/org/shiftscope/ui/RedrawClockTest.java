package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The charts redraw 30 times a second whatever the frame rate above that, and as often as frames come below it. */
class RedrawClockTest {

    /** redraws in 10 s of frames every {@code frameNanos}, with charts to draw at every frame */
    private static int redrawsIn10s(long frameNanos) {
        RedrawClock c = new RedrawClock();
        int n = 0;
        for (long t = 1_000_000_000L; t < 11_000_000_000L; t += frameNanos) {
            if (c.due(t)) {
                c.drawn(t);
                n++;
            }
        }
        return n;
    }

    @Test
    void thirtyASecondFromAnyFrameRateAboveIt() {
        for (double fps : new double[] {30.5, 36, 40, 45, 50, 59.94, 60, 75, 120, 144}) {
            int n = redrawsIn10s(Math.round(1e9 / fps));
            assertTrue(Math.abs(n - 300) <= 2, fps + " frames/s gave " + n + " redraws in 10 s, not 300");
        }
    }

    @Test
    void everyFrameBelowIt() {
        assertEquals(250, redrawsIn10s(40_000_000L), 1, "25 frames/s: each one redraws");
        assertEquals(100, redrawsIn10s(100_000_000L), 1, "10 frames/s: each one redraws");
    }

    @Test
    void aLateRedrawDoesNotBurstToCatchUp() {
        RedrawClock c = new RedrawClock();
        c.drawn(0);
        assertTrue(!c.due(RedrawClock.PERIOD / 2), "not twice in half a period");
        long late = 2_000_000_000L; // nothing to draw for two seconds (paused), then data again
        assertTrue(c.due(late));
        c.drawn(late);
        assertTrue(!c.due(late + 16_700_000L), "the next frame waits for the next period, no catching up");
        assertTrue(c.due(late + 33_400_000L));
    }
}
