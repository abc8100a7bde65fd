package org.shiftscope.ui;

import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.VariantPreset;

/**
 * The panel's Variants section: a list of ready-made sets (one network, BN vs plain, all normalizers, …) and one
 * row per variant with its colour, its legend words, a check box that shows or hides it in every chart, and a
 * radio button that picks it for editing: the normalization settings and the learning rate below are then that
 * variant's own. Ids: {@code variants}, {@code variant-show-NAME}, {@code variant-edit-NAME}.
 */
final class VariantsPane extends VBox {
    private final ComboBox<VariantPreset> presets = new ComboBox<>();
    private final VBox rows = new VBox(3);
    private final Label note = new Label();
    /** says that the variants shown are the scenario's own, not one of the sets in the list */
    private final Label custom = new Label("These variants are the scenario's own.");
    private final ToggleGroup editing = new ToggleGroup();
    private final ScenarioModel m;

    VariantsPane(ScenarioModel m) {
        super(4);
        this.m = m;
        presets.setId("variants");
        presets.getItems().setAll(VariantPreset.values());
        presets.setConverter(SettingControls.showing(p -> p.label));
        presets.setPromptText("Choose a set…");
        SettingControls.promptWhenEmpty(presets);
        presets.setMaxWidth(Double.MAX_VALUE);
        SettingControls.tip(presets, "Train up to four networks side by side from the same starting weights on the "
                + "same mini-batches, each with its own normalizer (and learning rate). Picking a set starts over "
                + "at step 0.");
        presets.valueProperty().addListener((o, a, p) -> {
            if (p != null && !p.applyTo(m.scenario()).equals(m.scenario())) m.applyPreset(p);
        });
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        note.setId("variant-note");
        custom.getStyleClass().add("hint");
        custom.setWrapText(true);
        getChildren().addAll(presets, custom, rows, note);
        m.scenarioProperty().addListener((o, a, s) -> show(s));
        m.variants().selectedProperty().addListener((o, a, i) -> showSelection());
        show(m.scenario());
    }

    private void show(Scenario s) {
        VariantPreset match = null;
        for (VariantPreset p : VariantPreset.values()) if (p.applyTo(s).equals(s)) match = p;
        presets.setValue(match);
        boolean own = match == null && !s.variants().isEmpty();
        custom.setVisible(own);
        custom.setManaged(own);
        rows.getChildren().clear();
        editing.getToggles().clear();
        for (int i = 0; i < s.variants().size(); i++) rows.getChildren().add(row(s, i));
        showSelection();
    }

    private HBox row(Scenario s, int i) {
        String name = s.runName(i);
        Rectangle swatch = new Rectangle(12, 12, Color.web(s.runColor(i)));
        CheckBox shown = new CheckBox();
        shown.setId("variant-show-" + name);
        shown.setSelected(!m.variants().hiddenRuns().contains(name));
        shown.selectedProperty().addListener((o, a, on) -> m.variants().show(name, on));
        SettingControls.tip(shown, "Show " + name + " in the charts and exported pictures (it trains either way).");
        RadioButton edit = new RadioButton(name + " · " + s.runLabel(i));
        edit.setId("variant-edit-" + name);
        edit.setToggleGroup(editing);
        edit.setUserData(i);
        edit.setMaxWidth(Double.MAX_VALUE);
        edit.setWrapText(true); // long legends ("renorm · with Batch Renorm, learning rate 0.3") wrap, not cut
        edit.setOnAction(e -> m.variants().select(i));
        SettingControls.tip(edit, "Edit " + name + ": the normalization settings and the learning rate below "
                + "become its own.");
        HBox.setHgrow(edit, Priority.ALWAYS);
        HBox row = new HBox(6, shown, swatch, edit);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void showSelection() {
        int i = m.variants().selectedProperty().get();
        for (var t : editing.getToggles()) t.setSelected(t.getUserData().equals(i));
        boolean any = i >= 0;
        note.setVisible(any);
        note.setManaged(any);
        if (any) {
            note.setText("Normalization, learning rate and momentum below are " + m.scenario().runName(i)
                    + "'s; the other settings are shared.");
        }
    }
}
