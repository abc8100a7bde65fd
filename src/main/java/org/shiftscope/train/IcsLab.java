package org.shiftscope.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.shiftscope.nn.Network;
import org.shiftscope.nn.Param;
import org.shiftscope.nn.Pass;
import org.shiftscope.stats.IcsRow;

/**
 * The ICS lab of one run: every {@code lab.every} steps it measures internal covariate shift both ways
 * ({@link IcsRow}) on copies of the network with side-effect-free passes ({@link Pass#measuring()}), so the run,
 * its random streams and its running averages are exactly as without it. Trainer thread (the run's own) only.
 *
 * <p>A step with a measurement calls {@link #beforeUpdate} after the step's backward and {@link #afterUpdate} after
 * its optimizer step.
 */
final class IcsLab {
    /**
     * the step's network at W⁽ᵗ⁾ with the noise the step drew; then layers 1…i−1 at W⁽ᵗ⁺¹⁾ and i…H at W⁽ᵗ⁾, for
     * each i in turn; then the whole network at W⁽ᵗ⁺¹⁾
     */
    private Network mixed;
    /** G_i = ∂L/∂W_i at W⁽ᵗ⁾ of each hidden layer */
    private DMatrixRMaj[] g;
    /** G'_i of each hidden layer: the same gradient with layers 1…i−1 at W⁽ᵗ⁺¹⁾ */
    private DMatrixRMaj[] gPrime;
    /** each hidden layer's W·x+b on the probe batch at the previous measurement, sorted; null before the first */
    private double[][] previous;
    /** the same now, sorted */
    private double[][] now;

    /**
     * Keeps the step's weights W⁽ᵗ⁾ and its gradients G_i (the run's network after the step's backward, before its
     * update).
     */
    void beforeUpdate(Network net) {
        if (mixed == null) mixed = net.copy();
        else mixed.copyStateFrom(net);
        int depth = net.depth();
        if (g == null || g.length != depth) {
            g = new DMatrixRMaj[depth];
            gPrime = new DMatrixRMaj[depth];
            for (int h = 0; h < depth; h++) {
                g[h] = new DMatrixRMaj(1, 1);
                gPrime[h] = new DMatrixRMaj(1, 1);
            }
        }
        // G_i: every layer at W⁽ᵗ⁾, the gradient the step uses
        for (int h = 1; h <= depth; h++) g[h - 1].setTo(net.dense(h).w.grad);
    }

    /**
     * The baseline of the distributional shift: the probe batch's W·x+b through the network as it is now (call
     * before the first measured step trains, when no measurement was taken yet).
     */
    void baseline(Network net, DMatrixRMaj probe) {
        if (previous != null) return;
        if (mixed == null) mixed = net.copy();
        else mixed.copyStateFrom(net);
        previous = probeValues(mixed, probe, null);
    }

    /** whether the distributional shift has its baseline */
    boolean hasBaseline() {
        return previous != null;
    }

