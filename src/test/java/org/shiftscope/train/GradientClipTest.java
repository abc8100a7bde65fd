package org.shiftscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shiftscope.nn.Param;

/** training.clip_norm: the gradient of all weights together, scaled down to the norm when it is longer. */
class GradientClipTest {
    static Param param(String name, double... g) {
        Param p = new Param(name, 1, g.length);
        p.startAccumulating();
        System.arraycopy(g, 0, p.grad.data, 0, g.length);
        return p;
    }

    @Test
    void aLongGradientIsScaledToTheNormAndAShortOneIsLeftAlone() {
        Param a = param("a", 3, 0), b = param("b", 0, 4); // ‖g‖ = 5 over both
        Session.clipGradient(List.of(a, b), 1);
        assertEquals(0.6, a.grad.data[0], 1e-15);
        assertEquals(0.8, b.grad.data[1], 1e-15);
        Param c = param("c", 0.3, 0.4);
        Session.clipGradient(List.of(c), 1);
        assertEquals(0.3, c.grad.data[0], 0.0);
        assertEquals(0.4, c.grad.data[1], 0.0);
    }

    @Test
    void frozenAndUntouchedParametersNeitherCountNorChange() {
        Param a = param("a", 3, 4), frozen = param("f", 100, 100), untouched = new Param("u", 1, 2);
        frozen.frozen = true;
        untouched.grad.data[0] = 50; // stale numbers of a gradient zeroed lazily
        Session.clipGradient(List.of(a, frozen, untouched), 2.5);
        assertEquals(1.5, a.grad.data[0], 1e-15);
        assertEquals(2.0, a.grad.data[1], 1e-15);
        assertEquals(100, frozen.grad.data[0], 0.0);
        assertEquals(50, untouched.grad.data[0], 0.0);
    }

    @Test
    void aGradientThatIsNotFiniteIsLeftForTheDivergenceCheck() {
        Param a = param("a", Double.NaN, 1);
        Session.clipGradient(List.of(a), 1);
        assertEquals(1, a.grad.data[1], 0.0);
    }
}
