package org.shiftscope.data;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.shiftscope.nn.Tensor;

/**
 * A classification set of sequences of varying length, generated from a seed (no download): each sample is a
 * (length, inputs) sequence and one label. The training part holds sequences of every length in
 * [minLength, maxLength], the test part of every length in [minLength, testMaxLength], the same number of each
 * length, so that accuracy can be read length by length; the test lengths proper are [testMinLength,
 * testMaxLength]. A mini-batch is a tensor (examples, length, inputs) of one length: its {@link #sampler} picks a
 * training length uniformly for each batch, then the samples of that length in shuffled epochs. Same arguments, same
 * data; read-only after construction.
 */
public final class SequenceDataset implements Dataset {
    /** which task */
    private final DatasetKind kind;
    /** channels per time step */
    private final int inputs;
    /** the training lengths, the test lengths proper, and the longest sequence of the test part */
    private final int minLength, maxLength, testMinLength, testMaxLength;
    /** training samples per length, test samples per length */
    private final int trainPer, testPer;
    /** the training sequences, length by length (bucket L − minLength holds trainPer of length L), flattened */
    private final double[][] trainX;
    /** their labels, sample i of length L at (L − minLength)·trainPer + i */
    private final int[] trainY;
    /** the test sequences, length by length from minLength to testMaxLength */
    private final double[][] testX;
    /** their labels, in the same order */
    private final int[] testY;

    private SequenceDataset(DatasetKind kind, int inputs, int minLength, int maxLength, int testMinLength,
                            int testMaxLength, int trainPer, int testPer, Random r) {
        this.kind = kind;
        this.inputs = inputs;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.testMinLength = testMinLength;
        this.testMaxLength = testMaxLength;
        this.trainPer = trainPer;
        this.testPer = testPer;
        int trainLengths = maxLength - minLength + 1, testLengths = testMaxLength - minLength + 1;
        trainX = new double[trainLengths * trainPer][];
        trainY = new int[trainLengths * trainPer];
        testX = new double[testLengths * testPer][];
        testY = new int[testLengths * testPer];
        for (int l = 0; l < trainLengths; l++) {
            for (int i = 0; i < trainPer; i++) {
                trainY[l * trainPer + i] = draw(minLength + l, r, trainX, l * trainPer + i);
            }
        }
        for (int l = 0; l < testLengths; l++) {
            for (int i = 0; i < testPer; i++) testY[l * testPer + i] = draw(minLength + l, r, testX, l * testPer + i);
        }
    }

    /**
     * Generates a set.
     *
     * @param samples      training and test sequences together (at least one of each length in each part)
     * @param testFraction the test part's share of them
     */
    public static SequenceDataset generate(DatasetKind kind, int samples, double testFraction, int minLength,
                                           int maxLength, int testMinLength, int testMaxLength, long seed) {
        if (!kind.sequence) throw new IllegalArgumentException(kind.key() + " is not a sequence set");
        if (minLength < 1 || maxLength < minLength || testMinLength < 1 || testMaxLength < testMinLength) {
            throw new IllegalArgumentException("lengths " + minLength + "–" + maxLength + ", test " + testMinLength
                    + "–" + testMaxLength + " are not ranges of positive lengths");
        }
        int top = Math.max(maxLength, testMaxLength);
        int test = (int) Math.ceil(samples * testFraction), train = samples - test;
        int trainPer = Math.max(1, train / (maxLength - minLength + 1));
        int testPer = Math.max(1, test / (top - minLength + 1));
        return new SequenceDataset(kind, kind == DatasetKind.ADDING ? 2 : 1, minLength, maxLength, testMinLength,
                top, trainPer, testPer, new Random(seed));
    }

    /** Draws one sequence of length len into xs[at]; returns its label. */
    private int draw(int len, Random r, double[][] xs, int at) {
        double[] x = new double[len * inputs];
        xs[at] = x;
        if (kind == DatasetKind.MORE_ONES) {
            // x_t = +1 for a one, −1 for a zero; label 1 when the ones outnumber the zeros
            int sum = 0;
            for (int t = 0; t < len; t++) {
                boolean one = r.nextBoolean();
                x[t] = one ? 1 : -1;
                sum += one ? 1 : -1;
            }
            return sum > 0 ? 1 : 0;
        }
        // the adding problem (Hochreiter & Schmidhuber 1997): x_t = (u_t uniform in [0, 1), marker); one marker in
        // each half (both at t = 0 for a sequence of one); label 1 when the two marked numbers add up to more than 1
        for (int t = 0; t < len; t++) x[t * 2] = r.nextDouble();
        int half = Math.max(1, len / 2);
        int a = r.nextInt(half), b = len == 1 ? 0 : half + r.nextInt(len - half);
        x[a * 2 + 1] = 1;
        x[b * 2 + 1] = 1;
        double sum = a == b ? x[a * 2] : x[a * 2] + x[b * 2];
        return sum > 1 ? 1 : 0;
    }

