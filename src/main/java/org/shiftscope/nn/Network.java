package org.shiftscope.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * A multilayer perceptron as a list of layers and a loop. Each hidden layer h (1-based) is
 * Dense → [normalizer] → Activation (placement before) or Dense → Activation → [normalizer] (placement after);
 * the output is Dense → softmax cross-entropy. The normalizer is BatchNorm, LayerNorm, GroupNorm or Batch Renorm
 * ({@link NormKind}), or none.
 *
 * <p>The BatchNorm layers always exist and the other normalizers are made the first time they are chosen and then
 * kept; switching normalizers, turning them off or moving them only re-lists the layers, so the weights and the
 * matrices survive. Only a change of shape (depth, width, activation, inputs) needs a new network.
 * Not thread-safe: one thread (the trainer) owns a network and everything in it.
 */
public final class Network {
    /** input features */
    private final int inputs;
    /** hidden layer widths, input side first */
    private final int[] hidden;
    /** output classes */
    private final int classes;
    /** the hidden nonlinearity */
    private final ActivationKind activation;
    /** hidden linear layers, index h−1 */
    private final Dense[] dense;
    /** every normalizer's layers made so far, and the settings new ones are made with */
    private final NormLayers norms;
    /** the normalizer in use (NONE: none) */
    private NormKind norm;
    /** its layers, index h−1 (null for NONE); kept so a training step looks nothing up */
    private Normalization[] current;
    /** hidden nonlinearities, index h−1 */
    private final Activation[] act;
    /** the output linear layer, producing logits */
    private final Dense out;
    /** softmax + cross-entropy on the logits */
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
    /** the layers in forward order for the current BN settings */
    private final List<Layer> layers = new ArrayList<>();
    /** hidden layer (1-based) of each entry of {@link #layers}; 0 for the output layer */
    private int[] hiddenOfLayer = new int[0];
    /** parameters of the listed layers */
    private final List<Param> params = new ArrayList<>();
    /** where BN sits */
    private Placement placement = Placement.BEFORE;
    /** magnitude of the noise after BN (noisy BN), 0 = none */
    private double normNoise;
    /** draws the noise after BN, seeded from the network's seed */
    private final Random noiseRng;

    /**
     * Builds a network and draws its weights from {@code new Random(seed)}: hidden layers first, then the output
     * layer, so two networks of the same shape and seed start with the same weights whatever their BN settings.
     */
    public Network(int inputs, int classes, NetworkSpec spec, long seed, MatMul mm) {
        int[] hidden = spec.hidden();
        this.inputs = inputs;
        this.hidden = hidden;
        this.classes = classes;
        this.activation = spec.activation();
        int depth = hidden.length;
        dense = new Dense[depth];
        act = new Activation[depth];
        Random rng = new Random(seed);
        int in = inputs;
        for (int h = 0; h < depth; h++) {
            dense[h] = new Dense(Integer.toString(h + 1), in, hidden[h], mm);
            dense[h].init(rng, spec.init().std(in, hidden[h], spec.initGain()));
            act[h] = new Activation(activation);
            in = hidden[h];
        }
        out = new Dense("out", in, classes, mm);
        out.init(rng, spec.init().std(in, classes, spec.initGain()));
        (depth == 0 ? out : dense[0]).setNeedInputGrad(false); // the data needs no gradient
        this.norm = spec.norm();
        this.norms = new NormLayers(hidden, spec);
        this.placement = spec.bnPlacement();
        this.normNoise = spec.normNoise();
        this.noiseRng = new Random(seed ^ 0x9E3779B97F4A7C15L);
        relist();
    }

    /** the normalizer layers of the kind in use (made on first use), index h−1; not for NONE */
    private Normalization[] active() {
        if (current == null) current = norms.of(norm);
        return current;
    }

    /** GroupNorm's groups for a layer of this width: see {@link NormLayers#groupsFor} */
    public static int groupsFor(int width, int asked) {
        return NormLayers.groupsFor(width, asked);
    }

    /** The same, every setting spelled out (tests). */
    public Network(int inputs, int[] hidden, int classes, ActivationKind activation, Init init, double initGain,
                   long seed, MatMul mm, boolean batchNorm, Placement placement, Affine affine, double gamma,
                   double beta, double bnMomentum, double bnEps) {
        this(inputs, classes, new NetworkSpec(hidden, activation, init, initGain, batchNorm, placement, affine, gamma,
                beta, bnMomentum, bnEps, 0), seed, mm);
    }

    /** Re-lists layers and parameters after a BN on/off or placement change. Allocates; not per step. */
    private void relist() {
        layers.clear();
        List<Integer> owner = new ArrayList<>();
        for (int h = 0; h < dense.length; h++) {
            boolean bnHere = norm.hasLayer();
            Normalization[] nl = bnHere ? active() : null;
            layers.add(dense[h]);
            owner.add(h + 1);
            // a bias right before BN is cancelled by the mean subtraction over the batch: the paper drops it
            dense[h].setUseBias(!(bnHere && norm.cancelsBias() && placement == Placement.BEFORE));
            if (bnHere && placement == Placement.BEFORE) {
                layers.add(nl[h]);
                owner.add(h + 1);
            }
            layers.add(act[h]);
            owner.add(h + 1);
            if (bnHere && placement == Placement.AFTER) {
                layers.add(nl[h]);
                owner.add(h + 1);
            }
        }
        layers.add(out);
        owner.add(0);
        hiddenOfLayer = owner.stream().mapToInt(Integer::intValue).toArray();
        params.clear();
        for (Layer l : layers) params.addAll(l.parameters());
    }

