package org.shiftscope.nn;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * An Elman recurrent layer, unrolled over the positions (time steps) of its input and built from the engine's own
 * layers: at each time step t a {@link Dense} on [x_t, h_{t−1}] with the weights shared by every step, a normalizer
 * of its own (statistics per time step, as Cooijmans et al. 2016) using γ and β shared by every step, and an
 * {@link Activation}:
 * <pre>
 *   a_t = W·[x_t, h_{t−1}] + b = W_x·x_t + W_h·h_{t−1} + b,   h_t = act(norm_t(a_t)),   h_{−1} = 0
 * </pre>
 * Input (examples, T, in), output every h_t as (examples, T, hidden). Backward is backpropagation through time:
 * every step adds its part to the shared weights' and γ/β's gradients. Each step keeps its own buffers, so every
 * step's W·x+b, normalized values, activation and gradient are sites of their own (position t).
 *
 * <p>A step's normalizer keeps its own running averages; at inference a sequence longer than any trained on uses,
 * for the steps beyond, the statistics of the last step that trained (as Cooijmans et al. do).
 */
public final class Recurrent implements Layer {
    /** makes one time step's normalizer using the shared γ and β */
    @FunctionalInterface
    public interface NormFactory {
        Normalization make(Param gamma, Param beta);
    }

    /** input channels and hidden units */
    private final int in, hidden;
    /** the nonlinearity */
    private final ActivationKind kind;
    /** the product back-end */
    private final MatMul mm;
    /** [W_x; W_h], (in + hidden) × hidden, shared by every step */
    public final Param w;
    /** b, 1 × hidden, shared by every step */
    public final Param b;
    /** γ and β, 1 × hidden, shared by every step's normalizer (not trained without one) */
    public final Param gamma, beta;
    /** makes a step's normalizer; null: none */
    private NormFactory norms;
    /** whether the steps share one set of running averages instead of keeping their own */
    private boolean shared;
    /** every a_t = W·[x_t, h_{t−1}] + b of the last forward, (examples, T, hidden) */
    private final Tensor linear = new Tensor();
    /** every norm_t(a_t) of the last forward, (examples, T, hidden); unused without a normalizer */
    private final Tensor normed = new Tensor();
    /** every dL/da_t of the last backward, (examples, T, hidden) */
    private final Tensor dLinear = new Tensor();
    /** whether a backward has followed the last forward */
    private boolean backwardDone;
    /** the time steps made so far (a longer sequence makes more) */
    private final List<Step> steps = new ArrayList<>();
    /** how many leading steps' normalizers have learned running averages */
    private int trained;
    /** T of the last forward */
    private int length;
    /** every h_t of the last forward, (examples, T, hidden) */
    private final Tensor h = new Tensor();
    /** h_{−1} = 0, examples × hidden */
    private final Tensor zeros = new Tensor();
    /** dL/dX of the last backward, (examples, T, in) */
    private final Tensor dx = new Tensor();
    /** dL/dh_t carried back from step t+1 through W_h, examples × hidden */
    private final Tensor carry = new Tensor();
    /** dL/d(output) of the last backward (not owned), or null since the last forward */
    private DMatrixRMaj dOut;

    /** one time step's layers and buffers */
    private static final class Step {
        /** [x_t, h_{t−1}], examples × (in + hidden) */
        final Tensor input = new Tensor();
        /** dL/dh_t: the output's part plus what step t+1 carries back, examples × hidden */
        final Tensor dh = new Tensor();
        final Dense dense;
        final Normalization norm;
        final Activation act;

        Step(Dense dense, Normalization norm, Activation act) {
            this.dense = dense;
            this.norm = norm;
            this.act = act;
        }
    }

    /**
     * @param name  suffix of the parameter names: "W" + name, "b" + name, "gamma" + name, "beta" + name
     * @param norms makes each step's normalizer from the shared γ and β (null: no normalizer)
     */
    public Recurrent(String name, int in, int hidden, ActivationKind kind, NormFactory norms, MatMul mm) {
        this.in = in;
        this.hidden = hidden;
        this.kind = kind;
        this.mm = mm;
        this.norms = norms;
        this.w = new Param("W" + name, in + hidden, hidden);
        this.b = new Param("b" + name, 1, hidden);
        this.gamma = Normalization.ownGamma(name, hidden);
        this.beta = Normalization.ownBeta(name, hidden);
        gamma.frozen = beta.frozen = norms == null;
    }

    /**
     * Draws W = [W_x; W_h] from a normal of this std (b stays 0), {@code rng}'s draws in W's row-major order, as
     * {@link Dense#init} does.
     */
    public void init(java.util.Random rng, double std) {
        for (int i = 0, n = w.size(); i < n; i++) w.value.data[i] = rng.nextGaussian() * std;
    }

