package org.shiftscope.data;

import org.ejml.data.DMatrixRMaj;

/**
 * A classification data set split into a training and a test part. Implementations keep their samples in
 * memory and copy rows into caller-owned matrices, so the training loop allocates nothing.
 */
public interface Dataset {
    /** short name, e.g. "spiral" or "fashion-mnist" */
    String name();

    /** number of input features per sample */
    int inputs();

    /** number of classes; labels are 0 .. classes-1 */
    int classes();

    int trainSize();

    int testSize();

    /** Copies training samples idx[0..n) into x (reshaped to n × inputs) and their labels into y[0..n). */
    void trainBatch(int[] idx, int n, DMatrixRMaj x, int[] y);

    /** Copies test samples from .. from+n-1 into x (reshaped to n × inputs) and their labels into y[0..n). */
    void testBatch(int from, int n, DMatrixRMaj x, int[] y);

    /** Feature j of training sample i (for plotting 2-D sets). */
    double trainFeature(int i, int j);

    /** Label of training sample i. */
    int trainLabel(int i);

    /** draws this set's mini-batches from a seed: shuffled epochs over the training part unless a set says otherwise */
    default Sampler sampler(long seed) {
        return new BatchSampler(trainSize(), seed);
    }
}
