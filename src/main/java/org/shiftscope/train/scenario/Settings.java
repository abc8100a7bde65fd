package org.shiftscope.train.scenario;

import static org.shiftscope.train.scenario.Setting.Group.BATCHNORM;
import static org.shiftscope.train.scenario.Setting.Group.DATA;
import static org.shiftscope.train.scenario.Setting.Group.NETWORK;
import static org.shiftscope.train.scenario.Setting.Group.SCENARIO;
import static org.shiftscope.train.scenario.Setting.Group.TRAINING;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shiftscope.data.DatasetKind;
import org.shiftscope.data.SequenceLengths;
import org.shiftscope.nn.ActivationKind;
import org.shiftscope.nn.Affine;
import org.shiftscope.nn.Backend;
import org.shiftscope.nn.Init;
import org.shiftscope.nn.NetworkSpec;
import org.shiftscope.nn.NoiseModel;
import org.shiftscope.nn.NormKind;
import org.shiftscope.nn.Optimizer;
import org.shiftscope.nn.Placement;
import org.shiftscope.nn.Precision;
import org.shiftscope.nn.Tap;
import org.shiftscope.nn.TimeStatistics;
import org.shiftscope.train.scenario.Control.Kind;
import org.shiftscope.train.scenario.ValueType.Bool;
import org.shiftscope.train.scenario.ValueType.Choice;
import org.shiftscope.train.scenario.ValueType.Int;
import org.shiftscope.train.scenario.ValueType.IntList;
import org.shiftscope.train.scenario.ValueType.Num;
import org.shiftscope.train.scenario.ValueType.Text;

/**
 * THE table of settings (like TensorFlow Playground's {@code State.PROPS}): every setting of a scenario, declared
 * once, in the order files are written and the panel shows them. Scenario files, {@code --set}, validation
 * messages, the control panel, its bindings, the status messages and the engine's specs all follow from these
 * lines. A new setting is one line here, naming the spec field its value feeds (a new field of that spec) and, for
 * a live one, its {@link LiveEffect} on a running network (a new constant there for a new engine call); one that
 * rebuilds takes effect when the session is made from the specs.
 */
public final class Settings {
    private Settings() {}

    private static final List<Setting<?>> ALL = new ArrayList<>();

    private static <T> Setting.Line<T> line(String key, ValueType<T> type, T def) {
        return new Setting.Line<>(key, type, def, ALL::add);
    }

    private static Setting.Line<Double> number(String key, double def, double lo, boolean loIn, double hi,
                                               boolean hiIn) {
        return line(key, new Num(lo, loIn, hi, hiIn), def);
    }

    private static Setting.Line<Long> integer(String key, long def, long lo, long hi) {
        return line(key, new Int(lo, hi), def);
    }

    private static Setting.Line<Boolean> bool(String key, boolean def) {
        return line(key, new Bool(), def);
    }

    private static Setting.Line<String> text(String key, String def, String what) {
        return line(key, new Text(what), def);
    }

    private static <E extends Enum<E>> Setting.Line<E> choice(String key, Class<E> type, E def) {
        return line(key, new Choice<>(type), def);
    }

    /** whether normalization settings matter: a normalizer on in this scenario or in one of its variants */
    private static boolean bnPossible(Scenario s) {
        if (s.get(NORM).hasLayer()) return true;
        for (int i = 0; i < s.runCount(); i++) if (s.run(i).get(NORM).hasLayer()) return true;
        return false;
    }

    // ---------------------------------------------------------------- the scenario itself

    public static final Setting<String> NAME = text("name", "default", "a text").label("Name").describe();
    public static final Setting<String> TITLE = text("title", "Spiral with BatchNorm", "a text").label("Title")
            .describe();
    public static final Setting<String> DESCRIPTION = text("description",
            "Two interleaved spirals and a small tanh network with three hidden layers of 8 units. Turn BatchNorm "
                    + "off and on and watch the middle layers' distributions.", "a text")
            .label("Description").describe();

    // ---------------------------------------------------------------- data

