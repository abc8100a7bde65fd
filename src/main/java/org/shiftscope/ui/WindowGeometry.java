package org.shiftscope.ui;

import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The main window's size when it opens: most of the screen (at most 1560 × 960), never smaller than the charts
 * need (800 × 500, or the screen if that is smaller).
 *
 * <p>JavaFX 21 on Linux can lose the size it asked for when a window manager answers the first map with a size of
 * its own: seen under openbox (the window came up 202 × 225, a bare JavaFX stage too), and reported on GNOME 46
 * as JDK-8316423 (fixed in JavaFX 22). {@link #show} therefore asks for the size once more right after the window
 * is shown, and gives the window a minimum size, so the first launch never opens as a stamp-sized window.
 */
final class WindowGeometry {
    private WindowGeometry() {}

    /** the smallest window the charts and the panel are laid out for */
    static final Dimension2D MIN = new Dimension2D(800, 500);

    /** the window's size on a screen with these visual bounds */
    static Dimension2D initialSize(Rectangle2D screen) {
        return new Dimension2D(Math.min(1560, screen.getWidth() * 0.96), Math.min(960, screen.getHeight() * 0.94));
    }

    /** the minimum size on such a screen */
    static Dimension2D minSize(Rectangle2D screen) {
        return new Dimension2D(Math.min(MIN.getWidth(), screen.getWidth()), Math.min(MIN.getHeight(),
                screen.getHeight()));
    }

    /** a scene for {@code root} at the window's initial size on {@code screen} */
    static Scene scene(Parent root, Rectangle2D screen) {
        Dimension2D size = initialSize(screen);
        return new Scene(root, size.getWidth(), size.getHeight());
    }

    /** Shows the stage (its scene made by {@link #scene}) and asks for its size again once it is shown. */
    static void show(Stage stage, Rectangle2D screen) {
        Dimension2D min = minSize(screen);
        stage.setMinWidth(min.getWidth());
        stage.setMinHeight(min.getHeight());
        stage.show();
        double w = stage.getWidth(), h = stage.getHeight(); // the scene's size plus the window's frame
        Platform.runLater(() -> {
            if (!stage.isFullScreen() && !stage.isMaximized() && (stage.getWidth() != w || stage.getHeight() != h)) {
                stage.setWidth(w); // the window manager's first answer replaced the size asked for
                stage.setHeight(h);
            }
        });
    }
}
