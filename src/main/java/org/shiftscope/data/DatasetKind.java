package org.shiftscope.data;

import java.util.Locale;

/**
 * Every data set a scenario may name, declared once: its key in files, whether it is 2-D and whether its samples are
 * sequences of varying length (read by a recurrent network).
 */
public enum DatasetKind {
    /** two interleaved spirals (2-D) */
    SPIRAL(true),
    /** a disc inside a ring (2-D) */
    CIRCLES(true),
    /** four quadrants, opposite ones alike (2-D) */
    XOR(true),
    /** two Gaussian blobs (2-D) */
    GAUSSIANS(true),
    /** 20 features labelled by a random teacher network */
    TEACHER(false),
    /** any MNIST-format folder ({@code dataset.path}) */
    IDX(false),
    /** Debian's dataset-fashion-mnist package (or {@code dataset.path}) */
    FASHION_MNIST(false),
    /** MNIST from a usual folder (or {@code dataset.path}) */
    MNIST(false),
    /** random bit strings: are there more ones than zeros? (a sequence set) */
    MORE_ONES(false, true),
    /** the adding problem: is the sum of the two marked numbers above 1? (a sequence set that needs memory) */
    ADDING(false, true);

    /** whether the points are 2-D, so decision regions can be drawn */
    public final boolean planar;
    /** whether the samples are sequences of varying length (a recurrent network reads them) */
    public final boolean sequence;

    DatasetKind(boolean planar) {
        this(planar, false);
    }

    DatasetKind(boolean planar, boolean sequence) {
        this.planar = planar;
        this.sequence = sequence;
    }

    /** name in scenario files: lower case, '-' for '_' (e.g. fashion-mnist) */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return key();
    }

    /** the kind with this key, or null */
    public static DatasetKind of(String key) {
        for (DatasetKind k : values()) if (k.key().equals(key)) return k;
        return null;
    }
}
