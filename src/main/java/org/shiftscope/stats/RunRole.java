package org.shiftscope.stats;

import java.util.Locale;

/**
 * What a run is for, declared once: its name in snapshots, CSV files and the history ({@link #key()}), and its
 * words in legends. A single network is MAIN; the bn-vs-plain variants are a BN twin and a plain twin (other variants take their words from what they change).
 */
public enum RunRole {
    /** the one network of a single run */
    MAIN("this network"),
    /** the compare twin with BatchNorm */
    BN("with BN"),
    /** the compare twin without BatchNorm */
    PLAIN("without BN");

    /** the words for this run in legends and captions */
    public final String label;

    RunRole(String label) {
        this.label = label;
    }

    /** name in snapshots and CSV files: main, bn, plain */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** the role named by a key, or MAIN for an unknown one */
    public static RunRole of(String key) {
        for (RunRole r : values()) if (r.key().equals(key)) return r;
        return MAIN;
    }
}
