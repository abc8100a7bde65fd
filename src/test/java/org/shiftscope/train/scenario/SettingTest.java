package org.shiftscope.train.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shiftscope.train.scenario.Settings.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shiftscope.data.DatasetKind;
import org.shiftscope.nn.ActivationKind;
import org.shiftscope.nn.Affine;
import org.shiftscope.nn.NormKind;
import org.shiftscope.nn.Placement;
import org.shiftscope.train.scenario.Setting.Apply;
import org.shiftscope.train.scenario.Setting.Group;
import org.shiftscope.train.scenario.ValueType.Num;

/** One setting: rounding to its control's step, how it is shown, its option words, type checks, when it is enabled. */
class SettingTest {

    // ---------------------------------------------------------------- round

    @Test
    void logSliderKeepsItsSignificantDigits() {
        // the lesson "Try it" bug: 0.1 + 0.1 + ... gave 0.20000000000000004, which was shown and saved
        assertEquals(0.2, LEARNING_RATE.round(0.20000000000000004));
        assertEquals(0.0123, LEARNING_RATE.round(0.0123456));
        assertEquals(0.000123, LEARNING_RATE.round(0.00012345));
        assertEquals(3.0, LEARNING_RATE.round(2.9996));
        assertEquals(0.03, LEARNING_RATE.round(0.03));
        assertEquals(0.0101, INIT_GAIN.round(0.010099999));
    }

    @Test
    void linearSliderKeepsItsDecimals() {
        assertEquals(0.2, GAMMA.round(0.20000000000000004));
        assertEquals(1.23, GAMMA.round(1.23456));
        assertEquals(2.0, GAMMA.round(1.999));
        assertEquals(-1.0, BETA.round(-1.0049));
        assertEquals(0.35, NOISE.round(0.3500000000000001));
        assertEquals(0.9, MOMENTUM.round(0.8999999999999999));
    }

    @Test
    void speedSliderKeepsTwoSignificantDigitsAndZeroMeansNoCap() {
        assertEquals(1200.0, SPEED.round(1234.5));
        assertEquals(50.0, SPEED.round(50.2));
        assertEquals(0.0, SPEED.round(0.0));
    }

    @Test
    void wholeNumbersAndValuesWithoutASliderAreKeptAsTheyAre() {
        assertEquals(37L, BATCH_SIZE.round(37L));
        assertEquals(1.23456e-5, BN_EPS.round(1.23456e-5)); // no control
        assertEquals(0.123456, TEST_FRACTION.round(0.123456)); // no control
        assertEquals(-7L, SEED.round(-7L)); // a text field
        assertEquals(true, AFFINE.round(Affine.FIXED) == Affine.FIXED);
        List<Integer> hidden = List.of(7, 9);
        assertSame(hidden, HIDDEN.round(hidden));
        assertSame(DatasetKind.XOR, DATASET.round(DatasetKind.XOR));
    }

    @Test
    void nonFiniteValuesAreNotRounded() {
        assertTrue(Double.isNaN(LEARNING_RATE.round(Double.NaN)));
        assertEquals(Double.POSITIVE_INFINITY, GAMMA.round(Double.POSITIVE_INFINITY));
        assertEquals(Double.NEGATIVE_INFINITY, LEARNING_RATE.round(Double.NEGATIVE_INFINITY));
    }

    @Test
    void log2AndZeroDigitSlidersRoundToWholeOrSignificantSteps() {
        List<Setting<?>> table = new ArrayList<>();
        Setting<Double> log2 = new Setting.Line<>("x.log2", new Num(0, true, 1e6, true), 1.0, table::add)
                .live(Group.TRAINING, Control.log2Slider(1, 1024));
        assertEquals(38.0, log2.round(37.6));
        assertEquals(2.0, log2.round(2.5)); // half to even
        Setting<Double> oneDigit = new Setting.Line<>("x.one", new Num(0, true, 1e6, true), 1.0, table::add)
                .live(Group.TRAINING, Control.logSlider(1, 1000, 0));
        assertEquals(400.0, oneDigit.round(371.0)); // 0 significant digits keep 1
    }

