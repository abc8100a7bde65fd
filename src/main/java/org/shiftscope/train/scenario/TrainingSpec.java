package org.shiftscope.train.scenario;

/**
 * How to train.
 *
 * @param optimizer    "sgd" (with momentum; 0 = plain SGD)
 * @param learningRate step size
 * @param momentum     SGD momentum, [0, 1)
 * @param batchSize    mini-batch size
 * @param steps        how many steps a headless run trains
 * @param seed         seed for weights, synthetic data and mini-batches
 * @param evalEvery    test accuracy (inference mode) every this many steps
 * @param statsEvery   per-layer statistics every this many steps (and at step 1)
 * @param backend      matrix back-end: auto, ejml or openblas
 * @param speed        cap on training steps per second in the window (0 = as fast as possible)
 */
public record TrainingSpec(String optimizer, double learningRate, double momentum, int batchSize, long steps,
                           long seed, int evalEvery, int statsEvery, String backend, double speed) {
    public TrainingSpec withLearningRate(double v) {
        return new TrainingSpec(optimizer, v, momentum, batchSize, steps, seed, evalEvery, statsEvery, backend, speed);
    }

    public TrainingSpec withMomentum(double v) {
        return new TrainingSpec(optimizer, learningRate, v, batchSize, steps, seed, evalEvery, statsEvery, backend, speed);
    }

    public TrainingSpec withBatchSize(int v) {
        return new TrainingSpec(optimizer, learningRate, momentum, v, steps, seed, evalEvery, statsEvery, backend, speed);
    }

    public TrainingSpec withSteps(long v) {
        return new TrainingSpec(optimizer, learningRate, momentum, batchSize, v, seed, evalEvery, statsEvery, backend, speed);
    }

    public TrainingSpec withSeed(long v) {
        return new TrainingSpec(optimizer, learningRate, momentum, batchSize, steps, v, evalEvery, statsEvery, backend, speed);
    }

    public TrainingSpec withEvalEvery(int v) {
        return new TrainingSpec(optimizer, learningRate, momentum, batchSize, steps, seed, v, statsEvery, backend, speed);
    }

    public TrainingSpec withStatsEvery(int v) {
        return new TrainingSpec(optimizer, learningRate, momentum, batchSize, steps, seed, evalEvery, v, backend, speed);
    }

    public TrainingSpec withBackend(String v) {
        return new TrainingSpec(optimizer, learningRate, momentum, batchSize, steps, seed, evalEvery, statsEvery, v, speed);
    }

    public TrainingSpec withSpeed(double v) {
        return new TrainingSpec(optimizer, learningRate, momentum, batchSize, steps, seed, evalEvery, statsEvery, backend, v);
    }
}
