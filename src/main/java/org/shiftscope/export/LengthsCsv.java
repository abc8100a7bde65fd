package org.shiftscope.export;

import java.nio.file.Path;
import org.shiftscope.stats.LengthAccuracy;
import org.shiftscope.stats.Snapshot;

/**
 * Writes {@code lengths.csv} of a sequence set's run: per run and evaluation, the test accuracy (inference mode) of
 * the sequences of each length, growing by whole rows like the other CSV files. Only finite numbers: a length whose
 * accuracy is not finite has no row. The same snapshots give byte-identical files.
 */
public final class LengthsCsv extends GrowingCsv {
    public static final String HEADER = "run,step,length,test_accuracy";
    public static final String FILE = "lengths.csv";

    /** Creates {@link #FILE} in {@code dir} with its header (a {@code WriteException} names it if it cannot). */
    public LengthsCsv(Path dir) {
        super(dir.resolve(FILE), HEADER);
    }

    /** Writes one snapshot's rows (none when it carried no accuracy by length). */
    public void write(Snapshot s) {
        LengthAccuracy by = s.byLength();
        if (by == null) return;
        for (int l = by.shortest(); l <= by.longest(); l++) {
            double a = by.at(l);
            if (!Double.isFinite(a)) continue;
            rows.append(s.run()).append(',').append(s.step()).append(',').append(l).append(',').append(Fmt.num(a))
                    .append('\n');
        }
        hand();
    }
}
