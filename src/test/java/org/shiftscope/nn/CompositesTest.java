package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** What composite layers and tensors promise besides their gradients: parts, sites, buffers reused safely. */
class CompositesTest {
    static final MatMul MM = new EjmlMatMul();

    static Tensor sequences(long seed, int m, int t, int c) {
        Random r = new Random(seed);
        Tensor x = new Tensor(m, t, c);
        for (int i = 0; i < x.data.length; i++) x.data[i] = r.nextGaussian();
        return x;
    }

    static Recurrent rnn(Recurrent.NormFactory norms) {
        Recurrent l = new Recurrent("h", 3, 4, ActivationKind.TANH, norms, MM);
        Random r = new Random(2);
        for (int i = 0; i < l.w.size(); i++) l.w.value.data[i] = 0.5 * r.nextGaussian();
        return l;
    }

    @Test
    void aRecurrentLayerBeyondItsTrainedLengthUsesTheLastTrainedStepsStatistics() {
        Recurrent l = rnn((g, b) -> new BatchNorm(g, b, 0.5, 1e-5));
        for (int i = 0; i < 3; i++) l.forward(sequences(i, 6, 5, 3), Pass.TRAINING);
        assertEquals(5, l.trainedSteps());
        l.forward(sequences(9, 6, 7, 3), Pass.measuring());
        assertEquals(5, l.trainedSteps(), "a pass that updates nothing trains no step");
        DMatrixRMaj h = l.forward(sequences(10, 6, 7, 3), Pass.INFERENCE);
        assertEquals(6 * 7, h.numRows);
        BatchNorm last = (BatchNorm) l.norm(4);
        for (int t = 5; t < 7; t++) {
            BatchNorm beyond = (BatchNorm) l.norm(t);
            for (int c = 0; c < 4; c++) {
                assertEquals(last.runningMean(c), beyond.runningMean(c), 0.0, "step " + t);
                assertEquals(last.runningVar(c), beyond.runningVar(c), 0.0, "step " + t);
            }
        }
        assertTrue(((BatchNorm) l.norm(3)).runningMean(0) != last.runningMean(0), "within the trained length: its own");
        assertNull(l.norm(99));
    }

    @Test
    void aRecurrentLayersSitesArePerTimeStepAndEmptyWhereTheLastPassDidNotReach() {
        Recurrent l = rnn((g, b) -> new LayerNorm(g, b, 1e-5));
        l.forward(sequences(1, 4, 5, 3), Pass.TRAINING);
        List<SiteBuffer> sites = new ArrayList<>();
        l.sites("rnn", 1, sites);
        assertEquals(5 * 4, sites.size(), "four taps at each of 5 steps");
        assertEquals(new Site("rnn", 1, 3, Tap.NORMALIZED), sites.get(3 * 4 + 1).site());
        assertSame(l.dense(2).output(), sites.get(2 * 4).values());
        assertNull(sites.get(3).values(), "no gradient before a backward");
        l.forward(sequences(2, 4, 3, 3), Pass.TRAINING);
        assertNotNull(sites.get(2 * 4).values());
        assertNull(sites.get(3 * 4).values(), "step 3 is beyond this sequence");
        assertSame(l.output(), l.forward(sequences(2, 4, 3, 3), Pass.TRAINING));
        DMatrixRMaj d = new DMatrixRMaj(4 * 3, 4);
        l.backward(d);
        assertSame(d, l.outputGrad());
        Recurrent plain = rnn(null);
        assertEquals(List.of(plain.w, plain.b), plain.parameters(), "no γ, β without a normalizer");
        assertTrue(plain.gamma.frozen);
        assertFalse(rnn((g, b) -> new LayerNorm(g, b, 1e-5)).gamma.frozen);
        assertThrows(IllegalArgumentException.class, () -> plain.forward(new DMatrixRMaj(2, 5), Pass.TRAINING));
    }

    @Test
    void aSecondBackwardThroughTimeGivesTheSameInputGradient() {
        // the carried gradient starts from zero at every backward, whatever the last one left
        Recurrent l = rnn((g, b) -> new BatchNorm(g, b, 0.1, 1e-5));
        Tensor x = sequences(4, 5, 4, 3), dOut = sequences(5, 5, 4, 4);
        l.forward(x, Pass.TRAINING);
        l.zeroGrad();
        double[] first = l.backward(dOut).data.clone();
        l.forward(sequences(6, 5, 6, 3), Pass.measuring());
        l.backward(sequences(7, 5, 6, 4));
        l.forward(x, Pass.measuring());
        assertArrayEquals(first, java.util.Arrays.copyOf(l.backward(dOut).data, first.length), 1e-12);
    }

