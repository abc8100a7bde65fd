package org.shiftscope.ui;

/**
 * When the charts may redraw: 30 times a second on average whatever the screen's frame rate, as long as it gives
 * at least that many frames. Each redraw books the next one a period later; a frame up to a third of a period
 * early takes it (frames do not fall on the booked times), and a redraw more than a period late books from now
 * on (no burst to catch up). At 60 frames a second that is every other frame; at 45, three frames in four.
 */
final class RedrawClock {
    /** one redraw per this many nanoseconds on average: 30 a second */
    static final long PERIOD = 1_000_000_000L / 30;
    /** how early a frame may take its booked redraw */
    static final long EARLY = PERIOD / 3;

    /** the booked time of the next redraw (0: at once) */
    private long due;

    /** whether a frame at this time may redraw the charts */
    boolean due(long now) {
        return now >= due - EARLY;
    }

    /** Books the next redraw after one done at this time. */
    void drawn(long now) {
        due = now - due > PERIOD ? now + PERIOD : due + PERIOD;
    }
}
