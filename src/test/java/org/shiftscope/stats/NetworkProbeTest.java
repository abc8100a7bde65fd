package org.shiftscope.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.shiftscope.nn.ActivationKind;
import org.shiftscope.nn.Affine;
import org.shiftscope.nn.EjmlMatMul;
import org.shiftscope.nn.Init;
import org.shiftscope.nn.Network;
import org.shiftscope.nn.Placement;
import org.shiftscope.nn.Tap;

/** Every listed hidden layer's tap is measured from that layer's own output; snapshots and records. */
class NetworkProbeTest {

    static Network net(boolean bn) {
        return new Network(3, new int[] {6, 5}, 2, ActivationKind.SIGMOID, Init.NORMAL, 1.0, 4, new EjmlMatMul(), bn,
                Placement.BEFORE, Affine.LEARNED, 1.0, 0.0, 0.1, 1e-5);
    }

    static double mean(DMatrixRMaj m) {
        double s = 0;
        for (int i = 0; i < m.getNumElements(); i++) s += m.data[i];
        return s / m.getNumElements();
    }

    @Test
    void measuresEachListedLayerIntoItsOwnProbe() {
        Random r = new Random(1);
        DMatrixRMaj x = new DMatrixRMaj(7, 3);
        for (int i = 0; i < x.data.length; i++) x.data[i] = r.nextGaussian();
        int[] y = {0, 1, 0, 1, 1, 0, 1};
        for (boolean bn : new boolean[] {true, false}) {
            Network n = net(bn);
            n.forward(x, y, true);
            NetworkProbe probe = new NetworkProbe(2, 10);
            probe.measure(n);
            List<TapStats> snap = probe.snapshot();
            List<String> order = new ArrayList<>();
            for (TapStats t : snap) order.add(t.layer() + " " + t.tap());
            assertEquals(bn ? List.of("1 LINEAR", "1 NORMALIZED", "1 ACTIVATION", "2 LINEAR", "2 NORMALIZED",
                    "2 ACTIVATION") : List.of("1 LINEAR", "1 ACTIVATION", "2 LINEAR", "2 ACTIVATION"), order);
            for (int h = 1; h <= 2; h++) {
                for (Tap tap : Tap.values()) {
                    TapProbe p = probe.probe(h, tap);
                    assertEquals(h, p.layer);
                    assertSame(tap, p.tap);
                }
                assertEquals(mean(n.dense(h).output()), probe.probe(h, Tap.LINEAR).mean(), 1e-12);
            }
            assertEquals(10, snap.get(0).counts().length);
            assertEquals(7 * 6, snap.get(0).total(), "batch × units of layer 1");
            // sigmoid outputs: the activation tap's mean is that of the layer's activation, in (0, 1)
            TapStats act2 = snap.get(snap.size() - 1);
            assertEquals(Tap.ACTIVATION, act2.tap());
            assertTrue(act2.mean() > 0 && act2.mean() < 1);
            assertEquals(7 * 5, act2.total());
            assertFalse(Double.isNaN(act2.saturation()));
        }
    }

    @Test
    void aTapThatDisappearsIsNotReportedAgain() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2, 3}, {0, -1, 2}, {4, 0, 1}});
        int[] y = {0, 1, 1};
        Network n = net(true);
        NetworkProbe probe = new NetworkProbe(2, 10);
        n.forward(x, y, true);
        probe.measure(n);
        assertEquals(6, probe.snapshot().size());
        n.setBatchNorm(false);
        n.forward(x, y, true);
        probe.measure(n);
        for (TapStats t : probe.snapshot()) assertTrue(t.tap() != Tap.NORMALIZED, "BN is off now");
        assertEquals(4, probe.snapshot().size());
        assertThrows(UnsupportedOperationException.class, () -> probe.snapshot().add(null), "immutable");
    }

    @Test
    void gradientsAfterBackwardAndOnlyTheTapsAskedFor() {
        Random r = new Random(2);
        DMatrixRMaj x = new DMatrixRMaj(5, 3);
        for (int i = 0; i < x.data.length; i++) x.data[i] = r.nextGaussian();
        int[] y = {0, 1, 1, 0, 1};
        Network n = net(true);
        NetworkProbe probe = new NetworkProbe(2, 10);
        n.forward(x, y, true);
        n.zeroGrad();
        n.backward();
        probe.measure(n);
        List<String> order = new ArrayList<>();
        for (TapStats t : probe.snapshot()) order.add(t.layer() + " " + t.tap());
        assertEquals(List.of("1 LINEAR", "1 NORMALIZED", "1 ACTIVATION", "1 GRADIENT", "2 LINEAR", "2 NORMALIZED",
                "2 ACTIVATION", "2 GRADIENT"), order);
        TapStats g1 = probe.snapshot().get(3);
        assertEquals(mean(n.dense(1).outputGrad()), g1.mean(), 1e-15);
        assertEquals(5 * 6, g1.total());
        assertTrue(g1.magnitude() != null && g1.magnitude().mean() < 0, "log₁₀|g| of small gradients is negative");
        probe.measureOnly(java.util.EnumSet.of(Tap.LINEAR, Tap.ACTIVATION));
        probe.measure(n);
        order.clear();
        for (TapStats t : probe.snapshot()) order.add(t.layer() + " " + t.tap());
        assertEquals(List.of("1 LINEAR", "1 ACTIVATION", "2 LINEAR", "2 ACTIVATION"), order);
    }

    @Test
    void snapshotRecordHelpers() {
        TapStats l1 = HistoryTest.stats(1, Tap.LINEAR, 0), a2 = HistoryTest.stats(2, Tap.ACTIVATION, 1);
        Snapshot s = new Snapshot("main", 5, 0.1, 0.5, Double.NaN, 0.1, 8, false, -1, List.of(l1, a2));
        assertFalse(s.diverged());
        assertFalse(s.hasTestAccuracy());
        assertSame(l1, s.tap(1, Tap.LINEAR));
        assertSame(a2, s.tap(2, Tap.ACTIVATION));
        assertNull(s.tap(1, Tap.ACTIVATION));
        assertNull(s.tap(2, Tap.LINEAR));
        Snapshot d = new Snapshot("main", 5, Double.NaN, 0, 0.0, 0.1, 8, false, 0, List.of());
        assertTrue(d.diverged(), "divergedAt ≥ 0 means diverged, step 0 included");
        assertTrue(d.hasTestAccuracy(), "an accuracy of 0 is still an accuracy");
    }

    @Test
    void tapStatsBinWidthAndTotal() {
        TapStats t = new TapStats(1, Tap.LINEAR, 0, 1, -2, -1, 0, 1, 2, Double.NaN, -2, 3, new int[] {4, 0, 6, 1, 2});
        assertEquals(1.0, t.binWidth(), 1e-15);
        assertEquals(13, t.total());
        TapStats narrow = new TapStats(1, Tap.LINEAR, 0, 1, -2, -1, 0, 1, 2, Double.NaN, 0.5, 1.5, new int[] {1, 1});
        assertEquals(0.5, narrow.binWidth(), 1e-15);
    }
}
