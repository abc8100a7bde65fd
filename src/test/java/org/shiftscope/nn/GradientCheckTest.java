package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Central-difference gradient checks in double precision: every layer type, every activation, BN in both
 * placements and both affine modes, and whole networks. Relative error ≤ 1e-6.
 */
class GradientCheckTest {
    static final double H = 1e-5;
    static final double TOL = 1e-6;
    static final MatMul MM = new EjmlMatMul();

    static DMatrixRMaj random(Random r, int rows, int cols, double scale) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = r.nextGaussian() * scale;
        return m;
    }

    /** relative error as in CS231n: |a − n| / max(|a| + |n|, 1e-8) */
    static double relErr(double a, double n) {
        return Math.abs(a - n) / Math.max(Math.abs(a) + Math.abs(n), 1e-8);
    }

    /** Checks d(loss)/d(v[i]) against central differences for every entry of v. */
    static void check(String what, double[] v, int n, double[] analytic, DoubleSupplier loss) {
        for (int i = 0; i < n; i++) {
            double old = v[i];
            v[i] = old + H;
            double up = loss.getAsDouble();
            v[i] = old - H;
            double down = loss.getAsDouble();
            v[i] = old;
            double numeric = (up - down) / (2 * H);
            double err = relErr(analytic[i], numeric);
            assertTrue(err <= TOL || Math.abs(analytic[i] - numeric) < 1e-9, // a zero gradient vs rounding noise
                    what + "[" + i + "]: analytic " + analytic[i] + " numeric " + numeric + " rel err " + err);
        }
    }

    /** L = Σ R ⊙ layer(X): dL/d(output) = R. */
    static void checkLayer(String name, Layer layer, DMatrixRMaj x, Random r) {
        DMatrixRMaj out = layer.forward(x, true);
        DMatrixRMaj rr = random(r, out.numRows, out.numCols, 1);
        DoubleSupplier loss = () -> {
            DMatrixRMaj o = layer.forward(x, true);
            double s = 0;
            for (int i = 0; i < o.getNumElements(); i++) s += o.data[i] * rr.data[i];
            return s;
        };
        loss.getAsDouble();
        DMatrixRMaj dx = layer.backward(rr).copy();
        List<double[]> grads = new ArrayList<>();
        for (Param p : layer.parameters()) grads.add(p.grad.data.clone());
        check(name + " dX", x.data, x.getNumElements(), dx.data, loss);
        int k = 0;
        for (Param p : layer.parameters()) {
            double[] g = grads.get(k++);
            if (p.frozen) continue;
            check(name + " d" + p.name, p.value.data, p.size(), g, loss);
        }
    }

    @ParameterizedTest
    @EnumSource(ActivationKind.class)
    void activations(ActivationKind kind) {
        Random r = new Random(1);
        DMatrixRMaj x = random(r, 5, 4, 1.5);
        if (kind == ActivationKind.RELU) {
            for (int i = 0; i < x.data.length; i++) if (Math.abs(x.data[i]) < 0.05) x.data[i] = 0.3; // off the kink
        }
        checkLayer(kind.key(), new Activation(kind), x, r);
    }

    @ParameterizedTest
    @MethodSource("denseCases")
    void dense(boolean bias) {
        Random r = new Random(2);
        Dense d = new Dense("1", 4, 3, MM);
        d.init(r, 0.7);
        for (int i = 0; i < 3; i++) d.b.value.data[i] = r.nextGaussian();
        d.setUseBias(bias);
        checkLayer("dense bias=" + bias, d, random(r, 6, 4, 1), r);
    }

    static List<Boolean> denseCases() {
        return List.of(true, false);
    }

    @ParameterizedTest
    @EnumSource(Affine.class)
    void batchNorm(Affine affine) {
        Random r = new Random(3);
        BatchNorm bn = new BatchNorm("1", 4, 0.1, 1e-5);
        bn.setAffine(2.0, 0.5, affine == Affine.FIXED);
        if (affine == Affine.LEARNED) {
            for (int i = 0; i < 4; i++) {
                bn.gamma.value.data[i] = 0.5 + r.nextDouble();
                bn.beta.value.data[i] = r.nextGaussian();
            }
        }
        DMatrixRMaj x = random(r, 7, 4, 2);
        for (int i = 0; i < x.data.length; i++) x.data[i] += 3; // a non-zero mean to remove
        checkLayer("batchnorm " + affine.key(), bn, x, r);
    }

    @ParameterizedTest
    @MethodSource("softmaxCases")
    void softmaxCrossEntropy(int classes) {
        Random r = new Random(4);
        DMatrixRMaj z = random(r, 5, classes, 2);
        int[] y = new int[5];
        for (int i = 0; i < 5; i++) y[i] = r.nextInt(classes);
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        ce.forward(z, y);
        double[] g = ce.backward().data.clone();
        check("softmax-ce", z.data, z.getNumElements(), g, () -> ce.forward(z, y));
    }

    static List<Integer> softmaxCases() {
        return List.of(2, 3, 10);
    }

    static List<Arguments> networks() {
        List<Arguments> list = new ArrayList<>();
        for (ActivationKind a : ActivationKind.values()) {
            list.add(Arguments.of(a, false, Placement.BEFORE, Affine.LEARNED));
            for (Placement p : Placement.values()) {
                for (Affine f : Affine.values()) list.add(Arguments.of(a, true, p, f));
            }
        }
        return list;
    }

    @ParameterizedTest(name = "{0} bn={1} {2} {3}")
    @MethodSource("networks")
    void wholeNetwork(ActivationKind act, boolean bn, Placement placement, Affine affine) {
        Random r = new Random(5);
        Network net = new Network(3, new int[] {5, 4}, 3, act, Init.XAVIER, 0.1, 7, MM, bn, placement, affine,
                1.3, 0.2, 0.1, 1e-5);
        DMatrixRMaj x = random(r, 6, 3, 1);
        int[] y = {0, 1, 2, 1, 0, 2};
        if (act == ActivationKind.RELU) {
            // keep every pre-activation clear of the kink so central differences see a smooth function
            for (int attempt = 0; attempt < 50 && nearKink(net, x, y); attempt++) x = random(r, 6, 3, 1);
        }
        final DMatrixRMaj input = x;
        net.forward(input, y, true);
        net.backward();
        List<double[]> grads = new ArrayList<>();
        for (Param p : net.parameters()) grads.add(p.grad.data.clone());
        int k = 0;
        for (Param p : net.parameters()) {
            double[] g = grads.get(k++);
            if (p.frozen) continue;
            check(net + " d" + p.name, p.value.data, p.size(), g, () -> net.forward(input, y, true));
        }
    }

    private static boolean nearKink(Network net, DMatrixRMaj x, int[] y) {
        net.forward(x, y, true);
        List<Layer> layers = net.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (l instanceof Activation) {
                DMatrixRMaj in = i > 0 ? layers.get(i - 1).output() : x;
                for (int j = 0; j < in.getNumElements(); j++) if (Math.abs(in.data[j]) < 1e-3) return true;
            }
        }
        return false;
    }
}
