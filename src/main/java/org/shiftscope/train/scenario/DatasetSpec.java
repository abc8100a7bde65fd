package org.shiftscope.train.scenario;

import org.shiftscope.data.DatasetKind;
import org.shiftscope.data.SequenceLengths;

/**
 * Which data to train on: a read-only view of a {@link Scenario}'s data settings.
 *
 * @param name         the data set
 * @param path         folder of IDX files (for idx; optional for mnist/fashion-mnist), "" otherwise
 * @param noise        label noise / spread of the synthetic sets, 0..1
 * @param samples      number of samples (synthetic), or a cap on training samples (IDX; 0 = all)
 * @param testFraction share of the synthetic samples held out for testing
 * @param minLength     sequence sets: the shortest training sequence
 * @param maxLength     the longest training sequence
 * @param testMinLength the shortest test sequence the test accuracy counts
 * @param testMaxLength the longest test sequence
 */
public record DatasetSpec(DatasetKind name, String path, double noise, int samples, double testFraction,
                          int minLength, int maxLength, int testMinLength, int testMaxLength) {

    /** with the default sequence lengths */
    public DatasetSpec(DatasetKind name, String path, double noise, int samples, double testFraction) {
        this(name, path, noise, samples, testFraction, SequenceLengths.DEFAULT.min(), SequenceLengths.DEFAULT.max(),
                SequenceLengths.DEFAULT.testMin(), SequenceLengths.DEFAULT.testMax());
    }

    /** a sequence set's lengths */
    public SequenceLengths lengths() {
        return new SequenceLengths(minLength, maxLength, testMinLength, testMaxLength);
    }

    /**
     * The fields while the lines of the {@link Settings} table feed them, each its own by name
     * ({@link Setting#feed}); a field no line fed stays null or 0.
     */
    static final class Draft {
        DatasetKind name;
        String path;
        double noise, testFraction;
        int samples, minLength, maxLength, testMinLength, testMaxLength;

        DatasetSpec build() {
            return new DatasetSpec(name, path, noise, samples, testFraction, minLength, maxLength, testMinLength,
                    testMaxLength);
        }
    }
}
