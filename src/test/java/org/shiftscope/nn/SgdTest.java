package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SGD with heavy-ball momentum: v ← μv − ηg ; w ← w + v. */
class SgdTest {

    static Param param(String name, double[] value, double[] grad) {
        Param p = new Param(name, 1, value.length);
        p.value.setData(value.clone());
        p.gradient().setData(grad.clone());
        return p;
    }

    @Test
    void twoStepsWithMomentumKnownValues() {
        Param p = param("W", new double[] {1, -2}, new double[] {0.5, -1});
        Sgd sgd = new Sgd(0.1, 0.9);
        assertEquals(0.1, sgd.learningRate());
        assertEquals(0.9, sgd.momentum());
        sgd.step(List.of(p));
        // v = −0.1·g = (−0.05, 0.1) ; w = (0.95, −1.9)
        assertArrayEquals(new double[] {-0.05, 0.1}, p.velocity.data, 1e-15);
        assertArrayEquals(new double[] {0.95, -1.9}, p.value.data, 1e-15);
        p.gradient().setData(new double[] {1, 1});
        sgd.step(List.of(p));
        // v = 0.9·(−0.05, 0.1) − 0.1·(1, 1) = (−0.145, −0.01) ; w = (0.805, −1.91)
        assertArrayEquals(new double[] {-0.145, -0.01}, p.velocity.data, 1e-15);
        assertArrayEquals(new double[] {0.805, -1.91}, p.value.data, 1e-15);
        // a zero gradient: momentum alone carries on
        p.gradient().setData(new double[] {0, 0});
        sgd.step(List.of(p));
        assertArrayEquals(new double[] {-0.1305, -0.009}, p.velocity.data, 1e-15);
        assertArrayEquals(new double[] {0.6745, -1.919}, p.value.data, 1e-15);
    }

    @Test
    void zeroMomentumIsPlainSgdAndSettersTakeEffect() {
        Param p = param("W", new double[] {2, 3, 4}, new double[] {1, -2, 0.5});
        Sgd sgd = new Sgd(0.5, 0.0);
        sgd.step(List.of(p));
        assertArrayEquals(new double[] {1.5, 4, 3.75}, p.value.data, 1e-15);
        sgd.step(List.of(p));
        assertArrayEquals(new double[] {1.0, 5, 3.5}, p.value.data, 1e-15, "no momentum: the same step again");
        sgd.setLearningRate(0.1);
        sgd.setMomentum(0.5);
        assertEquals(0.1, sgd.learningRate());
        assertEquals(0.5, sgd.momentum());
        sgd.step(List.of(p));
        // v was (−0.5, 1, −0.25): v = 0.5·v − 0.1·g = (−0.35, 0.7, −0.175)
        assertArrayEquals(new double[] {-0.35, 0.7, -0.175}, p.velocity.data, 1e-15);
        assertArrayEquals(new double[] {0.65, 5.7, 3.325}, p.value.data, 1e-15);
    }

    @Test
    void frozenParametersAreUntouched() {
        Param live = param("W", new double[] {1, 1}, new double[] {1, 2});
        Param frozen = param("gamma", new double[] {2, 2}, new double[] {5, -5});
        frozen.velocity.setData(new double[] {0.3, -0.3});
        frozen.frozen = true;
        Sgd sgd = new Sgd(0.1, 0.9);
        for (int i = 0; i < 3; i++) sgd.step(List.of(frozen, live, frozen));
        assertArrayEquals(new double[] {2, 2}, frozen.value.data, 0.0);
        assertArrayEquals(new double[] {0.3, -0.3}, frozen.velocity.data, 0.0);
        // the live one moved three times: v = −0.1g, −0.19g, −0.271g ; w = 1 − 0.561g
        assertArrayEquals(new double[] {1 - 0.561, 1 - 1.122}, live.value.data, 1e-14);
        // a frozen Dense bias (BN right after it) stays put too
        Dense d = new Dense("1", 2, 2, new EjmlMatMul());
        d.b.value.setData(new double[] {0.25, -0.25});
        d.b.gradient().setData(new double[] {1, 1});
        d.setUseBias(false);
        sgd.step(d.parameters());
        assertArrayEquals(new double[] {0.25, -0.25}, d.b.value.data, 0.0);
    }
}