    /**
     * Forward pass over a batch; returns the mean cross-entropy loss.
     *
     * @param training true: BN uses (and updates) batch statistics; false: BN uses its running averages
     */
    public double forward(DMatrixRMaj x, int[] y, boolean training) {
        if (training && norm.hasLayer()) {
            // noisy BN: every training step draws each unit's scale and offset anew (none at inference)
            for (Normalization b : active()) b.drawNoise(normNoise, noiseRng);
        }
        DMatrixRMaj a = x;
        for (int i = 0, n = layers.size(); i < n; i++) {
            a = layers.get(i).forward(a, training);
        }
        return loss.forward(a, y);
    }

    /** Backward pass after a training-mode {@link #forward}: fills every listed parameter's gradient. */
    public void backward() {
        DMatrixRMaj d = loss.backward();
        for (int i = layers.size() - 1; i >= 0; i--) {
            d = layers.get(i).backward(d);
        }
    }

    /** correct predictions in the last forward */
    public int correct() {
        return loss.correct();
    }

    /** class probabilities of the last forward, batch × classes */
    public DMatrixRMaj probabilities() {
        return loss.probabilities();
    }

    /** the layers in forward order (read-only view; changes when BN is toggled or moved) */
    public List<Layer> layers() {
        return java.util.Collections.unmodifiableList(layers);
    }

    /** hidden layer (1-based) that the i-th listed layer belongs to; 0 for the output layer */
    public int hiddenOf(int layerIndex) {
        return hiddenOfLayer[layerIndex];
    }

    /** the parameters the optimizer updates (those of the listed layers) */
    public List<Param> parameters() {
        return params;
    }

    /** whether every listed parameter is finite */
    public boolean parametersFinite() {
        for (Param p : params) {
            double[] d = p.value.data;
            for (int i = 0, n = p.size(); i < n; i++) {
                if (!Double.isFinite(d[i])) return false;
            }
        }
        return true;
    }

    // ---- live settings: applied between two steps, weights kept ----

    /** Turns normalization on (BatchNorm, unless another normalizer is in use) or off; see {@link #setNorm}. */
    public void setBatchNorm(boolean on) {
        if (on == norm.hasLayer()) return;
        setNorm(on ? NormKind.BATCH : NormKind.NONE);
    }

    /**
     * Chooses the hidden layers' normalizer (NONE: none). The chosen one starts from the user's gamma/beta, with
     * running averages (where it keeps them) taken from the next batch.
     */
    public void setNorm(NormKind kind) {
        if (kind == norm) return;
        norm = kind;
        current = null;
        if (kind.hasLayer()) norms.startUsing(kind);
        relist();
    }

    /** GroupNorm's groups (must divide every width): its layers are made anew. */
    public void setGroups(int g) {
        if (!norms.setGroups(g)) return;
        current = null;
        if (norm == NormKind.GROUP) relist(); // new layers, made with the user's γ/β
    }

    /** Batch Renorm's bounds on r (≥ 1) and d (≥ 0), from the next step on. */
    public void setRenorm(double rMax, double dMax) {
        norms.setRenorm(rMax, dMax);
    }

    /** Moves BN before or after the activation; running averages restart from the next batch. */
    public void setPlacement(Placement p) {
        if (p == placement) return;
        placement = p;
        norms.resetRunningStats();
        relist();
    }

    /** Sets gamma/beta of every unit to the user's values; FIXED holds them there, LEARNED trains from them. */
    public void setAffine(Affine mode, double gamma, double beta) {
        norms.setAffine(mode, gamma, beta);
    }

    public void setBnMomentum(double m) {
        norms.setMomentum(m);
    }

    /** Noise after BN from the next training step on (0 = none); see {@link BatchNorm#drawNoise}. */
    public void setNormNoise(double magnitude) {
        normNoise = magnitude;
    }

    public void setBnEps(double eps) {
        norms.setEps(eps);
    }

    /** whether the hidden layers are normalized (by any normalizer) */
    public boolean batchNorm() {
        return norm.hasLayer();
    }

    /** the normalizer in use (NONE: none) */
    public NormKind norm() {
        return norm;
    }

    /** the normalizer layer of hidden layer h (1-based) in use, or null without normalization */
    public Normalization normLayer(int h) {
        return norm.hasLayer() ? active()[h - 1] : null;
    }

    /**
     * What the normalizer of hidden layer h (1-based) read in the last forward: W·x+b, or the activation when it
     * sits after it; W·x+b without a normalizer. Owned by the layer; valid until the next forward (read-only).
     */
    public DMatrixRMaj normInput(int h) {
        return norm.hasLayer() && placement == Placement.AFTER ? act[h - 1].output() : dense[h - 1].output();
    }

    public Placement placement() {
        return placement;
    }

    public Affine affine() {
        return norms.affine();
    }

    public int inputs() {
        return inputs;
    }

    public int classes() {
        return classes;
    }

    /** hidden widths, input side first (a copy) */
    public int[] hidden() {
        return hidden.clone();
    }

    public int depth() {
        return hidden.length;
    }

    public ActivationKind activation() {
        return activation;
    }

    /** hidden linear layer h (1-based) */
    public Dense dense(int h) {
        return dense[h - 1];
    }

    /** BatchNorm layer of hidden layer h (1-based); exists even while BN is off */
    public BatchNorm batchNormLayer(int h) {
        return norms.batchNorm(h);
    }

    public Dense outputLayer() {
        return out;
    }

    /** number of scalar parameters in use */
    public int parameterCount() {
        int n = 0;
        for (Param p : params) n += p.size();
        return n;
    }

    @Override
    public String toString() {
        return inputs + "→" + Arrays.toString(hidden) + "→" + classes + " " + activation.key()
                + (norm == NormKind.BATCH ? " BN " : norm.hasLayer() ? " " + norm.label() + " " : " no BN")
                + (norm.hasLayer() ? placement.key() + " " + norms.affine().key() : "");
    }
}
