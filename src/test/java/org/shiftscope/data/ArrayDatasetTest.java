package org.shiftscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The split into training and test part, and the rows each batch copies out. */
class ArrayDatasetTest {

    /** 10 samples of 3 features: sample i is (i, 10 + i, 100 + i), label i % 4 */
    static ArrayDataset ten(double testFraction) {
        double[] x = new double[30];
        int[] y = new int[10];
        for (int i = 0; i < 10; i++) {
            x[3 * i] = i;
            x[3 * i + 1] = 10 + i;
            x[3 * i + 2] = 100 + i;
            y[i] = i % 4;
        }
        return ArrayDataset.split("ten", 3, 4, x, y, testFraction);
    }

    @Test
    void theLastCeilingOfTheFractionIsTheTestPart() {
        ArrayDataset d = ten(0.25); // ⌈2.5⌉ = 3 test samples
        assertEquals("ten", d.name());
        assertEquals(3, d.inputs());
        assertEquals(4, d.classes());
        assertEquals(7, d.trainSize());
        assertEquals(3, d.testSize());
        for (int i = 0; i < 7; i++) {
            assertEquals(i, d.trainFeature(i, 0));
            assertEquals(100 + i, d.trainFeature(i, 2));
            assertEquals(i % 4, d.trainLabel(i));
        }
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        int[] y = new int[3];
        d.testBatch(0, 3, x, y);
        assertEquals(3, x.numRows);
        assertEquals(3, x.numCols);
        assertArrayEquals(new double[] {7, 17, 107, 8, 18, 108, 9, 19, 109}, x.data, 0.0);
        assertArrayEquals(new int[] {3, 0, 1}, y);
    }

    @Test
    void testBatchesStartWhereAsked() {
        ArrayDataset d = ten(0.5);
        DMatrixRMaj x = new DMatrixRMaj(9, 9);
        int[] y = {-1, -1, -1};
        d.testBatch(2, 2, x, y);
        assertEquals(2, x.numRows);
        assertArrayEquals(new double[] {7, 17, 107, 8, 18, 108}, java.util.Arrays.copyOf(x.data, 6), 0.0);
        assertArrayEquals(new int[] {3, 0, -1}, y, "only n labels written");
    }

    @Test
    void trainBatchesGatherTheIndexedRows() {
        ArrayDataset d = ten(0.2);
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        int[] y = new int[4];
        d.trainBatch(new int[] {6, 0, 6, 99}, 3, x, y);
        assertEquals(3, x.numRows);
        assertArrayEquals(new double[] {6, 16, 106, 0, 10, 100, 6, 16, 106}, x.data, 0.0);
        assertArrayEquals(new int[] {2, 0, 2, 0}, y);
    }

    @Test
    void atLeastOneTrainingSampleStaysWhateverTheFraction() {
        ArrayDataset all = ten(1.0);
        assertEquals(1, all.trainSize());
        assertEquals(9, all.testSize());
        assertEquals(0, all.trainFeature(0, 0));
        ArrayDataset none = ten(0.0);
        assertEquals(10, none.trainSize());
        assertEquals(0, none.testSize());
        assertEquals(9, none.trainFeature(9, 0));
    }
}
