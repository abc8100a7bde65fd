package org.shiftscope.export;

import java.nio.file.Path;
import java.util.List;
import org.shiftscope.io.RowFile;
import org.shiftscope.stats.IcsRow;

/**
 * Writes {@code ics.csv}: the ICS lab's measures of every run, step and hidden layer ({@link IcsRow}), in the order
 * they were measured, growing by whole rows like the other CSV files; a measure that is not finite is an empty
 * field. The same rows give byte-identical files.
 */
public final class IcsCsv implements AutoCloseable {
    public static final String HEADER = "run,step,layer,ics_l2,ics_cos,shift_w1,shift_mean,shift_std";
    public static final String FILE = "ics.csv";

    /** the file */
    private final RowFile out;
    /** one step's rows, before they are handed on */
    private final StringBuilder rows = new StringBuilder();

    /** Creates {@link #FILE} in {@code dir} with its header (a {@code WriteException} names it if it cannot). */
    public IcsCsv(Path dir) {
        out = RowFile.create(dir.resolve(FILE));
        out.add(HEADER + "\n");
        out.flush();
    }

    /** Writes one run's rows of one step (a shift with no previous measurement is left empty). */
    public void write(List<IcsRow> measured) {
        for (IcsRow r : measured) {
            rows.append(r.run()).append(',').append(r.step()).append(',').append(r.layer()).append(',')
                    .append(finite(r.icsL2())).append(',').append(finite(r.icsCos())).append(',')
                    .append(finite(r.shiftW1())).append(',').append(finite(r.shiftMean())).append(',')
                    .append(finite(r.shiftStd())).append('\n');
        }
        if (rows.length() == 0) return;
        out.add(rows);
        rows.setLength(0);
    }

    /** a finite number, or an empty field */
    private static String finite(double v) {
        return Double.isFinite(v) ? Fmt.num(v) : "";
    }

    @Override
    public void close() {
        out.close();
    }
}
