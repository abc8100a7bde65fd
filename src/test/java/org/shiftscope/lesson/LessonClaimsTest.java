package org.shiftscope.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.shiftscope.nn.Network;
import org.shiftscope.nn.Tap;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.stats.TapStats;
import org.shiftscope.train.Session;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioIO;

/**
 * Each lesson's claim must show up when its scenario runs: every lesson is trained headless for its scenario's
 * (bounded) number of steps and its claim is checked on the statistics it produced.
 */
class LessonClaimsTest {

    /** A finished run of a scenario: every snapshot, and the session for final checks. */
    record Result(Session session, List<Snapshot> snapshots) {
        List<Snapshot> of(String run) {
            return snapshots.stream().filter(s -> s.run().equals(run)).toList();
        }

        /** last test accuracy of a run */
        double accuracy(String run) {
            List<Snapshot> l = of(run).stream().filter(Snapshot::hasTestAccuracy).toList();
            return l.get(l.size() - 1).testAccuracy();
        }

        /** mean training loss over the last 10% of a run's steps */
        double tailLoss(String run) {
            List<Snapshot> l = of(run);
            return l.subList(l.size() * 9 / 10, l.size()).stream().mapToDouble(Snapshot::loss).average().orElseThrow();
        }

        /** a statistic of one tap over the run */
        double[] series(String run, int layer, Tap tap, ToDoubleFunction<TapStats> f) {
            return of(run).stream().map(s -> s.tap(layer, tap)).filter(t -> t != null).mapToDouble(f).toArray();
        }
    }

    static Result run(Scenario sc) {
        Session s = Session.create(sc);
        List<Snapshot> snaps = new ArrayList<>();
        s.setListener(snaps::add);
        while (s.stepCount() < sc.training().steps()) s.step();
        return new Result(s, snaps);
    }

    static Result run(int lesson, String... overrides) {
        Scenario sc = ScenarioIO.preset(Lessons.get(lesson).scenario());
        sc = ScenarioIO.withOverride(sc, "training.stats_every", "10");
        for (String kv : overrides) {
            int eq = kv.indexOf('=');
            sc = ScenarioIO.withOverride(sc, kv.substring(0, eq), kv.substring(eq + 1));
        }
        return run(sc);
    }

