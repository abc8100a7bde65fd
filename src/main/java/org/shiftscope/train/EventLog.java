package org.shiftscope.train;

import java.util.ArrayDeque;
import java.util.List;
import org.shiftscope.stats.Event;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.Setting;
import org.shiftscope.train.scenario.Settings;

/**
 * The settings changed during a session, as {@link Event}s: what the time charts mark and {@code events.csv}
 * lists. Owned by the session's thread.
 */
final class EventLog {
    /** changes kept per session (the newest) */
    static final int MAX_EVENTS = 1000;

    /** the changes, oldest first */
    private final ArrayDeque<Event> events = new ArrayDeque<>();
    /** {@link #events} as an immutable list, made anew only when an event is recorded */
    private List<Event> list = List.of();

    /**
     * Records an event for each live setting whose value changes in some run at {@code step}: one for "all" when
     * every run changes alike, else one per run that changes (a variant's own setting, or a shared one some
     * variants override).
     */
    void record(Scenario old, Scenario next, long step, List<Run> runs) {
        boolean any = false;
        int n = Math.min(old.runCount(), next.runCount());
        for (Setting<?> k : Settings.all()) {
            if (k.apply() != Setting.Apply.LIVE) continue;
            int changed = 0;
            boolean alike = true;
            for (int i = 0; i < n; i++) {
                if (!next.run(i).differs(old.run(i), k)) continue;
                changed++;
                alike &= !next.run(i).differs(next.run(0), k) && !old.run(i).differs(old.run(0), k);
            }
            if (changed == 0) continue;
            any = true;
            if (changed == n && alike) {
                add(event(k, old.run(0), next.run(0), step, Event.ALL));
            } else {
                for (int i = 0; i < n; i++) {
                    if (next.run(i).differs(old.run(i), k)) {
                        add(event(k, old.run(i), next.run(i), step, runs.get(i).name));
                    }
                }
            }
        }
        if (any) list = List.copyOf(events);
    }

    private void add(Event e) {
        if (events.size() == MAX_EVENTS) events.removeFirst();
        events.addLast(e);
    }

    private static <T> Event event(Setting<T> k, Scenario old, Scenario next, long step, String run) {
        T a = old.get(k), b = next.get(k);
        return new Event(step, run, k.key(), k.type().toJson(a).asText(), k.type().toJson(b).asText(),
                EventWords.label(k, a, b));
    }

    /** the changes so far, oldest first (immutable; a new list after each change) */
    List<Event> list() {
        return list;
    }
}
