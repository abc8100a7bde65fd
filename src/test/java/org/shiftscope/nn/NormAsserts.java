package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;

/** Matrix comparisons for the normalization tests (a reshaped matrix keeps its larger array: compare elements). */
final class NormAsserts {
    private NormAsserts() {}

    /** same shape and every element within delta (0: equal, +0.0 and −0.0 counting as equal) */
    static void assertSameValues(DMatrixRMaj expected, DMatrixRMaj actual, double delta, String what) {
        assertEquals(expected.numRows, actual.numRows, what + ": rows");
        assertEquals(expected.numCols, actual.numCols, what + ": cols");
        for (int i = 0, n = expected.getNumElements(); i < n; i++) {
            assertEquals(expected.data[i], actual.data[i], delta, what + "[" + i / expected.numCols + ", "
                    + i % expected.numCols + "]");
        }
    }

    /** the first n entries of two arrays within delta */
    static void assertSameValues(double[] expected, double[] actual, int n, double delta, String what) {
        for (int i = 0; i < n; i++) assertEquals(expected[i], actual[i], delta, what + "[" + i + "]");
    }
}
