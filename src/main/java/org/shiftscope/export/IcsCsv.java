package org.shiftscope.export;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.shiftscope.stats.IcsRow;

/**
 * Writes {@code ics.csv}: the ICS lab's measures of every run, step and hidden layer ({@link IcsRow}), in the order
 * they were measured. The same rows give byte-identical files.
 */
public final class IcsCsv implements Closeable {
    public static final String HEADER = "run,step,layer,ics_l2,ics_cos,shift_w1,shift_mean,shift_std";
    public static final String FILE = "ics.csv";

    /** the rows */
    private final Writer out;

    /** Opens {@link #FILE} in {@code dir} and writes its header. */
    public IcsCsv(Path dir) throws IOException {
        out = new BufferedWriter(Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8), 1 << 16);
        out.write(HEADER + "\n");
    }

    /** Writes one run's rows of one step (a shift with no previous measurement is left empty). */
    public void write(List<IcsRow> rows) {
        try {
            for (IcsRow r : rows) {
                out.write(r.run() + "," + r.step() + "," + r.layer() + "," + Fmt.num(r.icsL2()) + ","
                        + Fmt.num(r.icsCos()) + "," + Fmt.optional(r.shiftW1()) + "," + Fmt.optional(r.shiftMean())
                        + "," + Fmt.optional(r.shiftStd()) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
