package org.shiftscope.nn;

import java.util.Random;

/**
 * What a forward pass may use and change, as separate switches (PyTorch's {@code training} and
 * {@code track_running_stats} are two things too):
 *
 * @param batchStatistics normalize with the statistics of this batch (training) rather than the running averages
 *                        (inference); normalizers without running averages compute the same either way
 * @param updateRunning   blend this batch's statistics into the running averages (only with batch statistics)
 * @param noisy           add noisy normalization's noise after the normalizers ({@link Normalization#drawNoise})
 * @param noise           where a network draws this pass's noise from; null: use the noise drawn last again (a
 *                        copy's pass then sees the noise its original's step used). Single layers never draw: they
 *                        use what {@link Normalization#drawNoise} gave them.
 */
public record Pass(boolean batchStatistics, boolean updateRunning, boolean noisy, Random noise) {
    /** inference: running averages, nothing updated, no noise */
    public static final Pass INFERENCE = new Pass(false, false, false, null);
    /** a training forward of a single layer: batch statistics, running averages updated, the noise it holds */
    public static final Pass TRAINING = new Pass(true, true, true, null);

    public Pass {
        if (updateRunning && !batchStatistics) {
            throw new IllegalArgumentException("running averages are updated only from batch statistics");
        }
    }

    /** a training step: batch statistics, running averages updated, this step's noise drawn from {@code noise} */
    public static Pass training(Random noise) {
        return new Pass(true, true, true, noise);
    }

    /**
     * A training-mode pass that changes nothing a later step reads: batch statistics and the noise drawn last, but
     * the running averages left alone (a measurement on a copy or on the trained network itself).
     */
    public static Pass measuring() {
        return MEASURING;
    }

    private static final Pass MEASURING = new Pass(true, false, true, null);

    /** the pass that a {@code training} flag meant: {@link #TRAINING} or {@link #INFERENCE} */
    public static Pass of(boolean training) {
        return training ? TRAINING : INFERENCE;
    }
}
