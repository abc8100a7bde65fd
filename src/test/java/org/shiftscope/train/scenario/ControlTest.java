package org.shiftscope.train.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shiftscope.train.scenario.Control.Kind;
import org.shiftscope.train.scenario.Control.Scale;

/** Slider position ↔ value for each scale, the factories, and the speed slider whose right end means 0. */
class ControlTest {
    private static final double EPS = 1e-12;

    @Test
    void factoriesMakeTheControlTheyName() {
        assertEquals(new Control(Kind.SLIDER, Scale.LINEAR, 0, 5, 2, false), Control.slider(0, 5, 2));
        assertEquals(new Control(Kind.SLIDER, Scale.LOG10, 1e-4, 10, 3, false), Control.logSlider(1e-4, 10, 3));
        assertEquals(new Control(Kind.SLIDER, Scale.LOG2, 1, 512, 0, false), Control.log2Slider(1, 512));
        assertEquals(new Control(Kind.SLIDER, Scale.LOG10, 1, 10_000, 2, true), Control.capSlider(1, 10_000));
        for (Kind k : Kind.values()) {
            assertEquals(new Control(k, Scale.LINEAR, 0, 0, 0, false), Control.of(k));
        }
    }

    @Test
    void linearPositionIsTheValueClampedToTheEnds() {
        Control c = Control.slider(-3, 3, 2);
        assertEquals(-3, c.minPosition());
        assertEquals(3, c.maxPosition());
        assertEquals(1.25, c.position(1.25));
        assertEquals(3, c.position(7)); // beta 7 (allowed in files) sits at the right end
        assertEquals(-3, c.position(-50));
        assertEquals(1.25, c.value(1.25));
        assertEquals(-2.5, c.value(c.position(-2.5)));
    }

    @Test
    void log10PositionIsTheDecimalLogarithm() {
        Control c = Control.logSlider(1e-4, 10, 3); // the learning rate
        assertEquals(-4, c.minPosition(), EPS);
        assertEquals(1, c.maxPosition(), EPS);
        assertEquals(-2, c.position(0.01), EPS);
        assertEquals(0, c.position(1), EPS);
        assertEquals(1, c.position(100), EPS); // above the slider: its right end
        assertEquals(-4, c.position(1e-9), EPS);
        assertEquals(0.001, c.value(-3), 1e-15);
        assertEquals(10, c.value(1), EPS);
        assertEquals(0.03, c.value(c.position(0.03)), 1e-15);
    }

    @Test
    void log2PositionIsTheBinaryLogarithm() {
        Control c = Control.log2Slider(1, 512); // the batch size
        assertEquals(0, c.minPosition(), EPS);
        assertEquals(9, c.maxPosition(), EPS);
        assertEquals(5, c.position(32), EPS);
        assertEquals(6, c.position(64), EPS);
        assertEquals(9, c.position(4096), EPS);
        assertEquals(64, c.value(6), EPS);
        assertEquals(Math.sqrt(2) * 32, c.value(5.5), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1, 2, 25, 100, 333, 1000, 9999})
    void speedSliderRoundTripsEveryCapBelowItsTop(double cap) {
        Control c = Control.capSlider(1, 10_000);
        assertEquals(cap, c.value(c.position(cap)), cap * 1e-12);
    }

    @Test
    void speedSliderTopMeansNoCap() {
        Control c = Control.capSlider(1, 10_000);
        assertEquals(4, c.maxPosition(), EPS);
        assertEquals(0, c.minPosition(), EPS);
        // 0 (no cap) is shown at the right end, and the right end is 0
        assertEquals(4, c.position(0), EPS);
        assertEquals(4, c.position(-1), EPS);
        assertEquals(0, c.value(4));
        assertEquals(0, c.value(4 - 1e-10)); // within 1e-9 of the end
        assertEquals(0, c.value(c.maxPosition() - 1e-9)); // 1e-9 included
        assertEquals(0, c.value(5));
        assertEquals(Math.pow(10, 4 - 1e-6), c.value(4 - 1e-6), 1e-6);
        assertEquals(0, c.value(c.position(0)));
        // a cap at the top itself reads back as no cap: the slider cannot tell them apart
        assertEquals(0, c.value(c.position(10_000)));
    }

    @Test
    void onlyTheCapSliderMapsItsTopToZero() {
        Control c = Control.logSlider(1, 10_000, 2);
        assertEquals(10_000, c.value(4), 1e-9);
        assertEquals(0, c.position(0), EPS); // 0 is below the slider: its left end
    }
}
