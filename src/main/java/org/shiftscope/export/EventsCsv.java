package org.shiftscope.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.shiftscope.io.AtomicFile;
import org.shiftscope.stats.Event;

/**
 * {@code events.csv}: one row per setting changed during a run ({@code step,run,key,old,new}), values as scenario
 * files write them, and one per run that diverged ({@code STEP,RUN,diverged,false,true}). Written by the headless
 * runner and the app's CSV export.
 */
public final class EventsCsv {
    private EventsCsv() {}

    /** the file's text: the header, then one row per event, oldest first (of one step: in the order given) */
    public static String text(List<Event> events) {
        List<Event> byStep = new ArrayList<>(events);
        byStep.sort(Comparator.comparingLong(Event::step)); // stable
        StringBuilder b = new StringBuilder(Event.CSV_HEADER).append('\n');
        for (Event e : byStep) {
            b.append(e.step()).append(',').append(field(e.run())).append(',').append(field(e.key())).append(',')
                    .append(field(e.old())).append(',').append(field(e.next())).append('\n');
        }
        return b.toString();
    }

    /** Writes {@code events.csv} into a folder, whole or not at all. */
    public static Path write(Path dir, List<Event> events) throws IOException {
        Path f = dir.resolve("events.csv");
        AtomicFile.writeString(f, text(events));
        return f;
    }

    /** a CSV field: quoted (quotes doubled) when it holds a comma, a quote or a line break */
    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
