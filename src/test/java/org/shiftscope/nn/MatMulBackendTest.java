package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * EJML against a plain triple loop, OpenBLAS against EJML: each product to 1e-12 (relative) on non-square
 * matrices, into output matrices that previously held a larger (or differently shaped) result; and a 100-step
 * SGD-with-momentum run of a BN network to 1e-9.
 */
class MatMulBackendTest {

    static DMatrixRMaj random(Random r, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = r.nextGaussian();
        return m;
    }

    /** a matrix of the given shape full of NaN: stale contents that must not leak into a product */
    static DMatrixRMaj stale(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        m.fill(Double.NaN);
        return m;
    }

    static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, double tol, String what) {
        assertEquals(expected.numRows, actual.numRows, what + " rows");
        assertEquals(expected.numCols, actual.numCols, what + " cols");
        for (int i = 0; i < expected.getNumElements(); i++) {
            assertEquals(expected.data[i], actual.data[i], tol * Math.max(1, Math.abs(expected.data[i])),
                    what + " entry " + i);
        }
    }

    /** reference C = op(A)·op(B) by the definition */
    static DMatrixRMaj naive(DMatrixRMaj a, boolean ta, DMatrixRMaj b, boolean tb) {
        int m = ta ? a.numCols : a.numRows, k = ta ? a.numRows : a.numCols, n = tb ? b.numRows : b.numCols;
        assertEquals(k, tb ? b.numCols : b.numRows, "inner dimensions");
        DMatrixRMaj c = new DMatrixRMaj(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) s += (ta ? a.get(l, i) : a.get(i, l)) * (tb ? b.get(j, l) : b.get(l, j));
                c.set(i, j, s);
            }
        }
        return c;
    }

    /** {m, k, n} shapes: tall, wide, a vector-like one, one with a dimension of 1, and a larger one */
    static final int[][] SHAPES = {{7, 13, 5}, {3, 2, 11}, {1, 9, 4}, {12, 1, 6}, {6, 8, 1}, {40, 33, 29}};

    /** Runs every shape through all three products of one back-end, reusing three output matrices. */
    static void checkAgainst(MatMul mm, MatMul reference) {
        Random r = new Random(1);
        // outputs start larger than any result except the last shape's, and full of NaN
        DMatrixRMaj c1 = stale(30, 31), c2 = stale(30, 31), c3 = stale(30, 31);
        for (int[] s : SHAPES) {
            int m = s[0], k = s[1], n = s[2];
            DMatrixRMaj a = random(r, m, k), b = random(r, k, n), at = random(r, k, m), bt = random(r, n, k);
            String shape = " " + m + "×" + k + "×" + n + " " + mm.name();
            mm.mult(a, b, c1);
            assertClose(reference == null ? naive(a, false, b, false) : ref(reference, 0, a, b), c1, 1e-12,
                    "mult" + shape);
            mm.multTransA(at, b, c2);
            assertClose(reference == null ? naive(at, true, b, false) : ref(reference, 1, at, b), c2, 1e-12,
                    "multTransA" + shape);
            mm.multTransB(a, bt, c3);
            assertClose(reference == null ? naive(a, false, bt, true) : ref(reference, 2, a, bt), c3, 1e-12,
                    "multTransB" + shape);
            // the next shape overwrites; poison what is there now so stale values would show
            c1.fill(Double.NaN);
            c2.fill(Double.NaN);
            c3.fill(Double.NaN);
        }
    }

    static DMatrixRMaj ref(MatMul mm, int op, DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(1, 1);
        switch (op) {
            case 0 -> mm.mult(a, b, c);
            case 1 -> mm.multTransA(a, b, c);
            default -> mm.multTransB(a, b, c);
        }
        return c;
    }

    @Test
    void ejmlMatchesTheDefinition() {
        checkAgainst(new EjmlMatMul(), null);
        assertEquals("ejml", new EjmlMatMul().name());
    }

    @Test
    void openBlasMatchesTheDefinitionAndEjml() {
        MatMul blas = OpenBlasMatMul.tryCreate();
        assumeTrue(blas != null, "OpenBLAS natives not available: " + OpenBlasMatMul.loadError());
        assertEquals("openblas", blas.name());
        assertEquals("", OpenBlasMatMul.loadError());
        checkAgainst(blas, null);
        checkAgainst(blas, new EjmlMatMul());
    }

    @Test
    void openBlasReusesALargerOutputArray() {
        MatMul blas = OpenBlasMatMul.tryCreate();
        assumeTrue(blas != null, "OpenBLAS natives not available");
        Random r = new Random(3);
        DMatrixRMaj c = stale(20, 20);
        double[] array = c.data;
        DMatrixRMaj a = random(r, 4, 6), b = random(r, 6, 3);
        blas.mult(a, b, c);
        assertSame(array, c.data, "reshape to a smaller size keeps the array");
        assertClose(naive(a, false, b, false), c, 1e-12, "mult into a reused array");
        // and back up to a shape that needs a bigger array
        DMatrixRMaj a2 = random(r, 25, 6), b2 = random(r, 6, 30);
        blas.mult(a2, b2, c);
        assertClose(naive(a2, false, b2, false), c, 1e-12, "mult into a grown array");
    }

    /**
     * Inputs whose arrays once held a bigger batch (a test-accuracy pass) keep that capacity, with old values
     * beyond their shape: only the elements in use count, in every product.
     */
    @Test
    void openBlasReadsOnlyTheElementsInUse() {
        MatMul blas = OpenBlasMatMul.tryCreate();
        assumeTrue(blas != null, "OpenBLAS natives not available");
        Random r = new Random(4);
        DMatrixRMaj a = stale(1000, 7), b = stale(500, 9), at = stale(900, 5), bt = stale(800, 7);
        double[] arrayA = a.data;
        a.reshape(5, 7);
        b.reshape(7, 9);
        at.reshape(7, 5);
        bt.reshape(9, 7);
        for (DMatrixRMaj m : java.util.List.of(a, b, at, bt)) {
            for (int i = 0; i < m.getNumElements(); i++) m.data[i] = r.nextGaussian();
        }
        assertSame(arrayA, a.data, "the big array is kept, NaN beyond the shape");
        DMatrixRMaj c = stale(40, 40);
        blas.mult(a, b, c);
        assertClose(naive(a, false, b, false), c, 1e-12, "mult");
        assertTrue(Double.isNaN(c.data[c.getNumElements()]), "nothing written beyond C's shape");
        blas.multTransA(at, b, c);
        assertClose(naive(at, true, b, false), c, 1e-12, "multTransA");
        blas.multTransB(a, bt, c);
        assertClose(naive(a, false, bt, true), c, 1e-12, "multTransB");
    }

    /** One back-end shared by variants training on helper threads: each thread's products stay its own. */
    @Test
    void openBlasOnSeveralThreadsAtOnce() throws Exception {
        MatMul blas = OpenBlasMatMul.tryCreate();
        assumeTrue(blas != null, "OpenBLAS natives not available");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int t = 0; t < 3; t++) {
                final int seed = t;
                results.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    DMatrixRMaj c = new DMatrixRMaj(1, 1);
                    for (int i = 0; i < 300; i++) {
                        int m = 1 + r.nextInt(30 + 20 * seed), k = 1 + r.nextInt(25), n = 1 + r.nextInt(20);
                        DMatrixRMaj a = random(r, m, k), b = random(r, k, n);
                        blas.mult(a, b, c);
                        assertClose(naive(a, false, b, false), c, 1e-12, "thread " + seed + " product " + i);
                    }
                    return seed;
                }));
            }
            for (var f : results) f.get();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void hundredTrainingStepsAgreeBetweenBackEnds() {
        MatMul blas = OpenBlasMatMul.tryCreate();
        assumeTrue(blas != null, "OpenBLAS natives not available");
        Network a = net(new EjmlMatMul()), b = net(blas);
        Sgd sa = new Sgd(0.05, 0.9), sb = new Sgd(0.05, 0.9);
        Random r = new Random(2);
        double[] start = a.dense(1).w.value.data.clone();
        for (int step = 0; step < 100; step++) {
            int rows = step % 3 == 2 ? 5 : 16; // a batch size that changes now and then, like a last short batch
            DMatrixRMaj x = random(r, rows, 12);
            int[] y = new int[rows];
            for (int i = 0; i < rows; i++) y[i] = r.nextInt(4);
            double la = a.forward(x, y, true), lb = b.forward(x, y, true);
            assertEquals(la, lb, 1e-9 * Math.max(1, Math.abs(la)), "loss at step " + step);
            a.zeroGrad();
            a.backward();
            b.zeroGrad();
            b.backward();
            sa.step(a.parameters());
            sb.step(b.parameters());
        }
        assertTrue(a.parametersFinite() && b.parametersFinite());
        assertFalse(java.util.Arrays.equals(start, a.dense(1).w.value.data), "the run trained");
        assertEquals(a.parameters().size(), b.parameters().size());
        for (int p = 0; p < a.parameters().size(); p++) {
            assertEquals(a.parameters().get(p).name, b.parameters().get(p).name);
            assertClose(a.parameters().get(p).value, b.parameters().get(p).value, 1e-9,
                    a.parameters().get(p).name);
        }
        for (int h = 1; h <= 2; h++) {
            for (int c = 0; c < a.batchNormLayer(h).units(); c++) {
                double v = a.batchNormLayer(h).runningVar(c);
                assertEquals(v, b.batchNormLayer(h).runningVar(c), 1e-9 * Math.max(1, Math.abs(v)));
                double mu = a.batchNormLayer(h).runningMean(c);
                assertEquals(mu, b.batchNormLayer(h).runningMean(c), 1e-9 * Math.max(1, Math.abs(mu)));
            }
        }
    }

    static Network net(MatMul mm) {
        return new Network(12, new int[] {20, 10}, 4, ActivationKind.TANH, Init.XAVIER, 1.0, 3, mm, true,
                Placement.BEFORE, Affine.LEARNED, 1, 0, 0.1, 1e-5);
    }

    @Test
    void selectByName() {
        assertInstanceOf(EjmlMatMul.class, MatMuls.select("ejml"));
        assertThrows(IllegalArgumentException.class, () -> MatMuls.select("cuda"));
        boolean blas = OpenBlasMatMul.tryCreate() != null;
        assertEquals(blas ? "openblas" : "ejml", MatMuls.select("auto").name());
        assertEquals(blas ? "openblas" : "ejml", MatMuls.select(null).name());
        if (blas) {
            assertEquals("openblas", MatMuls.select("openblas").name());
        } else {
            assertThrows(IllegalArgumentException.class, () -> MatMuls.select("openblas"));
        }
    }

    @Test
    void bundledNativesLoadAndRunOnOneThread() {
        // the pom bundles OpenBLAS for the build platform: there it must load (else every OpenBLAS test above
        // would be skipped by its assumption and prove nothing)
        String platform = org.bytedeco.javacpp.Loader.getPlatform();
        assumeTrue(OpenBlasMatMul.class.getResource("/org/bytedeco/openblas/" + platform + "/") != null,
                "no OpenBLAS natives bundled for " + platform);
        MatMul blas = OpenBlasMatMul.tryCreate();
        assertNotNull(blas, "OpenBLAS natives for " + platform + " are bundled but did not load: "
                + OpenBlasMatMul.loadError());
        assertEquals("", OpenBlasMatMul.loadError());
        assertEquals(1, org.bytedeco.openblas.global.openblas.blas_get_num_threads(),
                "one thread: more were an order of magnitude slower for these small products");
        assertNotSame(blas, OpenBlasMatMul.tryCreate(), "a fresh back-end each time, the natives loaded once");
        assertEquals("openblas", MatMuls.select("auto").name());
    }
}
