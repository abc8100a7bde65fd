package org.shiftscope.export;

import java.nio.file.Path;
import java.util.List;
import org.shiftscope.stats.IcsRow;

/**
 * Writes {@code ics.csv}: the ICS lab's measures of every run, step and hidden layer ({@link IcsRow}), in the order
 * they were measured, growing by whole rows like the other CSV files; a measure that is not finite is an empty
 * field. The same rows give byte-identical files.
 */
public final class IcsCsv extends GrowingCsv {
    public static final String HEADER = "run,step,layer,ics_l2,ics_cos,shift_w1,shift_mean,shift_std";
    public static final String FILE = "ics.csv";

    /** Creates {@link #FILE} in {@code dir} with its header (a {@code WriteException} names it if it cannot). */
    public IcsCsv(Path dir) {
        super(dir.resolve(FILE), HEADER);
    }

    /** Writes one run's rows of one step (a shift with no previous measurement is left empty). */
    public void write(List<IcsRow> measured) {
        for (IcsRow r : measured) {
            rows.append(r.run()).append(',').append(r.step()).append(',').append(r.layer()).append(',')
                    .append(finite(r.icsL2())).append(',').append(finite(r.icsCos())).append(',')
                    .append(finite(r.shiftW1())).append(',').append(finite(r.shiftMean())).append(',')
                    .append(finite(r.shiftStd())).append('\n');
        }
        hand();
    }

    /** a finite number, or an empty field */
    private static String finite(double v) {
        return Double.isFinite(v) ? Fmt.num(v) : "";
    }
}