    public static final Setting<DatasetKind> DATASET = choice("dataset.name", DatasetKind.class, DatasetKind.SPIRAL)
            .label("Data set")
            .tip("What the network learns to classify. Spiral, circles, xor and gaussians are 2-D point clouds "
                    + "(you see the decision regions); teacher has 20 features; fashion-mnist needs Debian's "
                    + "dataset-fashion-mnist package. More-ones and adding are sequences of varying length, read by "
                    + "a recurrent network.")
            .options(k -> k.planar ? k.key() + " (2-D)" : k.sequence ? k.key() + " (sequences)" : k.key())
            .dataset((d, v) -> d.name = v)
            .rebuild(DATA, Control.of(Kind.CHOICE));
    public static final Setting<String> DATASET_PATH = text("dataset.path", "", "a folder path (text)")
            .label("Data folder")
            .dataset((d, v) -> d.path = v)
            .rebuild();
    public static final Setting<Double> NOISE = number("dataset.noise", 0.1, 0, true, 1, true)
            .label("Noise")
            .tip("How noisy the data are: the spread of the 2-D points, or the share of flipped teacher labels.")
            .enabledWhen(s -> s.get(Settings.DATASET).planar || s.get(Settings.DATASET) == DatasetKind.TEACHER)
            .dataset((d, v) -> d.noise = v)
            .rebuild(DATA, Control.slider(0, 0.5, 2));
    public static final Setting<Long> SAMPLES = integer("dataset.samples", 1000, 0, 10_000_000)
            .label("Samples")
            .dataset((d, v) -> d.samples = v.intValue())
            .rebuild();
    public static final Setting<Double> TEST_FRACTION = number("dataset.test_fraction", 0.2, 0, false, 0.9, true)
            .label("Test share")
            .dataset((d, v) -> d.testFraction = v)
            .rebuild();
    public static final Setting<Long> MIN_LENGTH = integer("dataset.min_length", SequenceLengths.DEFAULT.min(), 1,
            1000)
            .label("Shortest training sequence")
            .tip("Sequence sets: the training sequences have every length from this one to the longest below; each "
                    + "mini-batch is of one length, drawn anew for every batch.")
            .enabledWhen(s -> s.get(Settings.DATASET).sequence)
            .dataset((d, v) -> d.minLength = v.intValue())
            .rebuild(DATA, Control.slider(1, 100, 0));
    public static final Setting<Long> MAX_LENGTH = integer("dataset.max_length", SequenceLengths.DEFAULT.max(), 1,
            1000)
            .label("Longest training sequence")
            .tip("Sequence sets: the longest sequence the network trains on. Per-step BatchNorm has running "
                    + "averages for these time steps only.")
            .enabledWhen(s -> s.get(Settings.DATASET).sequence)
            .dataset((d, v) -> d.maxLength = v.intValue())
            .rebuild(DATA, Control.slider(1, 100, 0));
    public static final Setting<Long> TEST_MIN_LENGTH = integer("dataset.test_min_length",
            SequenceLengths.DEFAULT.testMin(), 1, 1000)
            .label("Shortest test sequence")
            .tip("Sequence sets: the test accuracy counts the test sequences from this length to the longest below "
                    + "(the test set also holds every shorter length, for the accuracy by length).")
            .enabledWhen(s -> s.get(Settings.DATASET).sequence)
            .dataset((d, v) -> d.testMinLength = v.intValue())
            .rebuild(DATA, Control.slider(1, 200, 0));
    public static final Setting<Long> TEST_MAX_LENGTH = integer("dataset.test_max_length",
            SequenceLengths.DEFAULT.testMax(), 1, 1000)
            .label("Longest test sequence")
            .tip("Sequence sets: the longest test sequence, at least the longest training one. Longer than anything "
                    + "trained on, it shows which normalizers carry over to new lengths.")
            .enabledWhen(s -> s.get(Settings.DATASET).sequence)
            .dataset((d, v) -> d.testMaxLength = v.intValue())
            .rebuild(DATA, Control.slider(1, 200, 0));

    // ---------------------------------------------------------------- network

