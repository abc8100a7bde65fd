package org.shiftscope.ui;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.shiftscope.lesson.Lesson;
import org.shiftscope.lesson.Lessons;
import org.shiftscope.train.scenario.ScenarioIO;
import org.shiftscope.train.scenario.Setting;
import org.shiftscope.train.scenario.Settings;

/**
 * The left panel: the lesson chooser, the preset chooser, then one section per group of the {@link Settings}
 * table with a control per setting (built by {@link SettingControls}). Nothing here names a setting.
 */
final class ControlPanel extends ScrollPane {
    final ComboBox<Lesson> lesson = new ComboBox<>();
    final ComboBox<String> preset = new ComboBox<>();

    ControlPanel(ScenarioModel m, Runnable afterLessonChosen) {
        lesson.setId("lesson");
        lesson.getItems().setAll(Lessons.all());
        lesson.setPromptText("Choose a lesson…");
        lesson.setConverter(SettingControls.showing(Lesson::label));
        SettingControls.promptWhenEmpty(lesson, true); // "7 · Inference uses running averages": two lines
        SettingControls.tip(lesson, "One idea of BatchNorm at a time: opens a ready-made set-up and says what to "
                + "watch, what to try, what will happen and why.");
        lesson.valueProperty().addListener((o, a, l) -> {
            if (l != null && l != m.lessonProperty().get()) {
                m.openLesson(l);
                afterLessonChosen.run(); // the keyboard shortcuts work at once, not only after a click elsewhere
            }
        });
        // the welcome card is no lesson of the list: the list then asks for one
        m.lessonProperty().addListener((o, a, l) -> lesson.setValue(l == null || l.welcome() ? null : l));
        lesson.setValue(m.lessonProperty().get() == null || m.lessonProperty().get().welcome() ? null
                : m.lessonProperty().get());

        preset.setId("preset");
        preset.getItems().setAll(ScenarioIO.presetNames());
        preset.setPromptText("Choose a preset…"); // a scenario from a file is none of them
        SettingControls.promptWhenEmpty(preset);
        SettingControls.tip(preset, "Ready-made set-ups. Picking one starts a new run with its settings.");
        preset.valueProperty().addListener((o, a, name) -> {
            if (name != null && !name.equals(m.scenario().name())) m.openPreset(name);
        });
        m.scenarioProperty().addListener((o, a, s) -> showPreset(s.name()));
        showPreset(m.scenario().name());

        VBox box = new VBox(6);
        box.setPadding(new Insets(10));
        box.getStyleClass().add("controls");
        box.getChildren().addAll(header("Lessons"), lesson, header("Scenario"), preset, header("Variants"),
                new VariantsPane(m));
        for (Setting.Group g : Setting.Group.values()) {
            if (g == Setting.Group.HIDDEN) continue;
            if (g != Setting.Group.SCENARIO) box.getChildren().add(header(g.title));
            for (Setting<?> k : Settings.inGroup(g)) box.getChildren().add(SettingControls.create(k, m));
        }
        for (Node n : box.getChildren()) {
            if (n instanceof Control c) c.setMaxWidth(Double.MAX_VALUE);
        }
        setContent(box);
        setFitToWidth(true);
        setPrefWidth(300);
        setMinWidth(260);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setId("controls");
    }

    /** Scrolls the panel so a control inside it is in view. */
    void reveal(Node n) {
        Node content = getContent();
        double contentH = content.getBoundsInLocal().getHeight(), viewH = getViewportBounds().getHeight();
        if (contentH <= viewH) return;
        double y = content.sceneToLocal(n.localToScene(n.getBoundsInLocal())).getMinY();
        setVvalue(Math.max(0, Math.min(1, (y - 24) / (contentH - viewH))));
        layout();
    }

    private void showPreset(String name) {
        preset.setValue(ScenarioIO.presetNames().contains(name) ? name : null);
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }
}
