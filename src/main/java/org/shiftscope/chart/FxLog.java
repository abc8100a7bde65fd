package org.shiftscope.chart;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JavaFX warns at every start that it was loaded from the class path ("Unsupported JavaFX configuration"). The
 * shaded jar does that on purpose (one file, no module path to set up), so the warning only worries users: the
 * window and the headless runner's figures both call {@link #quiet()} before JavaFX starts.
 */
public final class FxLog {
    private FxLog() {}

    /** kept in a field: java.util.logging holds loggers weakly, and a collected logger forgets its level */
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    /** JavaFX's own log shows only errors from now on. */
    public static void quiet() {
        JAVAFX.setLevel(Level.SEVERE);
    }
}
