package org.shiftscope.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.shiftscope.nn.ActivationKind;
import org.shiftscope.nn.Tap;

/** The gradient tap's second measurement: log₁₀|g| of the values that are not zero, and the share of zeros. */
class MagnitudeTest {
    @Test
    void fastLogWithinAHundredThousandthOfADecade() {
        Random r = new Random(1);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double x = (r.nextBoolean() ? 1 : -1) * Math.pow(10, -30 + 40 * r.nextDouble());
            worst = Math.max(worst, Math.abs(FastLog.log10Abs(x) - Math.log10(Math.abs(x))));
        }
        assertTrue(worst < 1e-5, "worst error " + worst);
        assertEquals(-3.0, FastLog.log10Abs(-1e-3), 1e-7);
        assertEquals(Double.NEGATIVE_INFINITY, FastLog.log10Abs(0.0));
        assertEquals(Double.POSITIVE_INFINITY, FastLog.log10Abs(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(FastLog.log10Abs(Double.NaN)));
        assertEquals(Math.log10(Double.MIN_VALUE), FastLog.log10Abs(Double.MIN_VALUE), 1e-9, "subnormal");
    }

    @Test
    void theMagnitudeOfTheValuesThatAreNotZero() {
        double[] v = {0, 1e-4, -1e-2, 0, 1e-3, -1e-3, 0, 1e-1};
        TapProbe p = new TapProbe(2, Tap.GRADIENT, 8);
        p.measure(new DMatrixRMaj(1, v.length, true, v), ActivationKind.RELU);
        TapStats s = p.snapshot();
        assertEquals(Tap.GRADIENT, s.tap());
        assertTrue(Double.isNaN(s.saturation()), "the raw statistics carry no saturation figure");
        TapStats m = s.magnitude();
        // log₁₀ of 1e-4, 1e-2, 1e-3, 1e-3, 1e-1: −4, −2, −3, −3, −1
        assertEquals(-13.0 / 5, m.mean(), 1e-4);
        assertEquals(-4, m.min(), 1e-4);
        assertEquals(-1, m.max(), 1e-4);
        assertEquals(-3, m.p50(), 1e-2);
        assertEquals(5, m.total(), "five values are not zero");
        assertEquals(3.0 / 8, m.saturation(), 0.0, "the share of exact zeros");
        assertNull(m.magnitude());
        assertNull(new TapProbe(1, Tap.LINEAR, 8).snapshot().magnitude(), "only taps that span decades");
    }

    @Test
    void allZeroGradientsHaveNoMagnitudeToShow() {
        TapProbe p = new TapProbe(1, Tap.GRADIENT, 4);
        p.measure(new DMatrixRMaj(2, 3), ActivationKind.RELU);
        TapStats m = p.snapshot().magnitude();
        assertTrue(Double.isNaN(m.mean()), "no value that is not zero");
        assertEquals(1.0, m.saturation(), 0.0);
    }
}
