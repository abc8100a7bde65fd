package org.shiftscope.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shiftscope.nn.Network;
import org.shiftscope.nn.Placement;
import org.shiftscope.nn.Tap;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.stats.TapStats;
import org.shiftscope.train.Session;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioIO;

/**
 * Each lesson's claim must hold for as long as a class watches: every lesson's scenario is trained headless up to
 * its end step, and the claim its card makes is checked at every evaluation checkpoint from the lesson's
 * {@link Lesson#from() from} step to its end step, on the seeds in the system property
 * {@value #SEEDS_PROPERTY} (default "1,2"; {@code mvn -B verify -Plessons-all} runs 1–20). The first launch's
 * card ({@link Lessons#welcome()}, on the {@code welcome} preset) is checked the same way over its two minutes.
 *
 * <p>A claim is a list of requirements; each has a margin in its own units, positive when it holds (e.g. "BN
 * accuracy − plain accuracy − 0.25"). A checkpoint's margin is the smallest of them. A failure names the lesson,
 * the seed, the step, the margin and every requirement's value there. Each case prints its margin at the end step
 * and its smallest margin.
 *
 * <p>Statistics are measured every {@value #STATS_EVERY} steps here (the window measures every step), which
 * divides every lesson's {@code eval_every}, so each checkpoint carries both test accuracy and tap statistics.
 */
class LessonClaimsTest {
    /** the seeds to check, comma-separated */
    static final String SEEDS_PROPERTY = "shiftscope.lessonSeeds";
    /** optional: only these lessons (comma-separated numbers, 0 = the welcome preset), for working on one */
    static final String ONLY_PROPERTY = "shiftscope.lessons";
    /** "true": print every checkpoint's requirements (for working on a lesson) */
    static final String VERBOSE_PROPERTY = "shiftscope.claimsVerbose";
    /** statistics every this many steps in the test */
    static final int STATS_EVERY = 10;

    // ---------------------------------------------------------------- the cases

    static List<Long> seeds() {
        return Arrays.stream(System.getProperty(SEEDS_PROPERTY, "1,2").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).map(Long::parseLong).toList();
    }

    static boolean wanted(int lesson) {
        String only = System.getProperty(ONLY_PROPERTY, "").trim();
        return only.isEmpty() || Arrays.stream(only.split(",")).map(String::trim).anyMatch(s -> s.equals("" + lesson));
    }

    static Stream<Arguments> cases() {
        List<Arguments> l = new ArrayList<>();
        for (Lesson lesson : Lessons.all()) {
            for (long seed : seeds()) l.add(Arguments.of(lesson.number(), seed));
        }
        return l.stream();
    }

    static Stream<Arguments> welcomeSeeds() {
        return seeds().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "lesson {0}, seed {1}")
    @MethodSource("cases")
    void theClaimHoldsAtEveryCheckpointUpToTheEndStep(int number, long seed) {
        assumeTrue(wanted(number), "left out by " + ONLY_PROPERTY);
        Lesson lesson = Lessons.get(number);
        Claim claim = switch (number) {
            case 1 -> this::lesson1;
            case 2 -> this::lesson2;
            case 3 -> this::lesson3;
            case 4 -> this::lesson4;
            case 5 -> this::lesson5;
            case 6 -> this::lesson6;
            case 7 -> this::lesson7;
            case 8 -> this::lesson8;
            case 9 -> this::lesson9;
            case 10 -> this::lesson10;
            default -> throw new IllegalStateException("no claim for lesson " + number);
        };
        Scenario sc = scenario(lesson.scenario(), seed);
        Verdicts v = claim.check(lesson, sc);
        v.assertHolds("lesson " + number + " (" + lesson.title() + ")", seed, lesson.from(), sc.training().steps(),
                sc.training().evalEvery());
    }

    @ParameterizedTest(name = "welcome, seed {0}")
    @MethodSource("welcomeSeeds")
    void theWelcomeBnTwinIsVisiblyBetterWithin20SecondsAndStaysBetterFor2Minutes(long seed) {
        assumeTrue(wanted(0), "left out by " + ONLY_PROPERTY);
        Lesson welcome = Lessons.welcome();
        Scenario sc = scenario(welcome.scenario(), seed);
        double pace = sc.training().speed();
        long from = welcome.from(), until = sc.training().steps();
        assertTrue(sc.compare(), "the first launch compares twins");
        assertTrue(pace >= 150 && pace <= 300, "paced at 150–300 steps/s: " + pace);
        assertEquals(20 * pace, from, 1e-9, "the card's \"within about 20 seconds\"");
        assertEquals(120 * pace, until, 1e-9, "the card's two minutes of watching, to the end step");
        Result r = train(sc, until);
        Verdicts v = new Verdicts();
        for (long step : r.checkpointSteps()) {
            Check c = v.at(step);
            double bn = r.acc("bn", step), plain = r.acc("plain", step);
            c.need(f("blue's test accuracy %.3f ≥ orange's %.3f + 0.1", bn, plain), bn - plain - 0.1);
            double bl = r.loss("bn", step), pl = r.loss("plain", step);
            c.need(f("blue's loss %.3f ≤ orange's %.3f − 0.1", bl, pl), pl - bl - 0.1);
            c.need(f("orange %.3f ≤ 0.75", plain), 0.75 - plain);
            c.summary(welcome, r);
        }
        v.assertHolds("welcome", seed, from, until, sc.training().evalEvery());
    }

