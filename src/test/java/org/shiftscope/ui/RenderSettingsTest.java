package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The window's JavaFX rendering settings: set before it starts, unless the command line gave them. */
class RenderSettingsTest {

    @Test
    void regionCachingIsOffUnlessTheCommandLineSaysOtherwise() {
        Properties none = new Properties();
        LaunchOptions.renderSettings(none);
        assertEquals("true", none.getProperty("prism.disableRegionCaching"));
        Properties given = new Properties();
        given.setProperty("prism.disableRegionCaching", "false");
        LaunchOptions.renderSettings(given);
        assertEquals("false", given.getProperty("prism.disableRegionCaching"), "-D on the command line wins");
    }
}
