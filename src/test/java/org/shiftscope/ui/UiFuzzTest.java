package org.shiftscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.chart.Styles;
import org.shiftscope.train.Session;
import org.shiftscope.train.Trainer;
import org.shiftscope.train.scenario.Control;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioIO;
import org.shiftscope.train.scenario.Setting;
import org.shiftscope.train.scenario.ValueType;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Random actions on the whole window while training runs: every control of the panel moved every way
 * {@link ControlsTest} moves it (refused text too), the toolbar (play/pause, step, reset, taps, dark,
 * presentation), the keyboard shortcuts, lessons (open one, its Try it, fold, close), presets, scenario files
 * saved and opened (good, bad, missing, through Open recent in the File menu) and CSV export — never a native
 * dialog. After every action the scenario Save writes must be what the controls show; every 20 actions, once
 * the trainer caught up, the trainer must train with exactly those settings. Nothing may throw on any thread,
 * the trainer must not stop, and the FX thread must never work for more than 1 s of its own CPU time without
 * answering ({@link FxWatchdog}: CPU time, not the wall clock, so a busy machine cannot fail it).
 *
 * <p>{@code -Dshiftscope.fuzz.actions=N} (default 2,000; the {@code fuzz} Maven profile runs 10,000) and
 * {@code -Dshiftscope.fuzz.seed=S} to replay a run (the seed is printed, and named in every failure).
 */
@ExtendWith(ApplicationExtension.class)
class UiFuzzTest {
    private static final int ACTIONS = Integer.getInteger("shiftscope.fuzz.actions", 2000);
    private static final long SEED = Long.getLong("shiftscope.fuzz.seed", new Random().nextLong());
    /** the FX thread's CPU time (ms) one action may take before the test fails */
    private static final long STALL_MS = Long.getLong("shiftscope.fuzz.stallMs", 1000);
    private static final int DEEP_EVERY = 20;

    private static String prefsNode;
    private static final List<String> uncaught = new CopyOnWriteArrayList<>();
    @TempDir
    static Path dir;

    private MainView view;
    private Trainer trainer;
    private Thread fxThread;
    private Hand hand;
    private Random rnd;
    /** the last actions, for the failure message */
    private final Deque<String> recent = new ArrayDeque<>();
    private final List<Path> saved = new ArrayList<>();
    private int sinceRunning;