    public static final Setting<List<Integer>> HIDDEN = line("network.hidden", new IntList(1, 12, 1, 1024),
            IntList.of(8, 8, 8))
            .label("Hidden layers")
            .tip("Number of hidden layers and units in each. Deeper nets are harder to train without BatchNorm.")
            .network((n, v) -> n.hidden(IntList.toArray(v)))
            .rebuild(NETWORK, new Control(Kind.LAYERS, Control.Scale.LINEAR, 2, 256, 0, false));
    public static final Setting<ActivationKind> ACTIVATION = choice("network.activation", ActivationKind.class,
            ActivationKind.TANH)
            .label("Activation")
            .tip("The nonlinearity of every hidden layer. Sigmoid and tanh saturate at their ends.")
            .network(NetworkSpec.Builder::activation)
            .rebuild(NETWORK, Control.of(Kind.CHOICE));
    public static final Setting<Init> INIT = choice("network.init", Init.class, Init.XAVIER)
            .label("Init")
            .tip("How starting weights are drawn: normal has scale 1; Xavier and He pick a scale from the layer "
                    + "sizes. The init gain below multiplies that scale.")
            .network(NetworkSpec.Builder::init)
            .rebuild(NETWORK, Control.of(Kind.CHOICE));
    public static final Setting<Double> INIT_GAIN = number("network.init_gain", 1.0, 0, false, 100, true)
            .label("Init gain")
            .tip("Multiplies the starting weights: their std = gain × the init's own scale (1 for normal, "
                    + "√(2/(fan_in+fan_out)) for Xavier, √(2/fan_in) for He). Too small or too large ruins a plain "
                    + "network; BatchNorm makes it matter much less. Old files' network.init_std is read as the gain "
                    + "with normal init and as gain 1 with Xavier or He.")
            .network(NetworkSpec.Builder::initGain)
            .rebuild(NETWORK, Control.logSlider(0.001, 100, 3));
    public static final Setting<NormKind> NORM = choice("network.norm", NormKind.class, NormKind.BATCH)
            .label("Normalizer  (B)")
            .tip("How each unit is brought to mean 0 and std 1 before gamma and beta: BatchNorm over the mini-batch, "
                    + "LayerNorm over the units of each example, GroupNorm over groups of units of each example, "
                    + "Batch Renorm over the mini-batch corrected towards its running averages — or none. Takes "
                    + "effect at the next step, keeping the weights; B turns it off and on. With variants it is the "
                    + "edited variant's (pick one under Variants). Old files' network.batchnorm = true/false means "
                    + "batch/none.")
            .options(NormKind::label)
            .perVariant()
            .network(NetworkSpec.Builder::norm)
            .effect(LiveEffect.NORM)
            .live(BATCHNORM, Control.of(Kind.CHOICE));
    public static final Setting<Long> NORM_GROUPS = integer("network.norm_groups", NetworkSpec.GROUPS, 1, 1024)
            .label("Groups (GroupNorm)")
            .tip("GroupNorm splits each layer's units into this many groups and normalizes each group of each "
                    + "example on its own: 1 group is LayerNorm, one unit per group normalizes every unit alone. It "
                    + "must divide every layer's width.")
            .enabledWhen(s -> s.get(NORM) == NormKind.GROUP)
            .symbol("groups")
            .perVariant().normOnly()
            .network((n, v) -> n.normGroups(v.intValue()))
            .effect(LiveEffect.GROUPS)
            .live(BATCHNORM, Control.log2Slider(1, 64));
    public static final Setting<Double> RENORM_RMAX = number("network.renorm_rmax", NetworkSpec.R_MAX, 1, true, 100,
            true)
            .label("r max (Batch Renorm)")
            .tip("Batch Renorm rescales the batch's normalization by r = σ_batch/σ_running, kept within [1/r max, "
                    + "r max]: 1 makes it plain BatchNorm; larger lets the running averages correct more.")
            .enabledWhen(s -> s.get(NORM) == NormKind.RENORM)
            .symbol("r max")
            .perVariant().normOnly()
            .network(NetworkSpec.Builder::renormRMax)
            .effect(LiveEffect.RENORM)
            .live(BATCHNORM, Control.slider(1, 10, 1));
    public static final Setting<Double> RENORM_DMAX = number("network.renorm_dmax", NetworkSpec.D_MAX, 0, true, 100,
            true)
            .label("d max (Batch Renorm)")
            .tip("Batch Renorm shifts by d = (μ_batch − μ_running)/σ_running, kept within [−d max, d max]: 0 makes it "
                    + "plain BatchNorm.")
            .enabledWhen(s -> s.get(NORM) == NormKind.RENORM)
            .symbol("d max")
            .perVariant().normOnly()
            .network(NetworkSpec.Builder::renormDMax)
            .effect(LiveEffect.RENORM)
            .live(BATCHNORM, Control.slider(0, 10, 1));
    public static final Setting<Long> RENORM_WARMUP = integer("network.renorm_warmup", 0, 0, 10_000_000)
            .label("Warm-up steps (Batch Renorm)")
            .tip("The Batch Renorm paper starts as plain BatchNorm and loosens the clips slowly: over this many steps "
                    + "r max rises from 1 and d max from 0 to the values above, in a straight line (0 = no warm-up: "
                    + "the clips hold from the first step).")
            .enabledWhen(s -> s.get(NORM) == NormKind.RENORM)
            .perVariant().normOnly()
            .network(NetworkSpec.Builder::renormWarmup)
            .effect(LiveEffect.RENORM)
            .live(BATCHNORM, Control.slider(0, 20_000, 0));
    public static final Setting<Placement> BN_PLACEMENT = choice("network.bn_placement", Placement.class,
            Placement.BEFORE)
            .label("The normalizer sits")
            .tip("Between the weights and the nonlinearity (as in the BatchNorm paper), or after the nonlinearity.")
            .options(p -> p.key() + " activation")
            .enabledWhen(Settings::bnPossible)
            .perVariant().normOnly()
            .network(NetworkSpec.Builder::bnPlacement)
            .effect(LiveEffect.PLACEMENT)
            .live(BATCHNORM, Control.of(Kind.TOGGLES));
    public static final Setting<Affine> AFFINE = choice("network.affine", Affine.class, Affine.LEARNED)
            .label("γ/β")
            .tip("Learned: gamma and beta start at the slider values and are learned, so the network can undo the "
                    + "normalization if that helps. Fixed: they stay at the slider values for every unit, so the "
                    + "values after BN have exactly mean beta and standard deviation gamma.")
            .enabledWhen(Settings::bnPossible)
            .perVariant().normOnly()
            .network(NetworkSpec.Builder::affine)
            .effect(LiveEffect.AFFINE)
            .live(BATCHNORM, Control.of(Kind.TOGGLES));
    public static final Setting<Double> GAMMA = number("network.gamma", 1.0, -100, true, 100, true)
            .label("gamma γ")
            .tip("Scale applied after normalizing. Moving it sets every unit's gamma to this value.")
            .enabledWhen(Settings::bnPossible)
            .symbol("γ")
            .perVariant().normOnly()
            .network(NetworkSpec.Builder::gamma)
            .effect(LiveEffect.AFFINE)
            .live(BATCHNORM, Control.slider(0, 5, 2));
    public static final Setting<Double> BETA = number("network.beta", 0.0, -100, true, 100, true)
            .label("beta β")
            .tip("Shift applied after normalizing. Moving it sets every unit's beta to this value.")
            .enabledWhen(Settings::bnPossible)
            .symbol("β")
            .perVariant().normOnly()
            .network(NetworkSpec.Builder::beta)
            .effect(LiveEffect.AFFINE)
            .live(BATCHNORM, Control.slider(-3, 3, 2));
    public static final Setting<Double> BN_MOMENTUM = number("network.bn_momentum", 0.1, 0, true, 1, true)
            .label("Running-avg. momentum")
            .tip("How much of BatchNorm's running averages each mini-batch replaces. The running averages are what "
                    + "the network uses at test time instead of batch statistics.")
            .enabledWhen(Settings::bnPossible)
            .symbol("BN momentum")
            .perVariant().normOnly()
            .network(NetworkSpec.Builder::bnMomentum)
            .effect(LiveEffect.BN_MOMENTUM)
            .live(BATCHNORM, Control.slider(0, 1, 2));
    public static final Setting<Double> NORM_NOISE = number("network.norm_noise", 0.0, 0, true, 10, true)
            .label("Noise after BN")
            .tip("Noisy BatchNorm (Santurkar et al. 2018): every step, each unit's output after BN is multiplied by a "
                    + "random scale and shifted by a random offset, drawn anew, so the next layer's inputs keep "
                    + "shifting on purpose. 0 = off; 1 = offsets up to ±1 and scales from ½ to 2.")
            .enabledWhen(Settings::bnPossible)
            .symbol("BN noise")
            .perVariant().normOnly()
            .network(NetworkSpec.Builder::normNoise)
            .effect(LiveEffect.NORM_NOISE)
            .live(BATCHNORM, Control.slider(0, 3, 2));
    public static final Setting<NoiseModel> NORM_NOISE_MODEL = choice("network.norm_noise_model", NoiseModel.class,
            NoiseModel.SIMPLE)
            .label("Noise drawn")
            .tip("How the noise after BN is drawn. Per unit: one scale and one offset per unit each step, shared by "
                    + "every example. Per example: Algorithm 1 of Santurkar et al. (2018) — each step every unit gets "
                    + "a random centre and scale, and every example its own scale and offset around them; noise 1 "
                    + "uses the paper's constants, other values scale them.")
            .options(m -> m.label)
            .enabledWhen(Settings::bnPossible)
            .symbol("noise model")
            .perVariant().normOnly()
            .network(NetworkSpec.Builder::normNoiseModel)
            .effect(LiveEffect.NORM_NOISE)
            .live(BATCHNORM, Control.of(Kind.TOGGLES));
    public static final Setting<Double> BN_EPS = number("network.bn_eps", 1e-5, 0, false, 1, true)
            .label("BatchNorm ε")
            .symbol("ε")
            .perVariant().normOnly()
            .network(NetworkSpec.Builder::bnEps)
            .effect(LiveEffect.BN_EPS)
            .live();
    public static final Setting<TimeStatistics> TIME_STATS = choice("network.time_stats", TimeStatistics.class,
            TimeStatistics.PER_STEP)
            .label("BatchNorm over time")
            .tip("Sequence sets: a recurrent network's BatchNorm normalizes each time step with that step's batch "
                    + "statistics, and keeps running averages for inference either per time step (Cooijmans et al. "
                    + "2016; beyond the longest trained sequence, the last trained step's) or one set shared by every "
                    + "step.")
            .options(t -> t == TimeStatistics.PER_STEP ? "per time step" : "shared by all steps")
            .enabledWhen(s -> s.get(DATASET).sequence && bnPossible(s))
            .symbol("BN statistics")
            .perVariant().normOnly()
            .network(NetworkSpec.Builder::timeStats)
            .effect(LiveEffect.TIME_STATS)
            .live(BATCHNORM, Control.of(Kind.TOGGLES));

