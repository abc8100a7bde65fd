package org.shiftscope.stats;

/**
 * Internal covariate shift of one hidden layer of one run, measured every {@code lab.every} steps ({@code ics.csv}).
 *
 * @param run       "main", or the variant's name
 * @param step      the step measured: its mini-batch and its update
 * @param layer     hidden layer, 1..H
 * @param icsL2     Santurkar et al.'s Definition 2.1: ‖G − G'‖₂ with G = ∂L/∂W_i at the step's weights and G' the
 *                  same gradient with layers 1…i−1 (all their parameters) already updated; 0 for layer 1
 * @param icsCos    cos(G, G'), 1 for layer 1; NaN when a gradient is 0
 * @param shiftW1   1-Wasserstein distance between the layer's W·x+b on a fixed probe batch after this step and the
 *                  previous measurement (values pooled over examples and units); NaN when it had no previous one
 * @param shiftMean the change of their mean since then
 * @param shiftStd  the change of their standard deviation since then
 */
public record IcsRow(String run, long step, int layer, double icsL2, double icsCos, double shiftW1,
                     double shiftMean, double shiftStd) {
}
