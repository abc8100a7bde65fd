package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The recurrent network as a whole (Elman layers → last time step → output, softmax cross-entropy): its gradient
 * with every normalizer through time, the statistics its normalizers use at inference, its sites, copies and live
 * changes.
 */
class RecurrentNetworkTest {
    static final MatMul MM = new EjmlMatMul();

    /** the normalizers a recurrent network offers, as variants name them */
    enum Norm {
        NONE(NormKind.NONE, TimeStatistics.PER_STEP), BATCH_PER_STEP(NormKind.BATCH, TimeStatistics.PER_STEP),
        BATCH_SHARED(NormKind.BATCH, TimeStatistics.SHARED), LAYER(NormKind.LAYER, TimeStatistics.PER_STEP),
        GROUP(NormKind.GROUP, TimeStatistics.PER_STEP), RENORM(NormKind.RENORM, TimeStatistics.PER_STEP);

        final NormKind kind;
        final TimeStatistics time;

        Norm(NormKind kind, TimeStatistics time) {
            this.kind = kind;
            this.time = time;
        }
    }

    static NetworkSpec spec(NormKind norm, TimeStatistics time, int... hidden) {
        return NetworkSpec.builder().hidden(hidden).norm(norm).timeStats(time).gamma(0.7).beta(0.1)
                .normGroups(2).initGain(1.3).build();
    }

    static Network net(Norm n, int... hidden) {
        return Network.recurrent(2, 3, spec(n.kind, n.time, hidden), 5, MM);
    }

    static Tensor sequences(long seed, int m, int t, int c) {
        Random r = new Random(seed);
        Tensor x = new Tensor(m, t, c);
        for (int i = 0; i < x.data.length; i++) x.data[i] = r.nextGaussian();
        return x;
    }

    static int[] labels(int m, int classes) {
        int[] y = new int[m];
        for (int i = 0; i < m; i++) y[i] = (i * 7 + 1) % classes;
        return y;
    }

    /** Batch Renorm is left out: its backward holds r and d constant, checked as such in BatchRenormTest */
    @ParameterizedTest
    @EnumSource(value = Norm.class, mode = EnumSource.Mode.EXCLUDE, names = "RENORM")
    void theWholeNetworksGradientThroughSixTimeStepsMatchesCentralDifferences(Norm n) {
        // two stacked Elman layers, so the gradient also crosses from one layer's sequence into the next's
        Network net = net(n, 4, 4);
        Random r = new Random(3);
        for (Param p : net.parameters()) {
            // γ, β and b off their start
            for (int i = 0; i < p.size(); i++) p.value.data[i] += 0.2 * r.nextGaussian();
        }
        Tensor x = sequences(7, 5, 6, 2);
        int[] y = labels(5, 3);
        net.forward(x, y, Pass.TRAINING);
        net.zeroGrad();
        net.backward();
        double largest = 0;
        for (Param p : net.parameters()) {
            double[] analytic = p.gradient().data.clone();
            largest = Math.max(largest, GradCheck.check(n + " " + p.name, p.value.data, p.size(), analytic,
                    () -> net.forward(x, y, Pass.TRAINING)));
        }
        assertTrue(largest > 1e-3, "the check saw gradients");
        List<String> names = net.parameters().stream().map(p -> p.name).toList();
        assertEquals(n.kind.hasLayer(), names.contains("gamma1"), names.toString());
    }

    @Test
    void perStepBatchNormAtInferenceUsesStepTsRunningAveragesAndBeyondTheTrainedLengthTheLastOnes() {
        Network net = net(Norm.BATCH_PER_STEP, 4);
        Recurrent rnn = net.recurrentLayer(1);
        for (int i = 0; i < 4; i++) net.forward(sequences(i, 8, 5, 2), labels(8, 3), Pass.TRAINING);
        assertEquals(5, rnn.trainedSteps());
        Tensor x = sequences(40, 3, 8, 2);
        net.forward(x, labels(3, 3), Pass.INFERENCE);
        for (int t = 0; t < 8; t++) {
            BatchNorm used = (BatchNorm) rnn.norm(t), own = (BatchNorm) rnn.norm(Math.min(t, 4));
            DMatrixRMaj a = rnn.dense(t).output(), y = used.output();
            for (int e = 0; e < 3; e++) {
                for (int c = 0; c < 4; c++) {
                    // y = γ·(a − running mean_t)/√(running var_t + ε) + β, t the last trained step beyond it
                    double expect = rnn.gamma.value.get(0, c) * (a.get(e, c) - own.runningMean(c))
                            / Math.sqrt(own.runningVar(c) + 1e-5) + rnn.beta.value.get(0, c);
                    assertEquals(expect, y.get(e, c), 1e-12, "step " + t);
                }
            }
        }
        assertNotEquals(((BatchNorm) rnn.norm(0)).runningMean(0), ((BatchNorm) rnn.norm(4)).runningMean(0));
    }