    // ---------------------------------------------------------------- the claims, one per lesson

    /** A lesson's claim on one seed: a verdict at every checkpoint. */
    interface Claim {
        Verdicts check(Lesson lesson, Scenario sc);
    }

    /**
     * Orange's layer-3 sigmoid input (its W·x+b) slides away from where it started and keeps sliding; blue's (after
     * BN) stays near where it started: orange's median moves at least three times as far.
     */
    Verdicts lesson1(Lesson lesson, Scenario sc) {
        Result r = train(sc);
        double plain0 = r.start("plain").tap(3, Tap.LINEAR).p50(), bn0 = r.start("bn").tap(3, Tap.NORMALIZED).p50();
        Verdicts v = new Verdicts();
        long every = sc.training().evalEvery();
        for (long step : r.checkpointSteps()) {
            Check c = v.at(step);
            double plain = r.tap("plain", step, 3, Tap.LINEAR).p50(), bn = r.tap("bn", step, 3, Tap.NORMALIZED).p50();
            double dp = plain0 - plain, db = Math.abs(bn - bn0);
            c.need(f("orange's median moved down %.2f (from %.2f to %.2f) ≥ 1/3", dp, plain0, plain), dp - 1.0 / 3);
            c.need(f("orange's move %.2f ≥ 3 × blue's %.2f", dp, db), dp - 3 * db);
            c.need(f("blue's median %.2f within 0.5 of 0", bn), 0.5 - Math.abs(bn));
            if (step > 10 * every) {
                double earlier = r.tap("plain", step - 10 * every, 3, Tap.LINEAR).p50();
                c.need(f("orange's median %.2f below its value 10 checkpoints earlier %.2f", plain, earlier),
                        earlier - plain);
            }
            double pa = r.acc("plain", step);
            c.need(f("orange's test accuracy %.3f ≤ 0.7", pa), 0.7 - pa);
            c.summary(lesson, r);
        }
        return v;
    }

    /** After BN every unit has mean β and standard deviation γ, whatever W·x+b does (its spread keeps growing). */
    Verdicts lesson2(Lesson lesson, Scenario sc) {
        Result r = train(sc);
        double beta = sc.network().beta(), gamma = sc.network().gamma();
        double lin0 = r.start("main").tap(2, Tap.LINEAR).std();
        Verdicts v = new Verdicts();
        long prev = 0;
        for (long step : r.checkpointSteps()) {
            Check c = v.at(step);
            double worstMean = 0, worstStd = 0;
            for (Snapshot s : r.of("main")) { // every statistics step since the previous checkpoint
                if (s.step() <= prev || s.step() > step || s.taps().isEmpty()) continue;
                for (int layer = 1; layer <= 3; layer++) {
                    TapStats t = s.tap(layer, Tap.NORMALIZED);
                    worstMean = Math.max(worstMean, Math.abs(t.mean() - beta));
                    worstStd = Math.max(worstStd, Math.abs(t.std() - gamma));
                }
            }
            c.need(f("after BN |mean − β| = %.1e ≤ 1e-9", worstMean), 1 - worstMean / 1e-9);
            c.need(f("after BN |std − γ| = %.1e ≤ 1e-3", worstStd), 1 - worstStd / 1e-3);
            double lin = r.tap("main", step, 2, Tap.LINEAR).std();
            c.need(f("layer-2 W·x+b spread %.2f ≥ 1.5 × its start %.2f", lin, lin0), lin / lin0 - 1.5);
            c.summary(lesson, r);
            prev = step;
        }
        return v;
    }

    /** At a learning rate of 1.2 the BN twin learns and the plain twin stays far behind, its sigmoids stuck. */
    Verdicts lesson3(Lesson lesson, Scenario sc) {
        Result r = train(sc);
        Verdicts v = new Verdicts();
        for (long step : r.checkpointSteps()) {
            Check c = v.at(step);
            double bn = r.acc("bn", step), plain = r.acc("plain", step);
            c.need(f("blue %.3f ≥ orange %.3f + 0.1", bn, plain), bn - plain - 0.1);
            double bl = r.loss("bn", step), pl = r.loss("plain", step);
            c.need(f("orange's loss %.3f ≥ 0.6 (guessing: 0.69)", pl), pl - 0.6);
            double sat = r.tap("plain", step, 3, Tap.ACTIVATION).saturation();
            c.need(f("orange's layer-3 saturation %.3f ≥ 0.9", sat), sat - 0.9);
            double pm = r.tap("plain", step, 3, Tap.LINEAR).p50(), bm = r.tap("bn", step, 3, Tap.NORMALIZED).p50();
            c.need(f("orange's layer-3 median %.1f ≤ −7", pm), -7 - pm);
            c.need(f("|orange's median| %.1f ≥ 2 × |blue's| %.1f", Math.abs(pm), Math.abs(bm)),
                    Math.abs(pm) - 2 * Math.abs(bm));
            c.summary(lesson, r);
        }
        return v;
    }

