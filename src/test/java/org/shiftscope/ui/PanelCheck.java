package org.shiftscope.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import org.shiftscope.nn.Network;
import org.shiftscope.train.Run;
import org.shiftscope.train.Session;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.Setting;
import org.shiftscope.train.scenario.Settings;

/**
 * Reads what the control panel shows, through the {@link Settings} table (so a new setting is read without
 * changes here), and compares it with a scenario — e.g. the one Save wrote — and the trainer's engine objects
 * with the settings they should use. Written independently of {@code SettingControls}: slider positions are
 * mapped back to values with the table's {@code Control}, not with the panel's code.
 */
final class PanelCheck {
    private PanelCheck() {}

    /** every setting that has a control in the panel, in table order */
    static List<Setting<?>> panelSettings() {
        return Settings.all().stream().filter(s -> s.control() != null).toList();
    }

    /**
     * the window's nodes by id, found once (the panel and toolbar keep their nodes for the window's life); only the
     * newest window's are kept: a map keyed weakly by the window would still hold every window through its nodes
     */
    private static MainView cachedView;
    private static Map<String, Node> cachedNodes = new HashMap<>();

    static Node node(MainView view, String id) {
        synchronized (PanelCheck.class) {
            if (view != cachedView) {
                cachedView = view;
                cachedNodes = new HashMap<>();
            }
            Node n = cachedNodes.get(id);
            if (n != null && n.getScene() == view.getScene()) return n;
            n = view.lookup("#" + id);
            if (n == null) {
                throw new AssertionError("no node #" + id + " in the window (controls shown: "
                        + view.toolbar.panel.isSelected() + ", panel in the scene: "
                        + (view.controls.getScene() != null) + ", presentation: "
                        + view.toolbar.presentation.isSelected() + ")");
            }
            cachedNodes.put(id, n);
            return n;
        }
    }

    static Slider slider(MainView v, Setting<?> k) {
        return (Slider) node(v, k.id());
    }

    static TextField field(MainView v, Setting<?> k) {
        return (TextField) node(v, k.control().kind() == org.shiftscope.train.scenario.Control.Kind.SLIDER
                ? k.id() + "-field" : k.id());
    }

    static CheckBox check(MainView v, Setting<?> k) {
        return (CheckBox) node(v, k.id());
    }

    @SuppressWarnings("unchecked")
    static ComboBox<Object> combo(MainView v, Setting<?> k) {
        return (ComboBox<Object>) node(v, k.id());
    }

    static ToggleButton toggle(MainView v, Setting<?> k, Object choice) {
        return (ToggleButton) node(v, k.id() + "-" + ((Enum<?>) choice).name().toLowerCase(java.util.Locale.ROOT));
    }

    @SuppressWarnings("unchecked")
    static Spinner<Integer> depth(MainView v, Setting<?> k) {
        return (Spinner<Integer>) node(v, k.id() + "-depth");
    }

    @SuppressWarnings("unchecked")
    static Spinner<Integer> width(MainView v, Setting<?> k) {
        return (Spinner<Integer>) node(v, k.id() + "-width");
    }

    /** the nodes a person uses to change a setting */
    static List<Node> controlsOf(MainView v, Setting<?> k) {
        return switch (k.control().kind()) {
            case SLIDER -> List.of(slider(v, k), field(v, k));
            case CHECK -> List.of(check(v, k));
            case TOGGLES -> k.choices().stream().map(c -> (Node) toggle(v, k, c)).toList();
            case CHOICE -> List.of(combo(v, k));
            case TEXT -> List.of(field(v, k));
            case LAYERS -> List.of(depth(v, k), width(v, k));
        };
    }

    // ---------------------------------------------------------------- slider positions, independently

    /** the value a slider position stands for, of the setting's type, before rounding */
    static Object valueAt(Setting<?> k, double position) {
        var c = k.control();
        double v;
        if (c.topMeansZero() && position >= c.maxPosition() - 1e-9) v = 0;
        else v = switch (c.scale()) {
            case LINEAR -> position;
            case LOG10 -> Math.pow(10, position);
            case LOG2 -> Math.pow(2, position);
        };
        return k.type().javaType() == Long.class ? (Object) Math.round(v) : (Object) v;
    }

    /** the value a slider position stands for, rounded to the control's step, as the panel should take it */
    @SuppressWarnings("unchecked")
    static <T> T roundedAt(Setting<T> k, double position) {
        return k.round((T) valueAt(k, position));
    }

    /** the value a slider's value field shows, read back as the setting's type ("max" = 0 for the speed cap) */
    static Object parseShown(Setting<?> k, String text) {
        if (k.control().topMeansZero() && text.trim().equals("max")) return 0.0;
        return k.type().fromText(text);
    }

