package org.shiftscope.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;

/**
 * A network's normalizer layers, one per hidden layer for each kind: BatchNorm's always exist, the others are made
 * the first time their kind is chosen and then kept (with their learned γ/β and running averages), so switching
 * normalizers keeps what each one learned. Holds the settings new layers are made with and passes a change of them
 * to every layer made so far. One thread, as its {@link Network}.
 */
final class NormLayers {
    /** hidden layer widths, input side first */
    private final int[] hidden;
    /** BatchNorm's layers, index h−1 */
    private final BatchNorm[] bn;
    /** the other kinds' layers, made when first chosen; index h−1 */
    private final EnumMap<NormKind, Normalization[]> others = new EnumMap<>(NormKind.class);
    /** GroupNorm's groups asked for, Batch Renorm's clips, the running averages' momentum and ε */
    private int groups;
    private double rMax, dMax, momentum, eps;
    /** learned or fixed γ/β, and the user's γ and β */
    private Affine affine;
    private double gamma, beta;

    NormLayers(int[] hidden, NetworkSpec spec) {
        this.hidden = hidden;
        groups = spec.normGroups();
        rMax = spec.renormRMax();
        dMax = spec.renormDMax();
        momentum = spec.bnMomentum();
        eps = spec.bnEps();
        affine = spec.affine();
        gamma = spec.gamma();
        beta = spec.beta();
        bn = new BatchNorm[hidden.length];
        for (int h = 0; h < hidden.length; h++) {
            bn[h] = new BatchNorm(Integer.toString(h + 1), hidden[h], momentum, eps);
            bn[h].setAffine(gamma, beta, affine == Affine.FIXED);
        }
    }

    /** the layers of a kind (not NONE), index h−1; made with the current settings the first time */
    Normalization[] of(NormKind kind) {
        if (kind == NormKind.BATCH) return bn;
        return others.computeIfAbsent(kind, k -> {
            Normalization[] made = new Normalization[hidden.length];
            for (int h = 0; h < made.length; h++) {
                made[h] = k.create(Integer.toString(h + 1), hidden[h], groupsFor(hidden[h], groups), momentum, eps,
                        rMax, dMax);
                made[h].setAffine(gamma, beta, affine == Affine.FIXED);
            }
            return made;
        });
    }

    /** Readies a kind (not NONE) to be used: the user's γ/β, running averages from the next batch on. */
    void startUsing(NormKind kind) {
        for (Normalization b : of(kind)) {
            b.setAffine(gamma, beta, affine == Affine.FIXED);
            b.resetRunningStats();
        }
    }

    /** BatchNorm's layer of hidden layer h (1-based) */
    BatchNorm batchNorm(int h) {
        return bn[h - 1];
    }

    /**
     * GroupNorm's groups for a layer: the number asked for when it divides the width, else the largest number
     * below it that does (so any setting works on any width; the layer says what it uses in
     * {@link Normalization#statistics()}).
     */
    static int groupsFor(int width, int asked) {
        int g = Math.max(1, Math.min(asked, width));
        while (width % g != 0) g--;
        return g;
    }

    /** GroupNorm's groups; returns whether they changed (its layers are then made anew when next used) */
    boolean setGroups(int g) {
        if (g == groups) return false;
        groups = g;
        others.remove(NormKind.GROUP);
        return true;
    }

    /** Batch Renorm's bounds on r (≥ 1) and d (≥ 0) */
    void setRenorm(double rMax, double dMax) {
        this.rMax = rMax;
        this.dMax = dMax;
        Normalization[] r = others.get(NormKind.RENORM);
        if (r == null) return;
        for (Normalization b : r) {
            ((BatchRenorm) b).setRMax(rMax);
            ((BatchRenorm) b).setDMax(dMax);
        }
    }

    /** Every layer's running averages restart from the next batch. */
    void resetRunningStats() {
        for (Normalization b : all()) b.resetRunningStats();
    }

    /** Every layer's γ/β set to the user's values; FIXED holds them there, LEARNED trains from them. */
    void setAffine(Affine mode, double gamma, double beta) {
        this.affine = mode;
        this.gamma = gamma;
        this.beta = beta;
        for (Normalization b : all()) b.setAffine(gamma, beta, mode == Affine.FIXED);
    }

    Affine affine() {
        return affine;
    }

    /** the settings new normalizers are made with (a recurrent layer makes one per time step as it needs them) */
    int groups() {
        return groups;
    }

    double rMax() {
        return rMax;
    }

    double dMax() {
        return dMax;
    }

    double momentum() {
        return momentum;
    }

    double eps() {
        return eps;
    }

    double gamma() {
        return gamma;
    }

    double beta() {
        return beta;
    }

    void setMomentum(double m) {
        momentum = m;
        for (Normalization b : all()) b.setMomentum(m);
    }

    void setEps(double e) {
        eps = e;
        for (Normalization b : all()) b.setEps(e);
    }

    /**
     * Takes another network's normalizer settings and every normalizer it has made, with their state (γ/β, running
     * averages, noise); returns whether layers were made here (the network must re-list them).
     */
    boolean copyFrom(NormLayers other) {
        boolean made = groups != other.groups && others.remove(NormKind.GROUP) != null;
        groups = other.groups;
        rMax = other.rMax;
        dMax = other.dMax;
        momentum = other.momentum;
        eps = other.eps;
        affine = other.affine;
        gamma = other.gamma;
        beta = other.beta;
        for (int h = 0; h < bn.length; h++) bn[h].copyStateFrom(other.bn[h]);
        for (var e : other.others.entrySet()) {
            made |= !others.containsKey(e.getKey());
            Normalization[] mine = of(e.getKey()), theirs = e.getValue();
            for (int h = 0; h < mine.length; h++) mine[h].copyStateFrom(theirs[h]);
        }
        return made;
    }

    /** every layer made so far, BatchNorm's first */
    private List<Normalization> all() {
        List<Normalization> all = new ArrayList<>(Arrays.asList(bn));
        for (Normalization[] k : others.values()) all.addAll(Arrays.asList(k));
        return all;
    }
}
