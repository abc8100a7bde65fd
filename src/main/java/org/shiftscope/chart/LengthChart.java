package org.shiftscope.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.shiftscope.stats.History;
import org.shiftscope.stats.LengthAccuracy;

/**
 * A sequence model's test accuracy at each sequence length (inference mode), one line per run, from its newest
 * evaluation; the training lengths shaded, so what falls off beyond them is in plain sight.
 */
public final class LengthChart extends ChartPane {
    private final History history;
    /** sequence lengths */
    final Axis x = new Axis();
    /** accuracy, 0–1 */
    private final Axis y = new Axis();
    /** the training lengths, shaded (0, 0: none) */
    private int trainedFrom, trainedTo;

    public LengthChart(History history) {
        super("Test accuracy by sequence length",
                "At the newest evaluation, in inference mode: the share of the test sequences of each length "
                        + "classified correctly. The shaded lengths are those the network trains on; longer ones it "
                        + "has never seen. A network whose normalizer needs statistics of time steps it never "
                        + "trained on falls off to the right of the shading.");
        this.history = history;
        y.set(0, 1);
        x.minTicks(3);
    }

    /** the training lengths to shade */
    public void setTrained(int from, int to) {
        trainedFrom = from;
        trainedTo = to;
        markDirty();
    }

    @Override
    public String fileStem() {
        return "accuracy-by-length";
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        List<String> runs = history.shown();
        x.reset();
        if (trainedTo > 0) x.include(trainedFrom, trainedTo);
        boolean any = false;
        for (String r : runs) {
            LengthAccuracy a = history.byLength(r);
            if (a == null) continue;
            x.include(a.shortest(), a.longest());
            any = true;
        }
        axes(g, x, y, "sequence length");
        if (!any) {
            empty(g, "The first test evaluation draws each length's accuracy");
            return;
        }
        clipPlot(g);
        if (trainedTo > 0) {
            g.setFill(theme().muted().deriveColor(0, 1, 1, 0.12));
            double x0 = xOf(x, trainedFrom - 0.5), x1 = xOf(x, trainedTo + 0.5);
            g.fillRect(x0, py, x1 - x0, ph);
        }
        for (String r : runs) {
            LengthAccuracy a = history.byLength(r);
            if (a == null) continue;
            Color c = ChartTheme.runColor(history, r);
            g.setStroke(c);
            g.setLineWidth(lineWidth());
            g.beginPath();
            for (int l = a.shortest(); l <= a.longest(); l++) {
                double xx = xOf(x, l), yy = yOf(y, a.at(l));
                if (l == a.shortest()) g.moveTo(xx, yy);
                else g.lineTo(xx, yy);
            }
            g.stroke();
        }
        unclip(g);
    }

    @Override
    protected List<Key> legendKeys() {
        List<Key> keys = new ArrayList<>();
        for (String r : history.shown()) {
            if (history.byLength(r) == null) continue;
            keys.add(new Key(history.label(r), r, ChartTheme.runColor(history, r), Mark.LINE));
        }
        if (trainedTo > 0) keys.add(new Key("trained lengths", "trained", theme().muted(), Mark.BOX));
        return keys;
    }

    /** the length under the pointer and each run's accuracy there */
    @Override
    protected List<String> readoutAt(double mx, double my) {
        int len = (int) Math.round(xValue(x, mx));
        List<String> lines = new ArrayList<>();
        for (String r : history.shown()) {
            LengthAccuracy a = history.byLength(r);
            if (a == null || Double.isNaN(a.at(len))) continue;
            if (lines.isEmpty()) {
                lines.add("length " + len + (len >= trainedFrom && len <= trainedTo ? " (trained)" : " (not trained)"));
            }
            lines.add(history.label(r) + String.format(Locale.ROOT, ": %.1f%%", 100 * a.at(len)));
        }
        return lines;
    }
}
