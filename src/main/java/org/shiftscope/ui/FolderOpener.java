package org.shiftscope.ui;

import java.awt.Desktop;
import java.nio.file.Path;
import javafx.application.Platform;

/**
 * Opens a folder in the system's file manager (the "Open folder" action of a "Saved …" notice), on a thread of
 * its own so that the FX thread never waits for it; when the system cannot, a notice says so and where the folder
 * is. Nothing is thrown.
 */
final class FolderOpener {
    /** what opens a folder: the desktop's file manager, or a test's fake */
    @FunctionalInterface
    interface Opener {
        void open(Path folder) throws Exception;
    }

    /** java.awt.Desktop's OPEN action on the folder */
    static final Opener DESKTOP = folder -> {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            throw new UnsupportedOperationException("this system offers Java no file manager to open it with");
        }
        Desktop.getDesktop().open(folder.toFile());
    };

    private final ScenarioModel model;
    /** the opener in use (tests put in a fake) */
    private volatile Opener opener = DESKTOP;

    FolderOpener(ScenarioModel model) {
        this.model = model;
    }

    void setOpener(Opener o) {
        opener = o;
    }

    /** Opens the folder off the FX thread; a failure becomes a notice. */
    void open(Path folder) {
        Opener o = opener;
        Thread t = new Thread(() -> {
            try {
                o.open(folder);
            } catch (Exception | LinkageError e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                Platform.runLater(() -> model.notify("Cannot open the folder " + folder + " here (" + why
                        + "); the file is there.", true));
            }
        }, "open-folder");
        t.setDaemon(true);
        t.start();
    }
}