    /**
     * Weights 20× too large: the plain twin's sigmoids (layer 2 on) sit at 0 or 1 and it stays behind; the BN twin's
     * mostly work in their middle range.
     */
    Verdicts lesson4(Lesson lesson, Scenario sc) {
        Result r = train(sc);
        int depth = sc.network().hidden().length;
        Verdicts v = new Verdicts();
        for (long step : r.checkpointSteps()) {
            Check c = v.at(step);
            double bn = r.acc("bn", step), plain = r.acc("plain", step);
            c.need(f("blue %.3f > orange %.3f", bn, plain), bn - plain);
            c.need(f("orange %.3f ≤ 0.7", plain), 0.7 - plain);
            double plainMin = 1, bnMax = 0;
            for (int layer = 2; layer <= depth; layer++) {
                plainMin = Math.min(plainMin, r.tap("plain", step, layer, Tap.ACTIVATION).saturation());
            }
            for (int layer = 1; layer <= depth; layer++) {
                bnMax = Math.max(bnMax, r.tap("bn", step, layer, Tap.ACTIVATION).saturation());
            }
            c.need(f("orange's saturation ≥ 0.85 in layers 2–%d (least %.3f)", depth, plainMin), plainMin - 0.85);
            c.need(f("blue's saturation ≤ 0.3 in every layer (most %.3f)", bnMax), 0.3 - bnMax);
            c.summary(lesson, r);
        }
        return v;
    }

    /**
     * Ten sigmoid layers: only the BN twin learns. The plain twin's first layer is frozen (no learning signal
     * reaches it) and its deepest layer sees nearly the same value for every example; with three layers (the
     * suggested change) the signal reaches its first layer again.
     */
    Verdicts lesson5(Lesson lesson, Scenario sc) {
        Result r = train(sc);
        int deepest = sc.network().hidden().length;
        long every = sc.training().evalEvery();
        TapStats p1 = r.start("plain").tap(1, Tap.LINEAR);
        double pw1 = p1.p85() - p1.p15();
        Verdicts v = new Verdicts();
        for (long step : r.checkpointSteps()) {
            Check c = v.at(step);
            double bn = r.acc("bn", step), plain = r.acc("plain", step);
            c.need(f("blue %.3f ≥ orange %.3f + 0.1", bn, plain), bn - plain - 0.1);
            c.need(f("orange %.3f ≤ 0.6", plain), 0.6 - plain);
            double bl = r.loss("bn", step), pl = r.loss("plain", step);
            c.need(f("orange's loss %.3f ≥ 0.65 (guessing: 0.69)", pl), pl - 0.65);
            c.need(f("blue's loss %.3f < orange's %.3f", bl, pl), pl - bl);
            TapStats p = r.tap("plain", step, deepest, Tap.LINEAR), b = r.tap("bn", step, deepest, Tap.NORMALIZED);
            double pw = p.p85() - p.p15(), bw = b.p85() - b.p15();
            c.need(f("orange's layer-%d band %.3f ≤ blue's %.3f / 5", deepest, pw, bw), bw / 5 - pw);
            double[] band = r.band("plain", step, 1, Tap.LINEAR), band0 = r.band("plain", every, 1, Tap.LINEAR);
            double moved = Math.max(Math.abs(band[0] - band0[0]), Math.abs(band[1] - band0[1]));
            c.need(f("orange's layer-1 band frozen: moved %.3f since the first checkpoint ≤ 0.03", moved),
                    0.03 - moved);
            c.summary(lesson, r);
        }
        // the suggested change: three layers (a new pair of twins)
        Scenario three = ScenarioIO.withOverride(sc, lesson.actionKey(), lesson.actionValue());
        Result t = train(three);
        Verdicts action = new Verdicts();
        long widened = 25 * (long) sc.training().speed(); // "from about 25 seconds on"
        for (long step : t.checkpointSteps()) {
            if (step < widened) continue;
            TapStats q = t.tap("plain", step, 1, Tap.LINEAR);
            double w = q.p85() - q.p15();
            action.at(step).need(f("three layers: orange's layer-1 band %.3f ≥ 1.5 × its start %.3f", w, pw1),
                    w / pw1 - 1.5);
        }
        action.assertHolds("lesson 5, its suggested change (three layers)", sc.training().seed(), widened,
                sc.training().steps(), sc.training().evalEvery());
        return v;
    }

