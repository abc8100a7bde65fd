package org.shiftscope.nn;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.ejml.data.DMatrixRMaj;

/**
 * Products through OpenBLAS's {@code cblas_dgemm} ({@link Precision#F64}) or {@code cblas_sgemm}
 * ({@link Precision#F32}: the elements rounded to float on their way in, widened back on the way out) on native copies of the row-major {@code DMatrixRMaj.data}
 * arrays. OpenBLAS runs on one thread: on this project's 2-core machines more threads were an order of magnitude
 * slower for these small matrices.
 *
 * <p>Each call copies only the elements of A and B in use into native memory and only C's out. Handing the Java
 * arrays themselves to JavaCPP copies each whole array in and back out (JNI's {@code Get/ReleaseDoubleArrayElements}),
 * and a layer's arrays keep the capacity of its largest batch — a test-accuracy pass of 1,000 rows or the decision
 * regions' 2,304 grid points — so a training step of 60 rows copied 20–40 times the data it multiplies
 * (60×32·32×32 took 51 µs instead of 4.5 µs on this project's machine, 2026-12-02).
 */
public final class OpenBlasMatMul implements MatMul {
    private static volatile Boolean available;
    private static volatile String loadError = "";

    /**
     * Native copies of A, B and C, one set per thread (variants train on helper threads with the same back-end);
     * each grows to the largest product seen on its thread and is reused.
     */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** the element type of the products */
    private final Precision precision;

    private OpenBlasMatMul(Precision precision) {
        this.precision = precision;
    }

    /** Double-precision products; null when the natives cannot be loaded (see {@link #tryCreate(Precision)}). */
    public static OpenBlasMatMul tryCreate() {
        return tryCreate(Precision.F64);
    }

    /** Loads the bundled natives once; returns null (and remembers why) when they cannot be loaded. */
    public static synchronized OpenBlasMatMul tryCreate(Precision precision) {
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
        return available ? new OpenBlasMatMul(precision) : null;
    }

    /** why the natives did not load, or "" */
    public static String loadError() {
        return loadError;
    }

    @Override
    public void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        c.reshape(a.numRows, b.numCols);
        // C = A·B   (m×k)(k×n)
        gemm(CblasNoTrans, CblasNoTrans, a.numRows, b.numCols, a.numCols, a, b, 0.0, c);
    }

    @Override
    public void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        c.reshape(a.numCols, b.numCols);
        // C = Aᵀ·B   A is k×m
        gemm(CblasTrans, CblasNoTrans, a.numCols, b.numCols, a.numRows, a, b, 0.0, c);
    }

    @Override
    public void multAddTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (c.numRows != a.numCols || c.numCols != b.numCols) {
            throw new IllegalArgumentException("C is " + c.numRows + "×" + c.numCols + ", Aᵀ·B " + a.numCols + "×"
                    + b.numCols);
        }
        // C = Aᵀ·B + C   A is k×m
        gemm(CblasTrans, CblasNoTrans, a.numCols, b.numCols, a.numRows, a, b, 1.0, c);
    }

    @Override
    public void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        c.reshape(a.numRows, b.numRows);
        // C = A·Bᵀ   B is n×k
        gemm(CblasNoTrans, CblasTrans, a.numRows, b.numRows, a.numCols, a, b, 0.0, c);
    }

    /**
     * C (m×n) = op(A)·op(B) + beta·C with k inner, each matrix's leading dimension its own column count; C is read
     * only when beta ≠ 0
     */
    private void gemm(int transA, int transB, int m, int n, int k, DMatrixRMaj a, DMatrixRMaj b, double beta,
                      DMatrixRMaj c) {
        Scratch s = SCRATCH.get();
        if (precision == Precision.F32) {
            sgemm(s, transA, transB, m, n, k, a, b, beta, c);
            return;
        }
        int na = a.getNumElements(), nb = b.getNumElements(), nc = c.getNumElements();
        DoublePointer pa = s.a.fit(na), pb = s.b.fit(nb), pc = s.c.fit(nc);
        pa.put(a.data, 0, na);
        pb.put(b.data, 0, nb);
        if (beta != 0) pc.put(c.data, 0, nc);
        openblas.cblas_dgemm(CblasRowMajor, transA, transB, m, n, k, 1.0, pa, a.numCols, pb, b.numCols, beta, pc,
                c.numCols);
        pc.get(c.data, 0, nc);
    }

    /** {@link #gemm} in single precision: A, B (and C when beta ≠ 0) rounded to float, C widened back */
    private static void sgemm(Scratch s, int transA, int transB, int m, int n, int k, DMatrixRMaj a, DMatrixRMaj b,
                              double beta, DMatrixRMaj c) {
        int na = a.getNumElements(), nb = b.getNumElements(), nc = c.getNumElements();
        FloatPointer pa = s.fa.in(a.data, na), pb = s.fb.in(b.data, nb);
        FloatPointer pc = beta != 0 ? s.fc.in(c.data, nc) : s.fc.fit(nc);
        openblas.cblas_sgemm(CblasRowMajor, transA, transB, m, n, k, 1f, pa, a.numCols, pb, b.numCols, (float) beta,
                pc, c.numCols);
        s.fc.out(c.data, nc);
    }

    /** one thread's native buffers for A, B and C, in double and in single precision */
    private static final class Scratch {
        final Buffer a = new Buffer(), b = new Buffer(), c = new Buffer();
        final FloatBuffer fa = new FloatBuffer(), fb = new FloatBuffer(), fc = new FloatBuffer();
    }

    /** a native array of floats and its Java staging array, growing (never shrinking) to the largest size asked for */
    private static final class FloatBuffer {
        private FloatPointer p = new FloatPointer(1024);
        private float[] staging = new float[1024];

        FloatPointer fit(int n) {
            if (n > staging.length) {
                p.close();
                p = new FloatPointer(n);
                staging = new float[n];
            }
            return p;
        }

        /** the first n doubles, rounded to float, in native memory */
        FloatPointer in(double[] from, int n) {
            FloatPointer q = fit(n);
            for (int i = 0; i < n; i++) staging[i] = (float) from[i];
            q.put(staging, 0, n);
            return q;
        }

        /** the first n floats of native memory, widened into {@code to} */
        void out(double[] to, int n) {
            p.get(staging, 0, n);
            for (int i = 0; i < n; i++) to[i] = staging[i];
        }
    }

    /** a native array of doubles that grows (never shrinks) to the largest size asked for */
    private static final class Buffer {
        private DoublePointer p = new DoublePointer(1024);
        private long size = 1024;

        DoublePointer fit(int n) {
            if (n > size) {
                p.close();
                size = n;
                p = new DoublePointer(size);
            }
            return p;
        }
    }

    /** "openblas", or "openblas-f32" in single precision */
    @Override
    public String name() {
        return precision == Precision.F64 ? "openblas" : "openblas-f32";
    }
}
