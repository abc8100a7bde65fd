package org.shiftscope.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shiftscope.nn.Affine;
import org.shiftscope.nn.NormKind;
import org.shiftscope.stats.Event;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioIO;
import org.shiftscope.train.scenario.Settings;

/** Every live change lands in Session.apply, which records it as an event; a scenario's schedule applies there too. */
class SessionEventsTest {
    private static void steps(Session s, int n) {
        for (int i = 0; i < n; i++) s.step();
    }

    @Test
    void eachChangedLiveSettingIsOneEventAtTheNextStep() {
        Session s = Session.create(Scenario.defaults());
        steps(s, 5);
        s.set(Settings.LEARNING_RATE, 0.5);
        assertEquals(List.of(new Event(6, "all", "training.learning_rate", "0.03", "0.5", "lr 0.03→0.5")), s.events());
        steps(s, 2);
        // two settings at once: two events of one step, in the table's order
        s.apply(s.scenario().with(Settings.NORM, NormKind.NONE).with(Settings.BATCH_SIZE, 8L));
        List<Event> e = s.events();
        assertEquals(3, e.size());
        assertEquals(new Event(8, "all", "network.norm", "batch", "none", "BN off"), e.get(1));
        assertEquals(new Event(8, "all", "training.batch_size", "32", "8", "batch 32→8"), e.get(2));
        // the same values again change nothing; settings that need a rebuild are not live changes
        List<Event> before = s.events();
        s.apply(s.scenario().with(Settings.HIDDEN, List.of(4)));
        assertSame(before, s.events());
        s.set(Settings.AFFINE, Affine.FIXED);
        s.set(Settings.NORM, NormKind.LAYER);
        assertEquals(List.of("γ/β fixed", "LayerNorm on"), s.events().subList(3, 5).stream().map(Event::label).toList());
        assertThrows(UnsupportedOperationException.class, () -> s.events().clear());
    }

    @Test
    void aNewSessionHasNoEventsAndTheListIsBounded() {
        Session s = Session.create(Scenario.defaults());
        assertTrue(s.events().isEmpty());
        for (int i = 0; i < Session.MAX_EVENTS + 5; i++) s.set(Settings.MOMENTUM, i % 2 == 0 ? 0.5 : 0.9);
        assertEquals(Session.MAX_EVENTS, s.events().size());
        assertEquals("0.5", s.events().get(Session.MAX_EVENTS - 1).next()); // the newest kept
    }

    @Test
    void aVariantsOwnChangeConcernsItAndASharedOneAll() {
        Scenario sc = org.shiftscope.train.scenario.VariantPreset.BN_VS_PLAIN.applyTo(Scenario.defaults());
        Session s = Session.create(sc);
        s.apply(sc.withVariant(0, sc.variants().get(0).with(Settings.NORM, NormKind.LAYER)));
        assertEquals(new Event(1, "bn", "network.norm", "batch", "layer", "BN→LayerNorm"), s.events().get(0));
        s.set(Settings.LEARNING_RATE, 0.5);
        assertEquals(new Event(1, Event.ALL, "training.learning_rate", "0.03", "0.5", "lr 0.03→0.5"),
                s.events().get(1));
        s.set(Settings.NORM, NormKind.NONE); // the shared value, which both variants override: no change anywhere
        assertEquals(2, s.events().size());
    }

    @Test
    void aScheduledChangeAppliesBeforeTheStepItNames() {
        Scenario sc = ScenarioIO.parse("{\"schedule\": [{\"step\": 4, \"set\": {\"network.batchnorm\": false}},"
                + " {\"step\": 6, \"set\": {\"training.learning_rate\": 0.1, \"network.norm\": \"batch\"}}]}", "test");
        Session s = Session.create(sc);
        List<Snapshot> snaps = new java.util.ArrayList<>();
        s.setListener(snaps::add);
        steps(s, 7);
        assertEquals(List.of(true, true, true, false, false, true, true),
                snaps.stream().map(Snapshot::batchNorm).toList());
        assertEquals(0.1, snaps.get(5).learningRate());
        assertEquals(0.03, snaps.get(4).learningRate());
        assertEquals(List.of(new Event(4, "all", "network.norm", "batch", "none", "BN off"),
                new Event(6, "all", "network.norm", "none", "batch", "BN on"),
                new Event(6, "all", "training.learning_rate", "0.03", "0.1", "lr 0.03→0.1")), s.events());
        assertFalse(s.runs().get(0).net.batchNorm() != true);
        assertEquals(sc.schedule(), s.scenario().schedule()); // a live change keeps the schedule
    }
}
