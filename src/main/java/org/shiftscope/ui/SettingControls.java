package org.shiftscope.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.shiftscope.train.scenario.Control.Kind;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.Setting;
import org.shiftscope.train.scenario.Settings;

/**
 * Builds the panel's control for a {@link Setting} from its table line and binds it both ways to the
 * {@link ScenarioModel}: a person moving the control (drag, click, keys, typing) calls the model's command; a
 * change of the model's scenario (file, lesson, refused rebuild) moves the control. No flag is needed to stop the
 * two from echoing: the model ignores a value it already has. Node ids follow the key:
 * {@code training-learning_rate}, plus {@code -field} for a slider's value field, {@code -depth}/{@code -width}
 * for the layer spinners and {@code -KEY} for each toggle button.
 */
final class SettingControls {
    private SettingControls() {}

    /** A labelled row for one setting, bound to the model. */
    static Node create(Setting<?> k, ScenarioModel m) {
        Node n = switch (k.control().kind()) {
            case SLIDER -> slider(k, m);
            case CHECK -> check(cast(k), m);
            case TOGGLES -> toggles(k, m);
            case CHOICE -> choice(k, m);
            case TEXT -> row(k, text(k, m));
            case LAYERS -> layers(cast(k), m);
        };
        m.variants().editedProperty().addListener((o, a, s) -> n.setDisable(!k.enabled(s)));
        n.setDisable(!k.enabled(m.edited()));
        return n;
    }

    /**
     * Runs a control's "show the model's value" both when the scenario changes and when the model refused a change
     * (the control then shows again what is in force).
     */
    private static void shown(ScenarioModel m, Consumer<Scenario> show) {
        m.variants().editedProperty().addListener((o, a, s) -> show.accept(s));
        m.refusalsProperty().addListener((o, a, n) -> show.accept(m.edited()));
    }

    @SuppressWarnings("unchecked")
    private static <T> Setting<T> cast(Setting<?> k) {
        return (Setting<T>) k;
    }

    // ---------------------------------------------------------------- slider + typed value

