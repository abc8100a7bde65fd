package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shiftscope.nn.GradCheck.random;
import static org.shiftscope.nn.LayerGradientTest.checkLayer;
import static org.shiftscope.nn.LayerGradientTest.shifted;
import static org.shiftscope.nn.LayerNormTest.unevenRows;
import static org.shiftscope.nn.NormAsserts.assertSameValues;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GroupNorm (Wu & He 2018): groups must divide the width; 1 group is LayerNorm; each group of each example comes
 * out with mean β and std γ; groups = width gives x̂ = 0; training equals inference; gradient checks for several
 * group counts, with and without noise.
 */
class GroupNormTest {

    static void randomAffine(Normalization n, Random r) {
        for (int i = 0; i < n.units(); i++) {
            n.gamma.value.data[i] = 0.5 + r.nextDouble();
            n.beta.value.data[i] = r.nextGaussian();
        }
    }

    @ParameterizedTest(name = "{1} groups of {0} units")
    @CsvSource({"6, 4", "6, 0", "6, -2", "7, 2", "12, 5", "4, 8"})
    void refusesGroupsThatDoNotDivideTheWidthNamingBoth(int units, int groups) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GroupNorm("1", units, groups, 1e-5));
        assertTrue(e.getMessage().contains(groups + " groups") && e.getMessage().contains(units + " units"),
                e.getMessage());
        // the factory says the same
        assertThrows(IllegalArgumentException.class,
                () -> NormKind.GROUP.create("1", units, groups, 0.1, 1e-5, 3, 5));
    }

    @Test
    void freshLayerAndItsWords() {
        GroupNorm gn = new GroupNorm("4", 12, 3, 1e-5);
        assertEquals(12, gn.units());
        assertEquals(3, gn.groups());
        assertEquals("gamma4", gn.gamma.name);
        assertSame(NormKind.GROUP, gn.kind());
        assertEquals(Tap.NORMALIZED, gn.tap());
        assertEquals("over each group of 4 units of each example", gn.statistics());
        assertEquals("over each unit of each example on its own", new GroupNorm("1", 5, 5, 1e-5).statistics());
        assertFalse(gn.keepsRunningStatistics());
        assertFalse(gn.dependsOnBatch());
    }

    @Test
    void oneGroupIsLayerNormExactly() {
        Random r = new Random(30);
        GroupNorm gn = new GroupNorm("1", 6, 1, 1e-5);
        LayerNorm ln = new LayerNorm("1", 6, 1e-5);
        randomAffine(gn, r);
        System.arraycopy(gn.gamma.value.data, 0, ln.gamma.value.data, 0, 6);
        System.arraycopy(gn.beta.value.data, 0, ln.beta.value.data, 0, 6);
        gn.drawNoise(0.5, new Random(7));
        ln.drawNoise(0.5, new Random(7));
        for (int m : new int[] {5, 1, 8}) {
            DMatrixRMaj x = unevenRows(31 + m, m, 6), dy = random(r, m, 6, 1);
            for (boolean training : new boolean[] {true, false}) {
                assertSameValues(ln.forward(x, training), gn.forward(x, training), 0.0, "Y m=" + m + " " + training);
                assertSameValues(ln.normalizedBeforeAffine(), gn.normalizedBeforeAffine(), 0.0, "X̂");
            }
            ln.forward(x, true);
            gn.forward(x, true);
            ln.zeroGrad();
            gn.zeroGrad();
            assertSameValues(ln.backward(dy), gn.backward(dy), 0.0, "dX m=" + m);
            assertSameValues(ln.gamma.grad, gn.gamma.grad, 0.0, "dγ");
            assertSameValues(ln.beta.grad, gn.beta.grad, 0.0, "dβ");
        }
    }

    @ParameterizedTest(name = "{0} groups")
    @ValueSource(ints = {1, 2, 3, 4, 6})
    void everyGroupOfEveryExampleHasMeanBetaAndStdGamma(int groups) {
        int units = 12, size = units / groups;
        GroupNorm gn = new GroupNorm("1", units, groups, 1e-12);
        gn.setAffine(2.0, 0.5, true);
        DMatrixRMaj x = unevenRows(40, 5, units);
        for (int i = 0; i < 5; i++) {
            for (int c = 0; c < units; c++) x.set(i, c, x.get(i, c) + 7 * (c / size)); // groups differ in mean
        }
        DMatrixRMaj y = gn.forward(x, true);
        for (int i = 0; i < 5; i++) {
            for (int g = 0; g < groups; g++) {
                double mean = 0, var = 0, xm = 0, xv = 0;
                for (int c = g * size; c < (g + 1) * size; c++) {
                    mean += y.get(i, c) / size;
                    xm += x.get(i, c) / size;
                }
                for (int c = g * size; c < (g + 1) * size; c++) {
                    var += (y.get(i, c) - mean) * (y.get(i, c) - mean) / size;
                    xv += (x.get(i, c) - xm) * (x.get(i, c) - xm) / size;
                }
                assertEquals(0.5, mean, 1e-6, "mean β, example " + i + " group " + g);
                assertEquals(2.0, Math.sqrt(var), 1e-6, "std γ, example " + i + " group " + g);
                assertEquals(1 / Math.sqrt(xv + 1e-12), gn.invStd(i, g), 1e-9 * gn.invStd(i, g));
            }
        }
    }

    @Test
    void asManyGroupsAsUnitsGiveXhatZeroOutputBetaAndNoInputGradient() {
        // a group of one unit is its own mean: x̂ = 0 / sqrt(0 + eps) = 0, finite because eps > 0
        Random r = new Random(50);
        GroupNorm gn = new GroupNorm("1", 5, 5, 1e-5);
        randomAffine(gn, r);
        DMatrixRMaj x = shifted(r, 4, 5), dy = random(r, 4, 5, 1);
        DMatrixRMaj y = gn.forward(x, true);
        for (int i = 0; i < 4; i++) {
            for (int c = 0; c < 5; c++) {
                assertEquals(0.0, gn.normalizedBeforeAffine().get(i, c), 0.0);
                assertEquals(gn.beta.value.get(0, c), y.get(i, c), 0.0);
                assertEquals(1 / Math.sqrt(1e-5), gn.invStd(i, c), 1e-9);
            }
        }
        gn.zeroGrad();
        DMatrixRMaj dx = gn.backward(dy);
        for (int i = 0; i < 4; i++) {
            for (int c = 0; c < 5; c++) assertEquals(0.0, dx.get(i, c), 0.0, "dX");
        }
        for (int c = 0; c < 5; c++) {
            double db = 0;
            for (int i = 0; i < 4; i++) db += dy.get(i, c);
            assertEquals(0.0, gn.gamma.grad.get(0, c), 0.0, "dγ = Σ dY⊙0");
            assertEquals(db, gn.beta.grad.get(0, c), 1e-12, "dβ = Σ dY");
        }
    }

    @ParameterizedTest(name = "{0} groups")
    @ValueSource(ints = {1, 2, 3, 4, 6, 12})
    void trainingAndInferenceAreIdenticalAndAnExampleIgnoresTheRestOfTheBatch(int groups) {
        GroupNorm gn = new GroupNorm("1", 12, groups, 1e-5);
        randomAffine(gn, new Random(60));
        gn.forward(unevenRows(61, 9, 12), true);
        DMatrixRMaj x = unevenRows(62, 6, 12);
        DMatrixRMaj train = gn.forward(x, true).copy();
        assertSameValues(train, gn.forward(x, false), 0.0, "inference = training");
        DMatrixRMaj one = new DMatrixRMaj(1, 12);
        for (int c = 0; c < 12; c++) one.set(0, c, x.get(2, c));
        DMatrixRMaj out = gn.forward(one, true);
        for (int c = 0; c < 12; c++) assertEquals(train.get(2, c), out.get(0, c), 0.0);
    }

    /**
     * 12 units in 1, 2, 3, 4 and 6 groups (12, 6, 4, 3 and 2 units each). With 2 units a group's x̂ is ±1 up to ε,
     * so its input gradient is of the order of ε: a large ε there keeps the check from being vacuous.
     */
    @ParameterizedTest(name = "{0} groups, eps {1}")
    @CsvSource({"1, 1e-5", "2, 1e-5", "3, 1e-5", "4, 1e-5", "6, 1.0"})
    void gradientLearnedAffine(int groups, double eps) {
        Random r = new Random(70 + groups);
        GroupNorm gn = new GroupNorm("1", 12, groups, eps);
        randomAffine(gn, r);
        checkLayer("groupnorm G=" + groups, gn, shifted(r, 5, 12), r);
        checkLayer("groupnorm G=" + groups + " m=1", gn, shifted(r, 1, 12), r);
    }

    @ParameterizedTest(name = "{0} groups")
    @ValueSource(ints = {1, 3, 4})
    void gradientFixedAffineWithThisStepsNoise(int groups) {
        Random r = new Random(80 + groups);
        GroupNorm gn = new GroupNorm("1", 12, groups, 1e-5);
        gn.setAffine(1.5, -0.5, true);
        gn.drawNoise(0.9, new Random(groups));
        for (int c = 0; c < 12; c++) assertTrue(gn.noiseScale(c) != 1.0);
        checkLayer("noisy groupnorm G=" + groups, gn, shifted(r, 4, 12), r);
    }
}
