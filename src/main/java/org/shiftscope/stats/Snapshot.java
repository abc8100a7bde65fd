package org.shiftscope.stats;

import java.util.List;

/**
 * Everything the charts need about one run at one step; immutable, so any thread may hold it.
 *
 * @param run           "main", or the variant's name ("bn", "plain", …)
 * @param step          training steps done (the statistics are of this step's forward pass)
 * @param loss          mini-batch cross-entropy of this step
 * @param batchAccuracy fraction of this mini-batch classified correctly
 * @param testAccuracy  test accuracy in inference mode after this step, or NaN when not evaluated now
 * @param learningRate  learning rate used for this step
 * @param batchSize     mini-batch size of this step
 * @param batchNorm     whether BN was on
 * @param divergedAt    the step at which this run's loss or weights became NaN/infinite, or -1
 * @param taps          per hidden layer and tap (layer ascending, taps in {@link org.shiftscope.nn.Tap} order); empty when the step
 *                      carried no statistics; a recurrent network's each layer's taps over all time steps, then
 *                      each time step's ({@link TapStats#site()}'s position)
 * @param flow          per hidden layer (ascending): the weight gradient's norm and the update-to-weight ratio of
 *                      this step; empty when the step carried no statistics or its loss was not finite
 * @param byLength      a sequence model's test accuracy at each length, evaluated with the test accuracy; else null
 */
public record Snapshot(String run, long step, double loss, double batchAccuracy, double testAccuracy,
                       double learningRate, int batchSize, boolean batchNorm, long divergedAt,
                       List<TapStats> taps, List<LayerFlow> flow, LengthAccuracy byLength) {

    /** a snapshot without gradient-flow figures and without accuracy by length */
    public Snapshot(String run, long step, double loss, double batchAccuracy, double testAccuracy,
                    double learningRate, int batchSize, boolean batchNorm, long divergedAt, List<TapStats> taps) {
        this(run, step, loss, batchAccuracy, testAccuracy, learningRate, batchSize, batchNorm, divergedAt, taps,
                List.of(), null);
    }

    /** a snapshot without gradient-flow figures */
    public Snapshot(String run, long step, double loss, double batchAccuracy, double testAccuracy,
                    double learningRate, int batchSize, boolean batchNorm, long divergedAt, List<TapStats> taps,
                    LengthAccuracy byLength) {
        this(run, step, loss, batchAccuracy, testAccuracy, learningRate, batchSize, batchNorm, divergedAt, taps,
                List.of(), byLength);
    }

    public boolean diverged() {
        return divergedAt >= 0;
    }

    public boolean hasTestAccuracy() {
        return !Double.isNaN(testAccuracy);
    }

    /** the statistics of one layer's tap (over all positions), or null when not measured */
    public TapStats tap(int layer, org.shiftscope.nn.Tap tap) {
        for (TapStats t : taps) {
            if (t.layer() == layer && t.tap() == tap && t.site().position() == org.shiftscope.nn.Site.ALL) return t;
        }
        return null;
    }
}
