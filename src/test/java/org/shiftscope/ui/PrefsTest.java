package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the app remembers between launches (a separate preferences node for tests, set in the pom). */
class PrefsTest {
    @Test
    void themeLastScenarioAndRecentFilesPersist() {
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
    }
}