    private static <T> Node slider(Setting<T> k, ScenarioModel m) {
        org.shiftscope.train.scenario.Control c = k.control();
        Slider s = new Slider(c.minPosition(), c.maxPosition(), c.position(number(m.edited().get(k))));
        s.setId(k.id());
        s.setBlockIncrement(c.scale() == org.shiftscope.train.scenario.Control.Scale.LOG2 ? 1
                : (c.maxPosition() - c.minPosition()) / 20);
        s.setMaxWidth(Double.MAX_VALUE);
        TextField field = new TextField(k.format(m.edited().get(k)));
        field.setId(k.id() + "-field");
        field.setPrefColumnCount(5);
        field.getStyleClass().add("value");
        tip(s, k.tooltip());
        tip(field, "Type a value and press Enter. " + k.tooltip());
        // control → model: continuous for live settings; for rebuilding ones only once the drag ends. A value
        // the model put on the slider is not sent back (the slider may not reach it exactly, e.g. γ = 7)
        boolean[] fromModel = {false};
        s.valueProperty().addListener((o, a, v) -> {
            if (fromModel[0]) return;
            T value = fromPosition(k, v.doubleValue());
            if (s.isValueChanging() && k.apply() == Setting.Apply.REBUILD) field.setText(k.format(k.round(value)));
            else m.set(k, value);
        });
        s.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) m.set(k, fromPosition(k, s.getValue()));
        });
        field.setOnAction(e -> {
            m.setText(k, field.getText());
            field.setText(k.format(m.edited().get(k))); // the value taken (rounded to the step), or the old one
        });
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) field.setText(k.format(m.edited().get(k))); // leaving without Enter: show what is in force
        });
        // model → control
        shown(m, sc -> {
            T v = sc.get(k);
            field.setText(k.format(v));
            double pos = c.position(number(v));
            if (!s.isValueChanging() && !k.round(fromPosition(k, s.getValue())).equals(v)) {
                fromModel[0] = true;
                s.setValue(pos);
                fromModel[0] = false;
            }
        });
        Label name = new Label(k.label());
        name.setMinWidth(Region.USE_PREF_SIZE); // the value field gives way, not the name
        tip(name, k.tooltip());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(4, name, grow, field);
        top.setAlignment(Pos.CENTER_LEFT);
        return new VBox(1, top, s);
    }

    private static double number(Object v) {
        return ((Number) v).doubleValue();
    }

    /** the setting's value at a slider position, of the setting's type */
    @SuppressWarnings("unchecked")
    private static <T> T fromPosition(Setting<T> k, double position) {
        double v = k.control().value(position);
        Object typed = k.type().javaType() == Long.class ? (Object) Math.round(v) : (Object) v;
        return (T) typed;
    }

    // ---------------------------------------------------------------- check box, toggles, choice, text

    private static Node check(Setting<Boolean> k, ScenarioModel m) {
        CheckBox box = new CheckBox(k.label());
        box.setId(k.id());
        box.setSelected(m.edited().get(k));
        tip(box, k.tooltip());
        box.selectedProperty().addListener((o, a, on) -> m.set(k, on));
        shown(m, s -> box.setSelected(s.get(k)));
        return box;
    }

    private static <T> Node toggles(Setting<T> k, ScenarioModel m) {
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox(4);
        List<ToggleButton> buttons = new ArrayList<>();
        for (Object choice : k.choices()) {
            ToggleButton b = new ToggleButton(k.optionLabel(choice));
            b.setId(k.id() + "-" + ((Enum<?>) choice).name().toLowerCase(java.util.Locale.ROOT));
            b.setUserData(choice);
            b.setToggleGroup(group);
            tip(b, k.tooltip());
            b.setMaxWidth(Double.MAX_VALUE);
            b.setMaxHeight(Double.MAX_VALUE);
            b.setWrapText(true); // on two lines rather than cut when the panel is narrow for the type
            b.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            b.setMinWidth(0);
            HBox.setHgrow(b, Priority.ALWAYS);
            buttons.add(b);
            box.getChildren().add(b);
        }
        Runnable show = () -> {
            for (ToggleButton b : buttons) if (b.getUserData().equals(m.edited().get(k))) b.setSelected(true);
        };
        show.run();
        group.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                if (a != null) a.setSelected(true); // one choice is always selected
                return;
            }
            m.set(k, k.cast(t.getUserData()));
        });
        shown(m, s -> show.run());
        Label name = new Label(k.label());
        tip(name, k.tooltip());
        return new VBox(2, name, box); // the buttons get the whole width: their words are not cut
    }

    private static <T> Node choice(Setting<T> k, ScenarioModel m) {
        ComboBox<Object> box = new ComboBox<>();
        box.setId(k.id());
        box.getItems().setAll(k.choices());
        box.setValue(m.edited().get(k));
        box.setConverter(showing(k::optionLabel));
        tip(box, k.tooltip());
        box.valueProperty().addListener((o, a, v) -> {
            if (v == null) return;
            m.set(k, k.cast(v));
            if (!v.equals(m.edited().get(k))) box.setValue(m.edited().get(k)); // refused: back to what is used
        });
        shown(m, s -> box.setValue(s.get(k)));
        return row(k, box);
    }

    private static <T> Node text(Setting<T> k, ScenarioModel m) {
        TextField field = new TextField(k.format(m.edited().get(k)));
        field.setId(k.id());
        tip(field, k.tooltip());
        field.setOnAction(e -> {
            m.setText(k, field.getText());
            field.setText(k.format(m.edited().get(k))); // the value taken (rounded to the step), or the old one
        });
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) field.setText(k.format(m.edited().get(k))); // leaving without Enter: show what is in force
        });
        shown(m, s -> field.setText(k.format(s.get(k))));
        return field;
    }

    // ---------------------------------------------------------------- hidden layers: depth × width

    private static Node layers(Setting<List<Integer>> k, ScenarioModel m) {
        org.shiftscope.train.scenario.ValueType.IntList t = (org.shiftscope.train.scenario.ValueType.IntList) k.type();
        List<Integer> now = m.edited().get(k);
        Spinner<Integer> depth = new Spinner<>(t.minLength(), t.maxLength(), now.size());
        Spinner<Integer> width = new Spinner<>((int) k.control().lo(), (int) k.control().hi(), now.get(0));
        depth.setId(k.id() + "-depth");
        width.setId(k.id() + "-width");
        typed(depth, k, "depth", m);
        typed(width, k, "width", m);
        boolean[] fromModel = {false}; // the two spinners show one value: no half-updated pair goes back
        for (Spinner<Integer> s : List.of(depth, width)) {
            s.setEditable(true);
            s.setMaxWidth(Double.MAX_VALUE);
            s.valueProperty().addListener((o, a, v) -> {
                if (v != null && !fromModel[0]) m.set(k, Collections.nCopies(depth.getValue(), width.getValue()));
            });
        }
        tip(depth, "Number of hidden layers. Deeper nets are harder to train without BatchNorm.");
        tip(width, "Units in each hidden layer.");
        shown(m, s -> {
            List<Integer> v = s.get(k);
            fromModel[0] = true;
            depth.getValueFactory().setValue(v.size());
            width.getValueFactory().setValue(v.get(0));
            fromModel[0] = false;
        });
        return new VBox(6, labelled("Hidden layers", depth, k.tooltip()), labelled("Units per layer", width,
                "Units in each hidden layer."));
    }

    /**
     * Reads what is typed into a layer spinner (on Enter, on leaving it, before an arrow): text that is not a
     * whole number in the spinner's range is refused with a notice naming the key, and the spinner shows the
     * value in force again (JavaFX's own converter throws on "abc" and takes an empty field as no value).
     */
    private static void typed(Spinner<Integer> s, Setting<?> k, String part, ScenarioModel m) {
        var f = (javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) s.getValueFactory();
        f.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String text) {
                String t = text == null ? "" : text.trim();
                try {
                    int v = Integer.parseInt(t);
                    if (v >= f.getMin() && v <= f.getMax()) return v;
                } catch (NumberFormatException e) {
                    // refused below
                }
                m.notify(k.label() + ": " + k.key() + " " + part + " = " + t + " is not allowed; expected a whole "
                        + "number from " + f.getMin() + " to " + f.getMax() + ".", true);
                s.getEditor().setText(toString(f.getValue()));
                return f.getValue();
            }
        });
    }

    // ---------------------------------------------------------------- layout helpers

    private static Node row(Setting<?> k, Node control) {
        return labelled(k.label(), control, k.tooltip());
    }

    private static Node labelled(String label, Node control, String tooltip) {
        Label l = new Label(label) { // a column of about 7 letters, wider for a longer label: never cut
            @Override
            protected double computePrefWidth(double height) {
                return Math.max(super.computePrefWidth(height), 7 * getFont().getSize());
            }
        };
        l.setMinWidth(Region.USE_PREF_SIZE);
        tip(l, tooltip);
        HBox box = new HBox(6, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(control, Priority.ALWAYS);
        if (control instanceof Control c) c.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    /** a converter for a list that only shows its items (in these words; nothing is typed into it) */
    static <T> StringConverter<T> showing(java.util.function.Function<T, String> words) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : words.apply(item);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }

    /**
     * Shows the box's prompt text whenever it has no value. JavaFX's own button cell shows the prompt only until a
     * first value is chosen; after that an empty box stays blank (seen: the Variants list once a lesson's own
     * variants replaced a set).
     */
    static <T> void promptWhenEmpty(javafx.scene.control.ComboBox<T> box) {
        promptWhenEmpty(box, false);
    }

    /** {@link #promptWhenEmpty(javafx.scene.control.ComboBox)}; {@code wrap}: a long choice on two lines, not "…" */
    static <T> void promptWhenEmpty(javafx.scene.control.ComboBox<T> box, boolean wrap) {
        box.setButtonCell(new javafx.scene.control.ListCell<>() {
            {
                setWrapText(wrap);
                // the combo box asks its cell's height for no width in particular (one line): ask again with the
                // width it got, so that a wrapped choice gets its second line
                if (wrap) widthProperty().addListener((o, x, w) -> box.requestLayout());
            }

            @Override
            protected double computePrefHeight(double width) {
                return super.computePrefHeight(wrap && width < 0 && getWidth() > 0 ? getWidth() : width);
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? box.getPromptText() : box.getConverter().toString(item));
            }
        });
    }

    static void tip(Control c, String text) {
        if (text == null || text.isBlank()) return;
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(340);
        t.setShowDelay(Duration.millis(400));
        t.setShowDuration(Duration.seconds(30));
        c.setTooltip(t);
    }

    /** every setting the panel shows, in table order */
    static List<Setting<?>> panelSettings() {
        return Settings.all().stream().filter(s -> s.control() != null).toList();
    }
}
