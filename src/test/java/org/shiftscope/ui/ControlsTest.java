package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shiftscope.chart.Styles;
import org.shiftscope.data.DatasetKind;
import org.shiftscope.data.Datasets;
import org.shiftscope.lesson.Lesson;
import org.shiftscope.lesson.Lessons;
import org.shiftscope.train.Run;
import org.shiftscope.train.Session;
import org.shiftscope.train.Trainer;
import org.shiftscope.train.scenario.Control;
import org.shiftscope.train.scenario.Control.Kind;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioIO;
import org.shiftscope.train.scenario.Setting;
import org.shiftscope.train.scenario.Settings;
import org.shiftscope.train.scenario.ValueType;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every control of the panel, moved every way a person moves it — generated from the {@link Settings} table, so a
 * new setting is covered without a change here: sliders by dragging the thumb, clicking the track, the arrow,
 * Home and End keys, and typing into their value field (refused text too); check boxes by click and by Space;
 * each toggle button; each item of a list by mouse and by keyboard; the seed by typing; the layer spinners by
 * their arrows, keys and typing. After every action three things must agree: what the control shows, what the
 * trainer uses (its session's settings and the engine objects: optimizer, network, data), and what Save writes —
 * equal to the control's value, rounded to its step.
 */
@ExtendWith(ApplicationExtension.class)
class ControlsTest {
    private static String prefsNode;
    @TempDir
    static Path dir;

    private MainView view;
    private Trainer trainer;
    private Hand hand;
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void ownPreferences() {
        prefsNode = TestPrefs.useOwnNode(ControlsTest.class);
    }

    @AfterAll
    static void removePreferences() throws Exception {
        TestPrefs.remove(prefsNode);
    }

    @Start
    void start(Stage stage) {
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        trainer = new Trainer(Scenario.defaults());
        view = new MainView(trainer);
        Scene scene = new Scene(view, 1400, 900);
        Styles.add(scene);
        stage.setScene(scene);
        stage.show();
        view.start();
    }

    @BeforeEach
    void hand() {
        hand = Hand.create();
    }

    @AfterEach
    void stop() {
        Hand.run(view::stop);
        trainer.close();
        assertEquals("", traces(uncaught), "exceptions on the FX thread");
    }

    static String traces(List<Throwable> list) {
        StringWriter w = new StringWriter();
        for (Throwable t : list) t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    // ---------------------------------------------------------------- the table's controls

    static Stream<Setting<?>> ofKind(Kind kind) {
        return PanelCheck.panelSettings().stream().filter(s -> s.control().kind() == kind);
    }

    static Stream<Setting<?>> sliders() {
        return ofKind(Kind.SLIDER);
    }

    static Stream<Setting<?>> checks() {
        return ofKind(Kind.CHECK);
    }

    static Stream<Setting<?>> toggles() {
        return ofKind(Kind.TOGGLES);
    }

    static Stream<Setting<?>> choices() {
        return ofKind(Kind.CHOICE);
    }

    static Stream<Setting<?>> texts() {
        return ofKind(Kind.TEXT);
    }

    static Stream<Setting<?>> layers() {
        return ofKind(Kind.LAYERS);
    }

    static IntStream lessons() {
        return Lessons.all().stream().mapToInt(Lesson::number);
    }

    /** the kinds of control the tests below drive; a new kind needs its own way of being moved here */
    private static final EnumSet<Kind> DRIVEN = EnumSet.of(Kind.SLIDER, Kind.CHECK, Kind.TOGGLES, Kind.CHOICE,
            Kind.TEXT, Kind.LAYERS);

    @Test
    void everySettingWithAControlIsInThePanelAndDrivenHere() {
        assertEquals(EnumSet.allOf(Kind.class), DRIVEN, "a kind of control no test here moves");
        for (Setting<?> k : PanelCheck.panelSettings()) {
            List<Node> nodes = Hand.fx(() -> PanelCheck.controlsOf(view, k));
            assertFalse(nodes.isEmpty(), k.key());
        }
        assertEquals(List.of(), Hand.fx(() -> PanelCheck.disagreements(view, view.scenario())),
                "the panel shows the settings it starts with");
        assertTrue(sliders().count() >= 8 && choices().count() >= 4, "the table's controls");
    }

    // ---------------------------------------------------------------- sliders

    @ParameterizedTest(name = "{0}")
    @MethodSource("sliders")
    void dragTheSlidersThumb(Setting<?> k) throws Exception {
        usable(k);
        Slider s = PanelCheck.slider(view, k);
        reveal(s);
        for (double to : new double[] {0.3, 0.8, 0.0, 1.0}) {
            Object before = value(k);
            int g0 = generation();
            Node thumb = Hand.fx(() -> s.lookup(".thumb"));
            hand.drag(Hand.centre(thumb), trackPoint(s, to));
            Object expected = Hand.fx(() -> PanelCheck.roundedAt(k, s.getValue()));
            if (refusedGroups(k)) continue;
            assertNotEquals(before, expected, k + ": the drag to " + to + " moved the thumb");
            agree(k, expected, "dragging the thumb to " + to + " of the track");
            assertNewSessions(k, g0, 1, "one drag");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sliders")
    void clickTheSlidersTrack(Setting<?> k) throws Exception {
        usable(k);
        Slider s = PanelCheck.slider(view, k);
        reveal(s);
        int clicks = 0;
        for (double at : new double[] {0.1, 0.85, 0.5, 0.25, 0.95}) {
            double thumbAt = Hand.fx(() -> (s.getValue() - s.getMin()) / (s.getMax() - s.getMin()));
            if (Math.abs(thumbAt - at) < 0.1) continue; // that would press the thumb, not the track
            Object before = value(k);
            int g0 = generation();
            hand.click(trackPoint(s, at));
            Object expected = Hand.fx(() -> PanelCheck.roundedAt(k, s.getValue()));
            if (refusedGroups(k)) {
                clicks++; // a click taken, and refused
                continue;
            }
            assertNotEquals(before, expected, k + ": a click on the track at " + at + " moved the thumb");
            agree(k, expected, "a click on the track at " + at);
            assertNewSessions(k, g0, 1, "one click");
            clicks++;
        }
        assertTrue(clicks >= 3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sliders")
    void arrowHomeAndEndKeysOnTheSlider(Setting<?> k) throws Exception {
        usable(k);
        Slider s = PanelCheck.slider(view, k);
        reveal(s);
        Object start = value(k);
        hand.click(Hand.fx(() -> s.lookup(".thumb"))); // a person clicks the thumb to give it the keys
        assertTrue(Hand.fx(s::isFocused), "a click on the thumb focuses the slider");
        agree(k, start, "a click on the thumb");
        Control c = k.control();
        double block = c.scale() == Control.Scale.LOG2 ? 1 : (c.maxPosition() - c.minPosition()) / 20;
        for (KeyCode key : List.of(KeyCode.RIGHT, KeyCode.RIGHT, KeyCode.LEFT, KeyCode.END, KeyCode.LEFT,
                KeyCode.HOME, KeyCode.RIGHT, KeyCode.LEFT)) {
            double p0 = Hand.fx(s::getValue);
            Object before = value(k);
            int g0 = generation();
            hand.key(key);
            double p = switch (key) {
                case RIGHT -> Math.min(c.maxPosition(), p0 + block);
                case LEFT -> Math.max(c.minPosition(), p0 - block);
                case HOME -> c.minPosition();
                default -> c.maxPosition();
            };
            assertEquals(p, Hand.fx(s::getValue), 1e-9, k + ": " + key + " moves the thumb by one step");
            Object expected = PanelCheck.roundedAt(k, p);
            agree(k, expected, "the " + key + " key");
            assertNewSessions(k, g0, expected.equals(before) ? 0 : 1, "one key");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sliders")
    void typeIntoTheSlidersValueField(Setting<?> k) throws Exception {
        usable(k);
        TextField f = PanelCheck.field(view, k);
        reveal(f);
        Control c = k.control();
        Object third = PanelCheck.roundedAt(k, c.minPosition() + (c.maxPosition() - c.minPosition()) / 3);
        List<String> texts = new ArrayList<>(List.of(format(k, third)));
        if (third instanceof Double d) {
            String plain = BigDecimal.valueOf(d).toPlainString();
            texts.add(plain.contains(".") ? plain + "4" : plain + ".004"); // more digits than the control keeps
        }
        String beyond = beyondTheSlider(k); // allowed, but past the slider's end
        if (beyond != null) texts.add(beyond);
        if (c.topMeansZero()) texts.add("max");
        texts.add(format(k, third));
        for (String text : texts) {
            Object before = value(k);
            int g0 = generation();
            hand.typeInto(f, text, true);
            Object expected = rounded(k, PanelCheck.parseShown(k, text));
            agree(k, expected, "typing '" + text + "' + Enter");
            assertNewSessions(k, g0, expected.equals(before) ? 0 : 1, "one Enter");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sliders")
    void refusedTextInTheSlidersValueFieldChangesNothing(Setting<?> k) throws Exception {
        usable(k);
        TextField f = PanelCheck.field(view, k);
        reveal(f);
        Object before = value(k);
        int g0 = generation();
        for (String text : refusals(k)) {
            hand.typeInto(f, text, true);
            expectRefusal(k, text);
            agree(k, before, "typing '" + text + "' + Enter (refused)");
        }
        // typed but not entered, then Tab to the next control: the field shows the value in force again
        Control c = k.control();
        String other = format(k, PanelCheck.roundedAt(k, c.minPosition() + (c.maxPosition() - c.minPosition()) / 7));
        hand.typeInto(f, other, false);
        hand.key(KeyCode.TAB);
        agree(k, before, "typing '" + other + "' without Enter, then Tab");
        assertNewSessions(k, g0, 0, "refused and abandoned input");
    }

    // ---------------------------------------------------------------- check boxes

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true) // no check box in today's table
    @MethodSource("checks")
    void clickTheCheckBox(Setting<?> k) throws Exception {
        usable(k);
        Node box = PanelCheck.check(view, k);
        reveal(box);
        for (int i = 0; i < 3; i++) {
            boolean before = (Boolean) value(k);
            int g0 = generation();
            hand.click(box);
            agree(k, !before, "click " + (i + 1));
            assertNewSessions(k, g0, 1, "one click");
        }
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("checks")
    void spaceOnTheCheckBox(Setting<?> k) throws Exception {
        usable(k);
        Node box = PanelCheck.check(view, k);
        reveal(box);
        focusByKeyboard(box);
        for (int i = 0; i < 2; i++) {
            boolean before = (Boolean) value(k);
            int g0 = generation();
            hand.key(KeyCode.SPACE);
            agree(k, !before, "Space on the check box reached with Tab");
            assertNewSessions(k, g0, 1, "one Space");
            assertFalse(playing(), "Space on a check box reached with the keyboard toggles it; it does not play");
        }
        // after a click with the mouse, Space keeps its window-wide meaning: play and pause
        boolean before = (Boolean) value(k);
        hand.click(box);
        agree(k, !before, "a click");
        hand.key(KeyCode.SPACE);
        settle();
        assertTrue(playing(), "Space after a mouse click plays");
        assertEquals(!before, value(k), "and leaves the box alone");
        hand.key(KeyCode.SPACE);
        settle();
        assertFalse(playing(), "Space again pauses");
    }

    // ---------------------------------------------------------------- toggle buttons

    @ParameterizedTest(name = "{0}")
    @MethodSource("toggles")
    void clickEachToggleButton(Setting<?> k) throws Exception {
        usable(k);
        List<Object> order = new ArrayList<>(k.choices());
        List<Object> back = new ArrayList<>(k.choices());
        java.util.Collections.reverse(back);
        order.addAll(back);
        reveal(PanelCheck.toggle(view, k, order.get(0)));
        for (Object c : order) {
            Object before = value(k);
            int g0 = generation();
            hand.click(PanelCheck.toggle(view, k, c));
            agree(k, c, "a click on '" + k.optionLabel(c) + "'");
            assertNewSessions(k, g0, c.equals(before) ? 0 : 1, "one click");
        }
        // the keyboard: Tab lands on the group's selected button, Space presses it (no play), arrows select
        List<?> all = k.choices();
        hand.click(PanelCheck.toggle(view, k, all.get(0)));
        focusByKeyboard(PanelCheck.toggle(view, k, all.get(0)));
        hand.key(KeyCode.SPACE);
        agree(k, all.get(0), "Space on '" + k.optionLabel(all.get(0)) + "' reached with Tab");
        assertFalse(playing(), "Space pressed the toggle button; it did not play");
        for (int i = 1; i < all.size(); i++) {
            hand.key(KeyCode.RIGHT);
            agree(k, all.get(i), "the → key in the toggle group");
        }
        for (int i = all.size() - 2; i >= 0; i--) {
            hand.key(KeyCode.LEFT);
            agree(k, all.get(i), "the ← key in the toggle group");
        }
    }

    // ---------------------------------------------------------------- lists

    @ParameterizedTest(name = "{0}")
    @MethodSource("choices")
    void pickEachItemOfTheListWithTheMouse(Setting<?> k) throws Exception {
        usable(k);
        ComboBox<Object> box = PanelCheck.combo(view, k);
        reveal(box);
        for (Object c : k.choices()) {
            Object before = value(k);
            int g0 = generation();
            hand.click(box);
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> Hand.fx(box::isShowing));
            Node cell = cell(box, c);
            hand.click(cell);
            picked(k, c, before, g0, "picking '" + k.optionLabel(c) + "' with the mouse");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("choices")
    void pickItemsOfTheListWithTheKeyboard(Setting<?> k) throws Exception {
        usable(k);
        ComboBox<Object> box = PanelCheck.combo(view, k);
        reveal(box);
        focusByKeyboard(box);
        List<?> items = k.choices();
        // Up to the first item, then Down as far as the list goes (or a refused item sends it back)
        while (items.indexOf(value(k)) > 0) {
            Object before = value(k);
            int g0 = generation();
            Object next = items.get(items.indexOf(before) - 1);
            hand.key(KeyCode.UP);
            picked(k, next, before, g0, "the Up key");
        }
        boolean refused = false;
        while (!refused && items.indexOf(value(k)) < items.size() - 1) {
            Object before = value(k);
            int g0 = generation();
            Object next = items.get(items.indexOf(before) + 1);
            hand.key(KeyCode.DOWN);
            refused = !picked(k, next, before, g0, "the Down key");
        }
        if (refused) { // the same refused item again: refused again, the controls come back again
            Object before = value(k);
            int g0 = generation();
            Object next = items.get(items.indexOf(before) + 1);
            hand.key(KeyCode.DOWN);
            assertFalse(picked(k, next, before, g0, "the Down key onto the refused item again"));
        }
        // F4 opens the list, Up moves in it, Enter takes the item
        Object before = value(k);
        int g0 = generation();
        hand.key(KeyCode.F4);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> Hand.fx(box::isShowing));
        hand.key(KeyCode.UP, KeyCode.ENTER);
        Object next = items.get(Math.max(0, items.indexOf(before) - 1));
        picked(k, next, before, g0, "F4, Up, Enter");
        assertFalse(Hand.fx(box::isShowing));
    }

    /**
     * Checks the item taken (or refused: only data sets that need files may be, and then everything shows what
     * trains); returns whether it was taken.
     */
    private boolean picked(Setting<?> k, Object item, Object before, int g0, String action) throws Exception {
        settle();
        Object now = value(k);
        if (now.equals(item)) {
            agree(k, item, action);
            assertNewSessions(k, g0, item.equals(before) ? 0 : 1, "one pick");
            return true;
        }
        assertTrue(k == Settings.DATASET && item instanceof DatasetKind d && !d.planar && d != DatasetKind.TEACHER,
                k + ": " + item + " was refused (" + message() + ")");
        assertTrue(Hand.fx(() -> view.statusBar.message.getStyleClass().contains("error")), "a refusal is red");
        assertFalse(message().isBlank());
        agree(k, before, action + " (refused: " + message() + ")");
        assertNewSessions(k, g0, 0, "a refused rebuild");
        return false;
    }

    /** Found by the UI fuzz test: for a moment the controls and Save held "idx" with no folder. */
    @Test
    void aDataSetThatNeedsAFolderIsRefusedAtOnceSoSaveNeverWritesAFileThatCannotBeOpened() throws Exception {
        ComboBox<Object> box = PanelCheck.combo(view, Settings.DATASET);
        reveal(box);
        hand.click(box);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> Hand.fx(box::isShowing));
        hand.click(cell(box, DatasetKind.IDX));
        Path file = dir.resolve("idx.json");
        String said = message();
        Scenario saved = Hand.fx(() -> { // at once: no waiting for the trainer
            assertTrue(view.saveScenario(file));
            return ScenarioIO.load(file);
        });
        assertTrue(said.contains("dataset.name") && said.contains("idx") && said.contains("dataset.path"), said);
        assertEquals(DatasetKind.SPIRAL, saved.dataset().name());
        assertEquals(DatasetKind.SPIRAL, Hand.fx(box::getValue), "the list is back on what trains");
        agree(Settings.DATASET, DatasetKind.SPIRAL, "picking idx without a folder (refused)");
    }

    /**
     * A refused rebuild (a data set that is not installed) sends the controls back to what trains — but a change
     * made meanwhile must survive: the trainer applies it, so the controls must keep showing it.
     */
    @Test
    void aChangeMadeWhileARefusedRebuildIsUnderwayIsKept() throws Exception {
        ComboBox<Object> box = PanelCheck.combo(view, Settings.DATASET);
        reveal(box);
        CountDownLatch picked = new CountDownLatch(1), refused = new CountDownLatch(1);
        trainer.post(s -> await(picked)); // a long step: the pick below waits behind it
        hand.click(box);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> Hand.fx(box::isShowing));
        hand.click(cell(box, DatasetKind.MNIST));
        trainer.post(s -> await(refused)); // the refusal is out while the trainer is busy again
        TextField lr = PanelCheck.field(view, Settings.LEARNING_RATE);
        reveal(lr);
        hand.typeInto(lr, "0.5", true); // made before the refusal is seen, applied after it
        picked.countDown();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> message().contains("MNIST not found"));
        refused.countDown();
        agree(Settings.LEARNING_RATE, 0.5, "a change made while MNIST was being refused");
        assertEquals(DatasetKind.SPIRAL, value(Settings.DATASET), "the refused data set is not shown");
    }

    /** Keeps the trainer thread busy until the test lets it go on (at most a minute). */
    private static void await(CountDownLatch go) {
        try {
            go.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- text (the seed)

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void typeIntoTheTextField(Setting<?> k) throws Exception {
        usable(k);
        TextField f = PanelCheck.field(view, k);
        reveal(f);
        for (String text : List.of("42", "-7", "9007199254740993", "42")) {
            Object before = value(k);
            int g0 = generation();
            hand.typeInto(f, text, true);
            Object expected = k.type().fromText(text);
            agree(k, expected, "typing '" + text + "' + Enter");
            assertNewSessions(k, g0, expected.equals(before) ? 0 : 1, "one Enter");
        }
        Object before = value(k);
        int g0 = generation();
        for (String text : List.of("abc", "1.5", "99999999999999999999")) {
            hand.typeInto(f, text, true);
            expectRefusal(k, text);
            agree(k, before, "typing '" + text + "' + Enter (refused)");
        }
        hand.typeInto(f, "", true);
        expectRefusal(k, "");
        agree(k, before, "emptying the field + Enter (refused)");
        hand.typeInto(f, "777", false);
        hand.key(KeyCode.TAB);
        agree(k, before, "typing '777' without Enter, then Tab");
        assertNewSessions(k, g0, 0, "refused and abandoned input");
    }

    // ---------------------------------------------------------------- hidden layers

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void theLayerSpinnersArrows(Setting<?> k) throws Exception {
        usable(k);
        Spinner<Integer> depth = PanelCheck.depth(view, k), width = PanelCheck.width(view, k);
        reveal(depth);
        step(k, depth.lookup(".increment-arrow-button"), List.of(8, 8, 8, 8), "depth ▲");
        step(k, depth.lookup(".decrement-arrow-button"), List.of(8, 8, 8), "depth ▼");
        step(k, depth.lookup(".decrement-arrow-button"), List.of(8, 8), "depth ▼");
        step(k, width.lookup(".increment-arrow-button"), List.of(9, 9), "width ▲");
        step(k, width.lookup(".decrement-arrow-button"), List.of(8, 8), "width ▼");
        step(k, width.lookup(".decrement-arrow-button"), List.of(7, 7), "width ▼");
    }

    private void step(Setting<?> k, Node arrow, List<Integer> expected, String what) throws Exception {
        int g0 = generation();
        hand.click(arrow);
        agree(k, expected, "the arrow " + what);
        assertNewSessions(k, g0, 1, "one arrow click");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void typeIntoTheLayerSpinners(Setting<?> k) throws Exception {
        usable(k);
        Spinner<Integer> depth = PanelCheck.depth(view, k), width = PanelCheck.width(view, k);
        reveal(depth);
        typeLayers(k, depth.getEditor(), "5", List.of(8, 8, 8, 8, 8));
        typeLayers(k, width.getEditor(), "16", List.of(16, 16, 16, 16, 16));
        int g0 = generation();
        hand.key(KeyCode.UP);
        agree(k, List.of(17, 17, 17, 17, 17), "the Up key in the width field");
        hand.click(depth.getEditor());
        hand.key(KeyCode.DOWN);
        agree(k, List.of(17, 17, 17, 17), "the Down key in the depth field");
        assertNewSessions(k, g0, 2, "two keys");
        // typed, then the focus leaves: taken as if Enter was pressed
        hand.typeInto(depth.getEditor(), "2", false);
        hand.key(KeyCode.TAB);
        agree(k, List.of(17, 17), "typing '2' into the depth field, then Tab");
    }

    private void typeLayers(Setting<?> k, TextField editor, String text, List<Integer> expected) throws Exception {
        int g0 = generation();
        hand.typeInto(editor, text, true);
        agree(k, expected, "typing '" + text + "' + Enter");
        assertNewSessions(k, g0, 1, "one Enter");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void refusedTextInTheLayerSpinnersChangesNothing(Setting<?> k) throws Exception {
        usable(k);
        Spinner<Integer> depth = PanelCheck.depth(view, k), width = PanelCheck.width(view, k);
        reveal(depth);
        Object before = value(k);
        int g0 = generation();
        for (Spinner<Integer> s : List.of(depth, width)) {
            for (String text : List.of("abc", "", "999", "0", "-3", "2.5")) {
                hand.typeInto(s.getEditor(), text, true);
                expectRefusal(k, text);
                agree(k, before, "typing '" + text + "' + Enter into " + s.getId() + " (refused)");
            }
            // a refused text, then an arrow: the arrow counts from the value in force
            hand.typeInto(s.getEditor(), "abc", false);
            hand.click(s.lookup(".increment-arrow-button"));
            List<Integer> up = s == depth ? List.of(8, 8, 8, 8) : List.of(9, 9, 9);
            agree(k, up, "typing 'abc', then the arrow ▲ of " + s.getId());
            hand.click(s.lookup(".decrement-arrow-button"));
            agree(k, before, "the arrow ▼ of " + s.getId());
        }
        assertNewSessions(k, g0, 4, "two arrows per spinner, nothing for refused text");
    }

    // ---------------------------------------------------------------- the two bugs of issue 10

    /** The Noise slider once listened only to drags: a click on its track or a key moved the thumb, nothing else. */
    @Test
    void theNoiseSlidersTrackAndKeysChangeTheDataTheTrainerAndTheSavedFile() throws Exception {
        Setting<Double> k = Settings.NOISE;
        Slider s = PanelCheck.slider(view, k);
        reveal(s);
        assertEquals(0.1, value(k));
        double[] before = trainer.call(x -> firstPoints(x));
        int g0 = generation();
        hand.click(trackPoint(s, 0.8));
        double noise = (Double) value(k);
        assertEquals(0.4, noise, 0.03, "the click took the value under the mouse");
        agree(k, noise, "a click on the Noise track");
        assertNewSessions(k, g0, 1, "a new session with new data");
        double[] after = trainer.call(x -> firstPoints(x));
        assertFalse(java.util.Arrays.equals(before, after), "the data changed");
        var fresh = Datasets.load(DatasetKind.SPIRAL, "", noise, 1000, 0.2, 1);
        assertEquals(fresh.trainFeature(3, 1), trainer.call(x -> x.data().trainFeature(3, 1)),
                "the trainer's data have the new noise");
        assertEquals(noise, trainer.call(x -> x.scenario().dataset().noise()));
        hand.key(KeyCode.LEFT);
        double lower = (Double) value(k);
        assertEquals(Settings.NOISE.round(noise - 0.025), lower, 1e-12, "← lowers the noise by a step");
        agree(k, lower, "the ← key on the Noise slider");
        assertNewSessions(k, g0, 2, "another new session");
        assertEquals(Datasets.load(DatasetKind.SPIRAL, "", lower, 1000, 0.2, 1).trainFeature(3, 1),
                trainer.call(x -> x.data().trainFeature(3, 1)));
    }

    private static double[] firstPoints(Session s) {
        double[] v = new double[20];
        for (int i = 0; i < 10; i++) {
            v[2 * i] = s.data().trainFeature(i, 0);
            v[2 * i + 1] = s.data().trainFeature(i, 1);
        }
        return v;
    }

    /** Lesson 3's "Try it" once set the learning rate to 0.20000000000000004 (now its action is 0.1). */
    @Test
    void lessonThreesTryItSetsTheLearningRateToExactlyOneTenth() throws Exception {
        Hand.run(() -> view.model().openLesson(Lessons.get(3)));
        settle();
        assertEquals(Lessons.get(3).preset().training().learningRate(), value(Settings.LEARNING_RATE));
        hand.click(PanelCheck.node(view, "lessonAction"));
        agree(Settings.LEARNING_RATE, 0.1, "lesson 3's Try it");
        assertEquals("0.1", Hand.fx(() -> PanelCheck.field(view, Settings.LEARNING_RATE).getText()));
        assertTrue(Hand.fx(() -> view.statusBar.status.getText()).contains("learning rate 0.1 "),
                Hand.fx(() -> view.statusBar.status.getText()));
        for (double lr : trainer.call(s -> s.runs().stream().mapToDouble(r -> r.sgd.learningRate()).toArray())) {
            assertEquals(0.1, lr, 0.0, "each twin's optimizer");
        }
        Path file = dir.resolve("lesson3.json");
        assertTrue(Hand.fx(() -> view.saveScenario(file)));
        assertTrue(Files.readString(file).contains("\"learning_rate\" : 0.1,"), Files.readString(file));
        assertEquals(0.1, ScenarioIO.load(file).training().learningRate(), 0.0);
    }

    @ParameterizedTest(name = "lesson {0}")
    @MethodSource("lessons")
    void eachLessonsTryItButtonAgreesEverywhere(int number) throws Exception {
        Lesson l = Lessons.get(number);
        Hand.run(() -> view.model().openLesson(l));
        settle();
        Setting<?> k = Settings.byKey(l.actionKey());
        if (k == null) { // one variant's setting: the window and the trainer hold exactly what --set would make
            org.shiftscope.train.scenario.Scenario want = ScenarioIO.withOverride(view.scenario(), l.actionKey(),
                    l.actionValue());
            hand.click(PanelCheck.node(view, "lessonAction"));
            settle();
            assertEquals(want, view.scenario(), l.actionKey());
            assertEquals(want, trainer.call(x -> x.scenario()), l.actionKey());
            return;
        }
        Object expected = k.type().fromText(l.actionValue());
        Object before = value(k);
        int g0 = generation();
        hand.click(PanelCheck.node(view, "lessonAction"));
        String said = message(); // before Save replaces it; a new network's notice may come first
        assertTrue(said.equals("lesson " + number + ": " + l.actionLabel()) || said.startsWith("new network: "),
                said);
        agree(k, expected, "lesson " + number + "'s Try it");
        assertNewSessions(k, g0, expected.equals(before) ? 0 : 1, "one Try it");
    }

    /** What the next training step uses is what the controls show (its snapshot records it): no normalizer too. */
    @Test
    void theNextStepTrainsWithTheValuesTheControlsShow() throws Exception {
        TextField lr = PanelCheck.field(view, Settings.LEARNING_RATE);
        reveal(lr);
        hand.typeInto(lr, "0.2", true);
        TextField batch = PanelCheck.field(view, Settings.BATCH_SIZE);
        reveal(batch);
        hand.typeInto(batch, "16", true);
        ComboBox<Object> norm = PanelCheck.combo(view, Settings.NORM);
        reveal(norm);
        hand.click(norm);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> Hand.fx(norm::isShowing));
        hand.click(cell(norm, org.shiftscope.nn.NormKind.NONE));
        agree(Settings.NORM, org.shiftscope.nn.NormKind.NONE, "three changes");
        hand.click(PanelCheck.node(view, "step"));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> Hand.fx(() -> view.model().history().lastStep() == 1));
        var snap = Hand.fx(() -> view.model().history().latest("main"));
        assertEquals(0.2, snap.learningRate(), 0.0, "the step's learning rate");
        assertEquals(16, snap.batchSize(), "the step's batch");
        assertFalse(snap.batchNorm(), "the step ran without BatchNorm");
    }

    // ---------------------------------------------------------------- agreement

    /**
     * Waits until everything sent has arrived, then checks that the control shows the expected value (and every
     * other control its value), that the trainer's session uses exactly the settings shown — its optimizers,
     * networks and data too — and that Save writes them.
     */
    private void agree(Setting<?> k, Object expected, String action) throws Exception {
        settle();
        String what = k.key() + ", after " + action;
        Scenario shown = Hand.fx(view::scenario);
        assertEquals(expected, shown.get(k), what + ": the settings the window holds");
        if (k.control().kind() == Kind.SLIDER) assertEquals(rounded(k, expected), expected, what + ": on the step");
        assertEquals(List.of(), Hand.fx(() -> PanelCheck.disagreements(view, shown)),
                what + ": the controls show those settings");
        Scenario used = trainer.call(Session::scenario);
        assertEquals(shown, used, what + ": the trainer uses the settings shown");
        assertEquals(List.of(), trainer.call(PanelCheck::engineDisagreements),
                what + ": the optimizers, networks and data use them");
        Path file = dir.resolve("saved.json");
        assertTrue(Hand.fx(() -> view.saveScenario(file)), what + ": Save");
        Scenario saved = ScenarioIO.load(file);
        assertEquals(expected, saved.get(k), what + ": Save writes the value shown");
        assertEquals(shown.withName("saved"), saved, what + ": Save writes every setting shown");
        if (trainer.call(Session::stepCount) == 0) {
            assertEquals(List.of(), trainer.call(s -> PanelCheck.sameAsFresh(s, saved)),
                    what + ": the trainer's data and network are those of the saved file");
        }
    }

    /** a REBUILD setting's change makes new sessions; a LIVE one never does */
    private void assertNewSessions(Setting<?> k, int g0, int rebuilds, String what) throws Exception {
        int expected = k.apply() == Setting.Apply.REBUILD ? rebuilds : 0;
        assertEquals(g0 + expected, generation(), k + ": new sessions after " + what + " (" + k.apply() + ")");
    }

    private void expectRefusal(Setting<?> k, String text) throws Exception {
        settle();
        String m = message();
        assertTrue(m.contains(k.key()) && m.contains(text.trim()), k + ": the refusal of '" + text
                + "' names the key and the text: " + m);
        assertTrue(Hand.fx(() -> view.statusBar.message.getStyleClass().contains("error")), "a refusal is red: " + m);
    }

    private void settle() throws Exception {
        Hand.sync();
        trainer.call(s -> null); // everything sent so far has been applied
        Hand.pulses(2); // and the frame loop has read the trainer's news
    }

    private int generation() throws Exception {
        settle();
        return trainer.status().generation();
    }

    private Object value(Setting<?> k) {
        return Hand.fx(() -> view.scenario().get(k));
    }

    private boolean playing() throws Exception {
        boolean shown = Hand.fx(() -> view.model().playingProperty().get());
        trainer.call(s -> null);
        assertEquals(shown, trainer.status().playing(), "the Play button and the trainer agree");
        return shown;
    }

    private String message() {
        return Hand.fx(() -> ((Label) PanelCheck.node(view, "message")).getText());
    }

    @SuppressWarnings("unchecked")
    private static <T> Object rounded(Setting<T> k, Object v) {
        return k.round((T) v);
    }

    @SuppressWarnings("unchecked")
    private static <T> String format(Setting<T> k, Object v) {
        return k.format((T) v);
    }

    /** a value the setting allows but its slider cannot reach, as text, or null */
    private static String beyondTheSlider(Setting<?> k) {
        Control c = k.control();
        if (k.type() instanceof ValueType.Num n) {
            double v = Double.parseDouble(BigDecimal.valueOf(c.hi() * 1.5).toPlainString());
            return n.allows(v) && !c.topMeansZero() ? BigDecimal.valueOf(v).toPlainString() : null;
        }
        if (k.type() instanceof ValueType.Int n) {
            long v = (long) c.hi() * 2;
            return n.allows(v) ? Long.toString(v) : null;
        }
        return null;
    }

    /** text the setting's field must refuse: not a number, and numbers outside its range */
    private static List<String> refusals(Setting<?> k) {
        List<String> out = new ArrayList<>(List.of("abc", "1,5"));
        if (k.type() instanceof ValueType.Num n) {
            out.add(BigDecimal.valueOf(n.hi() * 10 + 10).toPlainString());
            if (!n.loIn()) out.add(BigDecimal.valueOf(n.lo()).toPlainString());
            if (n.lo() >= 0) out.add("-1");
        } else if (k.type() instanceof ValueType.Int n) {
            out.add(Long.toString(n.hi() + 1));
            out.add(Long.toString(n.lo() - 1));
            out.add("2.5");
        }
        return out;
    }

    // ---------------------------------------------------------------- where to click

    /**
     * Makes a setting's control usable where the starting scenario leaves it disabled (e.g. GroupNorm's groups
     * need the GroupNorm normalizer): picks, through the model, the first choice of a list setting that enables it.
     */
    private void usable(Setting<?> k) throws Exception {
        if (k == Settings.NORM_GROUPS) {
            // GroupNorm's groups must divide every width: layers of 128 take every value its control offers
            Hand.run(() -> view.model().set(Settings.HIDDEN, List.of(128, 128)));
            settle();
        }
        // a sequence set's lengths are ranges: the other ends moved out of the way, so every position of the control
        // is a length that can be had (each change on its own a valid scenario)
        // (typed values reach twice the control's top)
        List<Map.Entry<Setting<Long>, Long>> ends = k == Settings.MIN_LENGTH
                ? List.of(Map.entry(Settings.TEST_MAX_LENGTH, 400L), Map.entry(Settings.MAX_LENGTH, 200L))
                : k == Settings.MAX_LENGTH
                ? List.of(Map.entry(Settings.MIN_LENGTH, 1L), Map.entry(Settings.TEST_MAX_LENGTH, 400L))
                : k == Settings.TEST_MIN_LENGTH ? List.of(Map.entry(Settings.TEST_MAX_LENGTH, 400L))
                : k == Settings.TEST_MAX_LENGTH
                ? List.of(Map.entry(Settings.MIN_LENGTH, 1L), Map.entry(Settings.MAX_LENGTH, 1L),
                        Map.entry(Settings.TEST_MIN_LENGTH, 1L))
                : List.of();
        if (!ends.isEmpty()) {
            Hand.run(() -> view.model().set(Settings.DATASET, org.shiftscope.data.DatasetKind.MORE_ONES));
            settle();
            for (var e : ends) {
                Hand.run(() -> view.model().set(e.getKey(), e.getValue()));
                settle();
            }
        }
        if (Hand.fx(() -> k.enabled(view.scenario()))) return;
        for (Setting<?> c : PanelCheck.panelSettings()) {
            for (Object v : c.choices()) {
                if (Hand.fx(() -> k.enabled(view.scenario().with(cast(c), v)))) {
                    Hand.run(() -> view.model().set(cast(c), v));
                    settle();
                    assertTrue(Hand.fx(() -> k.enabled(view.scenario())), k + " usable");
                    return;
                }
            }
        }
        throw new AssertionError("no list choice makes " + k + " usable");
    }

    /**
     * GroupNorm's groups must divide every layer's width: a slider position between the divisors (37 of 128) is
     * refused with a message naming the divisors, and the thumb goes back to the value in force. True when that
     * just happened (checked here), false when the last gesture was taken.
     */
    private boolean refusedGroups(Setting<?> k) throws Exception {
        if (k != Settings.NORM_GROUPS) return false;
        settle();
        String said = message();
        if (!said.contains("does not divide")) return false;
        assertTrue(said.contains("network.norm_groups") && said.contains("1, 2, 4, 8, 16, 32, 64, 128"), said);
        Object shown = Hand.fx(() -> PanelCheck.roundedAt(k, PanelCheck.slider(view, k).getValue()));
        assertEquals(value(k), shown, "the thumb shows the groups in force again");
        Hand.run(() -> view.model().notify("", false)); // the next gesture's notice starts afresh
        return true;
    }

    @SuppressWarnings("unchecked")
    private static <T> Setting<T> cast(Setting<?> k) {
        return (Setting<T>) k;
    }

    private void reveal(Node n) {
        Hand.run(() -> view.controls.reveal(n));
        Hand.sync();
    }

    /** a point on a slider's track at a fraction of its length */
    private static Point2D trackPoint(Slider s, double at) {
        Node track = Hand.fx(() -> s.lookup(".track"));
        return Hand.at(track, at, 0.5);
    }

    /** the cell of an item in a shown list */
    private static Node cell(ComboBox<Object> box, Object item) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> Hand.fx(() -> findCell(box, item) != null));
        return Hand.fx(() -> findCell(box, item));
    }

    private static Node findCell(ComboBox<Object> box, Object item) {
        ListView<?> list = (ListView<?>) ((ComboBoxListViewSkin<?>) box.getSkin()).getPopupContent();
        list.scrollTo(list.getItems().indexOf(item));
        list.layout();
        for (Node n : list.lookupAll(".list-cell")) {
            if (n instanceof ListCell<?> c && item.equals(c.getItem()) && c.isVisible()) return c;
        }
        return null;
    }

    /** Gives a node the focus the way a keyboard user does (Tab), so it shows a focus ring. */
    private void focusByKeyboard(Node n) throws Exception {
        Hand.run(n::requestFocus);
        hand.key(KeyCode.TAB);
        hand.chord(KeyCode.SHIFT, KeyCode.TAB);
        if (!Hand.fx(n::isFocused)) {
            Hand.run(n::requestFocus);
            hand.chord(KeyCode.SHIFT, KeyCode.TAB);
            hand.key(KeyCode.TAB);
        }
        assertTrue(Hand.fx(() -> n.isFocused() && n.isFocusVisible()), "Tab reaches " + n);
    }
}
