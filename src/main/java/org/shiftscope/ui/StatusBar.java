package org.shiftscope.ui;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.shiftscope.train.Status;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.Settings;

/**
 * The line under the charts: step, speed, frame rate and the settings in force on the left; the last notice on
 * the right (it stays until a newer notice replaces it — the per-frame status never overwrites it). The notice
 * keeps its whole width (up to 60% of the bar); the status line gives way part by part from its end, never
 * cutting a part in the middle.
 */
final class StatusBar extends HBox {
    final Label status = new Label();
    final Label message = new Label();
    /** "Open folder" after a save: opens the saved file's folder in the file manager */
    final Hyperlink openFolder = new Hyperlink("Open folder");
    /** what opens it */
    final FolderOpener folders;

    StatusBar(ScenarioModel m) {
        super(12);
        status.setId("status");
        message.setId("message");
        message.getStyleClass().add("message");
        SettingControls.tip(status, "Training step, training speed, screen frames per second and the settings in "
                + "force.");
        folders = new FolderOpener(m);
        openFolder.setId("openFolder");
        openFolder.setFocusTraversable(false);
        openFolder.setPadding(Insets.EMPTY);
        openFolder.managedProperty().bind(openFolder.visibleProperty());
        openFolder.setVisible(false);
        SettingControls.tip(openFolder, "Opens the folder of the saved file in the file manager.");
        m.noticeProperty().addListener((o, a, n) -> {
            message.setText(n.text());
            message.getStyleClass().removeAll("error");
            if (n.problem()) message.getStyleClass().add("error");
            openFolder.setVisible(n.folder() != null);
            openFolder.setVisited(false);
        });
        openFolder.setOnAction(e -> {
            var n = m.noticeProperty().get();
            if (n.folder() != null) folders.open(n.folder());
        });
        message.minWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(message.prefWidth(-1), 0.6 * getWidth()), widthProperty(), message.textProperty()));
        status.setMinWidth(0);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(status, grow, message, openFolder);
        setPadding(new Insets(5, 10, 5, 10));
        getStyleClass().add("status-bar");
    }

    private static java.util.List<String> names(Scenario s) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < s.runCount(); i++) out.add(s.runName(i));
        return out;
    }

    /** Shows the trainer's status with the window's frame rates. */
    void show(Status st, double fps, double chartFps) {
        Scenario s = st.scenario();
        var n = s.network();
        String bn = !s.variants().isEmpty() ? "variants " + String.join(" vs ", names(s))
                : n.batchnorm() ? n.norm().label() + " on (" + n.bnPlacement().key() + ")" : "no normalization";
        String[] parts = {String.format(Locale.ROOT, "Step %,d", st.step()),
            String.format(Locale.ROOT, "%,.0f steps/s", st.stepsPerSecond()),
            String.format(Locale.ROOT, "%.0f fps (charts %.0f/s)", fps, chartFps), bn,
            "learning rate " + Settings.LEARNING_RATE.format(s.training().learningRate()),
            "batch " + s.training().batchSize(), st.backend()};
        double room = getWidth() - getPadding().getLeft() - getPadding().getRight() - getSpacing() * 2
                - (message.getText().isEmpty() ? 0 : message.getWidth()) - 8;
        StringBuilder text = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String next = text + SEP + parts[i];
            if (getWidth() > 0 && width(next) > room) break;
            text.setLength(0);
            text.append(next);
        }
        status.setText(text.toString());
    }

    private static final String SEP = "   ·   ";
    /** measures the status line in its font */
    private final javafx.scene.text.Text probe = new javafx.scene.text.Text();

    private double width(String text) {
        probe.setFont(status.getFont());
        probe.setText(text);
        return probe.getLayoutBounds().getWidth();
    }
}
