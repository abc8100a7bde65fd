package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;

/** Central-difference gradient checking in double precision, shared by the gradient tests. */
final class GradCheck {
    /** central-difference step */
    static final double H = 1e-5;
    /** largest accepted relative error |a − n| / max(|a| + |n|, 1e-8) */
    static final double TOL = 1e-6;
    /**
     * agreement floor for (near-)zero gradients: a central difference of an O(10) loss with h = 1e-5 carries
     * ~1e-11 of rounding noise, which is a large relative error against an exact 0 (e.g. a ReLU unit that is off).
     */
    static final double ABS_FLOOR = 1e-9;

    private GradCheck() {}

    static DMatrixRMaj random(Random r, int rows, int cols, double scale) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = r.nextGaussian() * scale;
        return m;
    }

    /** relative error as in CS231n: |a − n| / max(|a| + |n|, 1e-8) */
    static double relErr(double a, double n) {
        return Math.abs(a - n) / Math.max(Math.abs(a) + Math.abs(n), 1e-8);
    }

    /** (L(v[i] + h) − L(v[i] − h)) / 2h, restoring v[i] */
    static double numeric(double[] v, int i, DoubleSupplier loss) {
        double old = v[i];
        v[i] = old + H;
        double up = loss.getAsDouble();
        v[i] = old - H;
        double down = loss.getAsDouble();
        v[i] = old;
        return (up - down) / (2 * H);
    }

    /**
     * Checks the analytic d(loss)/d(v[i]) against central differences for the first n entries of v.
     *
     * @return the largest |analytic| seen (so callers can make sure the check was not vacuous)
     */
    static double check(String what, double[] v, int n, double[] analytic, DoubleSupplier loss) {
        double largest = 0;
        for (int i = 0; i < n; i++) {
            double num = numeric(v, i, loss);
            double err = relErr(analytic[i], num);
            assertTrue(Double.isFinite(analytic[i]), what + "[" + i + "] analytic not finite: " + analytic[i]);
            assertTrue(err <= TOL || Math.abs(analytic[i] - num) <= ABS_FLOOR,
                    what + "[" + i + "]: analytic " + analytic[i] + " numeric " + num + " rel err " + err);
            largest = Math.max(largest, Math.abs(analytic[i]));
        }
        return largest;
    }

    /** One training step: forward in training mode, a fresh gradient, the optimizer's update; returns the loss. */
    static double trainStep(Network n, Sgd sgd, DMatrixRMaj x, int[] y) {
        double loss = n.forward(x, y, true);
        n.zeroGrad();
        n.backward();
        sgd.step(n.parameters());
        return loss;
    }

    /** Σ R ⊙ out */
    static double weighted(DMatrixRMaj out, DMatrixRMaj r) {
        assertTrue(out.numRows == r.numRows && out.numCols == r.numCols, "output shape changed");
        double s = 0;
        for (int i = 0, n = out.getNumElements(); i < n; i++) s += out.data[i] * r.data[i];
        return s;
    }
}
