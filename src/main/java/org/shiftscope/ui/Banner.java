package org.shiftscope.ui;

import javafx.scene.control.Label;
import org.shiftscope.train.Status;

/** A red line under the toolbar while a run has diverged: at which step, and what to try. */
final class Banner extends Label {
    Banner(ScenarioModel m) {
        setId("banner");
        getStyleClass().add("banner");
        setMaxWidth(Double.MAX_VALUE);
        setWrapText(true);
        setVisible(false);
        setManaged(false);
        m.statusProperty().addListener((o, a, st) -> show(st));
    }

    private void show(Status st) {
        long div = st.firstDivergence();
        boolean on = div >= 0;
        if (on) {
            String who = "Training";
            var s = st.scenario();
            for (int i = 0; i < st.runs().size() && s.runCount() > 1; i++) {
                int v = s.runIndex(st.runs().get(i));
                if (st.divergedAt()[i] == div && v >= 0) who = s.runName(v) + " (" + s.runLabel(v) + ")";
            }
            setText(who + " diverged at step " + div + ": the loss became NaN or infinite. Lower the learning rate "
                    + "or turn BatchNorm on, then press Reset (R).");
        }
        setVisible(on);
        setManaged(on);
    }
}
