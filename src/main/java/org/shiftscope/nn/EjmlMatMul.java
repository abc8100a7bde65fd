package org.shiftscope.nn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** The always-available reference back-end: EJML's own products. */
public final class EjmlMatMul implements MatMul {
    @Override
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        // C = A·B
        CommonOps_DDRM.mult(a, b, c);
    }

    @Override
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        // C = Aᵀ·B
        CommonOps_DDRM.multTransA(a, b, c);
    }

    @Override
    public void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        // C += Aᵀ·B
        CommonOps_DDRM.multAddTransA(a, b, c);
    }

    @Override
    public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        // C = A·Bᵀ
        CommonOps_DDRM.multTransB(a, b, c);
    }

    @Override
    public String name() {
        return "ejml";
    }
}