    @Override
    public String name() {
        return kind.key();
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int classes() {
        return 2;
    }

    @Override
    public int trainSize() {
        return trainY.length;
    }

    @Override
    public int testSize() {
        return testY.length;
    }

    /** the shortest and the longest training sequence */
    public int minLength() {
        return minLength;
    }

    public int maxLength() {
        return maxLength;
    }

    /** the test lengths proper: the test accuracy counts these */
    public int testMinLength() {
        return testMinLength;
    }

    public int testMaxLength() {
        return testMaxLength;
    }

    /** the length of training sample i */
    public int trainLength(int i) {
        return trainX[i].length / inputs;
    }

    /** the first test sample of this length (the test part holds every length from minLength to testMaxLength) */
    public int testFrom(int length) {
        if (length < minLength || length > testMaxLength) {
            throw new IllegalArgumentException("no test sequences of length " + length);
        }
        return (length - minLength) * testPer;
    }

    /** test samples of each length */
    public int testPerLength() {
        return testPer;
    }

    /**
     * Copies training samples idx[0..n), all of one length L, into x reshaped to (n, L, inputs) (a {@link Tensor})
     * and their labels into y.
     */
    @Override
    public void trainBatch(int[] idx, int n, DMatrixRMaj x, int[] y) {
        copy(trainX, trainY, idx, 0, n, x, y);
    }

    /** Copies test samples from .. from+n−1, all of one length, into x as (n, L, inputs) and their labels into y. */
    @Override
    public void testBatch(int from, int n, DMatrixRMaj x, int[] y) {
        copy(testX, testY, null, from, n, x, y);
    }

    private void copy(double[][] xs, int[] ys, int[] idx, int from, int n, DMatrixRMaj x, int[] y) {
        if (!(x instanceof Tensor t)) throw new IllegalArgumentException("sequences go into a Tensor");
        int len = xs[idx == null ? from : idx[0]].length / inputs;
        t.reshape(n, len, inputs);
        for (int i = 0; i < n; i++) {
            int k = idx == null ? from + i : idx[i];
            double[] s = xs[k];
            if (s.length != len * inputs) {
                throw new IllegalArgumentException("a batch mixes lengths " + len + " and " + s.length / inputs);
            }
            System.arraycopy(s, 0, t.data, i * len * inputs, len * inputs);
            y[i] = ys[k];
        }
    }

    /** feature j of training sample i's first time step (sequences have no 2-D picture) */
    @Override
    public double trainFeature(int i, int j) {
        return trainX[i][j];
    }

    @Override
    public int trainLabel(int i) {
        return trainY[i];
    }

    /** a length drawn uniformly from the training range for each batch, then that length's samples in epochs */
    @Override
    public Sampler sampler(long seed) {
        return new LengthSampler(maxLength - minLength + 1, trainPer, seed);
    }

    /**
     * Draws each mini-batch from one length bucket: a bucket chosen uniformly, then its samples in shuffled epochs
     * (each bucket its own order), so a batch is one (examples, length, inputs) tensor.
     */
    static final class LengthSampler implements Sampler {
        /** samples per bucket */
        private final int per;
        /** each bucket's order of its sample indices (bucket b holds b·per … b·per + per − 1) */
        private final int[][] order;
        /** next position in each bucket's order */
        private final int[] pos;
        /** the seeded generator */
        private final Random rng;

        LengthSampler(int buckets, int per, long seed) {
            this.per = per;
            rng = new Random(seed);
            order = new int[buckets][per];
            pos = new int[buckets];
            for (int b = 0; b < buckets; b++) {
                for (int i = 0; i < per; i++) order[b][i] = b * per + i;
                shuffle(b);
            }
        }

        private void shuffle(int b) {
            int[] o = order[b];
            for (int i = o.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = o[i];
                o[i] = o[j];
                o[j] = t;
            }
            pos[b] = 0;
        }

        @Override
        public void next(int[] idx, int n) {
            int b = rng.nextInt(order.length);
            for (int i = 0; i < n; i++) {
                if (pos[b] == per) shuffle(b);
                idx[i] = order[b][pos[b]++];
            }
        }
    }
}
