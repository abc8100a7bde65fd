package org.shiftscope.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shiftscope.nn.Tap;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.stats.TapStats;

/** The "what you just saw" text: hand-made checkpoints with known values give exactly known words. */
class LessonReportTest {

    private static TapStats stats(int layer, Tap tap, double mean, double std, double p15, double p50, double p85,
                                  double sat) {
        return new TapStats(layer, tap, mean, std, p15 - 1, p15, p50, p85, p85 + 1, sat, p15 - 1, p85 + 1,
                new int[] {1, 2, 1});
    }

    private static Snapshot cp(String run, long step, double loss, double acc, boolean bn, List<TapStats> taps) {
        return new Snapshot(run, step, loss, 0.5, acc, 0.1, 60, bn, -1, taps);
    }

    /** a compare run: bn and plain twins, checkpoints every 200 steps up to 1,200 */
    private static List<Snapshot> twins() {
        double[] bnAcc = {0.50, 0.7, 0.8975, 0.9, 0.93, 0.9375};
        double[] plainAcc = {0.5, 0.52, 0.55, 0.6, 0.61, 0.6049};
        double[] bnLoss = {0.7, 0.6, 0.5, 0.4, 0.3, 0.2};
        double[] plainLoss = {0.69, 0.68, 0.67, 0.66, 0.65, 0.64};
        List<Snapshot> l = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long step = 200L * (i + 1);
            l.add(cp("bn", step, bnLoss[i], bnAcc[i], true, List.of(
                    stats(3, Tap.LINEAR, 1, 2, -1.5, 0.25, 2, Double.NaN),
                    stats(3, Tap.NORMALIZED, 0.01, 1, -1, -0.1 * i, 1, Double.NaN),
                    stats(3, Tap.ACTIVATION, 0.5, 0.2, 0.3, 0.5, 0.7, 0.0125 * i))));
            l.add(cp("plain", step, plainLoss[i], plainAcc[i], false, List.of(
                    stats(3, Tap.LINEAR, -1, 3, -5, -0.5 * i - 0.004, 4, Double.NaN),
                    stats(3, Tap.ACTIVATION, 0.4, 0.3, 0.1, 0.4, 0.9, 0.5))));
        }
        return l;
    }

    @Test
    void accuraciesStepsAndReachPhrases() {
        String t = "At step {end} (first checkpoint {first}) the BN twin was at {bn.acc} (best {bn.best}) and the plain "
                + "twin at {plain.acc}, {plain.acc@first} at first. The BN twin {bn.reach:90}; the plain twin "
                + "{plain.reach:90}.";
        assertEquals("At step 1,200 (first checkpoint 200) the BN twin was at 94% (best 94%) and the plain twin at "
                + "60%, 50% at first. The BN twin reached 90% at step 800; the plain twin had not reached 90% by step "
                + "1,200.", LessonReport.fill(t, twins()));
        // 0.8975 rounds to 90% but is below 90%: reach compares the unrounded accuracy
        assertEquals("reached 89.5% at step 600", LessonReport.fill("{bn.reach:89.5}", twins()));
    }

    @Test
    void lossIsTheMeanOfTheLastFiveCheckpoints() {
        // bn: (0.6 + 0.5 + 0.4 + 0.3 + 0.2) / 5 = 0.4; plain: (0.68+0.67+0.66+0.65+0.64)/5 = 0.66; first five
        assertEquals("0.40 0.66 0.50 0.67", LessonReport.fill("{bn.loss} {plain.loss} {bn.loss@first} "
                + "{plain.loss@first}", twins()));
        List<Snapshot> two = List.of(cp("main", 100, 0.05, 0.9, true, List.of()),
                cp("main", 200, 0.02, 0.9, true, List.of()));
        assertEquals("0.035", LessonReport.fill("{main.loss}", two), "fewer than five: all of them, 3 decimals");
    }

    @Test
    void tapStatisticsAtTheLastOrFirstCheckpoint() {
        // the last checkpoint: bn p50 −0.5; plain −2.504
        assertEquals("−0.50 → −2.50", LessonReport.fill("{bn.p50:3:normalized} → {plain.p50:3:linear}", twins()));
        assertEquals("0.00 −0.004", LessonReport.fill("{bn.p50:3:normalized@first} {plain.p50:3:linear@first}",
                twins()), "−0 reads 0.00; small numbers get three decimals");
        assertEquals("−2.50", LessonReport.fill("{plain.p50:3:normalized}", twins()),
                "a plain twin's 'after BN' is its W·x+b, as in the charts");
        assertEquals("−1.50 2.00 0.25 1.00 2.00", LessonReport.fill(
                "{bn.p15:3:linear} {bn.p85:3:linear} {bn.p50:3:linear} {bn.mean:3:linear} {bn.std:3:linear}",
                twins()));
        assertEquals("6% 0% 50%", LessonReport.fill("{bn.sat:3} {bn.sat:3@first} {plain.sat:3}", twins()));
    }

    @Test
    void theGradientTapReadsItsRawValues() {
        // dL/d(W·x+b) of layer 2: raw values with their log₁₀|g| statistics beside them (not what is read)
        TapStats log = stats(2, Tap.GRADIENT, -3, 0.5, -3.5, -3, -2.5, 0.1);
        TapStats g = new TapStats(org.shiftscope.nn.Site.of(2, Tap.GRADIENT), 0.0042, 0.031, -0.1, -0.012,
                0.0051, 0.015, 0.1, Double.NaN, -0.1, 0.1, new int[] {1, 2, 1}, 0, 0, log);
        List<Snapshot> l = List.of(cp("main", 100, 0.5, 0.9, true, List.of(g)),
                cp("plain", 100, 0.5, 0.9, false, List.of()));
        assertEquals("0.004 0.031 −0.012 0.005 0.015", LessonReport.fill("{main.mean:2:gradient} "
                + "{main.std:2:gradient} {main.p15:2:gradient} {main.p50:2:gradient} {main.p85:2:gradient}", l));
        assertEquals("— —", LessonReport.fill("{main.p50:1:gradient} {plain.p50:2:gradient}", l),
                "a layer or a step without gradients: a dash (the gradient has nothing to fall back to)");
        LessonReport.check("{bn.p50:3:gradient@first}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LessonReport.check("{bn.p50:3:grad}"));
        assertEquals("summary placeholder {bn.p50:3:grad}: unknown tap 'grad': one of linear, normalized, "
                + "activation, gradient", e.getMessage());
    }

    @Test
    void missingRunsAndStatisticsReadAsADash() {
        assertEquals("— — —", LessonReport.fill("{main.acc} {bn.p50:2:linear} {plain.sat:1}", twins()));
        assertEquals("— —", LessonReport.fill("{end} {bn.acc}", List.of()));
    }

    @Test
    void snapshotsWithoutTestAccuracyAreIgnored() {
        List<Snapshot> l = new ArrayList<>(twins());
        l.add(cp("bn", 1300, 9.0, Double.NaN, true, List.of()));
        assertEquals("1,200 94% 0.40", LessonReport.fill("{end} {bn.acc} {bn.loss}", l));
    }

    @Test
    void formatsAreForPeople() {
        assertEquals("1,234,567", LessonReport.steps(1_234_567));
        assertEquals("7", LessonReport.steps(7));
        assertEquals("94%", LessonReport.percent(0.9375));
        assertEquals("100%", LessonReport.percent(1.0));
        assertEquals("0%", LessonReport.percent(0.004));
        assertEquals("—", LessonReport.percent(Double.NaN));
        assertEquals("0.31", LessonReport.number(0.3125));
        assertEquals("0.13", LessonReport.number(0.125), "half-up");
        assertEquals("−3.80", LessonReport.number(-3.8));
        assertEquals("0.00", LessonReport.number(-0.001 * 0.001));
        assertEquals("0.094", LessonReport.number(0.0936));
        assertEquals("12.00", LessonReport.number(11.999));
    }

    @Test
    void templatesAreChecked() {
        LessonReport.check("no placeholders at all");
        LessonReport.check("{end} {first} {main.acc} {bn.best} {plain.reach:90} {bn.loss@first} {bn.sat:2@first} "
                + "{plain.p85:10:activation} {bn.mean:1:normalized@first} {noisy-bn.acc} {layer.reach:90}");
        for (String bad : List.of("{steps}", "{Twin.acc}", "{-bn.acc}", "{bn.accuracy}", "{bn.reach}", "{bn.reach:0}",
                "{bn.reach:101}", "{bn.sat}", "{bn.sat:0}", "{bn.p50:3}", "{bn.p50:3:after}", "{bn.best@first}",
                "{bn.reach:90@first}", "{bn.acc:3}", "an { unbalanced", "{bn.sat:x}")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LessonReport.check(bad),
                    bad);
            assertTrue(e.getMessage().contains("{") || e.getMessage().contains("unbalanced"), e.getMessage());
        }
    }
}
