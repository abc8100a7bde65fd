package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the app remembers between launches (a separate preferences node for tests, set in the pom). */
class SettingsTest {
    @Test
    void themeLastScenarioAndRecentFilesPersist() {
        Settings.setTheme("dark");
        Settings.setLastScenario("lesson-3-learning-rate");
        assertEquals("dark", Settings.theme());
        assertEquals("lesson-3-learning-rate", Settings.lastScenario());
        Settings.setTheme("light");
        assertEquals("light", Settings.theme());
        for (int i = 0; i < Settings.RECENT + 3; i++) Settings.addRecent(Path.of("/tmp/s" + i + ".json"));
        Settings.addRecent(Path.of("/tmp/s5.json"));
        List<Path> recent = Settings.recent();
        assertEquals(Settings.RECENT, recent.size(), "bounded");
        assertEquals(Path.of("/tmp/s5.json"), recent.get(0), "reopening moves a file to the top, once");
        assertEquals(1, recent.stream().filter(p -> p.equals(Path.of("/tmp/s5.json"))).count());
        assertTrue(recent.contains(Path.of("/tmp/s10.json")));
    }
}
