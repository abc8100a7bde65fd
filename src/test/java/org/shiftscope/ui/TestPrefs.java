package org.shiftscope.ui;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Gives a test class its own preferences node ({@link Prefs} reads {@code shiftscope.prefs} on every call), so
 * test classes — and builds of other worktrees running at the same time — never see each other's theme, last
 * scenario or recent files.
 */
final class TestPrefs {
    private TestPrefs() {}

    /** Points {@link Prefs} at a fresh node named after the class and this JVM; returns its path. */
    static String useOwnNode(Class<?> testClass) {
        String path = "org/shiftscope/test/" + testClass.getSimpleName() + "-" + ProcessHandle.current().pid() + "-"
                + System.nanoTime();
        System.setProperty("shiftscope.prefs", path);
        return path;
    }

    /** Removes the node (and what the tests stored in it). */
    static void remove(String path) throws BackingStoreException {
        Preferences root = Preferences.userRoot();
        if (root.nodeExists(path)) {
            Preferences node = root.node(path);
            Preferences parent = node.parent();
            node.removeNode();
            parent.flush();
        }
    }
}
