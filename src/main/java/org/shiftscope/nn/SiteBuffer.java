package org.shiftscope.nn;

import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;

/**
 * A site and where its values are now: a layer's output, or for {@link Tap#GRADIENT} the derivative of the loss
 * with respect to it (values and derivatives side by side, as TensorFlow Playground's {@code output} and
 * {@code outputDer}).
 *
 * @param site   where
 * @param source gives the values now (owned by a layer, read-only, valid until its next pass), or null when there
 *               are none: a gradient before a backward has followed the last forward
 */
public record SiteBuffer(Site site, Supplier<DMatrixRMaj> source) {
    /** a layer's values at a site: its output, or for {@link Tap#GRADIENT} dL/d(output) */
    public static SiteBuffer of(Site site, Layer owner) {
        return new SiteBuffer(site, site.tap() == Tap.GRADIENT ? owner::outputGrad : owner::output);
    }

    /** the values now, or null when there are none (see {@link #source}) */
    public DMatrixRMaj values() {
        return source.get();
    }
}
