package org.shiftscope.export;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.shiftscope.stats.LayerFlow;
import org.shiftscope.stats.Snapshot;

/**
 * Writes {@code gradflow.csv}: per run, step and hidden layer the weight gradient's norm and the update-to-weight
 * ratio ({@link LayerFlow}), at the steps that carry statistics. The same snapshots give byte-identical files.
 */
public final class GradFlowCsv implements Closeable {
    public static final String HEADER = "run,step,layer,grad_norm,update_ratio";
    public static final String FILE = "gradflow.csv";

    /** the rows */
    private final Writer out;

    /** Opens {@link #FILE} in {@code dir} and writes its header. */
    public GradFlowCsv(Path dir) throws IOException {
        this(new BufferedWriter(Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8), 1 << 16));
    }

    /** A writer held elsewhere; the header is written at once. */
    public GradFlowCsv(Writer out) throws IOException {
        this.out = out;
        out.write(HEADER + "\n");
    }

    /** Writes one snapshot's rows (none when it carried no gradient-flow figures). */
    public void write(Snapshot s) {
        try {
            for (LayerFlow f : s.flow()) {
                out.write(s.run() + "," + s.step() + "," + f.layer() + "," + Fmt.num(f.gradNorm()) + ","
                        + Fmt.num(f.updateRatio()) + "\n");
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
