package org.shiftscope.train;

import org.shiftscope.data.Dataset;

/**
 * Up to {@link #MAX} training points of a 2-D data set, copied once when a session is built so the window can
 * plot them without touching the trainer's data. Immutable (do not modify the arrays).
 *
 * @param x     first feature per point
 * @param y     second feature per point
 * @param label class per point
 */
public record Points(double[] x, double[] y, int[] label) {
    /** most points plotted */
    public static final int MAX = 600;

    /** the first training points of a 2-D data set, or null for other data */
    public static Points of(Dataset d) {
        if (d.inputs() != 2) return null;
        int n = Math.min(d.trainSize(), MAX);
        double[] x = new double[n], y = new double[n];
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = d.trainFeature(i, 0);
            y[i] = d.trainFeature(i, 1);
            l[i] = d.trainLabel(i);
        }
        return new Points(x, y, l);
    }
}
