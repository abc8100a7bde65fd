package org.shiftscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticTest {

    static double[] features(Dataset d) {
        double[] f = new double[d.trainSize() * d.inputs()];
        for (int i = 0; i < d.trainSize(); i++) {
            for (int j = 0; j < d.inputs(); j++) f[i * d.inputs() + j] = d.trainFeature(i, j);
        }
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"spiral", "circles", "xor", "gaussians", "teacher"})
    void sameSeedSameDataOtherSeedOtherData(String name) {
        Dataset a = Datasets.load(name, "", 0.1, 500, 0.2, 4), b = Datasets.load(name, "", 0.1, 500, 0.2, 4);
        Dataset c = Datasets.load(name, "", 0.1, 500, 0.2, 5);
        assertArrayEquals(features(a), features(b));
        assertFalse(Arrays.equals(features(a), features(c)));
        assertEquals(400, a.trainSize());
        assertEquals(100, a.testSize());
        int[] perClass = new int[a.classes()];
        for (int i = 0; i < a.trainSize(); i++) perClass[a.trainLabel(i)]++;
        for (int count : perClass) {
            assertTrue(count > a.trainSize() / a.classes() / 3, name + " classes " + Arrays.toString(perClass));
        }
        if (Datasets.isPlanar(name)) {
            assertEquals(2, a.inputs());
            for (double v : features(a)) assertTrue(Math.abs(v) < 2.5, name + " feature " + v);
        } else {
            assertEquals(Synthetic.TEACHER_INPUTS, a.inputs());
        }
    }

    @Test
    void batchesCopyTheRightRows() {
        Dataset d = Datasets.load("spiral", "", 0, 100, 0.2, 1);
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        int[] y = new int[3];
        d.trainBatch(new int[] {5, 7, 5}, 3, x, y);
        assertEquals(d.trainFeature(7, 1), x.get(1, 1));
        assertEquals(d.trainLabel(5), y[2]);
    }

    @Test
    void unknownNameListsTheAllowedOnes() {
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.load("moons", "", 0, 10, 0.2, 1));
        assertTrue(e.getMessage().contains("moons") && e.getMessage().contains("spiral"));
    }

    @Test
    void samplerIsSeededAndCoversEachEpoch() {
        BatchSampler a = new BatchSampler(10, 3), b = new BatchSampler(10, 3);
        int[] ia = new int[10], ib = new int[10];
        a.next(ia, 10);
        b.next(ib, 10);
        assertArrayEquals(ia, ib);
        int[] sorted = ia.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted, "one epoch = every index once");
        int[] small = new int[4];
        boolean[] seen = new boolean[10];
        for (int k = 0; k < 2; k++) {
            a.next(small, 4);
            for (int i = 0; i < 4; i++) seen[small[i]] = true;
        }
        a.next(small, 2);
        for (int i = 0; i < 2; i++) seen[small[i]] = true;
        for (boolean s : seen) assertTrue(s, "batch sizes may change between calls; epochs still cover all");
    }
}
