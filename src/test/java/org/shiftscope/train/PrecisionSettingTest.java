package org.shiftscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.shiftscope.nn.OpenBlasMatMul;
import org.shiftscope.nn.Precision;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioException;
import org.shiftscope.train.scenario.ScenarioIO;
import org.shiftscope.train.scenario.Settings;

/** training.precision: the products' element type, from a file or --set to the session's back-end. */
class PrecisionSettingTest {
    @Test
    void f32TrainsWithSinglePrecisionProducts() {
        assumeTrue(OpenBlasMatMul.tryCreate() != null, "OpenBLAS natives not available here");
        Scenario sc = ScenarioIO.withOverride(Scenario.defaults(), Settings.PRECISION.key(), "f32");
        assertEquals(Precision.F32, sc.training().precision());
        Session s = Session.create(ScenarioIO.validate(sc, "--set"));
        assertEquals("openblas-f32", s.backend().name());
        for (int i = 0; i < 20; i++) s.step();
        assertTrue(Double.isFinite(s.runs().get(0).loss()));
        assertEquals("openblas", Session.create(Scenario.defaults()).backend().name(), "f64 by default");
    }

    @Test
    void f32WithEjmlIsRefusedNamingBothKeys() {
        Scenario sc = ScenarioIO.withOverride(ScenarioIO.withOverride(Scenario.defaults(), Settings.PRECISION.key(),
                "f32"), Settings.BACKEND.key(), "ejml");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioIO.validate(sc, "--set"));
        assertTrue(e.getMessage().contains("training.precision") && e.getMessage().contains("training.backend"),
                e.getMessage());
    }
}
