package org.shiftscope.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioIO;

/** The caption under every exported figure names every setting needed to make it again. */
class CaptionsTest {

    static Scenario with(Scenario s, String... keyValues) {
        for (int i = 0; i < keyValues.length; i += 2) s = ScenarioIO.withOverride(s, keyValues[i], keyValues[i + 1]);
        return s;
    }

    @Test
    void theDefaultScenario() {
        assertEquals("ShiftScope · default · step 1200 · BatchNorm on (before activation, learned γ/β) · "
                + "learning rate 0.03 · batch 32 · tanh [8, 8, 8] · spiral · seed 1",
                Captions.of(Scenario.defaults(), 1200));
    }

    @Test
    void everySettingInTheCaptionFollowsTheScenario() {
        Scenario s = with(Scenario.defaults(), "name", "mine", "network.bn_placement", "after", "network.affine",
                "fixed", "training.learning_rate", "0.0005", "training.batch_size", "7", "network.activation",
                "sigmoid", "network.hidden", "100,50", "dataset.name", "xor", "training.seed", "42");
        assertEquals("ShiftScope · mine · step 0 · BatchNorm on (after activation, fixed γ/β) · learning rate 5.0e-04"
                + " · batch 7 · sigmoid [100, 50] · xor · seed 42", Captions.of(s, 0));
    }

    @Test
    void bnOffAndCompareMode() {
        Scenario off = with(Scenario.defaults(), "network.batchnorm", "false");
        assertEquals("ShiftScope · default · step 5 · BatchNorm off · learning rate 0.03 · batch 32 · "
                + "tanh [8, 8, 8] · spiral · seed 1", Captions.of(off, 5));
        // compare mode trains both twins whatever network.batchnorm says
        for (Scenario s : new Scenario[] {off, Scenario.defaults()}) {
            assertEquals("ShiftScope · default · step 18355 · bn: with BN vs plain: without BN · learning rate 0.03 · "
                    + "batch 32 · tanh [8, 8, 8] · spiral · seed 1", Captions.of(with(s, "compare", "true"), 18355));
        }
    }

    @Test
    void variantsAreNamedWithWhatTheyChangeAndHiddenOnesSaySo() {
        Scenario s = org.shiftscope.train.scenario.VariantPreset.NOISY.applyTo(Scenario.defaults());
        assertEquals("ShiftScope · default · step 7 · bn: with BN vs noisy-bn: with BN + noise 1 vs plain: without BN"
                + " · learning rate 0.03 · batch 32 · tanh [8, 8, 8] · spiral · seed 1", Captions.of(s, 7));
        assertEquals("ShiftScope · default · step 7 · bn: with BN vs plain: without BN (hidden: noisy-bn)"
                + " · learning rate 0.03 · batch 32 · tanh [8, 8, 8] · spiral · seed 1",
                Captions.of(s, 7, java.util.Set.of("noisy-bn")));
    }

    @Test
    void numbersShowThreeSignificantDigitsAndNoFloatingPointNoise() {
        assertEquals("0", Captions.number(0));
        assertEquals("0.2", Captions.number(0.20000000000000004));
        assertEquals("0.03", Captions.number(0.03));
        assertEquals("0.001", Captions.number(0.001));
        assertEquals("1.0e-04", Captions.number(1e-4));
        assertEquals("5.0e-04", Captions.number(0.0005));
        assertEquals("-2.5e-04", Captions.number(-0.00025));
        assertEquals("0.123", Captions.number(0.123456));
        assertEquals("1.5", Captions.number(1.5));
        assertEquals("10", Captions.number(10));
        assertEquals("100", Captions.number(100));
        assertEquals("-0.5", Captions.number(-0.5));
        assertEquals("0.9", Captions.number(0.9));
    }
}
