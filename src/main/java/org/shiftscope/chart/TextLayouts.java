package org.shiftscope.chart;

import com.sun.javafx.text.GlyphLayout;
import java.lang.reflect.Field;

/**
 * Keeps the FX thread and the render thread from shaping text with the same object.
 *
 * <p>JavaFX shapes text with one shared {@code GlyphLayout} handed to whichever thread asks first. Labels are shaped
 * on the FX thread and a Canvas's {@code fillText} on the render thread, so with live charts both ask all the time.
 * On Linux the shared object is a {@code PangoGlyphLayout}, whose {@code dispose()} releases it before it frees its
 * strings (JavaFX 21.0.11): the other thread can take it in between and add to the map being emptied. CI saw that
 * as a {@code ConcurrentModificationException} in a label's layout (UI fuzz seed 6200722239685333610, 2026-12-02);
 * it can also free strings the other thread is still using.
 *
 * <p>{@link #shareNone()} marks the shared object taken for good and swaps in one that nobody holds, so every
 * later request gets an object of its own (a small allocation per text layout). If JavaFX is on the module path
 * or its internals have changed, it does nothing and says why once.
 */
public final class TextLayouts {
    private TextLayouts() {}

    /** whether {@link #shareNone()} has run (FX thread only) */
    private static boolean done;

    /** Every text layout from now on gets a GlyphLayout of its own. Idempotent; needs the toolkit started. */
    public static void shareNone() {
        if (done) return;
        done = true;
        try {
            Field inUse = GlyphLayout.class.getDeclaredField("inUse");
            Field reusable = GlyphLayout.class.getDeclaredField("reusableGL");
            inUse.setAccessible(true);
            reusable.setAccessible(true);
            synchronized (GlyphLayout.class) {
                // inUse = true: getInstance() creates a new object for every caller
                inUse.setBoolean(null, true);
                // a holder of the old shared object no longer resets inUse when it disposes it (this != reusableGL)
                reusable.set(null, GlyphLayout.getInstance());
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            System.err.println("ShiftScope: text layouts stay shared (" + e + "); JavaFX may rarely fail to lay out"
                    + " a label while the charts draw");
        }
    }

    /** Whether a request for a GlyphLayout now gets an object of its own (tests). */
    static boolean shared() {
        GlyphLayout a = GlyphLayout.getInstance(), b = GlyphLayout.getInstance();
        a.dispose();
        b.dispose();
        GlyphLayout c = GlyphLayout.getInstance();
        c.dispose();
        return a == c || b == c;
    }
}