    /**
     * BN before the sigmoid keeps most sigmoid outputs away from 0 and 1 in every layer; switched to after the
     * sigmoid (as the card suggests, at the lesson's from step), layers 2 and 3 saturate within a checkpoint.
     */
    Verdicts lesson6(Lesson lesson, Scenario sc) {
        Result before = train(sc);
        long flip = lesson.from(), every = sc.training().evalEvery(), end = sc.training().steps();
        Result switched = train(sc, end + 2000, (s, step) -> {
            if (step == flip) s.set(org.shiftscope.train.scenario.Settings.BN_PLACEMENT, Placement.AFTER);
        });
        Verdicts v = new Verdicts(), action = new Verdicts();
        for (long step : before.checkpointSteps()) {
            Check c = v.at(step);
            for (int layer = 1; layer <= 3; layer++) {
                double sat = before.tap("main", step, layer, Tap.ACTIVATION).saturation();
                c.need(f("before: layer-%d saturation %.3f ≤ 0.25", layer, sat), 0.25 - sat);
            }
            if (step >= 2000) {
                double acc = before.acc("main", step);
                c.need(f("before, from step 2,000: test accuracy %.3f ≥ 0.65", acc), acc - 0.65);
            }
            c.summary(lesson, before);
        }
        for (long step : switched.checkpointSteps()) {
            if (step < flip + 2 * every) continue;
            Check c = action.at(step);
            double s2 = switched.tap("main", step, 2, Tap.ACTIVATION).saturation();
            double s3 = switched.tap("main", step, 3, Tap.ACTIVATION).saturation();
            c.need(f("switched after at step %d: layer-2 saturation %.3f ≥ 0.6", flip, s2), s2 - 0.6);
            c.need(f("switched after at step %d: layer-3 saturation %.3f ≥ 0.5", flip, s3), s3 - 0.5);
            if (step >= flip + 1500) {
                double acc = switched.acc("main", step);
                c.need(f("switched after at step %d: test accuracy %.3f ≥ 0.75 again", flip, acc), acc - 0.75);
            }
        }
        action.assertHolds("lesson 6, its suggested change (BN after the sigmoid)", sc.training().seed(),
                flip + 2 * every, end + 2000, sc.training().evalEvery());
        return v;
    }

    /** Frozen running averages (momentum 0) leave training exactly as it was and spoil the test accuracy. */
    Verdicts lesson7(Lesson lesson, Scenario sc) {
        Result live = train(sc), frozen = train(ScenarioIO.withOverride(sc, "network.bn_momentum", "0"));
        Verdicts v = new Verdicts();
        long prev = 0;
        for (long step : live.checkpointSteps()) {
            Check c = v.at(step);
            double a = live.acc("main", step), b = frozen.acc("main", step);
            c.need(f("live %.3f ≥ frozen %.3f + 0.1", a, b), a - b - 0.1);
            c.need(f("frozen %.3f ≤ 0.8", b), 0.8 - b);
            boolean same = true;
            List<Snapshot> l = live.of("main"), fz = frozen.of("main");
            for (int i = 0; i < l.size(); i++) {
                Snapshot a1 = l.get(i), b1 = fz.get(i);
                if (a1.step() <= prev || a1.step() > step) continue;
                same &= a1.step() == b1.step() && a1.loss() == b1.loss() && a1.taps().size() == b1.taps().size();
                for (int k = 0; same && k < a1.taps().size(); k++) {
                    same = a1.taps().get(k).mean() == b1.taps().get(k).mean()
                            && a1.taps().get(k).std() == b1.taps().get(k).std();
                }
            }
            c.need("training losses and layer statistics identical since the previous checkpoint: " + same, same ? 1 : -1);
            c.summary(lesson, live);
            prev = step;
        }
        return v;
    }

    /**
     * Batches of 2, four variants from the same weights: BatchNorm stays at a coin flip (each unit normalizes to −1
     * and +1); LayerNorm learns like the plain network; Batch Renorm, averaged over the last ten seconds, stays above
     * BatchNorm. Switched to batches of 64 at the from step (the card's suggestion) BatchNorm learns within 1,000
     * steps.
     */
    Verdicts lesson8(Lesson lesson, Scenario sc) {
        assertEquals(List.of("bn", "renorm", "layer", "plain"),
                List.of(sc.runName(0), sc.runName(1), sc.runName(2), sc.runName(3)));
        Verdicts v = new Verdicts();
        long every = sc.training().evalEvery();
        Result r = train(sc, sc.training().steps(), (s, step) -> {
            if (step % every != 0) return;
            double[] pairs = pairs(s);
            Check c = v.at(step);
            c.need(f("blue: every unit's two normalized values are mirror images (|x̂₁ + x̂₂| ≤ %.1e)", pairs[0]),
                    1 - pairs[0] / 1e-9);
            c.need(f("blue: %.1f%% of them at ±1 (|x̂| > 0.95) ≥ 80%%", 100 * pairs[1]), pairs[1] - 0.8);
        });
        long flip = lesson.from(), end = sc.training().steps();
        Result switched = train(sc, end + 1000, (s, step) -> {
            if (step == flip) s.set(org.shiftscope.train.scenario.Settings.BATCH_SIZE, 64L);
        });
        // "from about 40 seconds on"
        long later = 40 * (long) sc.training().speed(), window = 10 * (long) sc.training().speed();
        for (long step : r.checkpointSteps()) {
            Check c = v.at(step);
            double bn = r.acc("bn", step), layer = r.acc("layer", step);
            c.need(f("blue %.3f ≤ 0.65", bn), 0.65 - bn);
            if (step >= later) {
                c.need(f("from 40 s: green %.3f ≥ 0.65", layer), layer - 0.65);
                c.need(f("from 40 s: green %.3f ≥ blue %.3f + 0.15", layer, bn), layer - bn - 0.15);
                double red = r.meanAcc("renorm", step, window), blue = r.meanAcc("bn", step, window);
                c.need(f("from 40 s: red over the last ten seconds %.3f ≥ blue's %.3f + 0.05", red, blue),
                        red - blue - 0.05);
            }
            c.summary(lesson, r);
        }
        Verdicts action = new Verdicts();
        for (long step : switched.checkpointSteps()) {
            if (step < flip + 1000) continue;
            double bn = switched.acc("bn", step);
            action.at(step).need(f("batches of 64 from step %d: blue %.3f ≥ 0.9", flip, bn), bn - 0.9);
        }
        action.assertHolds("lesson 8, its suggested change (batches of 64)", sc.training().seed(), flip + 1000,
                end + 1000, every);
        return v;
    }

