package org.shiftscope.ui;

import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.shiftscope.train.scenario.Settings;

/**
 * The window's keyboard: Space play/pause · S one step · R reset · B BatchNorm on/off · F5 presentation ·
 * Ctrl+S save the dashboard PNG · Ctrl+Shift+S save the scenario · Ctrl+O open · Ctrl+E CSV · Ctrl+L fold the
 * lesson · Ctrl+B show or hide the controls · I the step inspector · T the next tap · Escape or 0 zoomed time
 * charts follow the run again. Single letters are left to text fields, spinners and lists that have the focus,
 * and Space to a check box or button reached with the keyboard (Tab), which it then presses.
 */
final class Shortcuts {
    private final ScenarioModel model;
    private final FileActions files;
    private final Runnable togglePresentation;
    private final Runnable togglePanel;
    private final LessonCard card;
    /** I: open or close the step inspector */
    private Runnable toggleInspector = () -> { };
    /** T: the layer charts show the next tap */
    private Runnable nextTap = () -> { };
    /** the time charts follow the run again (zoom reset) */
    private java.util.function.BooleanSupplier followRun = () -> false;

    Shortcuts(ScenarioModel model, FileActions files, Runnable togglePresentation, Runnable togglePanel,
              LessonCard card) {
        this.model = model;
        this.files = files;
        this.togglePresentation = togglePresentation;
        this.togglePanel = togglePanel;
        this.card = card;
    }

    void onInspector(Runnable r) {
        toggleInspector = r;
    }

    void onNextTap(Runnable r) {
        nextTap = r;
    }

    /** Escape and 0 make zoomed time charts follow the run again; {@code r} says whether they were zoomed. */
    void onFollowRun(java.util.function.BooleanSupplier r) {
        followRun = r;
    }

    /** handles a key pressed anywhere in the window (an event filter on the scene) */
    void onKey(KeyEvent e) {
        if (handle(e)) e.consume();
    }

    private boolean handle(KeyEvent e) {
        KeyCode k = e.getCode();
        if (e.isShortcutDown()) {
            switch (k) {
                case S -> {
                    if (e.isShiftDown()) files.saveWithDialog();
                    else files.quickExport();
                }
                case O -> files.openWithDialog();
                case E -> files.exportCsvWithDialog();
                case L -> card.toggleByUser();
                case B -> togglePanel.run();
                default -> {
                    return false;
                }
            }
            return true;
        }
        if (k == KeyCode.F5) {
            togglePresentation.run();
            return true;
        }
        if (e.isAltDown() || e.getTarget() instanceof TextInputControl || e.getTarget() instanceof Spinner<?>
                || e.getTarget() instanceof ComboBox<?>) {
            return false;
        }
        if (k == KeyCode.SPACE && e.getTarget() instanceof ButtonBase b && b.isFocusVisible()) {
            return false; // a check box or button reached with Tab: Space presses it (after a click it plays)
        }
        switch (k) {
            case SPACE -> model.togglePlay();
            case S -> model.step();
            case R -> model.reset();
            case B -> toggleBatchNorm();
            case I -> toggleInspector.run();
            case T -> nextTap.run();
            case ESCAPE, DIGIT0, NUMPAD0 -> {
                if (!followRun.getAsBoolean()) return false; // not zoomed: Escape is left to others
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** B: the normalizer of the network the panel edits (the selected variant's) off and on */
    private void toggleBatchNorm() {
        model.toggleNorm();
    }
}
