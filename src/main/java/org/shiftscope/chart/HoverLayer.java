package org.shiftscope.chart;

import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A chart's pointer: the readout box of what is under it, the step line of charts over steps, and the zoom
 * gestures of time charts (a drag selects steps, the wheel zooms about the pointer, a double-click follows the run
 * again), drawn on a canvas over the chart. The canvas is hidden while it shows nothing: an empty canvas on screen
 * still costs the software renderer a blend of every pixel each time the chart redraws. FX thread only.
 */
final class HoverLayer {
    /** the readout's drawing surface, the chart's size */
    final Canvas canvas = new Canvas();
    private final ChartPane chart;
    /** where the pointer is, or NaN when it is outside */
    private double x = Double.NaN, y = Double.NaN;
    /** where a drag that selects steps started and where it is now (NaN: no drag) */
    private double dragFrom = Double.NaN, dragTo = Double.NaN;
    /** the readout on screen now */
    private List<String> shown = List.of();
    /** where the readout box was last drawn */
    private Rectangle2D box;

    /** Puts the layer over the chart and takes the chart's mouse events. */
    HoverLayer(ChartPane chart) {
        this.chart = chart;
        canvas.setMouseTransparent(true);
        canvas.setVisible(false);
        chart.setOnMouseMoved(e -> moveTo(e.getX(), e.getY()));
        chart.setOnMouseExited(e -> moveTo(Double.NaN, Double.NaN));
        chart.setOnMousePressed(e -> {
            boolean inPlot = e.getX() >= chart.px && e.getX() <= chart.px + chart.pw && e.getY() >= chart.py
                    && e.getY() <= chart.py + chart.ph;
            if (e.getButton() == MouseButton.PRIMARY && chart.zoomable() && inPlot) dragFrom = dragTo = e.getX();
        });
        chart.setOnMouseDragged(e -> {
            if (!Double.isNaN(dragFrom)) dragTo = Math.max(chart.px, Math.min(chart.px + chart.pw, e.getX()));
            moveTo(e.getX(), e.getY());
        });
        chart.setOnMouseReleased(e -> {
            if (!Double.isNaN(dragFrom) && Math.abs(dragTo - dragFrom) >= 6) {
                Axis t = chart.timeAxis();
                chart.timeRange().zoom(chart.xValue(t, dragFrom), chart.xValue(t, dragTo));
            }
            dragFrom = dragTo = Double.NaN;
            draw();
        });
        chart.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && chart.zoomable()) {
                chart.timeRange().follow();
            }
        });
        chart.setOnScroll(e -> {
            if (!chart.zoomable() || e.getDeltaY() == 0 || e.getX() < chart.px || e.getX() > chart.px + chart.pw) {
                return;
            }
            Axis t = chart.timeAxis();
            chart.timeRange().zoomAbout(chart.xValue(t, e.getX()), e.getDeltaY() > 0 ? 0.8 : 1.25, t.lo(), t.hi(),
                    chart.newestStep());
            e.consume(); // the scroll pane around the charts does not scroll as well
        });
    }

    /** Moves the pointer to (x, y) in the chart's coordinates (NaN: away) and shows what is under it. */
    void moveTo(double px, double py) {
        x = px;
        y = py;
        draw();
    }

    /** where the readout box was last drawn (in the chart's coordinates), or null */
    Rectangle2D box() {
        return shown.isEmpty() ? null : box;
    }

    /**
     * Where a readout box of bw × bh goes for a pointer at (x, y) in a chart of w × h whose title strip ends at
     * {@code top}: inside the chart and below the title strip, {@code gap} away from the pointer — to its right,
     * else to its left, else (a narrow chart) below or above it; centred on the pointer's height where it can be.
     */
    static Rectangle2D place(double x, double y, double bw, double bh, double w, double h, double top, double gap) {
        double minY = Math.min(top + 2, Math.max(2, h - bh - 2)), maxY = Math.max(minY, h - bh - 2);
        double by = Math.min(Math.max(minY, y - bh / 2), maxY), bx;
        if (x + gap + bw <= w - 2) bx = x + gap;
        else if (x - gap - bw >= 2) bx = x - gap - bw;
        else { // neither side has room: beside the pointer's height instead
            bx = Math.max(2, Math.min(x - bw / 2, w - bw - 2));
            by = y + gap + bh <= h - 2 ? Math.max(minY, y + gap) : Math.max(minY, y - gap - bh);
        }
        return new Rectangle2D(bx, by, bw, bh);
    }

    /** the readout lines on screen now (empty when none) */
    List<String> shown() {
        return shown;
    }

    /** Draws the readout of the pointer's place and a drag's selection, or hides the canvas when there is neither. */
    void draw() {
        List<String> lines = chart.readout(x, y);
        shown = lines;
        boolean drag = !Double.isNaN(dragFrom) && dragTo != dragFrom;
        canvas.setVisible(drag || !lines.isEmpty());
        if (!canvas.isVisible()) return;
        ChartTheme theme = chart.theme();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (drag) { // the steps a drag selects
            g.setFill(theme.text().deriveColor(0, 1, 1, 0.12));
            g.fillRect(Math.min(dragFrom, dragTo), chart.py, Math.abs(dragTo - dragFrom), chart.ph);
        }
        if (lines.isEmpty()) return;
        double s = chart.scale();
        if (chart.stepLine() && y >= chart.py) {
            g.setFill(theme.text().deriveColor(0, 1, 1, 0.5));
            g.fillRect(Math.round(x), chart.py, 1, chart.ph);
        }
        Font f = Font.font(11.5 * s);
        double tw = 0;
        for (String l : lines) tw = Math.max(tw, TitleStrip.textWidth(l, f));
        double lh = 15 * s, bw = tw + 12 * s, bh = lines.size() * lh + 8 * s;
        box = place(x, y, bw, bh, canvas.getWidth(), canvas.getHeight(), chart.py, 12 * s);
        double bx = box.getMinX(), by = box.getMinY();
        g.setFill(theme.background().deriveColor(0, 1, 1, 0.92));
        g.fillRect(bx, by, bw, bh);
        g.setStroke(theme.axis());
        g.setLineWidth(1);
        g.strokeRect(Math.round(bx) + 0.5, Math.round(by) + 0.5, bw, bh);
        g.setFill(theme.text());
        g.setFont(f);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < lines.size(); i++) g.fillText(lines.get(i), bx + 6 * s, by + 4 * s + i * lh);
    }
}