    /**
     * Same shift, same speed? Noisy BN's layer-2 median moves far more between measurements than BN's and the plain
     * network's, yet over the last ten seconds its test accuracy stays well above the plain network's (as BN's does),
     * to the end and 30 s beyond; with its noise turned off at the from step (the card's button) it calms to BN's.
     */
    Verdicts lesson10(Lesson lesson, Scenario sc) {
        assertEquals(List.of("bn", "noisy-bn", "plain"), List.of(sc.runName(0), sc.runName(1), sc.runName(2)));
        long end = sc.training().steps(), more = end + 3000, window = 10 * (long) sc.training().speed();
        Result r = train(sc, more);
        Verdicts v = new Verdicts(), beyond = new Verdicts();
        for (long step : r.checkpointSteps()) {
            if (step < lesson.from()) continue;
            Check c = (step <= end ? v : beyond).at(step);
            double bn = r.meanAcc("bn", step, window), noisy = r.meanAcc("noisy-bn", step, window);
            double plain = r.meanAcc("plain", step, window);
            c.need(f("pink over ten seconds %.3f ≥ orange's %.3f + 0.06", noisy, plain), noisy - plain - 0.06);
            c.need(f("blue over ten seconds %.3f ≥ orange's %.3f + 0.2", bn, plain), bn - plain - 0.2);
            if (step <= end) {
                double sBn = r.medianMoves("bn", step, 2), sNoisy = r.medianMoves("noisy-bn", step, 2);
                double sPlain = r.medianMoves("plain", step, 2);
                c.need(f("pink's layer-2 median moves %.4f ≥ 2 × blue's %.4f", sNoisy, sBn), sNoisy / sBn - 2);
                c.need(f("pink's layer-2 median moves %.4f ≥ 5 × orange's %.4f", sNoisy, sPlain), sNoisy / sPlain - 5);
                c.summary(lesson, r);
            }
        }
        beyond.assertHolds("lesson 10, its next 30 seconds", sc.training().seed(), end + 1, more,
                sc.training().evalEvery());
        long flip = lesson.from();
        Result off = train(sc, flip + window, (s, step) -> {
            if (step == flip) {
                s.apply(ScenarioIO.withOverride(s.scenario(), lesson.actionKey(), lesson.actionValue()));
            }
        });
        double calm = off.medianMoves("noisy-bn", flip + window, 2, flip + window / 2);
        double before = off.medianMoves("noisy-bn", flip, 2, flip - window / 2);
        double blue = off.medianMoves("bn", flip + window, 2, flip + window / 2);
        Verdicts action = new Verdicts();
        Check c = action.at(flip + window);
        c.need(f("pink's noise off: its median moves %.4f ≤ 0.6 × before %.4f", calm, before), 0.6 - calm / before);
        c.need(f("pink's noise off: its median moves %.4f ≤ 2 × blue's %.4f", calm, blue), 2 - calm / blue);
        action.assertHolds("lesson 10, its suggested change (noise off)", sc.training().seed(), flip + window,
                flip + window, 1);
        return v;
    }

    /**
     * The BN twin's normalized values (before γ/β) for 20 random pairs of training examples, in training mode:
     * {the largest |x̂₁ + x̂₂| of any unit, the share of values with |x̂| > 0.95}. With two examples x̂ is ±1 exactly
     * unless the two inputs are within a few √ε of each other. BN's momentum is 0 during the probe, so the run
     * stays exactly as it was.
     */
    private static double[] pairs(Session s) {
        Network bn = s.runs().get(0).net;
        double momentum = s.scenario().network().bnMomentum();
        Random rnd = new Random(7);
        int[] idx = new int[2], y = new int[2];
        DMatrixRMaj x = new DMatrixRMaj(2, s.data().inputs());
        double asym = 0;
        long near = 0, all = 0;
        s.set(org.shiftscope.train.scenario.Settings.BN_MOMENTUM, (double) 0);
        for (int p = 0; p < 20; p++) {
            idx[0] = rnd.nextInt(s.data().trainSize());
            idx[1] = rnd.nextInt(s.data().trainSize());
            s.data().trainBatch(idx, 2, x, y);
            bn.forward(x, y, true);
            for (int layer = 1; layer <= bn.depth(); layer++) {
                DMatrixRMaj xhat = bn.batchNormLayer(layer).normalizedBeforeAffine();
                for (int u = 0; u < xhat.numCols; u++) {
                    asym = Math.max(asym, Math.abs(xhat.get(0, u) + xhat.get(1, u)));
                    for (int row = 0; row < 2; row++) {
                        double h = Math.abs(xhat.get(row, u));
                        if (h > 1 + 1e-12) asym = Double.POSITIVE_INFINITY;
                        if (h > 0.95) near++;
                        all++;
                    }
                }
            }
        }
        s.set(org.shiftscope.train.scenario.Settings.BN_MOMENTUM, (double) momentum);
        return new double[] {asym, (double) near / all};
    }

