package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** OpenBLAS agrees with EJML: each product to 1e-12, and a 100-step training run to 1e-9. */
class MatMulBackendTest {

    static DMatrixRMaj random(Random r, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = r.nextGaussian();
        return m;
    }

    static void assertClose(DMatrixRMaj a, DMatrixRMaj b, double tol) {
        assertEquals(a.numRows, b.numRows);
        assertEquals(a.numCols, b.numCols);
        for (int i = 0; i < a.getNumElements(); i++) {
            assertEquals(a.data[i], b.data[i], tol * Math.max(1, Math.abs(a.data[i])), "entry " + i);
        }
    }

    @Test
    void productsAgree() {
        MatMul blas = OpenBlasMatMul.tryCreate();
        assumeTrue(blas != null, "OpenBLAS natives not available: " + OpenBlasMatMul.loadError());
        MatMul ejml = new EjmlMatMul();
        Random r = new Random(1);
        DMatrixRMaj a = random(r, 7, 13), b = random(r, 13, 5), at = random(r, 13, 7), bt = random(r, 5, 13);
        DMatrixRMaj c1 = new DMatrixRMaj(1, 1), c2 = new DMatrixRMaj(50, 50); // c2 is larger: reshape reuses it
        ejml.mult(a, b, c1);
        blas.mult(a, b, c2);
        assertClose(c1, c2, 1e-12);
        ejml.multTransA(at, b, c1);
        blas.multTransA(at, b, c2);
        assertClose(c1, c2, 1e-12);
        ejml.multTransB(a, bt, c1);
        blas.multTransB(a, bt, c2);
        assertClose(c1, c2, 1e-12);
    }

    @Test
    void trainingRunsAgreeAfterHundredSteps() {
        MatMul blas = OpenBlasMatMul.tryCreate();
        assumeTrue(blas != null, "OpenBLAS natives not available");
        Network a = net(new EjmlMatMul()), b = net(blas);
        Sgd sa = new Sgd(0.05, 0.9), sb = new Sgd(0.05, 0.9);
        Random r = new Random(2);
        int[] y = new int[16];
        for (int step = 0; step < 100; step++) {
            DMatrixRMaj x = random(r, 16, 12);
            for (int i = 0; i < 16; i++) y[i] = r.nextInt(4);
            a.forward(x, y, true);
            b.forward(x, y, true);
            a.backward();
            b.backward();
            sa.step(a.parameters());
            sb.step(b.parameters());
        }
        for (int p = 0; p < a.parameters().size(); p++) {
            assertClose(a.parameters().get(p).value, b.parameters().get(p).value, 1e-9);
        }
    }

    static Network net(MatMul mm) {
        return new Network(12, new int[] {20, 10}, 4, ActivationKind.TANH, Init.XAVIER, 0.1, 3, mm, true,
                Placement.BEFORE, Affine.LEARNED, 1, 0, 0.1, 1e-5);
    }
}