    // ---------------------------------------------------------------- training

    public static final Setting<Optimizer> OPTIMIZER = choice("training.optimizer", Optimizer.class, Optimizer.SGD)
            .label("Optimizer")
            .training((t, v) -> t.optimizer = v)
            .rebuild();
    public static final Setting<Double> LEARNING_RATE = number("training.learning_rate", 0.03, 0, false, 100, true)
            .label("Learning rate")
            .tip("How big a step gradient descent takes. Too large and a plain network diverges; BatchNorm "
                    + "tolerates much larger steps.")
            .symbol("lr")
            .perVariant()
            .training((t, v) -> t.learningRate = v)
            .effect(LiveEffect.LEARNING_RATE)
            .live(TRAINING, Control.logSlider(1e-4, 10, 3));
    public static final Setting<Long> BATCH_SIZE = integer("training.batch_size", 32, 1, 4096)
            .label("Batch size")
            .tip("Examples per step. BatchNorm estimates its mean and variance from the mini-batch, so tiny "
                    + "batches (2–8) make those estimates noisy.")
            .symbol("batch")
            .training((t, v) -> t.batchSize = v.intValue())
            .live(TRAINING, Control.log2Slider(1, 512));
    public static final Setting<Double> MOMENTUM = number("training.momentum", 0.9, 0, true, 1, false)
            .label("Momentum")
            .tip("How much of the previous update carries over (0 = plain SGD).")
            .perVariant()
            .training((t, v) -> t.momentum = v)
            .effect(LiveEffect.MOMENTUM)
            .live(TRAINING, Control.slider(0, 0.99, 2));
    public static final Setting<Double> CLIP_NORM = number("training.clip_norm", 0, 0, true, 1000, true)
            .label("Gradient clipping")
            .tip("Before each step, the gradient of all weights together is scaled down to this norm when it is "
                    + "longer (0 = off). Recurrent networks use it against gradients that explode back through time.")
            .symbol("clip")
            .training((t, v) -> t.clipNorm = v)
            .live(TRAINING, Control.slider(0, 10, 1));
    public static final Setting<Double> SPEED = number("training.speed", 0, 0, true, 1_000_000, true)
            .label("Speed")
            .tip("Cap on training steps per second, to watch changes slowly; all the way right = as fast as the "
                    + "computer can.")
            .training((t, v) -> t.speed = v)
            .live(TRAINING, Control.capSlider(1, 10_000));
    public static final Setting<Long> STEPS = integer("training.steps", 3000, 1, 100_000_000)
            .label("Steps (headless run, lesson end)")
            .training((t, v) -> t.steps = v)
            .describe();
    public static final Setting<Long> SEED = integer("training.seed", 1, Long.MIN_VALUE, Long.MAX_VALUE)
            .label("Seed")
            .tip("The random seed: the same seed gives the same starting weights, data and mini-batches. Press "
                    + "Enter to start over with it.")
            .training((t, v) -> t.seed = v)
            .rebuild(SCENARIO, Control.of(Kind.TEXT));
    public static final Setting<Long> EVAL_EVERY = integer("training.eval_every", 100, 1, 10_000_000)
            .label("Test accuracy every")
            .training((t, v) -> t.evalEvery = v.intValue())
            .live();
    public static final Setting<Long> STATS_EVERY = integer("training.stats_every", 1, 1, 10_000_000)
            .label("Statistics every")
            .training((t, v) -> t.statsEvery = v.intValue())
            .live();
    public static final Setting<Backend> BACKEND = choice("training.backend", Backend.class, Backend.AUTO)
            .label("Matrix back-end")
            .training((t, v) -> t.backend = v)
            .rebuild();
    public static final Setting<Precision> PRECISION = choice("training.precision", Precision.class, Precision.F64)
            .label("Precision of the products")
            .training((t, v) -> t.precision = v)
            .rebuild();