    /**
     * Both twins learn; blue's loss line lies above orange's because BN's training-mode loss carries the noise of
     * per-batch normalization (the same examples measured without it, with the running averages, give a much lower
     * loss); and in the BN twin an example's output depends on its batch-mates, in the plain twin it does not.
     */
    Verdicts lesson9(Lesson lesson, Scenario sc) {
        Verdicts v = new Verdicts();
        Result r = train(sc, sc.training().steps(), (s, step) -> {
            if (step < lesson.from() || step % sc.training().evalEvery() != 0) return;
            Check c = v.at(step);
            double[] noise = noise(s);
            c.need(f("blue's training-mode loss %.3f ≥ 1.1 × the same batches' loss without batch noise %.3f",
                    noise[0], noise[1]), noise[0] / noise[1] - 1.1);
            double[] mates = batchMates(s);
            c.need(f("blue: an example's output changes with its batch-mates by %.1e", mates[0]),
                    mates[0] / 1e-6 - 1);
            c.need(f("orange: it does not (%.1e)", mates[1]), 1 - mates[1] / 1e-15);
        });
        for (long step : r.checkpointSteps()) {
            Check c = v.at(step);
            double bn = r.acc("bn", step), plain = r.acc("plain", step);
            c.need(f("both learn: blue %.3f, orange %.3f ≥ 0.8", bn, plain), Math.min(bn, plain) - 0.8);
            double bl = r.loss("bn", step), pl = r.loss("plain", step);
            c.need(f("blue's loss %.3f > orange's %.3f", bl, pl), bl - pl);
            c.summary(lesson, r);
        }
        return v;
    }

    /**
     * Blue's mean loss on eight random training batches in training mode (batch statistics, as charted) and in
     * inference mode (running averages: the same network without the batch noise). BN's momentum is set to 0 for
     * the probe so the running averages, and so the run, stay exactly as they were.
     */
    private static double[] noise(Session s) {
        Network bn = s.runs().get(0).net;
        double momentum = s.scenario().network().bnMomentum();
        int n = s.scenario().training().batchSize();
        Random rnd = new Random(11);
        int[] idx = new int[n], y = new int[n];
        DMatrixRMaj x = new DMatrixRMaj(n, s.data().inputs());
        double train = 0, infer = 0;
        s.set(org.shiftscope.train.scenario.Settings.BN_MOMENTUM, (double) 0);
        for (int b = 0; b < 8; b++) {
            for (int i = 0; i < n; i++) idx[i] = rnd.nextInt(s.data().trainSize());
            s.data().trainBatch(idx, n, x, y);
            train += bn.forward(x, y, true);
            infer += bn.forward(x, y, false);
        }
        s.set(org.shiftscope.train.scenario.Settings.BN_MOMENTUM, (double) momentum);
        return new double[] {train / 8, infer / 8};
    }

    /** How much example 0's first class probability changes when its 7 batch-mates change: {BN twin, plain twin}. */
    private static double[] batchMates(Session s) {
        double momentum = s.scenario().network().bnMomentum();
        Random rnd = new Random(3);
        DMatrixRMaj a = new DMatrixRMaj(8, 2), b = new DMatrixRMaj(8, 2);
        for (int i = 0; i < 16; i++) {
            a.data[i] = rnd.nextGaussian() * 0.5;
            b.data[i] = rnd.nextGaussian() * 0.5;
        }
        b.data[0] = a.data[0];
        b.data[1] = a.data[1]; // row 0 is the same example in both batches
        int[] y = new int[8];
        s.set(org.shiftscope.train.scenario.Settings.BN_MOMENTUM, (double) 0);
        double[] d = new double[2];
        for (int r = 0; r < 2; r++) {
            Network net = s.runs().get(r).net;
            net.forward(a, y, true);
            double pa = net.probabilities().get(0, 0);
            net.forward(b, y, true);
            d[r] = Math.abs(pa - net.probabilities().get(0, 0));
        }
        s.set(org.shiftscope.train.scenario.Settings.BN_MOMENTUM, (double) momentum);
        return d;
    }

    // ---------------------------------------------------------------- the rest of the course

