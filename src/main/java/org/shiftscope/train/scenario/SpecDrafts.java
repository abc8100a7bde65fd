package org.shiftscope.train.scenario;

import org.shiftscope.nn.NetworkSpec;

/**
 * The three specs of one {@link Scenario} while the lines of the {@link Settings} table feed them, each line its
 * own field by name ({@link Setting#feed}), so no spec is built from a long list of values in a row.
 */
record SpecDrafts(DatasetSpec.Draft dataset, NetworkSpec.Builder network, TrainingSpec.Draft training) {
    /** empty drafts, to be fed by every line of the table */
    static SpecDrafts start() {
        return new SpecDrafts(new DatasetSpec.Draft(), NetworkSpec.builder(), new TrainingSpec.Draft());
    }
}
