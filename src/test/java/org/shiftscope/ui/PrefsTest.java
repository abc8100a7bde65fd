package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the app remembers between launches (in a preferences node of this test class's own). */
class PrefsTest {
    private static String node;

    @BeforeAll
    static void ownPreferences() {
        node = TestPrefs.useOwnNode(PrefsTest.class);
    }

    @AfterAll
    static void removePreferences() throws Exception {
        TestPrefs.remove(node);
        assertTrue(!Preferences.userRoot().nodeExists(node), "the test's node is gone");
    }

    @Test
    void themeLastScenarioAndRecentFilesPersist() {
        assertEquals("light", Prefs.theme(), "a fresh node: nothing left by another test or build");
        assertEquals("", Prefs.lastScenario());
        assertEquals(List.of(), Prefs.recent());
        Prefs.setTheme("dark");
        Prefs.setLastScenario("lesson-3-learning-rate");
        assertEquals("dark", Prefs.theme());
        assertEquals("lesson-3-learning-rate", Prefs.lastScenario());
        Prefs.setTheme("light");
        assertEquals("light", Prefs.theme());
        for (int i = 0; i < Prefs.RECENT + 3; i++) Prefs.addRecent(Path.of("/tmp/s" + i + ".json"));
        Prefs.addRecent(Path.of("/tmp/s5.json"));
        List<Path> recent = Prefs.recent();
        assertEquals(Prefs.RECENT, recent.size(), "bounded");
        assertEquals(Path.of("/tmp/s5.json"), recent.get(0), "reopening moves a file to the top, once");
        assertEquals(1, recent.stream().filter(p -> p.equals(Path.of("/tmp/s5.json"))).count());
        assertTrue(recent.contains(Path.of("/tmp/s10.json")));
        assertTrue(Preferences.userRoot().node(node).get("recent", "").contains("/tmp/s10.json"),
                "stored in the test's own node");
    }
}
