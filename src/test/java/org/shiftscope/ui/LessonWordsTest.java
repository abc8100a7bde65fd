package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.shiftscope.lesson.CardWords;
import org.shiftscope.lesson.Lesson;
import org.shiftscope.lesson.Lessons;
import org.shiftscope.lesson.WindowControl;
import org.shiftscope.nn.Tap;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioIO;
import org.shiftscope.train.scenario.Setting;
import org.shiftscope.train.scenario.Settings;
import org.shiftscope.train.scenario.VariantPreset;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Every control a lesson card names is in the window, with the words the card shows: each {@link WindowControl}
 * by its id, each setting's control in the panel beside its table label, each value the card names among the
 * control's choices, the toolbar's tap switches; and the open card shows those words, no braces.
 */
class LessonWordsTest extends WindowTest {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void everyControlACardNamesIsInTheWindowWithTheWordsTheCardShows(FxRobot robot) throws Exception {
        for (WindowControl c : WindowControl.values()) {
            Node n = PanelCheck.node(view, c.id);
            if (n instanceof ComboBox<?> box) { // a list in its own section of the panel, under its header
                if (c == WindowControl.VARIANTS) {
                    assertEquals(List.of(VariantPreset.values()), box.getItems(), "the ready-made sets");
                }
                assertEquals(c.label, section(n), c + ": the section");
            } else {
                assertTrue(((Labeled) n).getText().contains(c.label), c + ": " + ((Labeled) n).getText());
            }
        }
        List<String> names = new ArrayList<>();
        List<JsonNode> cards = new ArrayList<>();
        try (InputStream in = Lessons.class.getResourceAsStream("/lessons/lessons.json");
             InputStream w = Lessons.class.getResourceAsStream("/lessons/welcome.json")) {
            new ObjectMapper().readTree(in).forEach(cards::add);
            cards.add(new ObjectMapper().readTree(w));
        }
        {
            for (JsonNode lesson : cards) {
                for (String field : List.of("look", "move", "expect", "why", "next")) {
                    names.addAll(CardWords.names(lesson.path(field).asText("")));
                }
                names.addAll(CardWords.names(lesson.path("action").path("label").asText("")));
            }
        }
        assertTrue(names.size() >= 10, "the cards name controls by key: " + names);
        for (String name : names) {
            String key = name.contains("=") ? name.substring(0, name.indexOf('=')) : name;
            String value = name.contains("=") ? name.substring(name.indexOf('=') + 1) : null;
            if (WindowControl.fromKey(key) != null) continue; // checked above, with every preset a card can name
            Setting<?> k = Settings.byKey(key);
            assertNotNull(k, name);
            if (k == Settings.VIEW_TAP) {
                for (Tap t : Tap.values()) {
                    ToggleButton b = (ToggleButton) PanelCheck.node(view,
                            "tap" + Character.toUpperCase(t.key().charAt(0)) + t.key().substring(1));
                    assertEquals(t.label, b.getText());
                }
                continue;
            }
            List<Node> controls = PanelCheck.controlsOf(view, k);
            assertFalse(controls.isEmpty(), name);
            assertEquals(CardWords.label(k), header(controls.get(0)).replaceAll("\\s+", " ").trim(),
                    name + ": the card shows the label the panel shows");
            if (value != null && !k.choices().isEmpty()) {
                Object choice = ScenarioIO.withOverride(Scenario.defaults(), key, value).get(k);
                Node c = controls.get(0);
                if (c instanceof ComboBox<?> box) assertTrue(box.getItems().contains(choice), name);
                else assertEquals(k.optionLabel(choice), ((ToggleButton) PanelCheck.toggle(view, k, choice)).getText());
            }
        }
        // an open card shows the words, not the keys
        List<Lesson> all = new ArrayList<>(Lessons.all());
        all.add(Lessons.welcome());
        for (Lesson l : all) {
            robot.interact(() -> view.model().openLesson(l));
            for (Node n : robot.lookup("#lessonCard .label").queryAll()) {
                String text = ((Label) n).getText();
                assertFalse(text.contains("{") || text.contains("}"), l.label() + ": " + text);
            }
        }
    }

    /** the words of the section header above a control (a label just before it or one of its boxes) */
    private static String section(Node control) {
        for (Node n = control; n.getParent() != null; n = n.getParent()) {
            var siblings = n.getParent().getChildrenUnmodifiable();
            int i = siblings.indexOf(n);
            if (i > 0 && siblings.get(i - 1) instanceof Label l) return l.getText();
        }
        throw new AssertionError("no section header above " + control);
    }

    /** the words of the label that heads a control's row (or section): the first label of its nearest box */
    private static String header(Node control) {
        for (Node n = control; n.getParent() != null; n = n.getParent()) {
            Label l = firstLabel(n.getParent(), control);
            if (l != null) return l.getText();
        }
        throw new AssertionError("no label beside " + control);
    }

    private static Label firstLabel(Node n, Node control) {
        if (n instanceof Label l) return l;
        if (n == control || n instanceof javafx.scene.control.Control || !(n instanceof Parent p)) return null;
        for (Node c : p.getChildrenUnmodifiable()) {
            Label l = firstLabel(c, control);
            if (l != null) return l;
        }
        return null;
    }
}
