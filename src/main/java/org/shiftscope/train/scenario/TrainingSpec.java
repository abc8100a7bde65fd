package org.shiftscope.train.scenario;

import org.shiftscope.nn.Backend;
import org.shiftscope.nn.MatMul;
import org.shiftscope.nn.MatMuls;
import org.shiftscope.nn.Optimizer;
import org.shiftscope.nn.Precision;

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
 * @param precision    the element type of the matrix products
 * @param clipNorm     the longest gradient (over all weights together) a step takes; 0 = no clipping
 */
public record TrainingSpec(Optimizer optimizer, double learningRate, double momentum, int batchSize, long steps,
                           long seed, int evalEvery, int statsEvery, Backend backend, double speed,
                           Precision precision, double clipNorm) {

    /** without gradient clipping */
    public TrainingSpec(Optimizer optimizer, double learningRate, double momentum, int batchSize, long steps, long seed,
                        int evalEvery, int statsEvery, Backend backend, double speed, Precision precision) {
        this(optimizer, learningRate, momentum, batchSize, steps, seed, evalEvery, statsEvery, backend, speed,
                precision, 0);
    }

    /** in double precision */
    public TrainingSpec(Optimizer optimizer, double learningRate, double momentum, int batchSize, long steps, long seed,
                        int evalEvery, int statsEvery, Backend backend, double speed) {
        this(optimizer, learningRate, momentum, batchSize, steps, seed, evalEvery, statsEvery, backend, speed,
                Precision.F64);
    }

    /**
     * The matrix back-end and precision these settings ask for; IllegalArgumentException when they cannot be had
     * (OpenBLAS asked for but not loadable, single precision without OpenBLAS).
     */
    public MatMul products() {
        return MatMuls.of(backend, precision);
    }

    /**
     * The fields while the lines of the {@link Settings} table feed them, each its own by name
     * ({@link Setting#feed}); a field no line fed stays null or 0.
     */
    static final class Draft {
        Optimizer optimizer;
        double learningRate, momentum, speed, clipNorm;
        int batchSize, evalEvery, statsEvery;
        long steps, seed;
        Backend backend;
        Precision precision;

        TrainingSpec build() {
            return new TrainingSpec(optimizer, learningRate, momentum, batchSize, steps, seed, evalEvery, statsEvery,
                    backend, speed, precision, clipNorm);
        }
    }
}
