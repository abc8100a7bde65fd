package org.shiftscope.data;

import java.util.Random;

/**
 * Draws mini-batch indices in shuffled epochs from a seeded generator: the same seed gives the same batches.
 * The batch size may change between calls; nothing is allocated per call.
 */
public final class BatchSampler implements Sampler {
    /** the current epoch's order of sample indices */
    private final int[] order;
    /** next position in {@link #order} */
    private int pos;
    /** the seeded generator */
    private final Random rng;

    public BatchSampler(int size, long seed) {
        if (size <= 0) throw new IllegalArgumentException("a data set needs at least one training sample");
        order = new int[size];
        for (int i = 0; i < size; i++) order[i] = i;
        rng = new Random(seed);
        shuffle();
    }

    /** Fisher–Yates */
    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        pos = 0;
    }

    /** Fills idx[0..n) with the next n indices, reshuffling at each epoch's end. */
    @Override
    public void next(int[] idx, int n) {
        for (int i = 0; i < n; i++) {
            if (pos == order.length) shuffle();
            idx[i] = order[pos++];
        }
    }
}