    static double range(double[] v) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        return hi - lo;
    }

    @Test
    void everyLessonHasItsScenarioAndWords() {
        assertEquals(9, Lessons.all().size());
        for (Lesson l : Lessons.all()) {
            Scenario sc = ScenarioIO.preset(l.scenario());
            assertTrue(sc.training().steps() <= 3000, l.title() + ": bounded");
            for (String text : List.of(l.title(), l.look(), l.move(), l.expect(), l.why(), l.actionLabel())) {
                assertFalse(text.isBlank(), l.title());
            }
            ScenarioIO.withOverride(sc, l.actionKey(), l.actionValue()); // the suggested change is a valid setting
        }
    }

    @Test
    void lesson1PlainTwinsMedianDriftsMoreThanTheBnTwins() {
        Result r = run(1);
        double plain = range(r.series("plain", 3, Tap.LINEAR, TapStats::p50));
        double bn = range(r.series("bn", 3, Tap.NORMALIZED, TapStats::p50));
        assertTrue(plain > 2 * bn, "plain layer-3 median moved " + plain + ", BN twin's " + bn);
    }

    @Test
    void lesson2FixedGammaBetaGiveMeanBetaStdGamma() {
        Result r = run(2);
        for (int layer = 1; layer <= 3; layer++) {
            for (double m : r.series("main", layer, Tap.NORMALIZED, TapStats::mean)) assertEquals(0.5, m, 1e-9);
            for (double s : r.series("main", layer, Tap.NORMALIZED, TapStats::std)) assertEquals(2.0, s, 1e-3);
        }
    }

    @Test
    void lesson3BnTwinTrainsAtALearningRateWhereThePlainTwinStalls() {
        Result r = run(3);
        assertTrue(r.tailLoss("bn") < r.tailLoss("plain") - 0.2,
                "loss bn " + r.tailLoss("bn") + " vs plain " + r.tailLoss("plain"));
        assertTrue(r.accuracy("bn") > r.accuracy("plain") + 0.15);
    }

    @Test
    void lesson4LargeInitialWeightsRuinOnlyThePlainTwin() {
        Result r = run(4);
        assertTrue(r.accuracy("bn") > r.accuracy("plain") + 0.2,
                "accuracy bn " + r.accuracy("bn") + " vs plain " + r.accuracy("plain"));
        double[] sat = r.series("plain", 2, Tap.ACTIVATION, TapStats::saturation);
        assertTrue(sat[sat.length - 1] > 0.8, "the plain twin's sigmoids are saturated: " + sat[sat.length - 1]);
    }

    @Test
    void lesson5OnlyTheBnTwinTrainsTenLayers() {
        Result r = run(5);
        assertTrue(r.accuracy("bn") > r.accuracy("plain") + 0.25,
                "accuracy bn " + r.accuracy("bn") + " vs plain " + r.accuracy("plain"));
        assertTrue(r.accuracy("plain") < 0.6, "plain stays near chance: " + r.accuracy("plain"));
    }

    @Test
    void lesson6BnBeforeTheSigmoidSaturatesItLessThanAfter() {
        double before = tailMean(run(6).series("main", 2, Tap.ACTIVATION, TapStats::saturation));
        double after = tailMean(run(6, "network.bn_placement=after").series("main", 2, Tap.ACTIVATION,
                TapStats::saturation));
        assertTrue(before < after - 0.3, "saturation before " + before + ", after " + after);
    }

    @Test
    void lesson7StaleRunningAveragesSpoilOnlyInference() {
        Result live = run(7), frozen = run(7, "network.bn_momentum=0");
        assertEquals(live.tailLoss("main"), frozen.tailLoss("main"), 1e-12, "training itself is the same");
        assertTrue(live.accuracy("main") > frozen.accuracy("main") + 0.2,
                "inference accuracy " + live.accuracy("main") + " vs frozen " + frozen.accuracy("main"));
    }

    @Test
    void lesson8TinyBatchesHurtBatchNorm() {
        Result tiny = run(8), big = run(8, "training.batch_size=64");
        assertTrue(big.accuracy("main") > tiny.accuracy("main") + 0.15,
                "accuracy batch 64 " + big.accuracy("main") + " vs batch 2 " + tiny.accuracy("main"));
        // two examples per batch: every unit normalizes to −1 and +1 before gamma/beta (a hair less than 1 when the
        // two values are within a few √ε of each other)
        tiny.session().step(); // one more training step (not an evaluation step): a training-mode forward
        DMatrixRMaj xhat = tiny.session().runs().get(0).net.batchNormLayer(1).normalizedBeforeAffine();
        assertEquals(2, xhat.numRows);
        int near = 0;
        for (int u = 0; u < 32; u++) {
            assertEquals(0.0, xhat.get(0, u) + xhat.get(1, u), 1e-12, "the two values are mirror images");
            assertTrue(Math.abs(xhat.get(0, u)) <= 1.0);
            if (Math.abs(xhat.get(0, u)) > 0.95) near++;
        }
        assertTrue(near >= 28, near + " of 32 units at ±1");
    }

    @Test
    void lesson9AnExampleDependsOnItsBatchMatesOnlyWithBn() {
        Result r = run(9, "training.steps=300");
        Network bn = r.session().runs().get(0).net, plain = r.session().runs().get(1).net;
        assertTrue(bn.batchNorm());
        java.util.Random rnd = new java.util.Random(3);
        DMatrixRMaj a = new DMatrixRMaj(8, 2), b = new DMatrixRMaj(8, 2);
        for (int i = 0; i < 16; i++) {
            a.data[i] = rnd.nextGaussian() * 0.5;
            b.data[i] = rnd.nextGaussian() * 0.5;
        }
        b.data[0] = a.data[0];
        b.data[1] = a.data[1]; // row 0 is the same example in both batches
        int[] y = new int[8];
        assertNotEquals(firstProbability(bn, a, y), firstProbability(bn, b, y), "BN: batch-mates matter");
        assertEquals(firstProbability(plain, a, y), firstProbability(plain, b, y), 1e-15, "plain: they do not");
    }

    private static double firstProbability(Network net, DMatrixRMaj x, int[] y) {
        net.forward(x, y, true);
        return net.probabilities().get(0, 0);
    }

    private static double tailMean(double[] v) {
        double s = 0;
        int from = v.length * 4 / 5;
        for (int i = from; i < v.length; i++) s += v[i];
        return s / (v.length - from);
    }
}
