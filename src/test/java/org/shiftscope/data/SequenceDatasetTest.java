package org.shiftscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shiftscope.nn.Tensor;

/** The sequence sets: seeded, every length in its range, labels by their definition, batches of one length. */
class SequenceDatasetTest {
    static SequenceDataset set(DatasetKind k, long seed) {
        return (SequenceDataset) Datasets.load(k, "", 0, 2000, 0.25, seed, new SequenceLengths(3, 12, 20, 30));
    }

    /** every test sequence, flattened, in order */
    static double[] testValues(SequenceDataset d) {
        Tensor x = new Tensor();
        int[] y = new int[d.testPerLength()];
        double[] all = new double[0];
        for (int l = d.minLength(); l <= d.testMaxLength(); l++) {
            d.testBatch(d.testFrom(l), d.testPerLength(), x, y);
            int n = x.getNumElements(), was = all.length;
            all = Arrays.copyOf(all, was + n);
            System.arraycopy(x.data, 0, all, was, n);
        }
        return all;
    }

    @ParameterizedTest
    @EnumSource(value = DatasetKind.class, names = {"MORE_ONES", "ADDING"})
    void sameSeedSameSequencesOtherSeedOtherOnes(DatasetKind k) {
        SequenceDataset a = set(k, 4), b = set(k, 4), c = set(k, 5);
        assertArrayEquals(testValues(a), testValues(b));
        assertFalse(Arrays.equals(testValues(a), testValues(c)));
        assertTrue(k.sequence);
        assertFalse(k.planar);
        assertEquals(k == DatasetKind.ADDING ? 2 : 1, a.inputs());
        assertEquals(2, a.classes());
        // 1500 training sequences over lengths 3…12, 500 test ones over lengths 3…30
        assertEquals(150 * 10, a.trainSize());
        assertEquals(17 * 28, a.testSize());
        int[] perClass = new int[2];
        for (int i = 0; i < a.trainSize(); i++) perClass[a.trainLabel(i)]++;
        assertTrue(perClass[0] > 400 && perClass[1] > 400, Arrays.toString(perClass));
    }

    @Test
    void moreOnesLabelsSayWhetherTheOnesOutnumberTheZeros() {
        SequenceDataset d = set(DatasetKind.MORE_ONES, 1);
        Tensor x = new Tensor();
        int[] y = new int[d.testPerLength()];
        for (int l = 3; l <= 30; l++) {
            d.testBatch(d.testFrom(l), d.testPerLength(), x, y);
            assertEquals(l, x.positions());
            for (int n = 0; n < y.length; n++) {
                int sum = 0;
                for (int t = 0; t < l; t++) {
                    double v = x.get(n * l + t, 0);
                    assertTrue(v == 1 || v == -1, "bits are ±1");
                    sum += (int) v;
                }
                assertEquals(sum > 0 ? 1 : 0, y[n], "length " + l + " sample " + n);
            }
        }
    }

    @Test
    void theAddingProblemMarksOneNumberInEachHalfAndAsksWhetherTheyAddUpToMoreThanOne() {
        SequenceDataset d = set(DatasetKind.ADDING, 2);
        Tensor x = new Tensor();
        int[] y = new int[d.testPerLength()];
        for (int l = 3; l <= 30; l++) {
            d.testBatch(d.testFrom(l), d.testPerLength(), x, y);
            for (int n = 0; n < y.length; n++) {
                double sum = 0;
                int marks = 0, firstHalf = 0;
                for (int t = 0; t < l; t++) {
                    double u = x.get(n * l + t, 0), m = x.get(n * l + t, 1);
                    assertTrue(u >= 0 && u < 1 && (m == 0 || m == 1));
                    if (m == 1) {
                        marks++;
                        sum += u;
                        if (t < l / 2) firstHalf++;
                    }
                }
                assertEquals(2, marks, "two marked numbers");
                assertEquals(1, firstHalf, "one in each half");
                assertEquals(sum > 1 ? 1 : 0, y[n]);
            }
        }
    }

    @Test
    void eachBatchIsOneTrainingLengthDrawnAnewAndTheSamplerIsSeeded() {
        SequenceDataset d = set(DatasetKind.MORE_ONES, 3);
        Sampler s = d.sampler(9), same = d.sampler(9);
        int[] idx = new int[32], again = new int[32], y = new int[32];
        Tensor x = new Tensor();
        int[] lengths = new int[13];
        for (int b = 0; b < 400; b++) {
            s.next(idx, 32);
            same.next(again, 32);
            assertArrayEquals(idx, again);
            d.trainBatch(idx, 32, x, y);
            int l = x.positions();
            assertTrue(l >= 3 && l <= 12, "length " + l);
            for (int i = 0; i < 32; i++) {
                assertEquals(l, d.trainLength(idx[i]));
                assertEquals(d.trainLabel(idx[i]), y[i]);
                assertEquals(d.trainFeature(idx[i], 0), x.get(i * l, 0));
            }
            lengths[l]++;
        }
        for (int l = 3; l <= 12; l++) assertTrue(lengths[l] > 20, "length " + l + " drawn " + lengths[l] + " times");
        // a mixed batch is refused rather than copied wrongly
        int[] mixed = {0, d.trainSize() - 1};
        assertThrows(IllegalArgumentException.class, () -> d.trainBatch(mixed, 2, x, y));
        org.ejml.data.DMatrixRMaj plain = new org.ejml.data.DMatrixRMaj(1, 1);
        assertThrows(IllegalArgumentException.class, () -> d.trainBatch(idx, 2, plain, y));
        assertThrows(IllegalArgumentException.class, () -> d.testFrom(31));
    }

    @Test
    void badLengthsAndOtherSetsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> SequenceDataset.generate(DatasetKind.SPIRAL, 100, 0.2, 1, 2, 3, 4, 1));
        assertThrows(IllegalArgumentException.class,
                () -> SequenceDataset.generate(DatasetKind.ADDING, 100, 0.2, 0, 2, 3, 4, 1));
        assertThrows(IllegalArgumentException.class,
                () -> SequenceDataset.generate(DatasetKind.ADDING, 100, 0.2, 3, 2, 3, 4, 1));
        // a tiny set still has one sequence of every length in each part
        SequenceDataset tiny = SequenceDataset.generate(DatasetKind.ADDING, 3, 0.2, 1, 5, 6, 8, 1);
        assertEquals(5, tiny.trainSize());
        assertEquals(8, tiny.testSize());
        assertEquals(1, tiny.trainLength(0));
    }
}
