package org.shiftscope.export;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.shiftscope.io.AtomicFile;
import org.shiftscope.io.RowFile;
import org.shiftscope.io.WriteException;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.stats.TapStats;

/**
 * Writes snapshots as the three CSV files of a run: {@code stats.csv}, {@code metrics.csv} and
 * {@code histograms.csv}. The same snapshots give byte-identical files. A snapshot's rows reach the files whole
 * (a file ends in whole rows whenever it is read or its process is killed), and no row holds a number that is not
 * finite: the step at which a run diverged has no rows (run.json and events.csv say where it diverged), and a
 * tap whose statistics are not finite has none either.
 */
public final class CsvRecorder implements Closeable {
    public static final String STATS_HEADER = "run,step,layer,tap,mean,std,min,p15,p50,p85,max,saturation";
    public static final String METRICS_HEADER = "run,step,loss,batch_accuracy,test_accuracy,learning_rate";
    public static final String HISTOGRAMS_HEADER = "run,step,layer,tap,bin_lo,bin_hi,count";

    /** where a file's whole rows go */
    private interface Rows extends Closeable {
        void add(CharSequence rows) throws IOException;
    }

    /** per-tap summary rows */
    private final Rows stats;
    /** per-step training figures */
    private final Rows metrics;
    /** one row per histogram bin */
    private final Rows histograms;
    /** one snapshot's rows of each file, before they are handed on */
    private final StringBuilder statRows = new StringBuilder(), metricRows = new StringBuilder(),
            histogramRows = new StringBuilder();

    /**
     * Creates (or empties) the three files in {@code dir} (created if needed) and writes their headers; rows are
     * written at row boundaries as they gather.
     */
    public CsvRecorder(Path dir) throws IOException {
        Files.createDirectories(dir);
        this.stats = rows(RowFile.create(dir.resolve("stats.csv")), STATS_HEADER);
        this.metrics = rows(RowFile.create(dir.resolve("metrics.csv")), METRICS_HEADER);
        this.histograms = rows(RowFile.create(dir.resolve("histograms.csv")), HISTOGRAMS_HEADER);
    }

    /** Writers for callers that hold the text elsewhere (the app's CSV export, tests). */
    public CsvRecorder(Writer stats, Writer metrics, Writer histograms) throws IOException {
        this.stats = rows(stats);
        this.metrics = rows(metrics);
        this.histograms = rows(histograms);
        headers();
    }

    /**
     * Writes snapshots as the three files into a folder (created if needed), each whole or not at all (a temporary
     * file moved into place), telling {@code progress} the share written now and then. Any thread.
     */
    public static void writeFiles(Path dir, List<Snapshot> snapshots, DoubleConsumer progress) throws IOException {
        Files.createDirectories(dir);
        try (AtomicFile s = AtomicFile.create(dir.resolve("stats.csv"));
             AtomicFile m = AtomicFile.create(dir.resolve("metrics.csv"));
             AtomicFile h = AtomicFile.create(dir.resolve("histograms.csv"))) {
            try (CsvRecorder csv = new CsvRecorder(writer(s), writer(m), writer(h))) {
                for (int i = 0; i < snapshots.size(); i++) {
                    csv.write(snapshots.get(i));
                    progress.accept((i + 1.0) / snapshots.size());
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            s.commit();
            m.commit();
            h.commit();
        }
    }

    private static Writer writer(AtomicFile f) {
        return new BufferedWriter(new OutputStreamWriter(f.stream(), StandardCharsets.UTF_8), 1 << 16);
    }

    private void headers() throws IOException {
        stats.add(STATS_HEADER + "\n");
        metrics.add(METRICS_HEADER + "\n");
        histograms.add(HISTOGRAMS_HEADER + "\n");
    }

    /** a file's rows, its header written at once (so that even a run killed at once leaves whole files) */
    private static Rows rows(RowFile f, String header) {
        f.add(header + "\n");
        f.flush();
        return new Rows() {
            @Override
            public void add(CharSequence rows) {
                f.add(rows);
            }

            @Override
            public void close() {
                f.close();
            }
        };
    }

    private static Rows rows(Writer w) {
        return new Rows() {
            @Override
            public void add(CharSequence rows) throws IOException {
                w.append(rows);
            }

            @Override
            public void close() throws IOException {
                w.close();
            }
        };
    }

    /**
     * Writes one snapshot's rows.
     *
     * @throws WriteException       when a file cannot be written (it keeps its whole rows)
     * @throws UncheckedIOException when a writer fails
     */
    public void write(Snapshot s) {
        if (!Double.isFinite(s.loss())) return; // the step a run diverged at: its numbers describe no network
        String run = s.run();
        metricRows.append(run).append(',').append(s.step()).append(',').append(Fmt.num(s.loss())).append(',')
                .append(Fmt.num(s.batchAccuracy())).append(',').append(Fmt.optional(s.testAccuracy())).append(',')
                .append(Fmt.num(s.learningRate())).append('\n');
        for (TapStats t : s.taps()) {
            if (!finite(t)) continue;
            String key = run + "," + s.step() + "," + layer(t) + "," + t.tap().key() + ",";
            statRows.append(key).append(Fmt.num(t.mean())).append(',').append(Fmt.num(t.std())).append(',')
                    .append(Fmt.num(t.min())).append(',').append(Fmt.num(t.p15())).append(',')
                    .append(Fmt.num(t.p50())).append(',').append(Fmt.num(t.p85())).append(',')
                    .append(Fmt.num(t.max())).append(',').append(Fmt.optional(t.saturation())).append('\n');
            int[] c = t.counts();
            double w = t.binWidth();
            for (int b = 0; b < c.length; b++) {
                // an edge bin that also counts the values beyond the range reaches to the min / max
                double lo = b == 0 && t.under() > 0 ? t.min() : t.binLo() + b * w;
                double hi = b == c.length - 1 ? (t.over() > 0 ? t.max() : t.binHi()) : t.binLo() + (b + 1) * w;
                histogramRows.append(key).append(Fmt.num(lo)).append(',').append(Fmt.num(hi)).append(',')
                        .append(c[b]).append('\n');
            }
        }
        try {
            hand(metrics, metricRows);
            hand(stats, statRows);
            hand(histograms, histogramRows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** the {@code layer} column: the hidden layer's number, and for one time step "@t" and its index ("1@t7") */
    static String layer(TapStats t) {
        int p = t.site().position();
        return p == org.shiftscope.nn.Site.ALL ? Integer.toString(t.layer()) : t.layer() + "@t" + p;
    }

    /** whether every number of a tap's row and its histogram is finite */
    private static boolean finite(TapStats t) {
        for (double v : new double[] {t.mean(), t.std(), t.min(), t.p15(), t.p50(), t.p85(), t.max(), t.binLo(),
            t.binHi()}) {
            if (!Double.isFinite(v)) return false;
        }
        return !Double.isInfinite(t.saturation()); // NaN: not measured, an empty field
    }

    private static void hand(Rows to, StringBuilder rows) throws IOException {
        if (rows.length() == 0) return;
        to.add(rows);
        rows.setLength(0);
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Rows r : new Rows[] {stats, metrics, histograms}) {
            try {
                r.close();
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }
}
