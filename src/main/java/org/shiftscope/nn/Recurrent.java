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
    private final NormFactory norms;
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
        h.reshape(m, t1, hidden);
        zeros.reshape(m, 1, hidden);
        DMatrixRMaj prev = zeros;
        for (int t = 0; t < t1; t++) {
            Step s = step(t);
            if (s.norm != null && !pass.batchStatistics() && t >= trained && trained > 0) {
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
            if (s.norm != null) a = s.norm.forward(a, pass);
            prev = s.act.forward(a, pass);
            final double[] hd = h.data, od = prev.data;
            for (int n = 0; n < m; n++) System.arraycopy(od, n * hidden, hd, (n * t1 + t) * hidden, hidden);
        }
        if (pass.updateRunning()) trained = Math.max(trained, t1);
        return h;
    }

    @Override
    public DMatrixRMaj backward(DMatrixRMaj dOut) {
        this.dOut = dOut;
        final int t1 = length, m = h.examples();
        dx.reshape(m, t1, in);
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
