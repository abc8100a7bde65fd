package org.shiftscope.nn;

import java.util.Random;

/**
 * Builds a multilayer perceptron's layers from a {@link NetworkSpec}: hidden layers of Dense → Activation blocks
 * ({@link HiddenLayer}, normalizers added by the {@link Network}), then the output Dense. Weights are drawn from the
 * generator given, hidden layers first, input side first, then the output layer — so the same seed gives the same
 * starting weights whatever the normalizer settings.
 */
public final class Mlp {
    private Mlp() {}

    /** the hidden layers, input side first, their weights drawn from {@code rng} */
    static HiddenLayer[] hiddenLayers(int inputs, NetworkSpec spec, Random rng, MatMul mm) {
        int[] hidden = spec.hidden();
        HiddenLayer[] blocks = new HiddenLayer[hidden.length];
        int in = inputs;
        for (int h = 0; h < hidden.length; h++) {
            Dense d = new Dense(Integer.toString(h + 1), in, hidden[h], mm);
            d.init(rng, spec.init().std(in, hidden[h], spec.initGain()));
            blocks[h] = new HiddenLayer(d, new Activation(spec.activation()));
            in = hidden[h];
        }
        return blocks;
    }

    /** the output layer producing the logits, its weights drawn from {@code rng} after the hidden layers' */
    static Dense outputLayer(int in, int classes, NetworkSpec spec, Random rng, MatMul mm) {
        Dense out = new Dense("out", in, classes, mm);
        out.init(rng, spec.init().std(in, classes, spec.initGain()));
        return out;
    }

    /** a network of these hidden layers on {@code inputs} features into {@code classes} classes */
    public static Network build(int inputs, int classes, NetworkSpec spec, long seed, MatMul mm) {
        return new Network(inputs, classes, spec, seed, mm);
    }
}
