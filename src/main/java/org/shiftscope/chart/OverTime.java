package org.shiftscope.chart;

/** How the layer rows show a histogram over time: a view preference, not a training setting. */
public enum OverTime {
    /** each step a thin column, coloured by density (TensorBoard's distribution view) */
    HEAT_MAP,
    /** the histograms of successive steps stacked, older ones further back (TensorBoard's offset view) */
    RIDGELINE;

    /** the name kept in the preferences */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** the view of a key, or the heat map for anything else */
    public static OverTime of(String key) {
        for (OverTime o : values()) if (o.key().equals(key)) return o;
        return HEAT_MAP;
    }
}