    /**
     * Changes the normalizer between two passes, keeping W, b, γ and β: the steps are made anew, each with a
     * normalizer from {@code factory} (null: none), and no step has trained its running averages yet.
     */
    public void setNorms(NormFactory factory) {
        norms = factory;
        steps.clear();
        trained = 0;
        length = 0;
        gamma.frozen = beta.frozen = factory == null;
    }

    /**
     * Whether the time steps share one set of running averages (every step's batch blends into it, and inference
     * uses it at every t) instead of keeping their own per step (Cooijmans et al.). Training normalizes each step
     * with its own batch's statistics either way.
     */
    public void setSharedStatistics(boolean share) {
        shared = share;
    }

    /** whether the steps share one set of running averages */
    public boolean sharedStatistics() {
        return shared;
    }

    /** whether the steps have a normalizer */
    public boolean normalized() {
        return norms != null;
    }

    /** the time steps made so far (their normalizers and sites exist) */
    public int stepsMade() {
        return steps.size();
    }

    /** input channels */
    public int inputs() {
        return in;
    }

    /** hidden units */
    public int width() {
        return hidden;
    }

    /**
     * Makes this layer (same shape and normalizer) equal to another now: W, b, γ, β with their optimizer state and
     * every step's normalizer state (running averages), the steps trained and whether statistics are shared.
     * Allocates only when the other has made more steps.
     */
    public void copyStateFrom(Recurrent other) {
        if (other.in != in || other.hidden != hidden) {
            throw new IllegalArgumentException("cannot copy a recurrent layer of " + other.in + "→" + other.hidden
                    + " into one of " + in + "→" + hidden);
        }
        w.copyFrom(other.w);
        b.copyFrom(other.b);
        gamma.copyFrom(other.gamma);
        beta.copyFrom(other.beta);
        shared = other.shared;
        trained = other.trained;
        if (norms != null) {
            for (int t = 0; t < other.steps.size(); t++) step(t).norm.copyStateFrom(other.steps.get(t).norm);
        }
    }

    /** Applies a change to every step's normalizer made so far (momentum, ε, …); nothing without one. */
    public void forEachNorm(java.util.function.Consumer<Normalization> change) {
        for (Step s : steps) if (s.norm != null) change.accept(s.norm);
    }

    /** the step t's layers, made when a sequence first reaches it (allocates only then) */
    private Step step(int t) {
        while (steps.size() <= t) {
            Dense d = new Dense(w, b, mm);
            steps.add(new Step(d, norms == null ? null : norms.make(gamma, beta), new Activation(kind)));
        }
        return steps.get(t);
    }

    /** the normalizer of time step t (null without one or before a sequence reached t) */
    public Normalization norm(int t) {
        return t < steps.size() ? steps.get(t).norm : null;
    }

    /** the dense layer of time step t (its output a_t, its output gradient dL/da_t) */
    public Dense dense(int t) {
        return steps.get(t).dense;
    }

    /** how many leading time steps have trained their normalizer's running averages */
    public int trainedSteps() {
        return trained;
    }

    @Override
    public DMatrixRMaj forward(DMatrixRMaj x, Pass pass) {
        if (x.numCols != in) throw new IllegalArgumentException("a recurrent layer of " + in + " inputs got " + x.numCols);
        final int t1 = Tensor.positionsOf(x), m = x.numRows / t1;
        length = t1;
        dOut = null;
        backwardDone = false;
        h.reshape(m, t1, hidden);
        linear.reshape(m, t1, hidden);
        if (norms != null) normed.reshape(m, t1, hidden);
        zeros.reshape(m, 1, hidden);
        java.util.Arrays.fill(zeros.data, 0, m * hidden, 0.0);
        DMatrixRMaj prev = zeros;
        for (int t = 0; t < t1; t++) {
            Step s = step(t);
            if (s.norm != null && shared && t > 0) {
                // one set of running averages: step t continues from where step t−1 left it
                s.norm.copyStateFrom(steps.get(t - 1).norm);
            } else if (s.norm != null && !pass.batchStatistics() && t >= trained && trained > 0) {
                // beyond the longest trained sequence: the last trained step's statistics
                s.norm.copyStateFrom(steps.get(trained - 1).norm);
            }
            // input_t = [x_t, h_{t−1}]
            s.input.reshape(m, 1, in + hidden);
            final double[] xd = x.data, pd = prev.data, id = s.input.data;
            for (int n = 0; n < m; n++) {
                System.arraycopy(xd, (n * t1 + t) * in, id, n * (in + hidden), in);
                System.arraycopy(pd, n * hidden, id, n * (in + hidden) + in, hidden);
            }
            // h_t = act(norm_t(W·input_t + b))
            DMatrixRMaj a = s.dense.forward(s.input, pass);
            scatter(a, linear, t, t1, m);
            if (s.norm != null) {
                a = s.norm.forward(a, pass);
                scatter(a, normed, t, t1, m);
            }
            prev = s.act.forward(a, pass);
            scatter(prev, h, t, t1, m);
        }
        if (pass.updateRunning()) {
            trained = Math.max(trained, t1);
            // the shared running averages live in step 0's normalizer between passes
            if (shared && norms != null && t1 > 1) steps.get(0).norm.copyStateFrom(steps.get(t1 - 1).norm);
        }
        return h;
    }

