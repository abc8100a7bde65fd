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
public final class HiddenLayer extends Composite {
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
    /** the parts in forward order, named */
    private Sequential parts;

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
        List<Sequential.Part> list = new ArrayList<>();
        list.add(new Sequential.Part(LINEAR, dense));
        if (n != null && p == Placement.BEFORE) list.add(new Sequential.Part(NORM, n));
        list.add(new Sequential.Part(ACT, act));
        if (n != null && p == Placement.AFTER) list.add(new Sequential.Part(NORM, n));
        parts = new Sequential(list);
    }

    @Override
    protected Sequential body() {
        return parts;
    }

    /** the parts' sites, in {@link Tap} order whatever the placement */
    @Override
    public void sites(String path, int layer, List<SiteBuffer> out) {
        List<SiteBuffer> mine = new ArrayList<>();
        for (Sequential.Part p : parts.parts()) p.layer().sites(path, layer, mine);
        mine.sort(Comparator.comparing(s -> s.site().tap()));
        out.addAll(mine);
    }

    /** the parts in forward order (changes with {@link #use}) */
    public List<Layer> parts() {
        return parts.parts().stream().map(Sequential.Part::layer).toList();
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

    /** its linear part */
    public Dense dense() {
        return dense;
    }

    /** the normalizer in use, or null */
    public Normalization norm() {
        return norm;
    }

    /** what the normalizer reads: W·x+b, or the activation when it sits after it; W·x+b without one */
    public DMatrixRMaj normInput() {
        return norm != null && placement == Placement.AFTER ? act.output() : dense.output();
    }
}
