package org.shiftscope.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.shiftscope.stats.Event;

/**
 * The changes of settings on a time chart: a thin vertical line at each step where a setting changed, with a
 * short label at the top of the plot ("BN off", "lr 0.1→0.5"). Changes of one step share a marker. Labels that
 * would overlap go one row lower (up to {@link #ROWS} rows); where none has room the label is left out and the
 * line stays (hovering it shows the full text).
 */
public final class Markers {
    private Markers() {}

    /** rows of labels before they are left out */
    static final int ROWS = 3;

    /**
     * One marker as drawn.
     *
     * @param step  the first step trained with the new values
     * @param label the short words shown ("" when left out for lack of room)
     * @param words the short words of every change at this step, joined
     * @param text  the full text, one line per change, for the hover readout
     * @param x     the line's horizontal position in the chart
     */
    public record Marker(long step, String label, String words, List<String> text, double x) { }

    /** the marker colour: a pink that neither run colour, the heat map's scale nor the divergence red uses */
    static Color colour(ChartTheme theme) {
        return theme.background().getBrightness() < 0.5 ? Color.web("#f48fb1") : Color.web("#c2185b");
    }

    /** Draws the markers of the events inside the chart's time axis; returns them as drawn. */
    static List<Marker> draw(ChartPane c, GraphicsContext g, Axis x, List<Event> events) {
        if (events.isEmpty() || x.isEmpty()) return List.of();
        double s = c.scale();
        Color col = colour(c.theme());
        Font f = Font.font(11 * s);
        Text probe = new Text();
        probe.setFont(f);
        double lh = 15 * s, pad = 3 * s;
        double[] rowEnd = new double[ROWS];
        java.util.Arrays.fill(rowEnd, Double.NEGATIVE_INFINITY);
        List<Marker> out = new ArrayList<>();
        g.setFont(f);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < events.size(); ) {
            long step = events.get(i).step();
            List<String> words = new ArrayList<>(), text = new ArrayList<>();
            for (; i < events.size() && events.get(i).step() == step; i++) {
                Event e = events.get(i);
                words.add(e.label());
                text.add(String.format(Locale.ROOT, "step %,d: %s (%s %s → %s%s)", e.step(), e.label(), e.key(),
                        e.old(), e.next(), Event.ALL.equals(e.run()) ? "" : ", run " + e.run()));
            }
            if (step < x.lo() || step > x.hi()) continue;
            double xx = Math.round(c.xOf(x, step)) + 0.5;
            g.setStroke(col);
            g.setLineWidth(Math.max(1, 1.2 * s));
            g.strokeLine(xx, c.py, xx, c.py + c.ph);
            String label = String.join(" · ", words);
            probe.setText(label);
            double tw = probe.getLayoutBounds().getWidth() + 2 * pad;
            // right of the line, or left of it where the plot ends
            double left = xx + tw + 2 > c.px + c.pw ? xx - tw - 1 : xx + 1;
            int row = -1;
            for (int r = 0; r < ROWS; r++) {
                if (left > rowEnd[r] + 2 * s) {
                    row = r;
                    break;
                }
            }
            String shown = "";
            if (row >= 0 && left >= c.px) {
                rowEnd[row] = left + tw;
                double y = c.py + 2 * s + row * lh;
                g.setFill(c.theme().background().deriveColor(0, 1, 1, 0.85));
                g.fillRect(left, y, tw, lh - 1);
                g.setFill(col);
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(label, left + pad, y + 1 * s);
                shown = label;
            }
            out.add(new Marker(step, shown, label, List.copyOf(text), xx));
        }
        return List.copyOf(out);
    }
}
