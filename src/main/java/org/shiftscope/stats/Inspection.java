package org.shiftscope.stats;

import org.shiftscope.nn.NormKind;
import org.shiftscope.nn.Tap;

/**
 * One unit of one hidden layer's normalizer at one training step, as the step inspector shows it: the mini-batch
 * values x_i it read, the statistics it used, x̂_i, and y_i = γ·x̂_i + β. Built on the trainer thread by
 * {@link InspectionCapture}; immutable (the arrays are copies that nobody writes: do not modify them).
 *
 * <p>Which statistics: BatchNorm and Batch Renorm in {@link InspectMode#TRAINING} use this batch's μ_B and σ²_B
 * ({@link #mean}, {@link #var}); in {@link InspectMode#INFERENCE} the running averages (then x̂ and y are what a
 * test-time forward computes from these x_i). LayerNorm and GroupNorm use each example's own statistics over its
 * units (or group): {@link #exampleMean}, {@link #exampleVar}, and {@link #mean}/{@link #var} are NaN. Without a
 * normalizer only x_i and their batch mean and variance are there ({@link #xhat} and {@link #y} are empty).
 *
 * @param generation  session generation the step belongs to
 * @param run         which run ("main", or the variant inspected)
 * @param step        the training step whose mini-batch this is
 * @param layer       hidden layer, 1-based
 * @param unit        unit of that layer, 0-based
 * @param units       the layer's width
 * @param mode        training batch or inference
 * @param kind        the layer's normalizer (NONE: none)
 * @param input       what x is: {@link Tap#LINEAR} (W·x+b) or {@link Tap#ACTIVATION} (normalizer after it)
 * @param axis        where the statistics come from, in words (e.g. "over the mini-batch, per unit")
 * @param x           the unit's m input values, one per example of the mini-batch
 * @param batchMean   μ_B: the unit's mean over the mini-batch (every kind)
 * @param batchVar    σ²_B: the unit's biased variance over the mini-batch (every kind)
 * @param mean        the mean x̂ subtracts: μ_B, or the running mean at inference; NaN when per example or none
 * @param var         the variance x̂ divides by (+ε): σ²_B, or the running variance at inference; NaN likewise
 * @param eps         ε added to the variance
 * @param groupSize   LayerNorm, GroupNorm: units whose statistics an example shares with this unit; else 0
 * @param exampleMean LayerNorm, GroupNorm: each example's mean over those units (m values); else empty
 * @param exampleVar  LayerNorm, GroupNorm: each example's biased variance over them (m values); else empty
 * @param xhat        x̂_i (m values; empty without a normalizer)
 * @param gamma       γ of the unit (as the step used it)
 * @param beta        β of the unit
 * @param y           y_i = γ·x̂_i + β (m values; empty without a normalizer)
 * @param runningMean the running mean after this step (BatchNorm, Batch Renorm); NaN otherwise
 * @param runningVar  the running (unbiased) variance after this step; NaN otherwise
 * @param r           Batch Renorm in training: the step's r; NaN otherwise
 * @param d           Batch Renorm in training: the step's d; NaN otherwise
 * @param noiseScale  noisy normalization in training: the step's scale s of the unit (1 without noise)
 * @param noiseShift  noisy normalization in training: the step's offset of the unit (0 without noise)
 */
public record Inspection(int generation, String run, long step, int layer, int unit, int units, InspectMode mode,
                         NormKind kind, Tap input, String axis, double[] x, double batchMean, double batchVar,
                         double mean, double var, double eps, int groupSize, double[] exampleMean,
                         double[] exampleVar, double[] xhat, double gamma, double beta, double[] y,
                         double runningMean, double runningVar, double r, double d, double noiseScale,
                         double noiseShift) {

    /** the mini-batch size m */
    public int m() {
        return x.length;
    }

    /** whether the layer has a normalizer */
    public boolean normalized() {
        return kind.hasLayer();
    }

    /** whether x̂ used per-example statistics (LayerNorm, GroupNorm) */
    public boolean perExample() {
        return exampleMean.length > 0;
    }

    /** whether the step's output had noise added after y (noisy normalization, training only) */
    public boolean noisy() {
        return noiseScale != 1 || noiseShift != 0;
    }
}