    @Test
    void everyLessonIsATimedExperienceWithItsScenarioAndWords() {
        assertEquals(10, Lessons.all().size());
        for (Lesson l : Lessons.all()) {
            String n = "lesson " + l.number() + ": ";
            Scenario sc = ScenarioIO.preset(l.scenario());
            var t = sc.training();
            assertTrue(t.speed() > 0, n + "paced");
            assertTrue(l.seconds() >= 30 && l.seconds() <= 90, n + "watched 30–90 s: " + l.seconds());
            assertEquals(t.steps(), l.end());
            assertEquals(0, t.evalEvery() % STATS_EVERY, n + "the test's statistics fall on checkpoints");
            assertEquals(0, t.evalEvery() % t.statsEvery(), n + "checkpoints carry statistics in the window");
            assertTrue(l.from() >= 1 && l.from() < t.steps(), n + "from inside the lesson");
            assertTrue((t.steps() - l.from()) / t.evalEvery() >= 5, n + "at least five checkpoints are checked");
            assertTrue(t.steps() / t.evalEvery() <= 100 && t.evalEvery() / t.speed() <= 5,
                    n + "checkpoints every ≤ 5 s of watching, at most 100");
            int[] rows = l.rows();
            assertTrue(rows.length >= 1, n + "rows");
            for (int i = 0; i < rows.length; i++) {
                assertTrue(rows[i] >= 1 && rows[i] <= sc.network().hidden().length, n + "row " + rows[i]);
                assertTrue(i == 0 || rows[i] > rows[i - 1], n + "rows ascending");
            }
            for (String text : List.of(l.title(), l.look(), l.move(), l.expect(), l.why(), l.actionLabel(),
                    l.summary())) {
                assertFalse(text.isBlank(), n + l.title());
            }
            LessonReport.check(l.summary());
            for (String run : List.of("main", "bn", "plain")) {
                boolean has = sc.compare() ? !run.equals("main") : run.equals("main");
                if (!has) assertFalse(l.summary().contains("{" + run + "."), n + "the summary names run " + run);
            }
            ScenarioIO.withOverride(sc, l.actionKey(), l.actionValue()); // the suggested change is a valid setting
        }
    }

    @Test
    void theWelcomePresetIsListedAndTheDefaultIsUnchanged() {
        assertTrue(ScenarioIO.presetNames().contains("welcome"));
        assertEquals(Scenario.defaults().network(), ScenarioIO.preset("default").network());
        assertEquals(org.shiftscope.data.DatasetKind.SPIRAL, ScenarioIO.preset("default").dataset().name());
    }

    // ---------------------------------------------------------------- training and reading runs

    static Scenario scenario(String preset, long seed) {
        Scenario sc = ScenarioIO.preset(preset);
        sc = ScenarioIO.withOverride(sc, "training.stats_every", Integer.toString(STATS_EVERY));
        return ScenarioIO.withOverride(sc, "training.seed", Long.toString(seed));
    }

    /** Called after every step with the session and the step count (for changes and probes between steps). */
    interface BetweenSteps {
        void after(Session s, long step);
    }

    static Result train(Scenario sc) {
        return train(sc, sc.training().steps(), (s, step) -> { });
    }

    static Result train(Scenario sc, long steps) {
        return train(sc, steps, (s, step) -> { });
    }

    static Result train(Scenario sc, long steps, BetweenSteps between) {
        Session s = Session.create(sc);
        List<Snapshot> snaps = new ArrayList<>();
        s.setListener(snaps::add);
        while (s.stepCount() < steps) {
            s.step();
            between.after(s, s.stepCount());
        }
        return new Result(sc, s, snaps);
    }

    /** A finished run: every snapshot of every twin. */
    record Result(Scenario sc, Session session, List<Snapshot> snaps) {
        List<Snapshot> of(String run) {
            return snaps.stream().filter(s -> s.run().equals(run)).toList();
        }

        /** every snapshot carrying a test accuracy, all runs, in step order: what the app hands to LessonReport */
        List<Snapshot> checkpoints() {
            return snaps.stream().filter(Snapshot::hasTestAccuracy).toList();
        }

        List<Long> checkpointSteps() {
            return checkpoints().stream().map(Snapshot::step).distinct().toList();
        }

        Snapshot start(String run) {
            return of(run).get(0);
        }

        Snapshot at(String run, long step) {
            for (Snapshot s : snaps) if (s.run().equals(run) && s.step() == step) return s;
            throw new AssertionError(run + " has no snapshot at step " + step);
        }

        /** mean |change| of a layer's activation median between successive measurements, from step 1 to step */
        double medianMoves(String run, long step, int layer) {
            return medianMoves(run, step, layer, 0);
        }

        /** the same over the measurements after step {@code after} */
        double medianMoves(String run, long step, int layer, long after) {
            double sum = 0, prev = Double.NaN;
            int n = 0;
            for (Snapshot s : of(run)) {
                if (s.taps().isEmpty() || s.step() <= after || s.step() > step) continue;
                double p50 = s.tap(layer, Tap.ACTIVATION).p50();
                if (!Double.isNaN(prev)) {
                    sum += Math.abs(p50 - prev);
                    n++;
                }
                prev = p50;
            }
            return sum / n;
        }

        /** mean test accuracy of a run's checkpoints in (step − span, step] */
        double meanAcc(String run, long step, long span) {
            return of(run).stream().filter(x -> x.hasTestAccuracy() && x.step() > step - span && x.step() <= step)
                    .mapToDouble(Snapshot::testAccuracy).average().orElseThrow();
        }

        double acc(String run, long step) {
            Snapshot s = at(run, step);
            assertTrue(s.hasTestAccuracy(), run + " evaluated at " + step);
            return s.testAccuracy();
        }

