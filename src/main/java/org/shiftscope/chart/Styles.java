package org.shiftscope.chart;

import javafx.scene.Scene;

/** The application's stylesheets (assets/css on the classpath), shared by the window and the headless figures. */
public final class Styles {
    private Styles() {}

    /** Adds the light and dark stylesheets to a scene. */
    public static void add(Scene scene) {
        for (String name : new String[] {"/css/shiftscope.css", "/css/dark.css"}) {
            var css = Styles.class.getResource(name);
            if (css != null) scene.getStylesheets().add(css.toExternalForm());
        }
    }
}
