package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The normalizers over (examples, positions, channels) tensors: BatchNorm over examples × positions per channel
 * (PyTorch's BatchNorm2d), LayerNorm over channels × positions per example, GroupNorm over a group's channels ×
 * positions per example — known values computed here element by element, and gradient checks.
 */
class NormOverPositionsTest {
    static final int N = 4, P = 5, C = 3;
    static final double EPS = 1e-5;

    /** a (4, 5, 3) tensor whose channels have different means and spreads */
    static Tensor tensor(long seed) {
        Random r = new Random(seed);
        Tensor x = new Tensor(N, P, C);
        for (int n = 0; n < N; n++) {
            for (int p = 0; p < P; p++) {
                for (int c = 0; c < C; c++) x.data[(n * P + p) * C + c] = (c + 1) * r.nextGaussian() + 2 * c - 1;
            }
        }
        return x;
    }

    static double at(DMatrixRMaj t, int n, int p, int c) {
        return t.data[(n * P + p) * C + c];
    }

    /** the mean and biased variance of some of a tensor's elements, chosen by (n, p, c) */
    static double[] moments(DMatrixRMaj x, Element chosen) {
        double[] v = IntStream.range(0, N * P * C).filter(i -> chosen.is(i / (P * C), i / C % P, i % C))
                .mapToDouble(i -> x.data[i]).toArray();
        double mu = Arrays.stream(v).average().orElseThrow();
        return new double[] {mu, Arrays.stream(v).map(a -> (a - mu) * (a - mu)).average().orElseThrow(), v.length};
    }

    /** an element (n, p, c) of the (4, 5, 3) tensors */
    interface Element {
        boolean is(int n, int p, int c);
    }

    /** y(n, p, c) = (x(n, p, c) − μ) / √(σ² + ε) with the moments of the elements normalized together with it */
    static void assertNormalizedWith(DMatrixRMaj x, DMatrixRMaj y, java.util.function.Function<int[], Element> group) {
        for (int n = 0; n < N; n++) {
            for (int p = 0; p < P; p++) {
                for (int c = 0; c < C; c++) {
                    double[] m = moments(x, group.apply(new int[] {n, p, c}));
                    assertEquals((at(x, n, p, c) - m[0]) / Math.sqrt(m[1] + EPS), at(y, n, p, c), 1e-12);
                }
            }
        }
    }

    @Test
    void batchNormUsesEachChannelsTwentyValues() {
        Tensor x = tensor(1);
        BatchNorm bn = new BatchNorm("1", C, 0.1, EPS);
        DMatrixRMaj y = bn.forward(x, Pass.TRAINING);
        assertEquals(P, Tensor.positionsOf(y), "the output keeps the positions");
        for (int c = 0; c < C; c++) {
            final int channel = c;
            double[] m = moments(x, (n, p, k) -> k == channel);
            assertEquals(20, m[2], 0.0, "4 examples × 5 positions");
            assertEquals(m[0], bn.batchMean(c), 1e-12, "channel " + c);
            assertEquals(m[1], bn.batchVar(c), 1e-12);
            assertEquals(m[1] * 20 / 19, bn.runningVar(c), 1e-12, "first batch sets the unbiased variance");
        }
        assertNormalizedWith(x, y, e -> (n, p, c) -> c == e[2]);
    }

    @Test
    void layerNormUsesEachExamplesFifteenValues() {
        Tensor x = tensor(2);
        assertNormalizedWith(x, new LayerNorm("1", C, EPS).forward(x, Pass.TRAINING), e -> (n, p, c) -> n == e[0]);
    }

    @Test
    void groupNormWithAGroupPerChannelNormalizesEachChannelOfEachExample() {
        Tensor x = tensor(3);
        GroupNorm gn = new GroupNorm("1", C, C, EPS);
        DMatrixRMaj y = gn.forward(x, Pass.TRAINING);
        // instance normalization: one example's one channel over its 5 positions
        assertNormalizedWith(x, y, e -> (n, p, c) -> n == e[0] && c == e[2]);
        double[] m = moments(x, (n, p, c) -> n == 1 && c == 2);
        assertEquals(1 / Math.sqrt(m[1] + EPS), gn.invStd(1, 2), 1e-12);
    }

    @Test
    void groupNormWithOneGroupIsLayerNorm() {
        Tensor x = tensor(4);
        DMatrixRMaj ln = new LayerNorm("1", C, EPS).forward(x, Pass.TRAINING).copy();
        DMatrixRMaj gn = new GroupNorm("1", C, 1, EPS).forward(x, Pass.TRAINING);
        for (int i = 0; i < ln.getNumElements(); i++) assertEquals(ln.data[i], gn.data[i], 0.0);
    }

    /** channels whose γ, β are off 1, 0: the checks then see every term */
    static <T extends Normalization> T moved(T norm, long seed) {
        Random r = new Random(seed);
        for (int c = 0; c < norm.units(); c++) {
            norm.gamma.value.data[c] = 1 + 0.5 * r.nextGaussian();
            norm.beta.value.data[c] = 0.5 * r.nextGaussian();
        }
        return norm;
    }

    @Test
    void gradientsOverPositions() {
        Random r = new Random(5);
        for (Normalization norm : new Normalization[] {moved(new BatchNorm("1", C, 0.1, EPS), 6),
                moved(new LayerNorm("1", C, EPS), 7), moved(new GroupNorm("1", C, C, EPS), 8)}) {
            SharedGradientTest.checkAll(norm.kind() + " over (4, 5, 3)", norm, tensor(10), r, true);
        }
    }

    @Test
    void positionsMustDivideTheRows() {
        Tensor t = new Tensor(2, 3, 4);
        assertEquals("(2, 3, 4)", t.shape());
        assertThrows(IllegalArgumentException.class, () -> t.setPositions(4));
        assertThrows(IllegalArgumentException.class, () -> t.reshape(2, 0, 4));
        assertEquals(1, Tensor.positionsOf(new DMatrixRMaj(6, 4)), "a plain matrix: one position per row");
    }
}