    @BeforeAll
    static void setUp() {
        prefsNode = TestPrefs.useOwnNode(UiFuzzTest.class);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(t.getName() + ": " + trace(e)));
    }

    @AfterAll
    static void tearDown() throws Exception {
        TestPrefs.remove(prefsNode);
        Thread.setDefaultUncaughtExceptionHandler(null);
    }

    @Start
    void start(Stage stage) {
        fxThread = Thread.currentThread();
        fxThread.setUncaughtExceptionHandler((t, e) -> uncaught.add(t.getName() + ": " + trace(e)));
        trainer = new Trainer(Scenario.defaults());
        // training runs, and leaves the FX and render threads room on a 2-core machine: a fixed share, not one that
        // follows the frame rate (CoreShare), so that each run gives the window the same time
        System.setProperty("shiftscope.uiShare", "0.5");
        view = new MainView(trainer);
        view.setExportDir(dir);
        Scene scene = new Scene(view, 1100, 720); // a laptop-sized window (the software renderer is the bottleneck)
        Styles.add(scene);
        stage.setScene(scene);
        stage.show();
        view.start();
    }

    @AfterEach
    void stop() {
        Hand.run(view::stop);
        trainer.close();
    }

    static String trace(Throwable e) {
        var w = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }

    @Test
    void randomActionsWhileTrainingKeepControlsTrainerAndSavedFileInAgreement() throws Exception {
        System.out.printf(Locale.ROOT, "UI fuzz: %d actions, seed %d (replay with -Dshiftscope.fuzz.seed=%d)%n",
                ACTIONS, SEED, SEED);
        rnd = new Random(SEED);
        hand = Hand.quick(); // an action returns once its events are queued; the next step on the FX thread follows
        Files.writeString(dir.resolve("bad.json"), "{ \"training\": { \"batch_size\": 0 } }");
        long t0 = System.nanoTime(), cpu0 = cpuNanos();
        int i = 0;
        String what = "start";
        double fxMost;
        try (FxWatchdog dog = new FxWatchdog(fxThread, STALL_MS)) {
            step(() -> hand.click(PanelCheck.node(view, "play")));
            for (i = 1; i <= ACTIONS; i++) {
                checked = false;
                what = "its first step, which first checks what action " + (i - 1) + " left";
                what = act();
                remember(i + ": " + what);
                kinds.merge(kind(what), 1, Integer::sum);
                dog.assertNoStall();
                if (!uncaught.isEmpty()) throw new AssertionError("an exception on a thread:\n" + uncaught.get(0));
                String error = trainer.status().error();
                if (error.startsWith("training stopped")) throw new AssertionError("the trainer stopped: " + error);
                if (i % DEEP_EVERY == 0 || i == ACTIONS) deepCheck();
            }
            Hand.run(() -> view.model().pause());
            fxMost = dog.maxMillis();
        } catch (Throwable e) {
            throw new AssertionError(String.format(Locale.ROOT, "UI fuzz seed %d failed at action %d (%s): %s%n"
                    + "replay: mvn -B verify -Dtest=UiFuzzTest -Dshiftscope.fuzz.seed=%d "
                    + "-Dshiftscope.fuzz.actions=%d%nlast actions:%n  %s", SEED, i, what, e.getMessage(), SEED, i,
                    String.join("\n  ", recent)), e);
        }
        double s = (System.nanoTime() - t0) / 1e9, cpu = (cpuNanos() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "UI fuzz: %d actions in %.1f s (%.0f ms each; %.0f s of CPU; the FX thread "
                + "answered within %.0f ms of its CPU; load average %.1f), seed %d; %d files saved, %d sessions%n",
                ACTIONS, s, s * 1000 / ACTIONS, cpu, fxMost,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), SEED,
                saved.size(), trainer.status().generation() + 1);
        System.out.println("UI fuzz: actions by kind: " + kinds);
    }

    /** CPU time of this JVM, every thread */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** how many actions of each kind were done (printed, so a kind that silently stopped working shows) */
    private final java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();

    private static String kind(String what) {
        if (what.contains("not shown") || what.contains("did not open") || what.endsWith(" hidden")
                || what.startsWith("no recent")) {
            return "(could not: " + what.replaceAll("'.*'", "…") + ")";
        }
        String k = what.replaceAll("^lesson picked.*", "lesson opened").replaceAll("^preset picked.*", "preset opened")
                .replaceAll(": (drag|click the track|thumb|typed|picked|click|Space|UP|DOWN|depth|width).*", ": $1")
                .replaceAll("^(open|save) fuzz.*", "$1 a file").replaceAll("File ▸ Open recent.*", "File ▸ Open recent");
        return k;
    }

    private void remember(String what) {
        recent.addLast(what);
        if (recent.size() > 25) recent.removeFirst();
    }

    // ---------------------------------------------------------------- checks

    /** whether the current action's first step on the FX thread has checked the previous action */
    private boolean checked;

    /**
     * Runs a step of an action on the FX thread. Its first step first checks what the previous action left:
     * the events of that action were queued before this step, so they have been handled.
     */
    private <T> T step(Callable<T> gesture) {
        return Hand.fx(() -> {
            if (!checked) {
                checked = true;
                // Space or Enter on the ◧ Controls button reached with Tab folds the panel away, as it should;
                // a person opens it again to go on with the controls
                if (!view.toolbar.panel.isSelected()) view.toolbar.panel.fire();
                verifySaveShowsControls();
            }
            return gesture.call();
        });
    }

    private void step(Runnable gesture) {
        step(() -> {
            gesture.run();
            return null;
        });
    }

    /** Nothing threw, and Save writes what the controls show. FX thread. */
    private void verifySaveShowsControls() {
        if (!uncaught.isEmpty()) throw new AssertionError("an exception on a thread:\n" + uncaught.get(0));
        Path file = dir.resolve("check.json");
        if (!view.saveScenario(file)) {
            throw new AssertionError("Save failed: " + view.statusBar.message.getText());
        }
        List<String> wrong = PanelCheck.disagreements(view, ScenarioIO.load(file));
        if (!wrong.isEmpty()) throw new AssertionError("the saved file is not what the controls show: " + wrong);
    }

    /** Every few actions, once the trainer caught up: it trains with exactly the settings shown. */
    private void deepCheck() throws Exception {
        checked = false;
        step(() -> { }); // the last action is checked
        trainer.call(s -> null);
        Hand.pulses(2);
        Scenario shown = Hand.fx(view::scenario);
        Scenario used = trainer.call(Session::scenario);
        assertEquals(shown, used, "the trainer trains with the settings shown");
        assertEquals(List.of(), trainer.call(PanelCheck::engineDisagreements), "the engine objects use them");
        assertEquals(List.of(), Hand.fx(() -> PanelCheck.disagreements(view, shown)), "the controls show them");
        boolean running = trainer.status().playing();
        assertEquals(running, Hand.fx(() -> view.toolbar.play.isSelected()), "the Play button shows what trains");
        sinceRunning = running ? 0 : sinceRunning + DEEP_EVERY;
        if (sinceRunning >= 3 * DEEP_EVERY) { // keep it training most of the time
            Hand.run(() -> view.model().play());
            sinceRunning = 0;
        }
    }

    // ---------------------------------------------------------------- actions

    /** Does one random action and says what it did. */
    private String act() throws Exception {
        int r = rnd.nextInt(100);
        if (r < 58) return control();
        if (r < 72) return toolbar();
        if (r < 78) return shortcut();
        if (r < 87) return lesson();
        if (r < 91) return preset();
        return file();
    }

    private String control() throws Exception {
        List<Setting<?>> all = PanelCheck.panelSettings();
        Setting<?> k = all.get(rnd.nextInt(all.size()));
        String on = k.key() + ": ";
        switch (k.control().kind()) {
            case SLIDER -> {
                return on + slider(k);
            }
            case CHECK -> {
                boolean space = rnd.nextInt(4) == 0;
                return on + step(() -> {
                    Node box = PanelCheck.check(view, k);
                    reveal(box);
                    if (space && !box.isDisabled()) {
                        focusByKeyboard(box);
                        hand.key(KeyCode.SPACE);
                        return "Space on the check box";
                    }
                    hand.click(box);
                    return "click";
                });
            }
            case TOGGLES -> {
                Object c = k.choices().get(rnd.nextInt(k.choices().size()));
                step(() -> {
                    Node b = PanelCheck.toggle(view, k, c);
                    reveal(b);
                    hand.click(b);
                });
                return on + "click '" + k.optionLabel(c) + "'";
            }
            case CHOICE -> {
                ComboBox<Object> box = PanelCheck.combo(view, k);
                if (rnd.nextBoolean()) {
                    Object c = k.choices().get(rnd.nextInt(k.choices().size()));
                    return on + pick(box, c, k.optionLabel(c));
                }
                KeyCode key = rnd.nextBoolean() ? KeyCode.DOWN : KeyCode.UP;
                step(() -> {
                    reveal(box);
                    focusByKeyboard(box);
                    hand.key(key);
                });
                return on + key + " on the list";
            }
            case TEXT -> {
                String text = switch (rnd.nextInt(5)) {
                    case 0 -> "abc";
                    case 1 -> "";
                    default -> Integer.toString(rnd.nextInt(50) - 5);
                };
                boolean enter = rnd.nextInt(5) > 0;
                step(() -> {
                    TextField f = PanelCheck.field(view, k);
                    reveal(f);
                    hand.typeInto(f, text, enter);
                    if (!enter) hand.key(KeyCode.TAB);
                });
                return on + "typed '" + text + "'" + (enter ? " + Enter" : ", Tab");
            }
            case LAYERS -> {
                boolean depth = rnd.nextBoolean();
                int way = rnd.nextInt(4);
                String arrow = rnd.nextBoolean() ? ".increment-arrow-button" : ".decrement-arrow-button";
                String text = rnd.nextInt(4) == 0 ? List.of("abc", "", "0", "999", "2.5").get(rnd.nextInt(5))
                        : Integer.toString(depth ? 1 + rnd.nextInt(6) : 2 + rnd.nextInt(40));
                KeyCode key = rnd.nextBoolean() ? KeyCode.UP : KeyCode.DOWN;
                String id = depth ? "depth" : "width";
                step(() -> {
                    Spinner<Integer> s = depth ? PanelCheck.depth(view, k) : PanelCheck.width(view, k);
                    reveal(s);
                    switch (way) {
                        case 0, 1 -> hand.click(s.lookup(arrow));
                        case 2 -> hand.typeInto(s.getEditor(), text, true);
                        default -> {
                            hand.click(s.getEditor());
                            hand.key(key);
                        }
                    }
                });
                return on + id + " " + switch (way) {
                    case 0, 1 -> arrow;
                    case 2 -> "typed '" + text + "' + Enter";
                    default -> key.toString();
                };
            }
        }
        throw new IllegalStateException("no way to move " + k);
    }

    private String slider(Setting<?> k) {
        int way = rnd.nextInt(5);
        double f = rnd.nextDouble();
        KeyCode[] keys = {KeyCode.LEFT, KeyCode.RIGHT, KeyCode.RIGHT, KeyCode.LEFT, KeyCode.HOME, KeyCode.END};
        KeyCode key = keys[rnd.nextInt(keys.length)];
        String text = typed(k);
        boolean enter = rnd.nextInt(6) > 0;
        step(() -> {
            Slider s = PanelCheck.slider(view, k);
            reveal(s);
            Node track = s.lookup(".track"), thumb = s.lookup(".thumb");
            switch (way) {
                case 0 -> hand.drag(Hand.centre(thumb), Hand.at(track, f, 0.5));
                case 1 -> hand.click(Hand.at(track, f, 0.5));
                case 2 -> {
                    hand.click(thumb);
                    hand.key(key);
                }
                default -> {
                    hand.typeInto(PanelCheck.field(view, k), text, enter);
                    if (!enter) hand.key(KeyCode.TAB);
                }
            }
        });
        return switch (way) {
            case 0 -> "drag to " + pct(f);
            case 1 -> "click the track at " + pct(f);
            case 2 -> "thumb, then " + key;
            default -> "typed '" + text + "'" + (enter ? " + Enter" : ", Tab");
        };
    }

    /** text a person might type into a slider's value field: mostly good values, some with too many digits, beyond
     * the slider, out of range, or not numbers */
    private String typed(Setting<?> k) {
        Control c = k.control();
        Object v = PanelCheck.roundedAt(k, c.minPosition() + rnd.nextDouble() * (c.maxPosition() - c.minPosition()));
        String plain = v instanceof Double d ? BigDecimal.valueOf(d).toPlainString() : v.toString();
        return switch (rnd.nextInt(10)) {
            case 0 -> List.of("abc", "", "1,5", "NaN", "1e999", "--1", "max").get(rnd.nextInt(7));
            case 1 -> plain + (plain.contains(".") || v instanceof Long ? "" : ".") + (1 + rnd.nextInt(9));
            case 2 -> k.type() instanceof ValueType.Num n ? BigDecimal.valueOf(n.hi() * 3 + 1).toPlainString()
                    : k.type() instanceof ValueType.Int n ? Long.toString(n.hi() + 1) : "x";
            case 3 -> "-1";
            case 4 -> BigDecimal.valueOf(c.hi() * 1.4).toPlainString();
            default -> plain;
        };
    }

    private static String pct(double f) {
        return Math.round(f * 100) + "%";
    }

    private String toolbar() {
        String[] ids = {"play", "play", "step", "reset", "tapLinear", "tapNormalized", "tapActivation", "tapGradient",
            "dark", "presentation"};
        String id = ids[rnd.nextInt(ids.length)];
        step(() -> hand.click(PanelCheck.node(view, id)));
        return "toolbar #" + id;
    }

    private String shortcut() {
        int which = rnd.nextInt(7);
        boolean focused = step(() -> {
            // the charts take the focus: the keys are shortcuts. A first click may only close a list's popup that
            // opened late (the click that hides a popup goes no further): a person clicks again
            Node charts = PanelCheck.node(view, "charts");
            hand.click(charts);
            if (!Hand.fx(charts::isFocused)) hand.click(charts);
            return Hand.fx(charts::isFocused);
        });
        if (!focused) return "shortcut: the charts did not take the focus";
        step(() -> {
            switch (which) {
                case 0 -> hand.key(KeyCode.SPACE);
                case 1 -> hand.key(KeyCode.S);
                case 2 -> hand.key(KeyCode.R);
                case 3 -> hand.key(KeyCode.B);
                case 4 -> hand.key(KeyCode.F5);
                case 5 -> hand.chord(KeyCode.CONTROL, KeyCode.L);
                default -> hand.key(KeyCode.S, KeyCode.S, KeyCode.S);
            }
        });
        return "shortcut " + List.of("Space", "S", "R", "B", "F5", "Ctrl+L", "S S S").get(which);
    }

    private String lesson() throws Exception {
        int r = rnd.nextInt(10);
        int pickIndex = rnd.nextInt(1000);
        boolean open = step(() -> view.model().lessonProperty().get() != null);
        if (!open || r < 3) {
            ComboBox<Object> box = comboById("lesson");
            Object l = Hand.fx(() -> box.getItems().get(pickIndex % box.getItems().size()));
            return "lesson " + pick(box, l, ((org.shiftscope.lesson.Lesson) l).label());
        }
        String id = r < 7 ? "lessonAction" : r < 9 ? "lessonFold" : "lessonClose";
        return step(() -> {
            Node n = PanelCheck.node(view, id);
            if (!isShown(n)) return "lesson #" + id + " hidden";
            hand.click(n);
            return "lesson #" + id;
        });
    }

    private String preset() throws Exception {
        ComboBox<Object> box = comboById("preset");
        int index = rnd.nextInt(1000);
        Object p = Hand.fx(() -> box.getItems().get(index % box.getItems().size()));
        return "preset " + pick(box, p, p.toString());
    }

    private String file() throws Exception {
        int r = rnd.nextInt(10);
        if (r < 4 || saved.isEmpty()) {
            Path f = dir.resolve("fuzz-" + rnd.nextInt(6) + ".json");
            step(() -> view.saveScenario(f));
            if (!saved.contains(f)) saved.add(f);
            return "save " + f.getFileName();
        }
        if (r < 7) {
            Path f = saved.get(rnd.nextInt(saved.size()));
            step(() -> view.openScenario(f));
            return "open " + f.getFileName();
        }
        if (r == 7) {
            Path f = rnd.nextBoolean() ? dir.resolve("bad.json") : dir.resolve("missing.json");
            step(() -> view.openScenario(f));
            return "open " + f.getFileName() + " (refused)";
        }
        if (r == 8) {
            step(() -> view.exportCsv(dir.resolve("csv")));
            return "export CSV";
        }
        return openRecent();
    }

    /** File ▸ Open recent ▸ the first file, with the mouse */
    private String openRecent() throws Exception {
        boolean none = step(() -> view.toolbar.recent.isDisable() || !isShown(view.toolbar.file));
        if (none) return "no recent files";
        Hand.run(() -> hand.click(PanelCheck.node(view, "file")));
        Node recentItem = waitForPopupNode(n -> n.getStyleClass().contains("menu")
                && "Open recent".equals(text(n)));
        if (recentItem == null) return closePopups("File menu did not open");
        Hand.run(() -> hand.hover(recentItem)); // the submenu opens under the mouse (a click could close it again)
        String first = Hand.fx(() -> view.toolbar.recent.getItems().isEmpty() ? null
                : view.toolbar.recent.getItems().get(0).getText());
        Node item = first == null ? null : waitForPopupNode(n -> n.getStyleClass().contains("menu-item")
                && first.equals(text(n)));
        if (item == null) return closePopups("no recent item shown");
        Hand.run(() -> hand.click(item));
        return "File ▸ Open recent ▸ " + Path.of(first).getFileName();
    }

    // ---------------------------------------------------------------- helpers

    /** Opens a list with a click and clicks one of its items. */
    private String pick(ComboBox<Object> box, Object item, String label) throws Exception {
        step(() -> {
            reveal(box);
            hand.click(box);
        });
        Node cell = null;
        for (int tries = 0; tries < 20 && cell == null; tries++) {
            cell = Hand.fx(() -> findCell(box, item));
            if (cell == null) Hand.pulses(1);
        }
        if (cell == null) return closePopups("the list did not open");
        Node c = cell;
        Hand.run(() -> hand.click(c));
        return "picked '" + label + "'";
    }

    private static Node findCell(ComboBox<Object> box, Object item) {
        if (!box.isShowing() || !(box.getSkin() instanceof ComboBoxListViewSkin<?> skin)) return null;
        ListView<?> list = (ListView<?>) skin.getPopupContent();
        int index = list.getItems().indexOf(item);
        if (index < 0) return null;
        list.scrollTo(index); // a person scrolls long lists with the wheel
        list.layout();
        for (Node n : list.lookupAll(".list-cell")) {
            if (n instanceof ListCell<?> c && item.equals(c.getItem()) && c.isVisible()) return c;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private ComboBox<Object> comboById(String id) {
        return (ComboBox<Object>) PanelCheck.node(view, id);
    }

    /** a node in a shown popup window (menus), or null after a few frames */
    private Node waitForPopupNode(java.util.function.Predicate<Node> p) {
        for (int tries = 0; tries < 20; tries++) {
            Node n = Hand.fx(() -> {
                for (Window w : Window.getWindows()) {
                    if (!w.isShowing() || w == view.getScene().getWindow() || w.getScene() == null) continue;
                    Node hit = find(w.getScene().getRoot(), p);
                    if (hit != null) return hit;
                }
                return null;
            });
            if (n != null) return n;
            Hand.pulses(1);
        }
        return null;
    }

    private static Node find(Node n, java.util.function.Predicate<Node> p) {
        if (p.test(n) && n.isVisible()) return n;
        if (n instanceof Parent parent) {
            for (Node c : parent.getChildrenUnmodifiable()) {
                Node hit = find(c, p);
                if (hit != null) return hit;
            }
        }
        return null;
    }

    private static String text(Node n) {
        if (n instanceof javafx.scene.control.Labeled l) return l.getText();
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                String t = text(c);
                if (t != null && !t.isEmpty()) return t;
            }
        }
        return null;
    }

    private String closePopups(String why) {
        Hand.run(() -> hand.key(KeyCode.ESCAPE, KeyCode.ESCAPE));
        return why;
    }

    /** whether a node is on screen (not folded away or hidden by presentation mode) */
    private static boolean isShown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    /** Scrolls the panel to a control of it (FX thread). */
    private void reveal(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == view.controls) {
                view.controls.reveal(n);
                return;
            }
        }
    }

    /** Tab and Shift+Tab: the node gets the focus as from the keyboard (FX thread) */
    private void focusByKeyboard(Node n) {
        n.requestFocus();
        hand.key(KeyCode.TAB);
        hand.chord(KeyCode.SHIFT, KeyCode.TAB);
    }
}