    // ---------------------------------------------------------------- the panel against a scenario

    /**
     * Every way the panel fails to show the scenario exactly — with variants, what the selected variant trains —;
     * empty when it does. FX thread.
     */
    static List<String> disagreements(MainView view, Scenario s) {
        if (!s.variants().isEmpty()) {
            int i = view.model().variants().selectedProperty().get();
            s = s.run(Math.max(0, Math.min(i, s.runCount() - 1)));
        }
        List<String> out = new ArrayList<>();
        for (Setting<?> k : panelSettings()) {
            String d = disagreement(view, k, s);
            if (d != null) out.add(k.key() + ": " + d);
        }
        return out;
    }

    /** how the control of one setting fails to show its value in the scenario, or null. FX thread. */
    static <T> String disagreement(MainView view, Setting<T> k, Scenario s) {
        T v = s.get(k);
        String wrong = shows(view, k, v);
        if (wrong != null) return wrong;
        boolean enabled = k.enabled(s);
        for (Node n : controlsOf(view, k)) {
            if (n.isDisabled() == enabled) {
                return (enabled ? "disabled" : "enabled") + " although the setting is "
                        + (enabled ? "usable" : "not usable") + " here: " + n;
            }
        }
        return null;
    }

    private static <T> String shows(MainView view, Setting<T> k, T v) {
        switch (k.control().kind()) {
            case SLIDER -> {
                String text = field(view, k).getText();
                if (!text.equals(k.format(v))) return "the value field shows '" + text + "', not " + k.format(v);
                Object read = parseShown(k, text);
                if (!v.equals(read)) return "the value field shows '" + text + "' = " + read + ", not " + v;
                double pos = slider(view, k).getValue();
                T atThumb = roundedAt(k, pos);
                double expected = k.control().position(((Number) v).doubleValue());
                if (!atThumb.equals(v) && Math.abs(pos - expected) > 1e-9) {
                    return "the slider's thumb stands for " + atThumb + " (position " + pos + "), not " + v;
                }
            }
            case CHECK -> {
                if (check(view, k).isSelected() != (Boolean) v) {
                    return "the check box is " + (check(view, k).isSelected() ? "on" : "off") + ", not " + v;
                }
            }
            case TOGGLES -> {
                List<Object> on = new ArrayList<>();
                for (Object c : k.choices()) if (toggle(view, k, c).isSelected()) on.add(c);
                if (!on.equals(List.of(v))) return "the selected toggles are " + on + ", not " + v;
            }
            case CHOICE -> {
                Object shown = combo(view, k).getValue();
                if (!v.equals(shown)) return "the list shows " + shown + ", not " + v;
            }
            case TEXT -> {
                String text = field(view, k).getText();
                if (!text.equals(k.format(v)) || !v.equals(k.type().fromText(text))) {
                    return "the field shows '" + text + "', not " + k.format(v);
                }
            }
            case LAYERS -> {
                Spinner<Integer> d = depth(view, k), w = width(view, k);
                if (d.getValue() == null || w.getValue() == null) {
                    return "a spinner holds no value: depth " + d.getValue() + ", width " + w.getValue();
                }
                List<Integer> shown = Collections.nCopies(d.getValue(), w.getValue());
                if (!shown.equals(v)) return "the spinners show " + shown + ", not " + v;
                if (!d.getEditor().getText().equals(String.valueOf(d.getValue()))
                        || !w.getEditor().getText().equals(String.valueOf(w.getValue()))) {
                    return "the spinners' text '" + d.getEditor().getText() + "' × '" + w.getEditor().getText()
                            + "' is not their value " + d.getValue() + " × " + w.getValue();
                }
            }
        }
        return null;
    }

    /** whether a node (or the row it sits in) can be used */
    static boolean usable(Node n) {
        return !n.isDisabled() && n.isVisible() && (!(n instanceof Control c) || c.getSkin() != null);
    }

    // ---------------------------------------------------------------- the engine against a scenario