    @Test
    void sharedStatisticsAreOneSetBlendedFromEveryStepsBatch() {
        Network shared = net(Norm.BATCH_SHARED, 4), perStep = net(Norm.BATCH_PER_STEP, 4);
        for (int i = 0; i < 3; i++) {
            double a = shared.forward(sequences(i, 8, 5, 2), labels(8, 3), Pass.TRAINING);
            double b = perStep.forward(sequences(i, 8, 5, 2), labels(8, 3), Pass.TRAINING);
            assertEquals(b, a, 0.0, "training normalizes with each step's batch either way");
        }
        Recurrent rnn = shared.recurrentLayer(1);
        shared.forward(sequences(9, 3, 7, 2), labels(3, 3), Pass.INFERENCE);
        BatchNorm first = (BatchNorm) rnn.norm(0);
        for (int t = 1; t < 7; t++) {
            for (int c = 0; c < 4; c++) {
                assertEquals(first.runningMean(c), ((BatchNorm) rnn.norm(t)).runningMean(c), 0.0, "step " + t);
                assertEquals(first.runningVar(c), ((BatchNorm) rnn.norm(t)).runningVar(c), 0.0, "step " + t);
            }
        }
        // with momentum 0.1 from a fresh start, one set updated by steps 0…4 of each batch in turn
        assertTrue(first.runningMean(0) != ((BatchNorm) perStep.recurrentLayer(1).norm(0)).runningMean(0));
    }

    @Test
    void layerNormsOutputPerExampleAndStepHasMeanBetaAndStdGamma() {
        NetworkSpec s = NetworkSpec.builder().hidden(6).norm(NormKind.LAYER).gamma(0.4).beta(-0.3)
                .affine(Affine.FIXED).build();
        Network net = Network.recurrent(2, 2, s, 1, MM);
        net.forward(sequences(2, 4, 5, 2), labels(4, 2), Pass.TRAINING);
        Recurrent rnn = net.recurrentLayer(1);
        for (int t = 0; t < 5; t++) {
            DMatrixRMaj y = rnn.norm(t).output();
            for (int e = 0; e < 4; e++) {
                double mean = 0, sq = 0;
                for (int c = 0; c < 6; c++) mean += y.get(e, c) / 6;
                for (int c = 0; c < 6; c++) sq += (y.get(e, c) - mean) * (y.get(e, c) - mean) / 6;
                assertEquals(-0.3, mean, 1e-6, "mean β, example " + e + " step " + t);
                // ε = 1e-5 shrinks the std by a factor √(σ²/(σ²+ε)) ≈ 1 − ε/(2σ²): within 1e-6 for σ² ≳ 2
                double var = 0, am = 0;
                DMatrixRMaj a = rnn.dense(t).output();
                for (int c = 0; c < 6; c++) am += a.get(e, c) / 6;
                for (int c = 0; c < 6; c++) var += (a.get(e, c) - am) * (a.get(e, c) - am) / 6;
                assertEquals(0.4 * Math.sqrt(var / (var + 1e-5)), Math.sqrt(sq), 1e-9, "std γ, step " + t);
                assertEquals(0.4, Math.sqrt(sq), 1e-6 + 0.4 * 1e-5 / (2 * var), "std γ, step " + t);
            }
        }
    }

