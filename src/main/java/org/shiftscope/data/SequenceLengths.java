package org.shiftscope.data;

/**
 * The lengths of a sequence set's samples: training sequences of every length in [min, max], test sequences of
 * every length in [testMin, testMax] (the test part also holds the training lengths, so accuracy can be read by
 * length on both sides of what was trained).
 *
 * @param min     the shortest training sequence (≥ 1)
 * @param max     the longest training sequence (≥ min)
 * @param testMin the shortest test sequence the test accuracy counts (≥ 1)
 * @param testMax the longest test sequence (≥ testMin and ≥ max)
 */
public record SequenceLengths(int min, int max, int testMin, int testMax) {
    /** the scenario defaults: train on 2–20, test on 40–60 */
    public static final SequenceLengths DEFAULT = new SequenceLengths(2, 20, 40, 60);
}
