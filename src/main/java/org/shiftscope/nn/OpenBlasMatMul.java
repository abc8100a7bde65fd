package org.shiftscope.nn;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;

import org.bytedeco.openblas.global.openblas;
import org.ejml.data.DMatrixRMaj;

/**
 * Products through OpenBLAS's {@code cblas_dgemm}, straight on the row-major {@code DMatrixRMaj.data} arrays.
 * OpenBLAS runs on one thread: on this project's 2-core machines more threads were an order of magnitude slower
 * for these small matrices.
 */
public final class OpenBlasMatMul implements MatMul {
    private static volatile Boolean available;
    private static volatile String loadError = "";

    private OpenBlasMatMul() {}

    /** Loads the bundled natives once; returns null (and remembers why) when they cannot be loaded. */
    public static synchronized OpenBlasMatMul tryCreate() {
        if (available == null) {
            try {
                org.bytedeco.javacpp.Loader.load(openblas.class);
                openblas.blas_set_num_threads(1);
                available = Boolean.TRUE;
            } catch (Throwable t) { // UnsatisfiedLinkError, NoClassDefFoundError on an unsupported platform
                loadError = t.toString();
                available = Boolean.FALSE;
            }
        }
        return available ? new OpenBlasMatMul() : null;
    }

    /** why the natives did not load, or "" */
    public static String loadError() {
        return loadError;
    }

    @Override
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        c.reshape(a.numRows, b.numCols);
        // C = A·B   (m×k)(k×n)
        openblas.cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, a.numRows, b.numCols, a.numCols,
                1.0, a.data, a.numCols, b.data, b.numCols, 0.0, c.data, c.numCols);
    }

    @Override
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        c.reshape(a.numCols, b.numCols);
        // C = Aᵀ·B   A is k×m
        openblas.cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, a.numCols, b.numCols, a.numRows,
                1.0, a.data, a.numCols, b.data, b.numCols, 0.0, c.data, c.numCols);
    }

    @Override
    public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        c.reshape(a.numRows, b.numRows);
        // C = A·Bᵀ   B is n×k
        openblas.cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, a.numRows, b.numRows, a.numCols,
                1.0, a.data, a.numCols, b.data, b.numCols, 0.0, c.data, c.numCols);
    }

    @Override
    public String name() {
        return "openblas";
    }
}
