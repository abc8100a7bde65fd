package org.shiftscope.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * A network as a composite {@link Layer}: its hidden layers ({@link HiddenLayer} blocks, paths {@code h1} … {@code hH},
 * each Dense → [normalizer] → Activation or Dense → Activation → [normalizer]), then the output Dense ({@code out})
 * producing the logits, and softmax cross-entropy on them. {@link Mlp} builds one from a {@link NetworkSpec}. The
 * normalizer is BatchNorm, LayerNorm, GroupNorm or Batch Renorm ({@link NormKind}), or none.
 *
 * <p>The BatchNorm layers always exist and the other normalizers are made the first time they are chosen and then
 * kept; switching normalizers, turning them off or moving them only re-lists the layers, so the weights and the
 * matrices survive. Only a change of shape (depth, width, activation, inputs) needs a new network.
 *
 * <p>A recurrent network ({@link #recurrent}) reads sequences (examples, T, inputs): its hidden layers are Elman
 * layers ({@link Recurrent}, paths {@code h1} … {@code hH}, each reading the sequence of the one below), then the
 * last time step's h ({@link LastPosition}, path {@code last}) and the output Dense. Its normalizer sits inside each
 * recurrent layer, one per time step with γ and β shared by every step; BatchNorm keeps running averages per step
 * or shared by every step ({@link TimeStatistics}). Placement and noise after the normalizer apply to the
 * perceptron only.
 *
 * <p>Passes: {@link #forward(DMatrixRMaj, int[], Pass)} says what a pass may use and change ({@link Pass}); a
 * {@link #copy()} trains nothing of this network's, so an extra forward/backward on a copy (brought up to date with
 * {@link #copyStateFrom}) leaves this network, its random streams and what its sites hold exactly as they were.
 * Not thread-safe: one thread (the trainer) owns a network and everything in it.
 */
public final class Network extends Composite {
    /** input features */
    private final int inputs;
    /** hidden layer widths, input side first */
    private final int[] hidden;
    /** output classes */
    private final int classes;
    /** what it was built from, the seed of its weights and its back-end (for {@link #copy()}) */
    private final NetworkSpec spec;
    private final long seed;
    private final MatMul mm;
    /** the hidden layers, index h−1 (none in a recurrent network) */
    private final HiddenLayer[] blocks;
    /** a recurrent network's hidden layers, index h−1 (none in a perceptron) */
    private final Recurrent[] rnns;
    /** a recurrent network's last time step, between its top layer and the output layer; null in a perceptron */
    private final LastPosition last;
    /** a recurrent network's BatchNorm: running averages per time step or shared */
    private TimeStatistics timeStats;
    /** the time steps the recurrent layers had made when {@link #sites} was listed */
    private int stepsListed;
    /** every normalizer's layers made so far, and the settings new ones are made with */
    private final NormLayers norms;
    /** the normalizer in use (NONE: none) */
    private NormKind norm;
    /** its layers, index h−1 (null for NONE); kept so a training step looks nothing up */
    private Normalization[] current;
    /** the output linear layer, producing logits */
    private final Dense out;
    /** softmax + cross-entropy on the logits */
    private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
    /** the leaf layers in forward order for the current settings */
    private final List<Layer> layers = new ArrayList<>();
    /** hidden layer (1-based) of each entry of {@link #layers}; 0 for the output layer */
    private int[] hiddenOfLayer = new int[0];
    /** the hidden layers and the output layer as named parts ("h1" … "hH", "out"), made anew by each re-list */
    private Sequential body;
    /** the sites measured, hidden layer ascending and taps in {@link Tap} order (a new list after each re-list) */
    private List<SiteBuffer> sites = List.of();
    /** where the normalizer sits */
    private Placement placement = Placement.BEFORE;
    /** magnitude of the noise after the normalizer (noisy BN), 0 = none */
    private double normNoise;
    /** how that noise is drawn */
    private NoiseModel noiseModel;
    /** draws the noise of training steps, seeded from the network's seed */
    private final Random noiseRng;
    /** the pass of a training step: batch statistics, running averages updated, noise from {@link #noiseRng} */
    private final Pass trainingPass;

    /**
     * Builds a multilayer perceptron and draws its weights from {@code new Random(seed)}: hidden layers first, then
     * the output layer, so two networks of the same shape and seed start with the same weights whatever their
     * normalizer settings.
     */
    public Network(int inputs, int classes, NetworkSpec spec, long seed, MatMul mm) {
        this(inputs, classes, spec, seed, mm, false);
    }

    /**
     * A recurrent network on sequences of {@code inputs} channels: an Elman layer per hidden width (see the class
     * doc), weights drawn from {@code new Random(seed)} input side first, W = [W_x; W_h] of each layer with std =
     * the init's for fan-in = inputs + width, then the output layer.
     */
    public static Network recurrent(int inputs, int classes, NetworkSpec spec, long seed, MatMul mm) {
        return new Network(inputs, classes, spec, seed, mm, true);
    }

    private Network(int inputs, int classes, NetworkSpec spec, long seed, MatMul mm, boolean recurrent) {
        this.inputs = inputs;
        this.hidden = spec.hidden();
        this.classes = classes;
        this.spec = spec;
        this.seed = seed;
        this.mm = mm;
        Random rng = new Random(seed);
        this.norm = spec.norm();
        this.norms = new NormLayers(hidden, spec);
        this.timeStats = spec.timeStats();
        if (recurrent) {
            if (hidden.length == 0) throw new IllegalArgumentException("a recurrent network needs a hidden layer");
            blocks = new HiddenLayer[0];
            rnns = new Recurrent[hidden.length];
            int in = inputs;
            for (int h = 0; h < hidden.length; h++) {
                rnns[h] = new Recurrent(Integer.toString(h + 1), in, hidden[h], spec.activation(), null, mm);
                rnns[h].init(rng, spec.init().std(in + hidden[h], hidden[h], spec.initGain()));
                in = hidden[h];
            }
            last = new LastPosition();
            out = Mlp.outputLayer(hidden[hidden.length - 1], classes, spec, rng, mm);
            useRecurrentNorm();
        } else {
            blocks = Mlp.hiddenLayers(inputs, spec, rng, mm);
            rnns = new Recurrent[0];
            last = null;
            out = Mlp.outputLayer(blocks.length == 0 ? inputs : hidden[hidden.length - 1], classes, spec, rng, mm);
            (blocks.length == 0 ? out : blocks[0].dense()).setNeedInputGrad(false); // the data needs no gradient
        }
        this.placement = spec.bnPlacement();
        this.normNoise = spec.normNoise();
        this.noiseModel = spec.normNoiseModel();
        this.noiseRng = new Random(seed ^ 0x9E3779B97F4A7C15L);
        this.trainingPass = Pass.training(noiseRng);
        relist();
    }

    /** The same, every setting spelled out (tests). */
    public Network(int inputs, int[] hidden, int classes, ActivationKind activation, Init init, double initGain,
                   long seed, MatMul mm, boolean batchNorm, Placement placement, Affine affine, double gamma,
                   double beta, double bnMomentum, double bnEps) {
        this(inputs, classes, new NetworkSpec(hidden, activation, init, initGain, batchNorm, placement, affine, gamma,
                beta, bnMomentum, bnEps, 0), seed, mm);
    }

    /** GroupNorm's groups for a layer of this width: see {@link NormLayers#groupsFor} */
    public static int groupsFor(int width, int asked) {
        return NormLayers.groupsFor(width, asked);
    }

    /** whether this is a recurrent network (it reads sequences) */
    public boolean recurrent() {
        return last != null;
    }

    /** a recurrent network's hidden layer h (1-based) */
    public Recurrent recurrentLayer(int h) {
        return rnns[h - 1];
    }

    /** a recurrent network's BatchNorm: running averages per time step or shared by every step */
    public TimeStatistics timeStatistics() {
        return timeStats;
    }

    /**
     * Gives every recurrent layer new normalizers of the kind in use (made per time step as sequences reach it),
     * with the user's γ and β, and sets whether their running averages are shared across time.
     */
    private void useRecurrentNorm() {
        for (int h = 0; h < rnns.length; h++) {
            Recurrent r = rnns[h];
            r.setNorms(stepNorms(norm, r.width()));
            r.setSharedStatistics(timeStats == TimeStatistics.SHARED);
            startAffine(r);
        }
    }

    /** the user's γ and β in a recurrent layer's shared parameters; fixed or learned from there */
    private void startAffine(Recurrent r) {
        boolean fixed = norms.affine() == Affine.FIXED || !norm.hasLayer();
        Arrays.fill(r.gamma.value.data, norms.gamma());
        Arrays.fill(r.beta.value.data, norms.beta());
        Arrays.fill(r.gamma.velocity.data, 0.0);
        Arrays.fill(r.beta.velocity.data, 0.0);
        r.gamma.frozen = r.beta.frozen = fixed;
    }

    /** makes a recurrent layer's per-step normalizers of this kind with the current settings (null: none) */
    private Recurrent.NormFactory stepNorms(NormKind kind, int width) {
        return switch (kind) {
            case NONE -> null;
            case BATCH -> (g, b) -> new BatchNorm(g, b, norms.momentum(), norms.eps());
            case LAYER -> (g, b) -> new LayerNorm(g, b, norms.eps());
            case GROUP -> (g, b) -> new GroupNorm(g, b, groupsFor(width, norms.groups()), norms.eps());
            case RENORM -> (g, b) -> new BatchRenorm(g, b, norms.momentum(), norms.eps(), norms.rMax(), norms.dMax());
        };
    }

    /** the time steps every recurrent layer has made */
    private int stepsMade() {
        int n = 0;
        for (Recurrent r : rnns) n += r.stepsMade();
        return n;
    }

    /** Re-lists layers, parameters and sites after a normalizer change. Allocates; not per step. */
    private void relist() {
        if (recurrent()) {
            relistRecurrent();
            return;
        }
        Normalization[] nl = norm.hasLayer() ? norms.of(norm) : null;
        current = nl;
        layers.clear();
        List<Integer> owner = new ArrayList<>();
        List<SiteBuffer> listed = new ArrayList<>();
        for (int h = 0; h < blocks.length; h++) {
            blocks[h].use(nl == null ? null : nl[h], placement);
            for (Layer l : blocks[h].parts()) {
                layers.add(l);
                owner.add(h + 1);
            }
            blocks[h].sites(path(h + 1), h + 1, listed);
        }
        layers.add(out);
        owner.add(0);
        hiddenOfLayer = owner.stream().mapToInt(Integer::intValue).toArray();
        List<Sequential.Part> parts = new ArrayList<>();
        for (int h = 0; h < blocks.length; h++) parts.add(new Sequential.Part(path(h + 1), blocks[h]));
        parts.add(new Sequential.Part("out", out));
        body = new Sequential(parts);
        sites = List.copyOf(listed);
    }

    /** a recurrent network's parts: h1 … hH, last, out; its sites are listed by {@link #listRecurrentSites()} */
    private void relistRecurrent() {
        current = null;
        layers.clear();
        List<Integer> owner = new ArrayList<>();
        List<Sequential.Part> parts = new ArrayList<>();
        for (int h = 0; h < rnns.length; h++) {
            layers.add(rnns[h]);
            owner.add(h + 1);
            parts.add(new Sequential.Part(path(h + 1), rnns[h]));
        }
        layers.add(last);
        owner.add(rnns.length);
        parts.add(new Sequential.Part(LAST, last));
        layers.add(out);
        owner.add(0);
        parts.add(new Sequential.Part("out", out));
        hiddenOfLayer = owner.stream().mapToInt(Integer::intValue).toArray();
        body = new Sequential(parts);
        listRecurrentSites();
    }

    /**
     * A recurrent network's sites: for each layer, its taps over all time steps (position {@link Site#ALL}), then
     * each time step's (position t) as far as its sequences have reached. Listed again when a longer sequence made
     * new steps.
     */
    private void listRecurrentSites() {
        List<SiteBuffer> listed = new ArrayList<>();
        for (int h = 0; h < rnns.length; h++) {
            rnns[h].pooledSites(path(h + 1), h + 1, listed);
            rnns[h].sites(path(h + 1), h + 1, listed);
        }
        sites = List.copyOf(listed);
        stepsListed = stepsMade();
    }

    /** the path of a recurrent network's last-time-step layer */
    public static final String LAST = "last";

    /** the path of hidden layer h (1-based): "h" + h */
    public static String path(int h) {
        return "h" + h;
    }

    /**
     * Forward pass over a batch; returns the mean cross-entropy loss.
     *
     * @param training true: a training step ({@link Pass#training}: batch statistics, running averages updated, this
     *                 step's noise drawn from the network's own generator); false: inference
     */
    public double forward(DMatrixRMaj x, int[] y, boolean training) {
        return forward(x, y, training ? trainingPass : Pass.INFERENCE);
    }

    /** Forward pass over a batch as the pass says; returns the mean cross-entropy loss. */
    public double forward(DMatrixRMaj x, int[] y, Pass pass) {
        return loss.forward(forward(x, pass), y);
    }

    /** The logits of a batch. A pass with a noise generator first draws every normalizer's noise from it. */
    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Pass pass) {
        if (pass.noise() != null && norm.hasLayer() && current != null) {
            // noisy BN: every training step draws each unit's scale and offset anew (none at inference)
            for (Normalization b : current) b.drawNoise(normNoise, noiseModel, x.numRows, pass.noise());
        }
        return super.forward(x, pass);
    }

    @Override
    protected Sequential body() {
        return body;
    }

    /**
     * Backward pass after a training-mode {@link #forward}: adds every listed parameter's gradient (call
     * {@link #zeroGrad()} first for this batch's gradient alone).
     */
    public void backward() {
        backward(loss.backward());
    }

    /** Whether backward computes dL/d(input) (off by default: the data needs none; on when nested in a larger layer). */
    public void setNeedInputGrad(boolean need) {
        if (recurrent()) return; // its layers always pass dL/dX on (their h_{t−1} part is needed)
        (blocks.length == 0 ? out : blocks[0].dense()).setNeedInputGrad(need);
    }

    /**
     * the sites measured, hidden layer ascending, taps in {@link Tap} order (the same list until a re-list; a
     * recurrent network lists them again when a longer sequence made new time steps)
     */
    public List<SiteBuffer> sites() {
        if (recurrent() && stepsMade() != stepsListed) listRecurrentSites();
        return sites;
    }

    @Override
    public void sites(String path, int layer, List<SiteBuffer> out) {
        out.addAll(sites());
    }

    /** hidden layer h (1-based) as a block */
    public HiddenLayer block(int h) {
        return blocks[h - 1];
    }

    /**
     * The layer at a path: "h3" (a hidden layer's block), "h3.linear", "h3.norm", "h3.act" (its parts; "h3.norm" is
     * null without a normalizer) or "out"; IllegalArgumentException for another path.
     */
    public Layer layer(String path) {
        if (path.equals("out")) return out;
        if (recurrent()) {
            if (path.equals(LAST)) return last;
            for (int h = 0; h < rnns.length; h++) if (path.equals(path(h + 1))) return rnns[h];
            throw new IllegalArgumentException("no layer '" + path + "': h1 … h" + rnns.length + ", " + LAST
                    + " or out");
        }
        String[] parts = path.split("\\.", 2);
        int h;
        try {
            h = parts[0].startsWith("h") ? Integer.parseInt(parts[0].substring(1)) : -1;
        } catch (NumberFormatException e) {
            h = -1;
        }
        if (h < 1 || h > blocks.length) {
            throw new IllegalArgumentException("no layer '" + path + "': h1 … h" + blocks.length + " or out");
        }
        if (parts.length == 1) return blocks[h - 1];
        if (!List.of(HiddenLayer.LINEAR, HiddenLayer.NORM, HiddenLayer.ACT).contains(parts[1])) {
            throw new IllegalArgumentException("no layer '" + path + "': a hidden layer's parts are "
                    + HiddenLayer.LINEAR + ", " + HiddenLayer.NORM + " and " + HiddenLayer.ACT);
        }
        return blocks[h - 1].part(parts[1]);
    }

    /** the path of one of its leaf layers ("h2.norm", "out"), or null for a layer not in it */
    public String pathOf(Layer l) {
        if (l == out) return "out";
        if (l != null && l == last) return LAST;
        for (int h = 0; h < rnns.length; h++) if (l == rnns[h]) return path(h + 1);
        for (int h = 0; h < blocks.length; h++) {
            String part = blocks[h].nameOf(l);
            if (part != null) return path(h + 1) + "." + part;
        }
        return null;
    }

    // ---- copies ----

    /**
     * A network of the same shape and settings with weights, optimizer state, running averages and noise of its own,
     * equal to this one's now; an extra pass on it changes nothing of this one's. Allocates (keep it, and bring it up
     * to date with {@link #copyStateFrom} before each use).
     */
    public Network copy() {
        Network c = new Network(inputs, classes, spec, seed, mm, recurrent());
        c.copyStateFrom(this);
        return c;
    }

    /**
     * Makes this network (of the same shape, e.g. a {@link #copy()}) equal to another now: the normalizer and its
     * settings and placement, every weight and its optimizer state, every normalizer's γ/β, running averages and
     * the noise its last step drew. Gradients, the last pass's buffers and the noise generator are not copied.
     * Allocates only when the other network has made a normalizer this one has not.
     */
    public void copyStateFrom(Network other) {
        if (other.inputs != inputs || !Arrays.equals(other.hidden, hidden) || other.classes != classes
                || other.activation() != activation() || other.recurrent() != recurrent()) {
            throw new IllegalArgumentException("cannot copy a " + other + " into a " + this);
        }
        boolean relist = norm != other.norm || placement != other.placement;
        norm = other.norm;
        placement = other.placement;
        normNoise = other.normNoise;
        noiseModel = other.noiseModel;
        relist |= norms.copyFrom(other.norms);
        if (recurrent()) {
            boolean newNorms = relist || timeStats != other.timeStats;
            timeStats = other.timeStats;
            if (newNorms) useRecurrentNorm();
            for (int h = 0; h < rnns.length; h++) rnns[h].copyStateFrom(other.rnns[h]);
        }
        for (int h = 0; h < blocks.length; h++) {
            blocks[h].dense().w.copyFrom(other.blocks[h].dense().w);
            blocks[h].dense().b.copyFrom(other.blocks[h].dense().b);
        }
        out.w.copyFrom(other.out.w);
        out.b.copyFrom(other.out.b);
        if (relist) relist();
    }

    /** Starts a new sum of gradients for every listed parameter. */
    @Override
    public void zeroGrad() {
        List<Param> params = body.parameters();
        for (int i = 0, n = params.size(); i < n; i++) params.get(i).zeroGrad();
    }

    /** correct predictions in the last forward */
    public int correct() {
        return loss.correct();
    }

    /** class probabilities of the last forward, batch × classes */
    public DMatrixRMaj probabilities() {
        return loss.probabilities();
    }

    /** the leaf layers in forward order (read-only view; changes when BN is toggled or moved) */
    public List<Layer> layers() {
        return java.util.Collections.unmodifiableList(layers);
    }

    /** hidden layer (1-based) that the i-th listed layer belongs to; 0 for the output layer */
    public int hiddenOf(int layerIndex) {
        return hiddenOfLayer[layerIndex];
    }

    /** the parameters the optimizer updates (those of the listed layers) */
    @Override
    public List<Param> parameters() {
        return body.parameters();
    }

    /** whether every listed parameter is finite */
    public boolean parametersFinite() {
        for (Param p : body.parameters()) {
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
        if (kind.hasLayer()) norms.startUsing(kind);
        if (recurrent()) useRecurrentNorm();
        relist();
    }

    /** GroupNorm's groups (must divide every width): its layers are made anew. */
    public void setGroups(int g) {
        if (!norms.setGroups(g)) return;
        if (norm == NormKind.GROUP && recurrent()) useRecurrentNorm();
        if (norm == NormKind.GROUP) relist(); // new layers, made with the user's γ/β
    }

    /** Batch Renorm's bounds on r (≥ 1) and d (≥ 0), from the next step on. */
    public void setRenorm(double rMax, double dMax) {
        norms.setRenorm(rMax, dMax);
        for (Recurrent r : rnns) {
            r.forEachNorm(n -> {
                if (n instanceof BatchRenorm br) {
                    br.setRMax(rMax);
                    br.setDMax(dMax);
                }
            });
        }
    }

    /**
     * A recurrent network's BatchNorm keeps running averages per time step or one set shared by every step; they
     * start again from the next batch, the weights and γ/β kept.
     */
    public void setTimeStatistics(TimeStatistics t) {
        if (t == timeStats) return;
        timeStats = t;
        for (Recurrent r : rnns) {
            r.setSharedStatistics(t == TimeStatistics.SHARED);
            r.forEachNorm(Normalization::resetRunningStats);
        }
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
        for (Recurrent r : rnns) startAffine(r);
    }

    public void setBnMomentum(double m) {
        norms.setMomentum(m);
        for (Recurrent r : rnns) r.forEachNorm(n -> n.setMomentum(m));
    }

    /** Noise after BN from the next training step on (0 = none); see {@link BatchNorm#drawNoise}. */
    public void setNormNoise(double magnitude) {
        normNoise = magnitude;
    }

    /** Noise after BN of this magnitude (0 = none), drawn with this model, from the next training step on. */
    public void setNormNoise(double magnitude, NoiseModel model) {
        normNoise = magnitude;
        noiseModel = model;
    }

    /** how the noise after the normalizer is drawn */
    public NoiseModel noiseModel() {
        return noiseModel;
    }

    public void setBnEps(double eps) {
        norms.setEps(eps);
        for (Recurrent r : rnns) r.forEachNorm(n -> n.setEps(eps));
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
        return blocks[h - 1].norm();
    }

    /**
     * What the normalizer of hidden layer h (1-based) read in the last forward: W·x+b, or the activation when it
     * sits after it; W·x+b without a normalizer. Owned by the layer; valid until the next forward (read-only).
     */
    public DMatrixRMaj normInput(int h) {
        return blocks[h - 1].normInput();
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
        return spec.activation();
    }

    /** hidden linear layer h (1-based) */
    public Dense dense(int h) {
        return blocks[h - 1].dense();
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
        for (Param p : body.parameters()) n += p.size();
        return n;
    }

    @Override
    public String toString() {
        if (recurrent()) {
            return inputs + "→" + Arrays.toString(hidden) + "→" + classes + " recurrent " + activation().key()
                    + (norm == NormKind.NONE ? " no norm" : " " + norm.label()
                    + (norm.keepsRunningStatistics() ? " " + timeStats.key() : ""));
        }
        return inputs + "→" + Arrays.toString(hidden) + "→" + classes + " " + activation().key()
                + (norm == NormKind.BATCH ? " BN " : norm.hasLayer() ? " " + norm.label() + " " : " no BN")
                + (norm.hasLayer() ? placement.key() + " " + norms.affine().key() : "");
    }
}
