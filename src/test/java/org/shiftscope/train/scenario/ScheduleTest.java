package org.shiftscope.train.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.nn.NormKind;

/** A scenario's schedule: read, checked through the table, written and read back identically. */
class ScheduleTest {
    @TempDir
    Path tmp;

    private static final String TWO = "{\"name\": \"sched\", \"schedule\": ["
            + "{\"step\": 5000, \"set\": {\"training.learning_rate\": 0.1}},"
            + "{\"step\": 3000, \"set\": {\"network.norm\": \"none\", \"network.gamma\": 2}}]}";

    @Test
    void readsEntriesInStepOrderWithTypedValues() {
        Schedule s = ScenarioIO.parse(TWO, "t").schedule();
        assertEquals(2, s.size());
        assertEquals(3000, s.get(0).step());
        assertEquals(Map.of(Settings.NORM, NormKind.NONE, Settings.GAMMA, 2.0), s.get(0).set());
        assertEquals(Map.of(Settings.LEARNING_RATE, 0.1), s.get(1).set());
        Scenario after = s.get(0).applyTo(Scenario.defaults());
        assertEquals(NormKind.NONE, after.get(Settings.NORM));
        assertEquals(2.0, after.get(Settings.GAMMA));
        // the old key works too
        Schedule legacy = ScenarioIO.parse("{\"schedule\": [{\"step\": 3000, \"set\": {\"network.batchnorm\": false}}]}",
                "t").schedule();
        assertEquals(Map.of(Settings.NORM, NormKind.NONE), legacy.get(0).set());
        assertTrue(Scenario.defaults().schedule().isEmpty());
    }

    @Test
    void savesAndReopensIdentically() throws Exception {
        Scenario sc = ScenarioIO.parse(TWO, "t");
        String json = ScenarioIO.toJson(sc);
        assertTrue(json.contains("\"schedule\""), json);
        Scenario back = ScenarioIO.parse(json, "again");
        assertEquals(sc, back);
        assertEquals(sc.hashCode(), back.hashCode());
        assertEquals(json, ScenarioIO.toJson(back));
        Path f = tmp.resolve("sched.json");
        ScenarioIO.save(sc, f);
        assertEquals(sc, ScenarioIO.load(f));
        assertEquals(json, Files.readString(f));
        // the schedule counts in equality; a scenario without one writes no "schedule" key
        assertNotEquals(sc, sc.withSchedule(Schedule.NONE));
        assertTrue(!ScenarioIO.toJson(Scenario.defaults()).contains("schedule"));
        // a live change keeps it, and so does taking another scenario's live settings
        assertEquals(sc.schedule(), sc.with(Settings.MOMENTUM, 0.5).schedule());
        Scenario other = Scenario.defaults().with(Settings.MOMENTUM, 0.5).with(Settings.HIDDEN, List.of(4));
        Scenario live = sc.withLiveOf(other);
        assertEquals(0.5, live.get(Settings.MOMENTUM));
        assertEquals(sc.get(Settings.HIDDEN), live.get(Settings.HIDDEN));
        assertEquals(sc.schedule(), live.schedule());
        assertTrue(sc.withLiveOf(sc) == sc);
        // what changes nothing in training (the tap the charts show) goes along; what needs a new network does not
        Scenario shown = sc.withLiveOf(other.with(Settings.VIEW_TAP, org.shiftscope.nn.Tap.GRADIENT));
        assertEquals(org.shiftscope.nn.Tap.GRADIENT, shown.get(Settings.VIEW_TAP));
        assertEquals(sc.get(Settings.HIDDEN), shown.get(Settings.HIDDEN));
    }

    @Test
    void mistakesAreRefusedNamingTheEntryAndWhatIsAllowed() {
        String[][] cases = {
            {"{\"schedule\": 3}", "t: schedule = 3 is not allowed; expected a list of"},
            {"{\"schedule\": [{\"step\": 0, \"set\": {\"training.learning_rate\": 0.1}}]}",
                "t: schedule[0].step = 0 is out of range; expected a whole number from 1 to 100000000."},
            {"{\"schedule\": [{\"step\": \"soon\", \"set\": {\"training.learning_rate\": 0.1}}]}",
                "t: schedule[0].step = \"soon\" has the wrong type; expected a whole number from 1"},
            {"{\"schedule\": [{\"step\": 1, \"set\": {}}, {\"step\": 2}]}", "t: schedule[0].set = {} is not allowed"},
            {"{\"schedule\": [{\"step\": 1, \"set\": {\"training.learning_rate\": 1}}, {\"step\": 2}]}",
                "t: schedule[1] = {\"step\":2} is not allowed; expected {\"step\": N, \"set\""},
            {"{\"schedule\": [{\"step\": 9, \"set\": {\"training.learnig_rate\": 0.1}}]}",
                "t: schedule[0].set: unknown key training.learnig_rate. Did you mean training.learning_rate?"},
            {"{\"schedule\": [{\"step\": 9, \"set\": {\"training.learning_rate\": -1}}]}",
                "t: schedule[0].set.training.learning_rate = -1 is out of range; expected a number > 0 and ≤ 100."},
            {"{\"schedule\": [{\"step\": 9, \"set\": {\"network.norm\": \"batchy\"}}]}",
                "t: schedule[0].set.network.norm = \"batchy\" is not allowed; expected one of"},
            {"{\"schedule\": [{\"step\": 9, \"set\": {\"network.batchnorm\": 1}}]}",
                "t: schedule[0].set.network.batchnorm = 1 has the wrong type; expected true or false"},
            {"{\"schedule\": [{\"step\": 9, \"set\": {\"network.hidden\": [4]}}]}",
                "t: schedule[0].set.network.hidden cannot be scheduled: changing it needs a rebuild"},
            {"{\"schedule\": [{\"step\": 9, \"set\": {\"training.steps\": 4}}]}",
                "t: schedule[0].set.training.steps cannot be scheduled: it describes the scenario"},
        };
        for (String[] c : cases) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioIO.parse(c[0], "t"), c[0]);
            assertTrue(e.getMessage().startsWith(c[1]), c[0] + " → " + e.getMessage());
        }
    }

    @Test
    void entriesAreImmutable() {
        Schedule s = ScenarioIO.parse(TWO, "t").schedule();
        assertThrows(UnsupportedOperationException.class, () -> s.entries().clear());
        assertThrows(UnsupportedOperationException.class, () -> s.get(0).set().clear());
        assertEquals(List.of(3000L, 5000L), s.entries().stream().map(Schedule.Entry::step).toList());
    }
}
