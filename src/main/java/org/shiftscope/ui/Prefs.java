package org.shiftscope.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the app remembers between launches (theme, the layer rows' looks, last scenario and lesson, recently opened
 * scenario files), in the user's Java preferences.
 * The node can be moved with {@code -Dshiftscope.prefs=NAME} (tests use their own).
 */
public final class Prefs {
    /** how many recent files are kept */
    static final int RECENT = 8;

    private Prefs() {}

    private static Preferences node() {
        return Preferences.userRoot().node(System.getProperty("shiftscope.prefs", "org/shiftscope/app"));
    }

    /** recently opened or saved scenario files, newest first */
    public static List<Path> recent() {
        List<Path> list = new ArrayList<>();
        for (String line : node().get("recent", "").split("\n")) {
            if (!line.isBlank()) list.add(Path.of(line));
        }
        return list;
    }

    /** "light" or "dark" */
    public static String theme() {
        return node().get("theme", "light");
    }

    public static void setTheme(String theme) {
        node().put("theme", theme);
        flush();
    }

    /** how the layer rows show histograms over time */
    public static org.shiftscope.chart.OverTime overTime() {
        return org.shiftscope.chart.OverTime.of(node().get("overTime", ""));
    }

    public static void setOverTime(org.shiftscope.chart.OverTime view) {
        node().put("overTime", view.key());
        flush();
    }

    /** whether the gradient's charts show log₁₀|g| (on unless switched off) */
    public static boolean logView() {
        return node().getBoolean("logView", true);
    }

    public static void setLogView(boolean on) {
        node().putBoolean("logView", on);
        flush();
    }

    /** the last scenario opened: a preset name or a file path ("" = none) */
    public static String lastScenario() {
        return node().get("lastScenario", "");
    }

    public static void setLastScenario(String nameOrFile) {
        node().put("lastScenario", nameOrFile);
        flush();
    }

    /** {@link #lastLesson()} when the welcome card was open */
    public static final int WELCOME = -1;

    /** the lesson open when the app was last closed (its number; {@link #WELCOME} for the welcome card), or 0 */
    public static int lastLesson() {
        return node().getInt("lastLesson", 0);
    }

    public static void setLastLesson(int number) {
        node().putInt("lastLesson", number);
        flush();
    }

    private static void flush() {
        try {
            node().flush();
        } catch (BackingStoreException e) {
            // not fatal: kept in memory for this session
        }
    }

    public static void addRecent(Path file) {
        List<Path> list = recent();
        Path abs = file.toAbsolutePath();
        list.remove(abs);
        list.add(0, abs);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(RECENT, list.size()); i++) b.append(list.get(i)).append('\n');
        node().put("recent", b.toString());
        try {
            node().flush();
        } catch (BackingStoreException e) {
            // not fatal: the list is still in memory for this session
        }
    }
}
