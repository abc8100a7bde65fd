package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.shiftscope.nn.MatMulBackendTest.naive;
import static org.shiftscope.nn.MatMulBackendTest.random;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Single-precision products: every product (and the added one) to float's precision against the double definition,
 * not equal to it, and a network trained with them close to one trained in double.
 */
class PrecisionTest {
    static MatMul f32() {
        MatMul m = OpenBlasMatMul.tryCreate(Precision.F32);
        assumeTrue(m != null, "OpenBLAS natives not available here");
        return m;
    }

    /** |a − b| ≤ tol · (Σ|terms|) per entry, the bound for a sum of k products rounded to float */
    static void assertFloatClose(DMatrixRMaj exact, DMatrixRMaj f, double scale, String what) {
        double worst = 0;
        for (int i = 0; i < exact.getNumElements(); i++) {
            double err = Math.abs(exact.data[i] - f.data[i]);
            assertTrue(err <= 1e-5 * scale, what + " entry " + i + ": " + f.data[i] + " vs " + exact.data[i]);
            worst = Math.max(worst, err);
        }
        assertTrue(worst > 0, what + ": exactly the double result, so not computed in float");
    }

    @Test
    void everyProductInSinglePrecision() {
        MatMul m = f32();
        assertEquals("openblas-f32", m.name());
        Random r = new Random(3);
        DMatrixRMaj a = random(r, 7, 30), b = random(r, 30, 5), at = random(r, 30, 7), bt = random(r, 5, 30);
        DMatrixRMaj c = new DMatrixRMaj(1, 1);
        double scale = Math.sqrt(30) * 4; // a sum of 30 products of normal values
        m.mult(a, b, c);
        assertFloatClose(naive(a, false, b, false), c, scale, "A·B");
        m.multTransA(at, b, c);
        assertFloatClose(naive(at, true, b, false), c, scale, "Aᵀ·B");
        m.multTransB(a, bt, c);
        assertFloatClose(naive(a, false, bt, true), c, scale, "A·Bᵀ");
        DMatrixRMaj sum = random(r, 7, 5), expected = naive(at, true, b, false);
        for (int i = 0; i < expected.data.length; i++) expected.data[i] += sum.data[i];
        m.multAddTransA(at, b, sum);
        assertFloatClose(expected, sum, scale, "C + Aᵀ·B");
    }

    @Test
    void aNetworkTrainedInSinglePrecisionStaysCloseToDouble() {
        MatMul single = f32(), dbl = OpenBlasMatMul.tryCreate(Precision.F64);
        NetworkSpec spec = new NetworkSpec(new int[] {16, 16}, ActivationKind.TANH, Init.XAVIER, 1.0, NormKind.BATCH,
                Placement.BEFORE, Affine.LEARNED, 1.0, 0.0, 0.1, 1e-5, 0, 4, 3, 5, 0);
        Network a = new Network(5, 3, spec, 4, dbl), b = new Network(5, 3, spec, 4, single);
        Sgd sa = new Sgd(0.1, 0.9), sb = new Sgd(0.1, 0.9);
        Random r = new Random(8);
        double la = 0, lb = 0;
        for (int step = 0; step < 50; step++) {
            DMatrixRMaj x = random(r, 20, 5);
            int[] y = new int[20];
            for (int i = 0; i < 20; i++) y[i] = r.nextInt(3);
            la = GradCheck.trainStep(a, sa, x, y);
            lb = GradCheck.trainStep(b, sb, x, y);
        }
        assertNotEquals(la, lb, "single precision computes something else");
        assertEquals(la, lb, 1e-4 * la, "but the same to float's precision after 50 steps");
    }

    @Test
    void singlePrecisionNeedsOpenBlas() {
        assertThrows(IllegalArgumentException.class, () -> MatMuls.of(Backend.EJML, Precision.F32));
        assertEquals("ejml", MatMuls.of(Backend.EJML, Precision.F64).name());
        assertEquals("f32", Precision.F32.key());
    }
}
