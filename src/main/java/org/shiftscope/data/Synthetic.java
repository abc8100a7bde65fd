package org.shiftscope.data;

import java.util.Random;

/**
 * Synthetic classification sets. The four 2-D sets follow TensorFlow Playground's (coordinates in about
 * [-6, 6] there, scaled here by 1/6 into about [-1, 1]); {@code teacher} is a 20-feature set labelled by a random
 * two-hidden-layer tanh network, so a student needs hidden layers of its own. Same arguments, same data.
 */
public final class Synthetic {
    /** Playground's coordinate radius, divided out so features are about unit size */
    private static final double SCALE = 6.0;
    /** features of the teacher set */
    public static final int TEACHER_INPUTS = 20;
    /** classes of the teacher set */
    public static final int TEACHER_CLASSES = 4;

    private Synthetic() {}

    public static ArrayDataset spiral(int samples, double noise, long seed, double testFraction) {
        Random r = new Random(seed);
        double[] x = new double[samples * 2];
        int[] y = new int[samples];
        for (int i = 0; i < samples; i++) {
            int label = i % 2;
            double t = (double) (i / 2) / Math.max(1, samples / 2) * 1.75 * 2 * Math.PI;
            double radius = 5.0 * (i / 2) / Math.max(1, samples / 2);
            double delta = label == 0 ? 0 : Math.PI;
            x[2 * i] = (radius * Math.sin(t + delta) + uniform(r, -1, 1) * noise * 5) / SCALE;
            x[2 * i + 1] = (radius * Math.cos(t + delta) + uniform(r, -1, 1) * noise * 5) / SCALE;
            y[i] = label;
        }
        return shuffledSplit("spiral", 2, 2, x, y, r, testFraction);
    }

    public static ArrayDataset circles(int samples, double noise, long seed, double testFraction) {
        Random r = new Random(seed);
        double[] x = new double[samples * 2];
        int[] y = new int[samples];
        double radius = 5;
        for (int i = 0; i < samples; i++) {
            int label = i % 2;
            double rr = label == 0 ? uniform(r, 0, radius * 0.5) : uniform(r, radius * 0.7, radius);
            double angle = uniform(r, 0, 2 * Math.PI);
            x[2 * i] = (rr * Math.sin(angle) + uniform(r, -radius, radius) * noise * 0.5) / SCALE;
            x[2 * i + 1] = (rr * Math.cos(angle) + uniform(r, -radius, radius) * noise * 0.5) / SCALE;
            y[i] = label;
        }
        return shuffledSplit("circles", 2, 2, x, y, r, testFraction);
    }

    public static ArrayDataset xor(int samples, double noise, long seed, double testFraction) {
        Random r = new Random(seed);
        double[] x = new double[samples * 2];
        int[] y = new int[samples];
        double padding = 0.3;
        for (int i = 0; i < samples; i++) {
            double a = uniform(r, -5, 5), b = uniform(r, -5, 5);
            a += a > 0 ? padding : -padding;
            b += b > 0 ? padding : -padding;
            y[i] = a * b >= 0 ? 0 : 1;
            x[2 * i] = (a + uniform(r, -5, 5) * noise) / SCALE;
            x[2 * i + 1] = (b + uniform(r, -5, 5) * noise) / SCALE;
        }
        return shuffledSplit("xor", 2, 2, x, y, r, testFraction);
    }

    public static ArrayDataset gaussians(int samples, double noise, long seed, double testFraction) {
        Random r = new Random(seed);
        double[] x = new double[samples * 2];
        int[] y = new int[samples];
        double spread = 0.5 + 3.5 * noise; // Playground: variance grows with noise
        for (int i = 0; i < samples; i++) {
            int label = i % 2;
            double c = label == 0 ? 2 : -2;
            x[2 * i] = (c + r.nextGaussian() * spread) / SCALE;
            x[2 * i + 1] = (c + r.nextGaussian() * spread) / SCALE;
            y[i] = label;
        }
        return shuffledSplit("gaussians", 2, 2, x, y, r, testFraction);
    }

    /** Standard-normal features labelled by argmax of a random 20→16→16→4 tanh teacher, noise flips labels. */
    public static ArrayDataset teacher(int samples, double noise, long seed, double testFraction) {
        Random r = new Random(seed);
        int d = TEACHER_INPUTS, h = 16, k = TEACHER_CLASSES;
        double[] w1 = gaussian(r, d * h, 1.5 / Math.sqrt(d)), w2 = gaussian(r, h * h, 1.5 / Math.sqrt(h));
        double[] w3 = gaussian(r, h * k, 1.0 / Math.sqrt(h));
        double[] x = new double[samples * d];
        int[] y = new int[samples];
        double[] a1 = new double[h], a2 = new double[h], out = new double[k];
        double[] mean = new double[k];
        // center the teacher's logits so the classes come out roughly balanced
        for (int pass = 0; pass < 2; pass++) {
            double[] sums = new double[k];
            Random probe = new Random(seed ^ 0x9E3779B97F4A7C15L);
            for (int i = 0; i < (pass == 0 ? 2000 : samples); i++) {
                double[] xi = new double[d];
                Random src = pass == 0 ? probe : r;
                for (int j = 0; j < d; j++) xi[j] = src.nextGaussian();
                forward(xi, w1, w2, w3, d, h, k, a1, a2, out);
                if (pass == 0) {
                    for (int c = 0; c < k; c++) sums[c] += out[c];
                } else {
                    System.arraycopy(xi, 0, x, i * d, d);
                    int best = 0;
                    for (int c = 1; c < k; c++) if (out[c] - mean[c] > out[best] - mean[best]) best = c;
                    y[i] = r.nextDouble() < noise * 0.5 ? r.nextInt(k) : best;
                }
            }
            if (pass == 0) for (int c = 0; c < k; c++) mean[c] = sums[c] / 2000;
        }
        return ArrayDataset.split("teacher", d, k, x, y, testFraction);
    }

    private static void forward(double[] x, double[] w1, double[] w2, double[] w3, int d, int h, int k,
                                double[] a1, double[] a2, double[] out) {
        for (int j = 0; j < h; j++) {
            double s = 0;
            for (int i = 0; i < d; i++) s += x[i] * w1[i * h + j];
            a1[j] = Math.tanh(s);
        }
        for (int j = 0; j < h; j++) {
            double s = 0;
            for (int i = 0; i < h; i++) s += a1[i] * w2[i * h + j];
            a2[j] = Math.tanh(s);
        }
        for (int c = 0; c < k; c++) {
            double s = 0;
            for (int i = 0; i < h; i++) s += a2[i] * w3[i * k + c];
            out[c] = s;
        }
    }

    private static double[] gaussian(Random r, int n, double std) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = r.nextGaussian() * std;
        return w;
    }

    private static double uniform(Random r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    /** Shuffles samples (so the test part mixes classes and radii) and splits them. */
    private static ArrayDataset shuffledSplit(String name, int d, int k, double[] x, int[] y, Random r,
                                              double testFraction) {
        for (int i = y.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = y[i];
            y[i] = y[j];
            y[j] = t;
            for (int f = 0; f < d; f++) {
                double u = x[i * d + f];
                x[i * d + f] = x[j * d + f];
                x[j * d + f] = u;
            }
        }
        return ArrayDataset.split(name, d, k, x, y, testFraction);
    }
}