        TapStats tap(String run, long step, int layer, Tap tap) {
            TapStats t = at(run, step).tap(layer, tap);
            if (t == null) throw new AssertionError(run + " has no " + tap.key() + " of layer " + layer + " at " + step);
            return t;
        }

        /**
         * The percentile band (p15, p85) of a tap, averaged over the statistics steps of the evaluation interval up
         * to this step (one mini-batch's percentiles jitter with the batch).
         */
        double[] band(String run, long step, int layer, Tap tap) {
            long lo = step - sc.training().evalEvery();
            double p15 = 0, p85 = 0;
            int n = 0;
            for (Snapshot s : of(run)) {
                if (s.step() <= lo || s.step() > step || s.taps().isEmpty()) continue;
                TapStats t = s.tap(layer, tap);
                p15 += t.p15();
                p85 += t.p85();
                n++;
            }
            return new double[] {p15 / n, p85 / n};
        }

        /** mean mini-batch loss over the statistics steps of the last evaluation interval up to this step */
        double loss(String run, long step) {
            long lo = step - sc.training().evalEvery();
            return of(run).stream().filter(s -> s.step() > lo && s.step() <= step).mapToDouble(Snapshot::loss)
                    .average().orElseThrow();
        }
    }

    // ---------------------------------------------------------------- verdicts

    /** One requirement at one checkpoint. */
    record Need(String what, double margin) { }

    /** Every requirement at one checkpoint. */
    static final class Check {
        final long step;
        final List<Need> needs = new ArrayList<>();
        String summary;

        Check(long step) {
            this.step = step;
        }

        void need(String what, double margin) {
            needs.add(new Need(what, Double.isNaN(margin) ? Double.NEGATIVE_INFINITY : margin));
        }

        /** at the end step: the lesson's summary must fill every placeholder from these checkpoints */
        void summary(Lesson lesson, Result r) {
            if (step == r.sc().training().steps()) summary = LessonReport.summary(lesson, r.checkpoints());
        }

        double margin() {
            return needs.stream().mapToDouble(Need::margin).min().orElse(Double.NEGATIVE_INFINITY);
        }

        /** the requirement with the smallest margin */
        String closest() {
            return needs.stream().min(java.util.Comparator.comparingDouble(Need::margin)).map(Need::what).orElse("");
        }

        String describe() {
            StringBuilder b = new StringBuilder();
            for (Need n : needs) {
                b.append("\n    ").append(n.margin() > 0 ? "ok  " : "NO  ").append(n.what())
                        .append(f("  (margin %.3g)", n.margin()));
            }
            return b.toString();
        }
    }

    /** The checks of one run, by step. */
    static final class Verdicts {
        final java.util.TreeMap<Long, Check> byStep = new java.util.TreeMap<>();

        Check at(long step) {
            return byStep.computeIfAbsent(step, Check::new);
        }

        void assertHolds(String what, long seed, long from, long end, long evalEvery) {
            List<Check> window = byStep.subMap(from, true, end, true).values().stream()
                    .filter(c -> !c.needs.isEmpty()).toList();
            long expected = end / evalEvery - (from - 1) / evalEvery;
            assertEquals(expected, window.size(), what + ", seed " + seed + ": a verdict at every checkpoint from "
                    + from + " to " + end);
            Check last = window.get(window.size() - 1), worst = window.get(0);
            assertEquals(end, last.step, what + ": checked up to the end step");
            for (Check c : window) if (c.margin() < worst.margin()) worst = c;
            if (Boolean.getBoolean(VERBOSE_PROPERTY)) {
                for (Check c : byStep.values()) {
                    System.out.printf(Locale.ROOT, "[claims] %s seed %d step %d margin %.3g%s%n", what, seed, c.step,
                            c.margin(), c.describe());
                }
            }
            System.out.printf(Locale.ROOT, "[claims] %s, seed %d: margin at the end step %,d: %.3g; smallest %.3g "
                    + "at step %,d; at the end the closest requirement is: %s%n", what, seed, end, last.margin(),
                    worst.margin(), worst.step, last.closest());
            // each requirement's smallest margin over the window (its numbers left out of its name), for the
            // table of margins over seeds
            java.util.Map<String, Double> least = new java.util.TreeMap<>();
            for (Check c : window) {
                for (Need n : c.needs) {
                    least.merge(n.what().replaceAll("\\d[\\d.,]*(e-?\\d+)?", "#"), n.margin(), Math::min);
                }
            }
            least.forEach((k, m) -> System.out.printf(Locale.ROOT, "[margin] %s | seed %d | %.4g | %s%n", what, seed,
                    m, k));
            if (last.summary != null) {
                System.out.println("[claims]   summary: " + last.summary);
                assertFalse(last.summary.contains(LessonReport.MISSING), what + ": every summary number is there: "
                        + last.summary);
            }
            for (Check c : window) {
                if (!(c.margin() > 0)) {
                    fail(f("%s, seed %d, step %,d: the claim does not hold (margin %.3g):%s", what, seed, c.step,
                            c.margin(), c.describe()));
                }
            }
        }
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