    // ---------------------------------------------------------------- format

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.03|0.03",
        "0.2|0.2",
        "0.123456|0.123456",
        "1|1",
        "10|10",
        "100|100",
        "0.001|0.001",
        "1e-4|1e-04",
        "0.00025|2.5e-04",
    })
    void logSliderShowsThreeSignificantDigits(double v, String shown) {
        assertEquals(shown, LEARNING_RATE.format(v));
    }

    @Test
    void linearSliderShowsItsDecimals() {
        assertEquals("1.00", GAMMA.format(1.0));
        assertEquals("1.50", GAMMA.format(1.5));
        assertEquals("-0.25", BETA.format(-0.25));
        assertEquals("0.10", NOISE.format(0.1));
        assertEquals("0.00", NORM_NOISE.format(0.0));
        assertEquals("100.00", GAMMA.format(100.0)); // allowed in files, beyond the slider
    }

    @Test
    void speedShowsMaxForNoCapAndWholeStepsOtherwise() {
        assertEquals("max", SPEED.format(0.0));
        assertEquals("max", SPEED.format(-1.0));
        assertEquals("50", SPEED.format(50.0));
        assertEquals("1", SPEED.format(1.0));
        assertEquals("200", SPEED.format(200.0));
        // the slider reaches 10,000 steps/s: no "5.00e+03" in the value field
        assertEquals("1000", SPEED.format(1000.0));
        assertEquals("5000", SPEED.format(5000.0));
        assertEquals("1200", SPEED.format(1200.0));
        assertEquals("10000", SPEED.format(10_000.0));
        assertEquals("999.7", SPEED.format(999.7)); // off the slider's step (from a file): shown as it trains
    }

    @Test
    void otherKindsAreShownInWords() {
        assertEquals("32", BATCH_SIZE.format(32L));
        assertEquals("-7", SEED.format(-7L));
        assertEquals("LayerNorm", NORM.format(NormKind.LAYER));
        assertEquals("none", NORM.format(NormKind.NONE));
        assertEquals("4", NORM_GROUPS.format(4L));
        assertEquals("3.0", RENORM_RMAX.format(3.0));
        assertEquals("3 × 8", HIDDEN.format(List.of(8, 8, 8)));
        assertEquals("1 × 5", HIDDEN.format(List.of(5)));
        assertEquals("[64, 32]", HIDDEN.format(List.of(64, 32)));
        assertEquals("[8, 8, 4]", HIDDEN.format(List.of(8, 8, 4)));
        assertEquals("[]", HIDDEN.format(List.of()));
        assertEquals("after activation", BN_PLACEMENT.format(Placement.AFTER));
        assertEquals("spiral (2-D)", DATASET.format(DatasetKind.SPIRAL));
        assertEquals("fashion-mnist", DATASET.format(DatasetKind.FASHION_MNIST));
        assertEquals("tanh", ACTIVATION.format(ActivationKind.TANH));
        assertEquals("My run", NAME.format("My run"));
        // no control: 3 significant digits
        assertEquals("1e-05", BN_EPS.format(1e-5));
        assertEquals("0.2", TEST_FRACTION.format(0.2));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0",
        "1|1",
        "0.5|0.5",
        "12.34|12.3",
        "123.456|123",
        "0.0100|0.01",
        "0.001|0.001",
        "0.000999|9.99e-04",
        "0.000316227766|3.16e-04",
        "-0.0005|-5e-04",
        "-2.5|-2.5",
        "999.4|999",
        "999.5|1000",
        "999.7|1000",
        "1000|1000",
        "1234.5|1230",
        "-1234.5|-1230",
        "1000000|1000000",
        "2.5e10|25000000000",
    })
    void significantDigits(double v, String shown) {
        assertEquals(shown, Setting.significant(v));
    }

    // ---------------------------------------------------------------- words, ids, choices

    @Test
    void idIsTheKeyWithDashes() {
        assertEquals("training-learning_rate", LEARNING_RATE.id());
        assertEquals("network-bn_placement", BN_PLACEMENT.id());
        assertEquals("name", NAME.id());
        assertEquals("training.learning_rate", LEARNING_RATE.toString());
    }

    @Test
    void choicesOfEnumSettingsInOrder() {
        assertEquals(List.of(DatasetKind.values()), DATASET.choices());
        assertEquals(List.of(Placement.BEFORE, Placement.AFTER), BN_PLACEMENT.choices());
        assertEquals(List.of(Affine.LEARNED, Affine.FIXED), AFFINE.choices());
        assertEquals(List.of(), GAMMA.choices());
        assertEquals(List.of(), HIDDEN.choices());
    }

    @Test
    void optionLabelsUseTheTablesWordsOrElseTheKey() {
        assertEquals("before activation", BN_PLACEMENT.optionLabel(Placement.BEFORE));
        assertEquals("after activation", BN_PLACEMENT.optionLabel(Placement.AFTER));
        assertEquals("circles (2-D)", DATASET.optionLabel(DatasetKind.CIRCLES));
        assertEquals("teacher", DATASET.optionLabel(DatasetKind.TEACHER));
        assertEquals("idx", DATASET.optionLabel(DatasetKind.IDX));
        assertEquals("fashion-mnist", DATASET.optionLabel(DatasetKind.FASHION_MNIST));
        assertEquals("relu", ACTIVATION.optionLabel(ActivationKind.RELU));
        assertEquals("fixed", AFFINE.optionLabel(Affine.FIXED));
        assertEquals("Batch Renorm", NORM.optionLabel(NormKind.RENORM));
        assertEquals("GroupNorm", NORM.optionLabel(NormKind.GROUP));
        assertEquals("1.5", GAMMA.optionLabel(1.5));
    }

    @Test
    void castChecksTheValuesType() {
        assertEquals(0.5, LEARNING_RATE.cast(0.5));
        assertEquals(List.of(4), HIDDEN.cast(List.of(4)));
        assertEquals(DatasetKind.XOR, DATASET.cast(DatasetKind.XOR));
        ClassCastException e = assertThrows(ClassCastException.class, () -> LEARNING_RATE.cast(5L));
        assertEquals("training.learning_rate holds Double, not 5", e.getMessage());
        assertThrows(ClassCastException.class, () -> BATCH_SIZE.cast(32));
        assertThrows(ClassCastException.class, () -> DATASET.cast("spiral"));
        assertThrows(ClassCastException.class, () -> DATASET.cast(Placement.AFTER));
        assertThrows(ClassCastException.class, () -> HIDDEN.cast(new int[] {4}));
    }

    @Test
    void aSettingEqualsOnlyItself() {
        Setting<Double> twin = new Setting.Line<>(GAMMA.key(), GAMMA.type(), GAMMA.defaultValue(), s -> { })
                .label(GAMMA.label()).tip(GAMMA.tooltip()).live(GAMMA.group(), GAMMA.control());
        assertNotEquals(GAMMA, twin);
        assertEquals(GAMMA, GAMMA);
        assertEquals(System.identityHashCode(GAMMA), GAMMA.hashCode());
        assertEquals(System.identityHashCode(twin), twin.hashCode());
    }

    // ---------------------------------------------------------------- enabled

    @Test
    void noiseOnlyForDataItShapes() {
        Scenario s = Scenario.defaults();
        for (DatasetKind k : DatasetKind.values()) {
            boolean expected = k.planar || k == DatasetKind.TEACHER;
            assertEquals(expected, NOISE.enabled(s.with(DATASET, k)), k.key());
        }
    }

    @Test
    void eachNormalizersOwnSettingsOnlyWithIt() {
        Scenario s = Scenario.defaults();
        for (NormKind n : NormKind.values()) {
            Scenario with = s.with(NORM, n);
            assertEquals(n == NormKind.GROUP, NORM_GROUPS.enabled(with), n.key());
            assertEquals(n == NormKind.RENORM, RENORM_RMAX.enabled(with), n.key());
            assertEquals(n == NormKind.RENORM, RENORM_DMAX.enabled(with), n.key());
            assertTrue(NORM.enabled(with), n.key());
            assertTrue(NORM.enabled(twins(with)), n.key());
        }
    }

    @Test
    void normalizationSettingsWhereverANormalizedNetworkTrains() {
        Scenario on = Scenario.defaults();
        Scenario off = on.with(NORM, NormKind.NONE);
        for (Setting<?> k : List.of(BN_PLACEMENT, AFFINE, GAMMA, BETA, BN_MOMENTUM, NORM_NOISE)) {
            for (NormKind n : NormKind.values()) {
                if (n.hasLayer()) assertTrue(k.enabled(on.with(NORM, n)), k.key() + " with " + n.key());
            }
            assertFalse(k.enabled(off), k.key());
            assertTrue(k.enabled(twins(off)), k.key()); // the normalized twin
            assertTrue(k.enabled(twins(on)), k.key());
        }
    }

    @Test
    void otherSettingsAreAlwaysEnabled() {
        Scenario odd = twins(Scenario.defaults()).with(NORM, NormKind.NONE)
                .with(DATASET, DatasetKind.MNIST);
        for (Setting<?> k : List.of(LEARNING_RATE, BATCH_SIZE, MOMENTUM, SPEED, HIDDEN, ACTIVATION, INIT, INIT_GAIN,
                DATASET, SEED)) {
            assertTrue(k.enabled(odd), k.key());
            assertTrue(k.enabled(Scenario.defaults()), k.key());
        }
    }

    // ---------------------------------------------------------------- the table's lines

    @Test
    void aLineCarriesItsWordsAndEntersItsSettingInTheTable() {
        List<Setting<?>> table = new ArrayList<>();
        Num type = new Num(0, true, 1, true);
        Control c = Control.slider(0, 1, 2);
        Setting<Double> s = new Setting.Line<>("x.y", type, 0.5, table::add)
                .label("Label").tip("Tip").enabledWhen(sc -> sc.compare()).options(v -> "v" + v)
                .live(Group.TRAINING, c);
        assertEquals(List.of(s), table);
        assertEquals("x.y", s.key());
        assertSame(type, s.type());
        assertEquals(0.5, s.defaultValue());
        assertEquals("Label", s.label());
        assertEquals("Tip", s.tooltip());
        assertEquals(Apply.LIVE, s.apply());
        assertEquals(Group.TRAINING, s.group());
        assertSame(c, s.control());
        assertFalse(s.enabled(Scenario.defaults()));
        assertTrue(s.enabled(twins(Scenario.defaults())));
        assertEquals("v0.25", s.optionLabel(0.25));
    }

    @Test
    void aLineWithoutWordsHasEmptyOnesAndIsAlwaysEnabled() {
        List<Setting<?>> table = new ArrayList<>();
        Setting<Double> s = new Setting.Line<>("x.z", new Num(0, true, 1, true), 0.5, table::add).describe();
        assertEquals(List.of(s), table);
        assertEquals("", s.label());
        assertEquals("", s.tooltip());
        assertNull(s.optionNames());
        assertTrue(s.enabled(Scenario.defaults()));
        assertEquals(Apply.NONE, s.apply());
        assertEquals(Group.HIDDEN, s.group());
        assertNull(s.control());
    }

    @Test
    void eachEndOfALineSaysWhatAChangeDoes() {
        List<Setting<?>> table = new ArrayList<>();
        Num type = new Num(0, true, 1, true);
        Control c = Control.of(Control.Kind.TEXT);
        Setting<Double> live = new Setting.Line<>("a", type, 0.0, table::add).live();
        Setting<Double> rebuildShown = new Setting.Line<>("b", type, 0.0, table::add).rebuild(Group.DATA, c);
        Setting<Double> rebuild = new Setting.Line<>("c", type, 0.0, table::add).rebuild();
        assertEquals(List.of(live, rebuildShown, rebuild), table);
        assertEquals(Apply.LIVE, live.apply());
        assertEquals(Group.HIDDEN, live.group());
        assertNull(live.control());
        assertEquals(Apply.REBUILD, rebuildShown.apply());
        assertEquals(Group.DATA, rebuildShown.group());
        assertSame(c, rebuildShown.control());
        assertEquals(Apply.REBUILD, rebuild.apply());
        assertEquals(Group.HIDDEN, rebuild.group());
        assertNull(rebuild.control());
    }

    @Test
    void groupTitles() {
        assertEquals("Normalization", Group.BATCHNORM.title);
        assertEquals("Training", Group.TRAINING.title);
        assertEquals("", Group.HIDDEN.title);
    }

    /** the scenario with BN-vs-plain twins, as old files' compare = true */
    private static Scenario twins(Scenario s) {
        return VariantPreset.BN_VS_PLAIN.applyTo(s);
    }
}