    @Test
    void theLastPositionsGradientIsZeroElsewhereWhateverTheBufferHeld() {
        LastPosition last = new LastPosition();
        Tensor a = sequences(1, 2, 3, 2);
        DMatrixRMaj y = last.forward(a, Pass.TRAINING);
        assertEquals(1, Tensor.positionsOf(y));
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 2; c++) assertEquals(a.data[(n * 3 + 2) * 2 + c], y.get(n, c), 0.0);
        }
        last.backward(new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}}));
        last.forward(sequences(2, 2, 2, 2), Pass.TRAINING);
        DMatrixRMaj dx = last.backward(new DMatrixRMaj(new double[][] {{5, 6}, {7, 8}}));
        assertArrayEquals(new double[] {0, 0, 5, 6, 0, 0, 7, 8}, java.util.Arrays.copyOf(dx.data, 8), 0.0);
        assertEquals(2, Tensor.positionsOf(dx));
    }

    @Test
    void aSequenceNamesItsPartsAndTheirSites() {
        Dense d = new Dense("1", 3, 2, MM);
        Activation a = new Activation(ActivationKind.RELU);
        Sequential s = new Sequential(List.of(new Sequential.Part("lin", d), new Sequential.Part("act", a)));
        assertSame(d, s.part("lin"));
        assertThrows(IllegalArgumentException.class, () -> s.part("x"));
        assertThrows(IllegalArgumentException.class, () -> new Sequential(List.of()));
        s.forward(new DMatrixRMaj(4, 3), Pass.TRAINING);
        assertSame(a.output(), s.output());
        DMatrixRMaj g = new DMatrixRMaj(4, 2);
        s.backward(g);
        assertSame(g, s.outputGrad());
        List<SiteBuffer> sites = new ArrayList<>();
        s.sites("", 1, sites);
        assertEquals(List.of("lin.linear", "lin.gradient", "act.activation"),
                sites.stream().map(x -> x.site().toString()).toList());
        sites.clear();
        s.sites("blk", 2, sites);
        assertEquals("blk.lin", sites.get(0).site().path());
        assertEquals(2, sites.get(0).site().layer());
    }

    @Test
    void aTensorsShape() {
        Tensor t = new Tensor(3, 4, 5);
        assertEquals(3, t.examples());
        assertEquals(4, t.positions());
        assertEquals(5, t.channels());
        assertEquals(12, t.numRows);
        t.reshape(0, 1, 5);
        assertEquals(0, t.examples());
        assertThrows(IllegalArgumentException.class, () -> t.reshape(-1, 1, 5));
        t.reshape(2, 1, 3);
        t.setPositions(2);
        assertEquals(1, t.examples());
    }

    @Test
    void copiesFollowAChangeOfGroupsAlone() {
        NetworkSpec spec = new NetworkSpec(new int[] {6}, ActivationKind.TANH, Init.XAVIER, 1.0, NormKind.GROUP,
                Placement.BEFORE, Affine.FIXED, 1.5, 0.2, 0.1, 1e-5, 0, 2, 3, 5, 0);
        Network a = new Network(3, 2, spec, 1, MM), c = a.copy();
        a.setGroups(3);
        c.copyStateFrom(a);
        assertEquals(3, ((GroupNorm) c.normLayer(1)).groups());
        DMatrixRMaj x = sequences(3, 5, 1, 3);
        assertArrayEquals(a.forward(x, Pass.INFERENCE).data.clone(), c.forward(x, Pass.INFERENCE).data, 0.0);
        // normalizers made later keep the user's fixed γ/β and their hidden layer's names
        a.setNorm(NormKind.LAYER);
        assertTrue(a.normLayer(1).gamma.frozen);
        assertEquals(1.5, a.normLayer(1).gamma.value.data[0], 0.0);
        assertEquals("gamma1", a.normLayer(1).gamma.name);
    }

    @Test
    void aNetworkNestedInALargerLayerCanGiveItsInputGradient() {
        Network n = new Network(3, 2, new NetworkSpec(new int[] {4}, ActivationKind.TANH, Init.XAVIER, 1.0,
                NormKind.NONE, Placement.BEFORE, Affine.LEARNED, 1, 0, 0.1, 1e-5, 0, 2, 3, 5, 0), 1, MM);
        n.setNeedInputGrad(true);
        DMatrixRMaj x = sequences(1, 5, 1, 3);
        n.forward(x, new int[] {0, 1, 0, 1, 1}, true);
        n.zeroGrad();
        n.backward();
        DMatrixRMaj dx = n.block(1).dense().backward(n.block(1).dense().outputGrad());
        assertEquals(5, dx.numRows);
        assertEquals(3, dx.numCols);
        assertTrue(java.util.Arrays.stream(dx.data, 0, 15).anyMatch(v -> v != 0));
        assertEquals("h1.linear", n.pathOf(n.dense(1)));
        assertNull(n.pathOf(new Dense("x", 1, 1, MM)));
    }
}
