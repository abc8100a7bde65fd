package org.shiftscope.train.scenario;

import org.shiftscope.nn.Backend;
import org.shiftscope.nn.Optimizer;

/**
 * How to train: a read-only view of a {@link Scenario}'s training settings.
 *
 * @param optimizer    the optimizer (SGD with momentum; 0 = plain SGD)
 * @param learningRate step size
 * @param momentum     SGD momentum, [0, 1)
 * @param batchSize    mini-batch size
 * @param steps        how many steps a headless run trains (and where a lesson ends)
 * @param seed         seed for weights, synthetic data and mini-batches
 * @param evalEvery    test accuracy (inference mode) every this many steps
 * @param statsEvery   per-layer statistics every this many steps (and at step 1)
 * @param backend      matrix back-end
 * @param speed        cap on training steps per second in the window (0 = as fast as possible)
 */
public record TrainingSpec(Optimizer optimizer, double learningRate, double momentum, int batchSize, long steps,
                           long seed, int evalEvery, int statsEvery, Backend backend, double speed) {

    /**
     * The fields while the lines of the {@link Settings} table feed them, each its own by name
     * ({@link Setting#feed}); a field no line fed stays null or 0.
     */
    static final class Draft {
        Optimizer optimizer;
        double learningRate, momentum, speed;
        int batchSize, evalEvery, statsEvery;
        long steps, seed;
        Backend backend;

        TrainingSpec build() {
            return new TrainingSpec(optimizer, learningRate, momentum, batchSize, steps, seed, evalEvery, statsEvery,
                    backend, speed);
        }
    }
}