    /**
     * The measurement of a step whose update is done ({@code net} at W⁽ᵗ⁺¹⁾; {@link #beforeUpdate} was called with
     * its W⁽ᵗ⁾): for each hidden layer Definition 2.1
     * on the step's mini-batch (x, y) and the shift of its W·x+b on the probe batch since the last measurement.
     */
    List<IcsRow> afterUpdate(String run, long step, Network net, DMatrixRMaj x, int[] y, DMatrixRMaj probe) {
        int depth = net.depth();
        gPrime[0].setTo(g[0]);
        double[] l2 = new double[depth], cos = new double[depth];
        l2[0] = 0;
        cos[0] = 1; // nothing before the first layer moves: G' is G
        for (int i = 2; i <= depth; i++) { // mixed holds W⁽ᵗ⁾ from beforeUpdate
            // G'_i: layers 1…i−1 at W⁽ᵗ⁺¹⁾ (every parameter: weights, biases, γ, β), layers i…H at W⁽ᵗ⁾
            copyBlock(net, mixed, i - 1);
            gradients(mixed, x, y);
            gPrime[i - 1].setTo(mixed.dense(i).w.grad);
            DMatrixRMaj a = g[i - 1], b = gPrime[i - 1];
            double d2 = 0, dot = 0, na = 0, nb = 0;
            for (int k = 0, n = a.getNumElements(); k < n; k++) {
                double u = a.data[k], v = b.data[k];
                d2 += (u - v) * (u - v);
                dot += u * v;
                na += u * u;
                nb += v * v;
            }
            l2[i - 1] = Math.sqrt(d2);
            cos[i - 1] = na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : Double.NaN;
        }
        // the probe batch through the updated hidden layers (1…H−1 are already; the output layer plays no part)
        copyBlock(net, mixed, depth);
        now = probeValues(mixed, probe, now);
        List<IcsRow> rows = new ArrayList<>(depth);
        for (int h = 1; h <= depth; h++) {
            double w1 = Double.NaN, dm = Double.NaN, ds = Double.NaN;
            if (previous != null) {
                double[] p = previous[h - 1], q = now[h - 1];
                w1 = wasserstein1(p, q);
                dm = mean(q) - mean(p);
                ds = std(q) - std(p);
            }
            rows.add(new IcsRow(run, step, h, l2[h - 1], cos[h - 1], w1, dm, ds));
        }
        double[][] swap = previous;
        previous = now;
        now = swap;
        return rows;
    }

    /** G_i of the last measurement: hidden layer i's weight gradient with every layer at W⁽ᵗ⁾ */
    DMatrixRMaj g(int layer) {
        return g[layer - 1];
    }

    /** G'_i of the last measurement: the same with layers 1…i−1 at W⁽ᵗ⁺¹⁾ */
    DMatrixRMaj gPrime(int layer) {
        return gPrime[layer - 1];
    }

    /** Copies every parameter of hidden layer h from one network to another of the same shape. */
    private static void copyBlock(Network from, Network to, int h) {
        List<Param> a = from.layer(Network.path(h)).parameters(), b = to.layer(Network.path(h)).parameters();
        for (int k = 0; k < a.size(); k++) b.get(k).copyFrom(a.get(k));
    }

    /** a forward and a backward with the step's batch statistics and noise, nothing updated */
    private static void gradients(Network n, DMatrixRMaj x, int[] y) {
        n.forward(x, y, Pass.measuring());
        n.zeroGrad();
        n.backward();
    }

    /** each hidden layer's W·x+b on the probe batch, pooled and sorted (into {@code into} when it fits) */
    private static double[][] probeValues(Network n, DMatrixRMaj probe, double[][] into) {
        n.forward(probe, Pass.measuring());
        int depth = n.depth();
        double[][] out = into != null && into.length == depth ? into : new double[depth][];
        for (int h = 1; h <= depth; h++) {
            DMatrixRMaj z = n.dense(h).output();
            int m = z.getNumElements();
            if (out[h - 1] == null || out[h - 1].length != m) out[h - 1] = new double[m];
            System.arraycopy(z.data, 0, out[h - 1], 0, m);
            Arrays.sort(out[h - 1]);
        }
        return out;
    }

    /**
     * The 1-Wasserstein distance between two samples of equal size given sorted: the mean |p₍ₖ₎ − q₍ₖ₎| of their
     * order statistics (the area between the two empirical distribution functions).
     */
    static double wasserstein1(double[] p, double[] q) {
        if (p.length != q.length) throw new IllegalArgumentException(p.length + " and " + q.length + " values");
        double s = 0;
        for (int k = 0; k < p.length; k++) s += Math.abs(p[k] - q[k]);
        return s / p.length;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) s += d;
        return s / v.length;
    }

    private static double std(double[] v) {
        double m = mean(v), s = 0;
        for (double d : v) s += (d - m) * (d - m);
        return Math.sqrt(s / v.length);
    }
}
