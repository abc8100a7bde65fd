package org.shiftscope.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.shiftscope.export.CsvRecorder;
import org.shiftscope.export.EventsCsv;
import org.shiftscope.export.GradFlowCsv;
import org.shiftscope.export.IcsCsv;
import org.shiftscope.export.LengthsCsv;
import org.shiftscope.data.SequenceDataset;
import org.shiftscope.io.AtomicFile;
import org.shiftscope.io.WriteException;
import org.shiftscope.stats.Event;
import org.shiftscope.stats.IcsRow;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.train.Run;
import org.shiftscope.train.Session;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioIO;

/**
 * The files of one headless run in its output folder, none ever half-written: {@code run.json} says
 * {@code "running"} from the start and is replaced in one step at the end ({@code "finished"},
 * {@code "interrupted"} or {@code "failed"}); the CSV files grow by whole rows; {@code events.csv} (and the
 * figures) appear whole. A file that cannot be written is a {@link WriteException} naming it.
 */
final class RunFolder implements AutoCloseable {
    /** what run.json says about the run */
    enum State {
        RUNNING, FINISHED, INTERRUPTED, FAILED;

        /** the word in run.json */
        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** the output folder */
    private final Path dir;
    /** the run's settings */
    private final Scenario scenario;
    /** stats.csv, metrics.csv and histograms.csv */
    private final CsvRecorder csv;
    /** gradflow.csv */
    private final GradFlowCsv flow;
    /** ics.csv, when the ICS lab measures (lab.every > 0, not a sequence set); else null */
    private final IcsCsv ics;
    /** lengths.csv, when the data are a sequence set; else null */
    private final LengthsCsv lengths;

    private RunFolder(Path dir, Scenario scenario, CsvRecorder csv, GradFlowCsv flow, IcsCsv ics,
                      LengthsCsv lengths) {
        this.dir = dir;
        this.scenario = scenario;
        this.csv = csv;
        this.flow = flow;
        this.ics = ics;
        this.lengths = lengths;
    }

    /** Writes run.json ("running") and starts the CSV files in an existing folder. */
    static RunFolder start(Path dir, Scenario sc, Session session) {
        writeJson(dir, sc, session, State.RUNNING, 0, null);
        try {
            boolean sequences = session.data() instanceof SequenceDataset; // the ICS lab measures perceptrons only
            return new RunFolder(dir, sc, new CsvRecorder(dir), new GradFlowCsv(dir),
                    sc.labEvery() > 0 && !sequences ? new IcsCsv(dir) : null, sequences ? new LengthsCsv(dir) : null);
        } catch (IOException e) {
            throw new WriteException(dir, e);
        }
    }

    /** Hands a step's snapshot to stats.csv, metrics.csv, histograms.csv, gradflow.csv and lengths.csv. */
    void write(Snapshot s) {
        csv.write(s);
        flow.write(s);
        if (lengths != null) lengths.write(s);
    }

    /** Hands the ICS lab's rows of one run and step to ics.csv (none when the lab is off). */
    void writeLab(List<IcsRow> rows) {
        if (ics != null) ics.write(rows);
    }

    /** Writes the last rows and closes the CSV files (again: nothing happens). */
    void closeCsv() {
        WriteException first = null;
        try {
            csv.close();
        } catch (IOException e) {
            first = new WriteException(dir, e);
        }
        try {
            flow.close();
        } catch (WriteException e) {
            if (first == null) first = e;
        }
        try {
            if (ics != null) ics.close();
        } catch (WriteException e) {
            if (first == null) first = e;
        }
        try {
            if (lengths != null) lengths.close();
        } catch (WriteException e) {
            if (first == null) first = e;
        }
        if (first != null) throw first;
    }

    /** Writes events.csv and the final run.json (finished or interrupted); the CSV files are closed first. */
    void finish(Session session, double wallSeconds, State state) {
        closeCsv();
        Path events = dir.resolve("events.csv");
        try {
            EventsCsv.write(dir, events(session));
        } catch (IOException e) {
            throw new WriteException(events, e);
        }
        writeJson(dir, scenario, session, state, wallSeconds, null);
    }

    /**
     * After a failed write: the CSV files are closed (each keeps its whole rows) and run.json says "failed" and
     * why, if the disk still takes it.
     */
    void fail(Session session, double wallSeconds, WriteException why) {
        try {
            closeCsv();
        } catch (WriteException e) {
            // the first failure is the one reported
        }
        try {
            writeJson(dir, scenario, session, State.FAILED, wallSeconds, why.getMessage());
        } catch (WriteException e) {
            // run.json still says "running"; the exit code and the message say what happened
        }
    }

    /** the settings changed during the run and the step at which each run that diverged did so */
    static List<Event> events(Session session) {
        List<Event> all = new ArrayList<>(session.events());
        for (Run r : session.runs()) if (r.diverged()) all.add(Event.divergence(r.name, r.divergedAt()));
        return all;
    }

    private static void writeJson(Path dir, Scenario sc, Session session, State state, double wall, String error) {
        Path file = dir.resolve("run.json");
        try {
            ObjectNode root = JSON.createObjectNode();
            root.put("status", state.key());
            if (error != null) root.put("error", error);
            root.set("scenario", JSON.readTree(ScenarioIO.toJson(sc)));
            root.put("steps", session.stepCount());
            root.put("seed", sc.training().seed());
            root.put("backend", session.backend().name());
            if (state != State.RUNNING) {
                root.put("wall_seconds", Math.round(wall * 1000) / 1000.0);
                root.put("steps_per_second", wall > 0 ? Math.round(session.stepCount() / wall * 10) / 10.0 : 0);
                ObjectNode runs = root.putObject("runs");
                for (Run r : session.runs()) {
                    ObjectNode n = runs.putObject(r.name);
                    putNumber(n, "final_loss", r.loss());
                    double acc = r.diverged() || state != State.FINISHED ? r.testAccuracy() : session.testAccuracy(r);
                    putNumber(n, "final_test_accuracy", acc);
                    if (r.diverged()) n.put("diverged_at_step", r.divergedAt());
                    else n.putNull("diverged_at_step");
                }
            }
            AtomicFile.writeString(file, JSON.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new WriteException(file, e);
        }
    }

    private static void putNumber(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) n.put(key, v);
        else n.putNull(key);
    }

    /** Closes the CSV files if a failure left them open. */
    @Override
    public void close() {
        try {
            closeCsv();
        } catch (WriteException e) {
            // reported where it first failed
        }
    }
}
