package org.shiftscope.ui;

import java.nio.file.Path;

/**
 * A message for the user in the status bar; {@code problem} ones are shown in red, and one with a folder offers
 * to open it (a saved file's).
 */
public record Notice(String text, boolean problem, Path folder) {
    static final Notice NONE = new Notice("", false);

    /** a notice without a folder to open */
    public Notice(String text, boolean problem) {
        this(text, problem, null);
    }
}
