package org.shiftscope.stats;

/** Which statistics the step inspector shows a normalizer using: this training batch's, or inference's. */
public enum InspectMode {
    /** what the training step computed: the mini-batch's statistics (per example for LayerNorm, GroupNorm) */
    TRAINING("training batch"),
    /** what a test-time forward computes on the same values: the running averages where the normalizer keeps them */
    INFERENCE("inference");

    /** the words on the panel's toggle */
    public final String label;

    InspectMode(String label) {
        this.label = label;
    }
}
