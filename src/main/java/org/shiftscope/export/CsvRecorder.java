package org.shiftscope.export;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.stats.TapStats;

/**
 * Writes snapshots as the three CSV files of a run: {@code stats.csv}, {@code metrics.csv} and
 * {@code histograms.csv}. The same snapshots give byte-identical files.
 */
public final class CsvRecorder implements Closeable {
    public static final String STATS_HEADER = "run,step,layer,tap,mean,std,min,p15,p50,p85,max,saturation";
    public static final String METRICS_HEADER = "run,step,loss,batch_accuracy,test_accuracy,learning_rate";
    public static final String HISTOGRAMS_HEADER = "run,step,layer,tap,bin_lo,bin_hi,count";
    public static final String LENGTHS_HEADER = "run,step,length,test_accuracy";

    /** per-tap summary rows */
    private final Writer stats;
    /** per-step training figures */
    private final Writer metrics;
    /** one row per histogram bin */
    private final Writer histograms;
    /** where {@code lengths.csv} goes, made with the first accuracy by length (sequence sets); null: not written */
    private final Path dir;
    /** a sequence model's test accuracy at each length, or null before the first */
    private Writer lengths;

    /** Opens the three files in {@code dir} (created if needed) and writes their headers. */
    public CsvRecorder(Path dir) throws IOException {
        Files.createDirectories(dir);
        this.dir = dir;
        stats = open(dir.resolve("stats.csv"));
        metrics = open(dir.resolve("metrics.csv"));
        histograms = open(dir.resolve("histograms.csv"));
        stats.write(STATS_HEADER + "\n");
        metrics.write(METRICS_HEADER + "\n");
        histograms.write(HISTOGRAMS_HEADER + "\n");
    }

    /** Writers for callers that hold the text elsewhere (the app's CSV export). */
    public CsvRecorder(Writer stats, Writer metrics, Writer histograms) throws IOException {
        this.stats = stats;
        this.metrics = metrics;
        this.histograms = histograms;
        this.dir = null;
        stats.write(STATS_HEADER + "\n");
        metrics.write(METRICS_HEADER + "\n");
        histograms.write(HISTOGRAMS_HEADER + "\n");
    }

    private static Writer open(Path p) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Writes one snapshot's rows. */
    public void write(Snapshot s) {
        try {
            String run = s.run();
            metrics.write(run + "," + s.step() + "," + Fmt.num(s.loss()) + "," + Fmt.num(s.batchAccuracy()) + ","
                    + Fmt.optional(s.testAccuracy()) + "," + Fmt.num(s.learningRate()) + "\n");
            if (s.byLength() != null && dir != null) {
                if (lengths == null) {
                    lengths = open(dir.resolve("lengths.csv"));
                    lengths.write(LENGTHS_HEADER + "\n");
                }
                var by = s.byLength();
                for (int l = by.shortest(); l <= by.longest(); l++) {
                    lengths.write(run + "," + s.step() + "," + l + "," + Fmt.num(by.at(l)) + "\n");
                }
            }
            for (TapStats t : s.taps()) {
                String key = run + "," + s.step() + "," + layer(t) + "," + t.tap().key() + ",";
                stats.write(key + Fmt.num(t.mean()) + "," + Fmt.num(t.std()) + "," + Fmt.num(t.min()) + ","
                        + Fmt.num(t.p15()) + "," + Fmt.num(t.p50()) + "," + Fmt.num(t.p85()) + ","
                        + Fmt.num(t.max()) + "," + Fmt.optional(t.saturation()) + "\n");
                int[] c = t.counts();
                double w = t.binWidth();
                for (int b = 0; b < c.length; b++) {
                    // an edge bin that also counts the values beyond the range reaches to the min / max
                    double lo = b == 0 && t.under() > 0 ? t.min() : t.binLo() + b * w;
                    double hi = b == c.length - 1 ? (t.over() > 0 ? t.max() : t.binHi()) : t.binLo() + (b + 1) * w;
                    histograms.write(key + Fmt.num(lo) + "," + Fmt.num(hi) + "," + c[b] + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** the {@code layer} column: the hidden layer's number, and for one time step "@t" and its index ("1@t7") */
    static String layer(TapStats t) {
        int p = t.site().position();
        return p == org.shiftscope.nn.Site.ALL ? Integer.toString(t.layer()) : t.layer() + "@t" + p;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Writer w : new Writer[] {stats, metrics, histograms, lengths}) {
            if (w == null) continue;
            try {
                w.close();
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }
}
