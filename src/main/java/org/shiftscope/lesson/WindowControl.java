package org.shiftscope.lesson;

import java.util.Locale;

/**
 * The window's controls that are not a setting's control, as a lesson card may name them: {@code {reset}} in a
 * card's words shows "‘Reset’ (R)". A UI test finds every one in the window by its node id and checks its words.
 */
public enum WindowControl {
    /** the panel's list of lessons */
    LESSONS("lesson", "Lessons", ""),
    /** the toolbar's Play / Pause switch */
    PLAY("play", "Play", "Space"),
    /** the toolbar's Step button */
    STEP("step", "Step", "S"),
    /** the toolbar's Reset button: a new session from the seed */
    RESET("reset", "Reset", "R"),
    /** the panel's list of ready-made variant sets; a card names one of them ({@code {variants=none}}) */
    VARIANTS("variants", "Variants", "");

    /** the node id of the control in the window */
    public final String id;
    /** the words on it (the window shows them, perhaps with a symbol before them) */
    public final String label;
    /** its keyboard shortcut, "" when it has none */
    public final String shortcut;

    WindowControl(String id, String label, String shortcut) {
        this.id = id;
        this.label = label;
        this.shortcut = shortcut;
    }

    /** its name in a card's words: "reset" */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** the control a card names, or null */
    public static WindowControl fromKey(String key) {
        for (WindowControl c : values()) if (c.key().equals(key)) return c;
        return null;
    }
}
