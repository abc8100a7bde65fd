package org.shiftscope.chart;

import org.shiftscope.stats.RunRole;

import java.nio.IntBuffer;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.shiftscope.train.Boundary;

/** A 2-D classifier's decision regions as a heat map with the training points on top, like Playground's. */
public final class BoundaryChart extends ChartPane {
    /** class colours: Playground's orange and blue first */
    private static final Color[] PALETTE = {Color.web("#f59322"), Color.web("#0877bd"), Color.web("#2ca02c"),
        Color.web("#d62728"), Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#7f7f7f"),
        Color.web("#bcbd22"), Color.web("#17becf")};
    private double[] xs = new double[0], ys = new double[0];
    private int[] labels = new int[0];
    private Boundary boundary;
    private WritableImage image;
    private final Axis ax = new Axis(), ay = new Axis();
    /**
     * the training points, on a layer of their own drawn only when the points, the plot area or the size change:
     * thousands of outlined dots cost the software renderer more than the rest of the chart
     */
    private final Canvas dots = addLayer();
    /** what the dots were last drawn for */
    private DotsDrawn dotsDrawn;

    /** the points and the geometry a drawing of the dots depends on (the points array by identity) */
    private record DotsDrawn(double[] xs, double px, double py, double pw, double ph, double scale, double width,
                             double height) { }

    public BoundaryChart() {
        super("Decision regions",
                "The background colour is the class the network predicts at each point of the plane (paler = "
                        + "less sure); dots are the training examples. Watch the regions bend to fit the data.");
        ax.set(-1.1, 1.1);
        ay.set(-1.1, 1.1);
        setPrefSize(240, 200);
    }

    @Override
    public String fileStem() {
        return "decision-regions";
    }

    @Override
    protected List<String> titleVariants() {
        return List.of("Decision regions", "Regions");
    }

    /** the training points (coordinates about [-1.1, 1.1]) */
    public void setPoints(double[] x, double[] y, int[] labels) {
        this.xs = x.clone();
        this.ys = y.clone();
        this.labels = labels.clone();
        markDirty();
    }

    public void setBoundary(Boundary b, String runWords) {
        if (b != boundary) {
            boundary = b;
            setTitle(b == null || RunRole.of(b.run()) == RunRole.MAIN ? "Decision regions"
                    : "Decision regions · " + runWords);
            markDirty();
        }
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        // square plot area
        double side = Math.min(pw, ph);
        px += (pw - side) / 2;
        pw = side;
        ph = side;
        if (boundary != null) {
            int n = boundary.size();
            if (image == null || (int) image.getWidth() != n) image = new WritableImage(n, n);
            int[] px2 = new int[n * n];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    int i = r * n + c;
                    Color col = PALETTE[boundary.classOf()[i] % PALETTE.length];
                    double conf = boundary.confidence()[i];
                    double a = Math.max(0, Math.min(1, (conf - 0.5) * 2)) * 0.55 + 0.1;
                    int alpha = (int) (a * 255);
                    // image row 0 is the top: y rises with the grid row, so flip
                    px2[(n - 1 - r) * n + c] = (alpha << 24) | ((int) (col.getRed() * alpha) << 16)
                            | ((int) (col.getGreen() * alpha) << 8) | (int) (col.getBlue() * alpha);
                }
            }
            image.getPixelWriter().setPixels(0, 0, n, n, PixelFormat.getIntArgbPreInstance(), IntBuffer.wrap(px2), n);
            g.setImageSmoothing(true);
            g.drawImage(image, px, py, pw, ph);
        }
        axes(g, ax, ay, null);
        drawDots();
        if (boundary == null && xs.length == 0) empty(g, "2-D data sets only");
    }

    /** Draws the training points on their layer if they or the plot area changed since the last time. */
    private void drawDots() {
        DotsDrawn now = new DotsDrawn(xs, px, py, pw, ph, scale(), dots.getWidth(), dots.getHeight());
        if (now.equals(dotsDrawn)) return;
        dotsDrawn = now;
        GraphicsContext g = dots.getGraphicsContext2D();
        g.clearRect(0, 0, dots.getWidth(), dots.getHeight());
        double r = 2.6 * scale();
        g.setLineWidth(0.8 * scale());
        g.setStroke(Color.WHITE);
        for (int i = 0; i < xs.length; i++) {
            double x = xOf(ax, xs[i]), y = yOf(ay, ys[i]);
            if (x < px || x > px + pw || y < py || y > py + ph) continue;
            g.setFill(PALETTE[labels[i] % PALETTE.length]);
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        }
    }
}
