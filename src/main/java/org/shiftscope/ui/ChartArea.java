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
 * Opening a lesson scrolls back to the top.
 */
final class ChartArea extends ScrollPane {
    final Dashboard dashboard;
    private final ScenarioModel model;

    ChartArea(ScenarioModel m, FileActions files) {
        this.model = m;
        dashboard = new Dashboard(m.history(), files::addExportMenu);
        setContent(dashboard);
        setFitToWidth(true);
        getStyleClass().add("charts");
        setId("charts");
        m.generationProperty().addListener((o, a, g) -> newSession(m.statusProperty().get()));
        m.tapProperty().addListener((o, a, t) -> dashboard.setTap(t));
        m.boundaryProperty().addListener((o, a, b) -> {
            if (b != null) dashboard.setBoundary(b);
        });
        m.lessonProperty().addListener((o, a, l) -> showLesson(l));
        dashboard.setTap(m.tapProperty().get());
        showLesson(m.lessonProperty().get());
        viewportBoundsProperty().addListener((o, a, b) -> fit());
        // charts scrolled out of view are not redrawn until they come back
        dashboard.setOnScreen(() -> dashboard.sceneToLocal(localToScene(getLayoutBounds())));
    }

    /**
     * Shares the visible height between the training row and the layer rows shown, so a lesson's rows fit the
     * window without scrolling where they can (rows keep a readable minimum; more rows scroll).
     */
    void fit() {
        double h = getViewportBounds().getHeight();
        if (h <= 0) return;
        int rows = Math.max(1, dashboard.shownRows().size());
        double per = (h - 16 - 8 * rows) / (rows + 1.15);
        dashboard.setRowHeight(clamp(per * 1.15, 170, 280), clamp(per, 150, 230));
    }

    /** the height the training row and the layer rows shown need at their smallest */
    double neededHeight() {
        return 16 + 170 + (150 + 8) * Math.max(1, dashboard.shownRows().size());
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** a lesson opens at the top, with the layer rows it talks about (all rows again without a lesson) */
    private void showLesson(org.shiftscope.lesson.Lesson l) {
        java.util.Set<Integer> rows = new java.util.HashSet<>();
        if (l != null) for (int r : l.rows()) rows.add(r);
        dashboard.showRows(rows);
        fit();
        setVvalue(0);
    }

    private void newSession(Status st) {
        dashboard.setDepth(st.scenario().network().depth());
        dashboard.resetRanges();
        dashboard.setTap(model.tapProperty().get());
        dashboard.setPlanar(st.points() != null);
        dashboard.setPoints(st.points());
        fit();
        dashboard.markDirty();
    }

    void setLook(ChartTheme theme, double fontScale) {
        dashboard.setLook(theme, fontScale);
    }

    List<ChartPane> charts() {
        return dashboard.charts();
    }
}
