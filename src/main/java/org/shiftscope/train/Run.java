package org.shiftscope.train;

import org.shiftscope.nn.Network;
import org.shiftscope.nn.Sgd;
import org.shiftscope.stats.NetworkProbe;

/** One network being trained, with its optimizer, its probe and its latest figures. Trainer-thread only. */
public final class Run {
    /** "main", or its variant's name ("bn", "plain", "layer", …) */
    public final String name;
    /** the model */
    public final Network net;
    /** its optimizer */
    public final Sgd sgd;
    /** its per-layer statistics */
    public final NetworkProbe probe;
    /** step at which the loss or a weight became NaN/infinite, or -1 */
    long divergedAt = -1;
    /** loss of the last step */
    double loss = Double.NaN;
    /** batch accuracy of the last step */
    double batchAccuracy = Double.NaN;
    /** test accuracy of the last evaluation, NaN before the first */
    double testAccuracy = Double.NaN;
    /** a chunk of test samples for evaluation (per run, so twins can evaluate at the same time) */
    final org.shiftscope.nn.Tensor testX = new org.shiftscope.nn.Tensor();
    /** a sequence model's test accuracy at each length of the last evaluation, or null */
    org.shiftscope.stats.LengthAccuracy byLength;
    /** labels of that chunk */
    final int[] testY = new int[Session.EVAL_CHUNK];
    /** the ICS lab's copies and last measurement (made when the lab first measures) */
    IcsLab lab;
    /** the ICS lab's rows of this step, handed out once every run has trained */
    java.util.List<org.shiftscope.stats.IcsRow> labRows = java.util.List.of();

    Run(String name, Network net, Sgd sgd, NetworkProbe probe) {
        this.name = name;
        this.net = net;
        this.sgd = sgd;
        this.probe = probe;
    }

    public boolean diverged() {
        return divergedAt >= 0;
    }

    public long divergedAt() {
        return divergedAt;
    }

    public double loss() {
        return loss;
    }

    public double batchAccuracy() {
        return batchAccuracy;
    }

    public double testAccuracy() {
        return testAccuracy;
    }

    /** a sequence model's test accuracy at each length of the last evaluation, or null */
    public org.shiftscope.stats.LengthAccuracy byLength() {
        return byLength;
    }
}
