package org.shiftscope.nn;

import java.util.List;

/** Stochastic gradient descent with (heavy-ball) momentum; momentum 0 is plain SGD. */
public final class Sgd {
    /** step size */
    private double learningRate;
    /** fraction of the previous update kept, [0, 1) */
    private double momentum;

    public Sgd(double learningRate, double momentum) {
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    public double learningRate() {
        return learningRate;
    }

    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    public double momentum() {
        return momentum;
    }

    public void setMomentum(double momentum) {
        this.momentum = momentum;
    }

    /** Updates every unfrozen parameter: v ← μ·v − η·g ; w ← w + v. */
    public void step(List<Param> params) {
        for (int p = 0, np = params.size(); p < np; p++) {
            Param param = params.get(p);
            if (param.frozen) continue;
            final double[] w = param.value.data, g = param.gradient().data, v = param.velocity.data;
            for (int i = 0, n = param.size(); i < n; i++) {
                v[i] = momentum * v[i] - learningRate * g[i];
                w[i] += v[i];
            }
        }
    }
}
