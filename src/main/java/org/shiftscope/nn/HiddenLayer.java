package org.shiftscope.nn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * One hidden layer of a network as a block: Dense → [normalizer] → activation (placement before) or Dense →
 * activation → [normalizer] (placement after), itself a {@link Layer}. Its parts are named {@code linear},
 * {@code norm} and {@code act} (paths such as {@code h3.norm}); the normalizer can be swapped, moved or taken out
 * between two steps ({@link #use}), keeping the weights. Its sites are W·x+b, the normalizer's output, the
 * activation and dL/d(W·x+b), in {@link Tap} order.
 */
public final class HiddenLayer implements Layer {
    /** the names of the parts, as in paths */
    public static final String LINEAR = "linear", NORM = "norm", ACT = "act";

    /** the linear part */
    private final Dense dense;
    /** the nonlinearity */
    private final Activation act;
    /** the normalizer in use, or null */
    private Normalization norm;
    /** where the normalizer sits */
    private Placement placement = Placement.BEFORE;
    /** the parts in forward order */
    private final List<Layer> parts = new ArrayList<>();
    /** the parts' parameters */
    private final List<Param> params = new ArrayList<>();

    public HiddenLayer(Dense dense, Activation act) {
        this.dense = dense;
        this.act = act;
        use(null, Placement.BEFORE);
    }

    /**
     * Uses this normalizer (null: none) at this place from the next pass on. A bias right before a normalizer that
     * cancels it (BatchNorm: the batch mean takes it out) is dropped, as the BatchNorm paper does. Allocates; not
     * per step.
     */
    public void use(Normalization n, Placement p) {
        norm = n;
        placement = p;
        dense.setUseBias(!(n != null && n.kind().cancelsBias() && p == Placement.BEFORE));
        parts.clear();
        parts.add(dense);
        if (n != null && p == Placement.BEFORE) parts.add(n);
        parts.add(act);
        if (n != null && p == Placement.AFTER) parts.add(n);
        params.clear();
        for (Layer l : parts) params.addAll(l.parameters());
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Pass pass) {
        DMatrixRMaj a = x;
        for (int i = 0, n = parts.size(); i < n; i++) a = parts.get(i).forward(a, pass);
        return a;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dOut) {
        DMatrixRMaj d = dOut;
        for (int i = parts.size() - 1; i >= 0; i--) d = parts.get(i).backward(d);
        return d;
    }

    @Override
    public List<Param> parameters() {
        return params;
    }

    @Override
    public DMatrixRMaj output() {
        return parts.get(parts.size() - 1).output();
    }

    @Override
    public DMatrixRMaj outputGrad() {
        return parts.get(parts.size() - 1).outputGrad();
    }

    /** a block has no tap of its own: its parts have */
    @Override
    public Tap tap() {
        return null;
    }

    /** the parts' sites, in {@link Tap} order whatever the placement */
    @Override
    public void sites(String path, int layer, List<SiteBuffer> out) {
        List<SiteBuffer> mine = new ArrayList<>();
        for (Layer l : parts) l.sites(path, layer, mine);
        mine.sort(Comparator.comparing(s -> s.site().tap()));
        out.addAll(mine);
    }

    /** the parts in forward order (read-only view; changes with {@link #use}) */
    public List<Layer> parts() {
        return java.util.Collections.unmodifiableList(parts);
    }

    /** the part with this name ({@link #LINEAR}, {@link #NORM}, {@link #ACT}), or null (no normalizer) */
    public Layer part(String name) {
        return switch (name) {
            case LINEAR -> dense;
            case NORM -> norm;
            case ACT -> act;
            default -> null;
        };
    }

    /** the name of one of its parts */
    public String nameOf(Layer part) {
        return part == dense ? LINEAR : part == act ? ACT : part == norm && norm != null ? NORM : null;
    }

    public Dense dense() {
        return dense;
    }

    public Activation activation() {
        return act;
    }

    /** the normalizer in use, or null */
    public Normalization norm() {
        return norm;
    }

    public Placement placement() {
        return placement;
    }

    /** what the normalizer reads: W·x+b, or the activation when it sits after it; W·x+b without one */
    public DMatrixRMaj normInput() {
        return norm != null && placement == Placement.AFTER ? act.output() : dense.output();
    }
}
