package org.shiftscope.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Run roles: their keys in snapshots and files, and back. */
class RunRoleTest {

    @Test
    void keysAndBack() {
        assertEquals("main", RunRole.MAIN.key());
        assertEquals("bn", RunRole.BN.key());
        assertEquals("plain", RunRole.PLAIN.key());
        for (RunRole r : RunRole.values()) assertEquals(r, RunRole.of(r.key()));
        assertEquals(RunRole.MAIN, RunRole.of("twin"), "an unknown key is the main run");
        assertEquals(RunRole.MAIN, RunRole.of(null));
        assertEquals("with BN", RunRole.BN.label);
        assertEquals("without BN", RunRole.PLAIN.label);
    }
}
