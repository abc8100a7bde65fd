package org.shiftscope.train.scenario;

import org.shiftscope.nn.ActivationKind;
import org.shiftscope.nn.Affine;
import org.shiftscope.nn.Init;
import org.shiftscope.nn.Placement;

/**
 * Every setting of a run, the seed included: the same scenario gives the same run. Immutable.
 *
 * @param name        short identifier (file stem), used in exported file names
 * @param title       a human title
 * @param description what the scenario shows, in plain words
 * @param compare     train a BN twin and a plain twin side by side
 * @param dataset     the data
 * @param network     shape and BatchNorm settings
 * @param training    optimizer, batches, seed, schedule
 */
public record Scenario(String name, String title, String description, boolean compare, DatasetSpec dataset,
                       NetworkSpec network, TrainingSpec training) {

    /** The fast synthetic default: a noisy spiral and a 3-layer tanh network with BN, no download needed. */
    public static Scenario defaults() {
        return new Scenario("default", "Spiral with BatchNorm",
                "Two interleaved spirals and a small tanh network with three hidden layers of 8 units. "
                        + "Turn BatchNorm off and on and watch the middle layers' distributions.",
                false,
                new DatasetSpec("spiral", "", 0.1, 1000, 0.2),
                new NetworkSpec(new int[] {8, 8, 8}, ActivationKind.TANH, Init.XAVIER, 0.1, true, Placement.BEFORE,
                        Affine.LEARNED, 1.0, 0.0, 0.1, 1e-5),
                new TrainingSpec("sgd", 0.03, 0.9, 32, 3000, 1, 100, 1, "auto", 0));
    }

    public Scenario withName(String v) {
        return new Scenario(v, title, description, compare, dataset, network, training);
    }

    public Scenario withCompare(boolean v) {
        return new Scenario(name, title, description, v, dataset, network, training);
    }

    public Scenario withDataset(DatasetSpec v) {
        return new Scenario(name, title, description, compare, v, network, training);
    }

    public Scenario withNetwork(NetworkSpec v) {
        return new Scenario(name, title, description, compare, dataset, v, training);
    }

    public Scenario withTraining(TrainingSpec v) {
        return new Scenario(name, title, description, compare, dataset, network, v);
    }
}
