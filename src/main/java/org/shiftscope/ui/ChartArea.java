package org.shiftscope.ui;

import java.util.List;
import javafx.scene.control.ScrollPane;
import org.shiftscope.chart.ChartPane;
import org.shiftscope.chart.ChartTheme;
import org.shiftscope.chart.Dashboard;
import org.shiftscope.train.Status;

/**
 * The charts, in a scroll pane: a {@link Dashboard} drawn from the model's history, told when a new session
 * starts (new layer rows, new ranges, new training points), which tap to show and the latest decision regions.
 * Which layer rows it shows: the ones a lesson names when it opens, the ones the user picks (the
 * {@link LayerChooser}; the choice stays while the run goes on and across Reset), else all of them when they fit
 * the window and the first, middle and last when they do not. Opening a lesson scrolls back to the top.
 */
final class ChartArea extends ScrollPane {
    final Dashboard dashboard;
    private final ScenarioModel model;
    /** the layer rows chosen by a lesson or the user (1-based), or null: automatic */
    private java.util.SortedSet<Integer> chosen;
    /** the layer rows shown now, in order (for the chooser's words) */
    private final javafx.beans.property.ReadOnlyObjectWrapper<List<Integer>> shown =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(List.of());

    ChartArea(ScenarioModel m, FileActions files) {
        this.model = m;
        dashboard = new Dashboard(m.history(), files::addExportMenu);
        setContent(dashboard);
        setFitToWidth(true);
        getStyleClass().add("charts");
        setId("charts");
        // a click anywhere on the charts takes the keyboard focus from the panel's fields: the next key is a
        // shortcut (Space, S, B…), not a letter typed into the field last used
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> requestFocus());
        m.generationProperty().addListener((o, a, g) -> newSession(m.statusProperty().get()));
        m.tapProperty().addListener((o, a, t) -> dashboard.setTap(t));
        m.boundaryProperty().addListener((o, a, b) -> {
            if (b != null) dashboard.setBoundary(b);
        });
        m.lessonProperty().addListener((o, a, l) -> showLesson(l));
        dashboard.setTap(m.tapProperty().get());
        showLesson(m.lessonProperty().get());
        viewportBoundsProperty().addListener((o, a, b) -> {
            if (a.getHeight() != b.getHeight()) applyRows();
            fit();
        });
        // charts scrolled out of view are not redrawn until they come back
        dashboard.setOnScreen(() -> dashboard.sceneToLocal(localToScene(getLayoutBounds())));
    }

    /** the hidden layers of the network shown now */
    int depth() {
        return Math.max(0, model.statusProperty().get().scenario().network().depth());
    }

    /** the layer rows shown, in order */
    javafx.beans.property.ReadOnlyObjectProperty<List<Integer>> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** whether the rows shown follow the window (no lesson or user choice) */
    boolean automatic() {
        return chosen == null;
    }

    /** Shows these layer rows (1-based; null or none: automatic), until a lesson opens or the user picks others. */
    void choose(java.util.Collection<Integer> rows) {
        java.util.SortedSet<Integer> keep = new java.util.TreeSet<>();
        if (rows != null) for (int r : rows) if (r >= 1 && r <= depth()) keep.add(r);
        chosen = keep.isEmpty() ? null : keep;
        applyRows();
        fit();
    }

    /** the chosen rows, or all when they fit the window, else the first, middle and last */
    private void applyRows() {
        int d = depth();
        java.util.Set<Integer> rows = new java.util.TreeSet<>();
        if (chosen != null) {
            rows.addAll(chosen);
        } else if (d > 3 && getViewportBounds().getHeight() > 0
                && getViewportBounds().getHeight() < dashboard.neededHeight(d)) {
            rows.addAll(List.of(1, (d + 1) / 2, d));
        }
        dashboard.showRows(rows);
        shown.set(dashboard.shownRows());
    }

    /**
     * Shares the visible height between the training row and the layer rows shown, so a lesson's rows fit the
     * window without scrolling where they can (rows keep a readable minimum; more rows scroll).
     */
    void fit() {
        double h = getViewportBounds().getHeight();
        if (h <= 0) return;
        int rows = Math.max(1, dashboard.shownRows().size());
        double per = (h - 16 - 8 * rows) / (rows + 1.15), k = dashboard.rowScale();
        // rows stop growing at a height that reads well; larger type (presentation) reads well taller
        dashboard.setRowHeight(clamp(per * 1.15, 170, 360 * k), clamp(per, 150, 420 * k));
    }

    /** the height the training row and the layer rows shown need at their smallest */
    double neededHeight() {
        return dashboard.neededHeight(dashboard.shownRows().size());
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** a lesson opens at the top, with the layer rows it talks about (automatic rows again without a lesson) */
    private void showLesson(org.shiftscope.lesson.Lesson l) {
        chosen = null;
        if (l != null) {
            chosen = new java.util.TreeSet<>();
            for (int r : l.rows()) chosen.add(r);
            if (chosen.isEmpty()) chosen = null;
        }
        applyRows();
        fit();
        setVvalue(0);
    }

    private void newSession(Status st) {
        dashboard.setDepth(st.scenario().network().depth());
        if (chosen != null) chosen.removeIf(r -> r > depth()); // a shallower network keeps the rows it still has
        if (chosen != null && chosen.isEmpty()) chosen = null;
        applyRows();
        dashboard.resetRanges();
        dashboard.setTap(model.tapProperty().get());
        dashboard.setPlanar(st.points() != null);
        var data = st.scenario().dataset();
        dashboard.setSequences(data.name().sequence, data.minLength(), data.maxLength());
        dashboard.setPoints(st.points());
        fit();
        dashboard.markDirty();
    }

    void setLook(ChartTheme theme, double fontScale) {
        dashboard.setLook(theme, fontScale);
        applyRows(); // larger type needs taller rows: fewer fit
        fit();
    }

    List<ChartPane> charts() {
        return dashboard.charts();
    }
}