    /** Copies one step's examples × hidden values to position t of an (examples, T, hidden) tensor. */
    private void scatter(DMatrixRMaj step, Tensor all, int t, int t1, int m) {
        final double[] sd = step.data, ad = all.data;
        for (int n = 0; n < m; n++) System.arraycopy(sd, n * hidden, ad, (n * t1 + t) * hidden, hidden);
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dOut) {
        this.dOut = dOut;
        final int t1 = length, m = h.examples();
        dx.reshape(m, t1, in);
        dLinear.reshape(m, t1, hidden);
        backwardDone = true;
        carry.reshape(m, 1, hidden);
        java.util.Arrays.fill(carry.data, 0, m * hidden, 0.0);
        for (int t = t1 - 1; t >= 0; t--) {
            Step s = steps.get(t);
            // dL/dh_t = the output's part + what step t+1 carried back
            s.dh.reshape(m, 1, hidden);
            final double[] od = dOut.data, cd = carry.data, dhd = s.dh.data;
            for (int n = 0; n < m; n++) {
                for (int j = 0, k = (n * t1 + t) * hidden; j < hidden; j++, k++) {
                    dhd[n * hidden + j] = od[k] + cd[n * hidden + j];
                }
            }
            DMatrixRMaj d = s.act.backward(s.dh);
            if (s.norm != null) d = s.norm.backward(d);
            scatter(d, dLinear, t, t1, m);
            // d[x_t, h_{t−1}] = dA·Wᵀ (W's and b's parts added by the dense layer)
            DMatrixRMaj dIn = s.dense.backward(d);
            final double[] ind = dIn.data, dxd = dx.data;
            for (int n = 0; n < m; n++) {
                System.arraycopy(ind, n * (in + hidden), dxd, (n * t1 + t) * in, in);
                System.arraycopy(ind, n * (in + hidden) + in, cd, n * hidden, hidden);
            }
        }
        return dx;
    }

    @Override
    public List<Param> parameters() {
        return norms == null ? List.of(w, b) : List.of(w, b, gamma, beta);
    }

    @Override
    public DMatrixRMaj output() {
        return h;
    }

    @Override
    public DMatrixRMaj outputGrad() {
        return dOut;
    }

    /**
     * The sites over all time steps at once, position {@link Site#ALL}: every a_t, norm_t(a_t), h_t and dL/da_t of the
     * last passes pooled (as a dense layer's sites pool the examples), in {@link Tap} order; no normalized site
     * without a normalizer, no gradient before a backward has followed the last forward.
     */
    public void pooledSites(String path, int layer, List<SiteBuffer> out) {
        for (Tap tap : Tap.values()) {
            Site site = new Site(path, layer, Site.ALL, tap);
            switch (tap) {
                case LINEAR -> out.add(new SiteBuffer(site, () -> length > 0 ? linear : null));
                case NORMALIZED -> {
                    if (norms != null) out.add(new SiteBuffer(site, () -> length > 0 ? normed : null));
                }
                case ACTIVATION -> out.add(new SiteBuffer(site, () -> length > 0 ? h : null));
                case GRADIENT -> out.add(new SiteBuffer(site, () -> backwardDone ? dLinear : null));
            }
        }
    }

    /**
     * Every time step made so far, position t: W·x+b (a_t), the normalizer's output, h_t and dL/da_t; a step the last
     * forward did not reach has no values.
     */
    @Override
    public void sites(String path, int layer, List<SiteBuffer> out) {
        for (int t = 0; t < steps.size(); t++) {
            final int step = t;
            Step s = steps.get(t);
            for (Tap tap : Tap.values()) {
                Layer owner = switch (tap) {
                    case LINEAR, GRADIENT -> s.dense;
                    case NORMALIZED -> s.norm;
                    case ACTIVATION -> s.act;
                };
                if (owner == null) continue;
                SiteBuffer plain = SiteBuffer.of(new Site(path, layer, t, tap), owner);
                out.add(new SiteBuffer(plain.site(), () -> step < length ? plain.values() : null));
            }
        }
    }
}
