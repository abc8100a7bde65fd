package org.shiftscope.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;

/**
 * Layers one after another, each with a name (its path inside this one: {@code rnn}, {@code last}, {@code out}),
 * itself a layer. A parameter used by two of its layers is listed once; each use adds its part to its gradient.
 */
public final class Sequential implements Layer {
    /** a named part */
    public record Part(String name, Layer layer) { }

    /** the parts in forward order */
    private final List<Part> parts;
    /** their parameters, each once */
    private final List<Param> params;

    public Sequential(List<Part> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("a sequence needs at least one layer");
        this.parts = List.copyOf(parts);
        Set<Param> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Param> ps = new ArrayList<>();
        for (Part p : parts) for (Param q : p.layer().parameters()) if (seen.add(q)) ps.add(q);
        this.params = List.copyOf(ps);
    }

    /** the parts in forward order */
    public List<Part> parts() {
        return parts;
    }

    /** its parameters, each once */
    @Override
    public List<Param> parameters() {
        return params;
    }

    /** the part with this name; IllegalArgumentException naming the parts otherwise */
    public Layer part(String name) {
        for (Part p : parts) if (p.name().equals(name)) return p.layer();
        throw new IllegalArgumentException("no part '" + name + "': " + parts.stream().map(Part::name).toList());
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Pass pass) {
        DMatrixRMaj a = x;
        for (int i = 0, n = parts.size(); i < n; i++) a = parts.get(i).layer().forward(a, pass);
        return a;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dOut) {
        DMatrixRMaj d = dOut;
        for (int i = parts.size() - 1; i >= 0; i--) d = parts.get(i).layer().backward(d);
        return d;
    }

    @Override
    public DMatrixRMaj output() {
        return parts.get(parts.size() - 1).layer().output();
    }

    @Override
    public DMatrixRMaj outputGrad() {
        return parts.get(parts.size() - 1).layer().outputGrad();
    }

    /** each part's sites, its path the part's name under this one's */
    @Override
    public void sites(String path, int layer, List<SiteBuffer> out) {
        for (Part p : parts) p.layer().sites(path.isEmpty() ? p.name() : path + "." + p.name(), layer, out);
    }
}