    @Test
    void sitesPoolEveryTimeStepThenListEachAndGrowWithLongerSequences() {
        Network net = net(Norm.BATCH_PER_STEP, 4);
        net.forward(sequences(1, 3, 4, 2), labels(3, 3), Pass.TRAINING);
        List<SiteBuffer> sites = net.sites();
        assertEquals(4 + 4 * 4, sites.size(), "4 pooled taps, 4 taps at each of 4 steps");
        assertEquals(new Site("h1", 1, Site.ALL, Tap.LINEAR), sites.get(0).site());
        assertNull(sites.get(3).values(), "no gradient before a backward");
        net.zeroGrad();
        net.backward();
        DMatrixRMaj pooled = sites.get(3).values();
        assertEquals(3 * 4, pooled.numRows);
        // the pooled gradient holds each step's dL/da_t at its position
        DMatrixRMaj d2 = net.recurrentLayer(1).dense(2).outputGrad();
        for (int e = 0; e < 3; e++) for (int c = 0; c < 4; c++) assertEquals(d2.get(e, c), pooled.get(e * 4 + 2, c));
        assertSame(sites, net.sites(), "the same list while no new step was made");
        net.forward(sequences(2, 3, 6, 2), labels(3, 3), Pass.INFERENCE);
        assertEquals(4 + 4 * 6, net.sites().size(), "a longer sequence lists its new steps");
        assertEquals(new Site("h1", 1, 5, Tap.ACTIVATION), net.sites().get(4 + 5 * 4 + 2).site());
        assertSame(net.recurrentLayer(1), net.layer("h1"));
        assertEquals("last", net.pathOf(net.layer("last")));
        assertThrows(IllegalArgumentException.class, () -> net.layer("h2"));
        assertTrue(net.recurrent());
        assertFalse(new Network(2, 3, spec(NormKind.NONE, TimeStatistics.PER_STEP, 4), 5, MM).recurrent());
    }

    @ParameterizedTest
    @EnumSource(Norm.class)
    void aCopyTrainsNothingOfTheOriginalAndGivesTheSameOutputs(Norm n) {
        Network net = net(n, 4);
        Sgd sgd = new Sgd(0.1, 0.9);
        for (int i = 0; i < 3; i++) GradCheck.trainStep(net, sgd, sequences(i, 6, 4 + i, 2), labels(6, 3));
        Network copy = net.copy();
        Tensor x = sequences(20, 4, 9, 2);
        double a = net.forward(x, labels(4, 3), Pass.INFERENCE);
        double[] pa = java.util.Arrays.copyOf(net.probabilities().data, 4 * 3);
        assertEquals(a, copy.forward(x, labels(4, 3), Pass.INFERENCE), 0.0);
        assertArrayEquals(pa, java.util.Arrays.copyOf(copy.probabilities().data, pa.length), 0.0);
        GradCheck.trainStep(copy, new Sgd(0.1, 0.9), sequences(30, 6, 7, 2), labels(6, 3));
        assertEquals(a, net.forward(x, labels(4, 3), Pass.INFERENCE), 0.0, "training the copy left the original");
    }

    @Test
    void theNormalizerChangesLiveKeepingTheWeights() {
        Network net = net(Norm.NONE, 4);
        Recurrent rnn = net.recurrentLayer(1);
        double[] w = rnn.w.value.data.clone();
        net.setNorm(NormKind.LAYER);
        assertArrayEquals(w, rnn.w.value.data, 0.0);
        net.forward(sequences(1, 3, 4, 2), labels(3, 3), Pass.TRAINING);
        assertEquals(NormKind.LAYER, rnn.norm(3).kind());
        assertEquals(0.7, rnn.gamma.value.get(0, 2), 0.0, "the user's γ");
        net.setNorm(NormKind.BATCH);
        net.setTimeStatistics(TimeStatistics.SHARED);
        assertTrue(rnn.sharedStatistics());
        net.setBnMomentum(0.5);
        net.forward(sequences(1, 3, 4, 2), labels(3, 3), Pass.TRAINING);
        assertEquals(NormKind.BATCH, rnn.norm(0).kind());
        net.setAffine(Affine.FIXED, 0.1, 0.0);
        assertTrue(rnn.gamma.frozen);
        assertEquals(0.1, rnn.gamma.value.get(0, 0), 0.0);
        net.setNorm(NormKind.NONE);
        List<String> names = new ArrayList<>();
        for (Param p : net.parameters()) names.add(p.name);
        assertEquals(List.of("W1", "b1", "Wout", "bout"), names);
    }
}