    /**
     * Every way the session's engine objects (optimizers, networks, data) fail to use the session's own
     * settings; empty when they all do. Trainer thread (inside {@code trainer.call}).
     */
    static List<String> engineDisagreements(Session s) {
        List<String> out = new ArrayList<>();
        Scenario sc = s.scenario();
        List<String> names = s.runs().stream().map(r -> r.name).toList();
        List<String> expectedNames = new ArrayList<>();
        for (int i = 0; i < sc.runCount(); i++) expectedNames.add(sc.runName(i));
        if (!names.equals(expectedNames)) out.add("runs " + names + ", expected " + expectedNames);
        for (int i = 0; i < s.runs().size() && i < sc.runCount(); i++) {
            Run r = s.runs().get(i);
            var t = sc.run(i).training();
            var n = sc.run(i).network();
            Network net = r.net;
            String who = "run " + r.name + ": ";
            if (r.sgd.learningRate() != t.learningRate()) {
                out.add(who + "SGD learning rate " + r.sgd.learningRate() + ", scenario " + t.learningRate());
            }
            if (r.sgd.momentum() != t.momentum()) {
                out.add(who + "SGD momentum " + r.sgd.momentum() + ", scenario " + t.momentum());
            }
            if (net.norm() != n.norm()) out.add(who + "normalizer " + net.norm() + ", scenario " + n.norm());
            boolean bn = n.batchnorm();
            if (net.batchNorm() != bn) out.add(who + "BatchNorm " + net.batchNorm() + ", expected " + bn);
            if (net.placement() != n.bnPlacement()) {
                out.add(who + "placement " + net.placement() + ", scenario " + n.bnPlacement());
            }
            if (net.affine() != n.affine()) out.add(who + "γ/β " + net.affine() + ", scenario " + n.affine());
            if (net.timeStatistics() != n.timeStats()) {
                out.add(who + "time statistics " + net.timeStatistics() + ", scenario " + n.timeStats());
            }
            if (!Arrays.equals(net.hidden(), n.hidden())) {
                out.add(who + "hidden " + Arrays.toString(net.hidden()) + ", scenario "
                        + Arrays.toString(n.hidden()));
            }
            if (net.activation() != n.activation()) {
                out.add(who + "activation " + net.activation() + ", scenario " + n.activation());
            }
        }
        if (!s.data().name().equals(sc.dataset().name().key())) {
            out.add("data " + s.data().name() + ", scenario " + sc.dataset().name().key());
        }
        return out;
    }

    /**
     * Every way a session at step 0 differs from a fresh one built from a scenario: its data, starting weights
     * and gamma/beta (so a REBUILD setting reached the data and the network, and a live one the layers). Only
     * meaningful while nothing has trained since the last change. Trainer thread.
     */
    static List<String> sameAsFresh(Session s, Scenario saved) {
        List<String> out = new ArrayList<>();
        Session fresh = Session.create(saved);
        var d = s.data();
        var f = fresh.data();
        if (d.trainSize() != f.trainSize() || d.inputs() != f.inputs()) {
            out.add("data " + d.trainSize() + "×" + d.inputs() + ", the file's " + f.trainSize() + "×" + f.inputs());
        } else {
            for (int i = 0; i < Math.min(50, d.trainSize()); i++) {
                for (int j = 0; j < d.inputs(); j++) {
                    if (d.trainFeature(i, j) != f.trainFeature(i, j)) {
                        out.add("training sample " + i + " feature " + j + " is " + d.trainFeature(i, j)
                                + ", the file's data have " + f.trainFeature(i, j));
                        return out;
                    }
                }
            }
        }
        for (int r = 0; r < Math.min(s.runs().size(), fresh.runs().size()); r++) {
            Network a = s.runs().get(r).net, b = fresh.runs().get(r).net;
            if (a.depth() != b.depth()) continue; // reported by engineDisagreements
            if (a.recurrent() != b.recurrent()) {
                out.add("run " + s.runs().get(r).name + ": recurrent " + a.recurrent() + ", the file's "
                        + b.recurrent());
                continue;
            }
            // a recurrent network's first layer: its Elman layer, with the γ/β its steps share
            var wa = a.recurrent() ? a.recurrentLayer(1).w : a.dense(1).w;
            var wb = b.recurrent() ? b.recurrentLayer(1).w : b.dense(1).w;
            if (!Arrays.equals(wa.value.data, wb.value.data)) {
                out.add("run " + s.runs().get(r).name + ": the first layer's weights are not the file's");
            }
            var ga = a.recurrent() ? a.recurrentLayer(1).gamma : a.batchNormLayer(1).gamma;
            var gb = b.recurrent() ? b.recurrentLayer(1).gamma : b.batchNormLayer(1).gamma;
            var ba = a.recurrent() ? a.recurrentLayer(1).beta : a.batchNormLayer(1).beta;
            var bb = b.recurrent() ? b.recurrentLayer(1).beta : b.batchNormLayer(1).beta;
            if (ga.value.get(0) != gb.value.get(0) || ba.value.get(0) != bb.value.get(0)) {
                out.add("run " + s.runs().get(r).name + ": gamma/beta " + ga.value.get(0) + "/" + ba.value.get(0)
                        + ", the file's " + gb.value.get(0) + "/" + bb.value.get(0));
            }
        }
        return out;
    }
}
