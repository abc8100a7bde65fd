package org.shiftscope.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * "Layers: 1, 5, 10 ▾": which hidden layers' rows of charts the {@link ChartArea} shows. A check box per layer
 * (the menu stays open while several are picked; the last one shown cannot be unticked), *All layers*, and
 * *Fit the window* (all rows when they fit, else the first, middle and last).
 */
final class LayerChooser extends MenuButton {
    private final ChartArea charts;

    LayerChooser(ChartArea charts) {
        this.charts = charts;
        setId("layers");
        getStyleClass().add("layer-chooser");
        SettingControls.tip(this, "Which layers get a row of charts. A lesson shows the layers it talks about; "
                + "your choice stays while training goes on and after Reset.");
        charts.shownProperty().addListener((o, a, rows) -> setText(words(rows, charts.depth())));
        setText(words(charts.shownProperty().get(), charts.depth()));
        setOnShowing(e -> fill());
    }

    /** the menu for the network shown now */
    private void fill() {
        List<MenuItem> items = new ArrayList<>();
        List<Integer> shown = charts.shownProperty().get();
        for (int h = 1; h <= charts.depth(); h++) {
            CheckBox box = new CheckBox("Layer " + h);
            box.setId("layer" + h);
            box.setSelected(shown.contains(h));
            int layer = h;
            box.setOnAction(e -> {
                List<Integer> rows = new ArrayList<>(charts.shownProperty().get());
                if (box.isSelected()) rows.add(layer);
                else rows.remove((Integer) layer);
                if (rows.isEmpty()) box.setSelected(true); // one row always stays
                else charts.choose(rows);
            });
            CustomMenuItem item = new CustomMenuItem(box, false);
            items.add(item);
        }
        MenuItem all = new MenuItem("All layers");
        all.setId("allLayers");
        all.setOnAction(e -> {
            List<Integer> rows = new ArrayList<>();
            for (int h = 1; h <= charts.depth(); h++) rows.add(h);
            charts.choose(rows);
        });
        MenuItem fit = new MenuItem("Fit the window (first, middle, last when not all fit)");
        fit.setId("fitLayers");
        fit.setOnAction(e -> charts.choose(null));
        items.add(new SeparatorMenuItem());
        items.add(all);
        items.add(fit);
        getItems().setAll(items);
    }

    /** e.g. "Layers: 1, 5, 10", "Layers: 1–4, 7", "Layers: all 3" */
    static String words(List<Integer> rows, int depth) {
        if (rows.isEmpty()) return "Layers";
        if (rows.size() == depth && depth > 1) return "Layers: all " + depth;
        StringBuilder b = new StringBuilder(rows.size() == 1 ? "Layer " : "Layers: ");
        for (int i = 0; i < rows.size(); i++) {
            int j = i;
            while (j + 1 < rows.size() && rows.get(j + 1) == rows.get(j) + 1) j++;
            if (b.charAt(b.length() - 1) != ' ') b.append(", ");
            b.append(rows.get(i));
            if (j >= i + 2) {
                b.append('–').append(rows.get(j));
                i = j;
            }
        }
        return b.toString();
    }
}
