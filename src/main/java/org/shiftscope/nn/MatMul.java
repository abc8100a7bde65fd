package org.shiftscope.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * The matrix products that make up most of a training step. The output argument comes last and is
 * reshaped to fit (which reuses its array when it is big enough, so a warm loop allocates nothing).
 */
public interface MatMul {
    /** C = A·B */
    void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /** C = Aᵀ·B */
    void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /** C = C + Aᵀ·B (C already Aᵀ·B-shaped): a gradient that adds up */
    void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /** C = A·Bᵀ */
    void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c);

    /** "ejml" or "openblas" */
    String name();
}
