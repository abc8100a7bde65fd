package org.shiftscope.train.scenario;

/**
 * Which data to train on.
 *
 * @param name         spiral, circles, xor, gaussians, teacher, idx, fashion-mnist or mnist
 * @param path         folder of IDX files (for idx; optional for mnist/fashion-mnist), "" otherwise
 * @param noise        label noise / spread of the synthetic sets, 0..1
 * @param samples      number of samples (synthetic), or a cap on training samples (IDX; 0 = all)
 * @param testFraction share of the synthetic samples held out for testing
 */
public record DatasetSpec(String name, String path, double noise, int samples, double testFraction) {
    public DatasetSpec withName(String v) {
        return new DatasetSpec(v, path, noise, samples, testFraction);
    }

    public DatasetSpec withPath(String v) {
        return new DatasetSpec(name, v, noise, samples, testFraction);
    }

    public DatasetSpec withNoise(double v) {
        return new DatasetSpec(name, path, v, samples, testFraction);
    }

    public DatasetSpec withSamples(int v) {
        return new DatasetSpec(name, path, noise, v, testFraction);
    }
}