    // ---------------------------------------------------------------- view

    public static final Setting<Tap> VIEW_TAP = choice("view.tap", Tap.class, Tap.ACTIVATION)
            .label("Layer charts show")
            .tip("What the layer rows' charts show — W·x+b, after the normalizer, the activation or the gradient "
                    + "dL/d(W·x+b) — as the toolbar's switch chooses it. Saved with the scenario; the headless runner "
                    + "draws dashboard.png and dashboard.gif with it. Nothing about training changes.")
            .options(t -> t.label)
            .describe();

    // ---------------------------------------------------------------- lab

    public static final Setting<Long> LAB_EVERY = integer("lab.every", 0, 0, 10_000_000)
            .label("ICS lab every")
            .tip("Every this many steps, measure internal covariate shift of every hidden layer two ways: how far "
                    + "its W·x+b distribution on a fixed probe batch moved since the last measurement, and how much "
                    + "the layer's weight gradient changes when the layers below take their step first (Santurkar "
                    + "et al. 2018). Measured on copies: training is exactly the same. 0 = off.")
            .symbol("ICS lab every")
            .live();

    private static final Map<String, Setting<?>> BY_KEY = new LinkedHashMap<>();

    /**
     * The settings a {@link Variant} may change ({@link Setting#perVariant}), in table order; every other one is
     * shared by the variants so they train in lockstep (same data, mini-batches, layer sizes and starting weights).
     */
    private static final List<Setting<?>> PER_VARIANT = ALL.stream().filter(Setting::perVariant).toList();

    static {
        for (Setting<?> s : ALL) {
            if (BY_KEY.put(s.key(), s) != null) throw new IllegalStateException("two settings named " + s.key());
            // a variant's value, and any effect, reaches a running network between steps
            if ((s.perVariant() || s.effect() != null) && s.apply() != Setting.Apply.LIVE) {
                throw new IllegalStateException(s.key() + " must apply live");
            }
            if (s.perVariant() && s.effect() == null) {
                throw new IllegalStateException(s.key() + " differs between variants: it needs an effect");
            }
        }
    }

    /** the settings a variant may change, in table order */
    public static List<Setting<?>> perVariant() {
        return PER_VARIANT;
    }

    /** their keys, comma-separated, for messages */
    public static String perVariantKeys() {
        return String.join(", ", PER_VARIANT.stream().map(Setting::key).toList());
    }

    /** every setting, in file order */
    public static List<Setting<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** the setting with this dotted key, or null */
    public static Setting<?> byKey(String key) {
        return BY_KEY.get(key);
    }

    /** the settings shown in one panel section, in order */
    public static List<Setting<?>> inGroup(Setting.Group g) {
        return ALL.stream().filter(s -> s.group() == g && s.control() != null).toList();
    }
}
