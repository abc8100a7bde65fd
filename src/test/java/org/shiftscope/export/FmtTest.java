package org.shiftscope.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FmtTest {
    @Test
    void knownValues() {
        assertEquals("0", Fmt.num(0));
        assertEquals("0.5", Fmt.num(0.5));
        assertEquals("-2", Fmt.num(-2));
        assertEquals("1234.57", Fmt.num(1234.5678));
        assertEquals("0.000123457", Fmt.num(0.00012345678));
        assertEquals("1.5e-05", Fmt.num(1.5e-5));
        assertEquals("3e+12", Fmt.num(3e12));
        assertEquals("NaN", Fmt.num(Double.NaN));
        assertEquals("-Infinity", Fmt.num(Double.NEGATIVE_INFINITY));
        assertEquals("", Fmt.optional(Double.NaN));
        assertEquals("10", Fmt.num(9.9999999));
    }

    @Test
    void sixSignificantDigitsRoundTripWithinHalfAUnit() {
        Random r = new Random(1);
        for (int i = 0; i < 20000; i++) {
            double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(12) - 4);
            double back = Double.parseDouble(Fmt.num(v));
            assertEquals(v, back, Math.abs(v) * 5.01e-6, Fmt.num(v));
        }
    }
}
