package org.shiftscope.data;

/** Draws the training samples of each mini-batch (indices into a data set's training part), seeded. */
public interface Sampler {
    /** Fills idx[0..n) with the next batch's sample indices. Allocates nothing. */
    void next(int[] idx, int n);
}
