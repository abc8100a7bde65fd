package org.shiftscope.export;

import java.nio.file.Path;
import org.shiftscope.stats.LayerFlow;
import org.shiftscope.stats.Snapshot;

/**
 * Writes {@code gradflow.csv}: per run, step and hidden layer the weight gradient's norm and the update-to-weight
 * ratio ({@link LayerFlow}), at the steps that carry statistics, growing by whole rows like the other CSV files.
 * Only finite numbers: a ratio that is not finite (learning rate 0: log₁₀ 0) is an empty field, and a layer whose
 * gradient norm is not finite has no row. The same snapshots give byte-identical files.
 */
public final class GradFlowCsv extends GrowingCsv {
    public static final String HEADER = "run,step,layer,grad_norm,update_ratio";
    public static final String FILE = "gradflow.csv";

    /** Creates {@link #FILE} in {@code dir} with its header (a {@code WriteException} names it if it cannot). */
    public GradFlowCsv(Path dir) {
        super(dir.resolve(FILE), HEADER);
    }

    /** Writes one snapshot's rows (none when it carried no gradient-flow figures). */
    public void write(Snapshot s) {
        for (LayerFlow f : s.flow()) {
            if (!Double.isFinite(f.gradNorm())) continue;
            double r = f.updateRatio();
            rows.append(s.run()).append(',').append(s.step()).append(',').append(f.layer()).append(',')
                    .append(Fmt.num(f.gradNorm())).append(',').append(Double.isFinite(r) ? Fmt.num(r) : "")
                    .append('\n');
        }
        hand();
    }
}
