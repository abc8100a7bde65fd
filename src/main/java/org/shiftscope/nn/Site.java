package org.shiftscope.nn;

/**
 * A place in a network where values are measured: which layer (its path, e.g. {@code h3}, and its number among the
 * hidden layers, which charts and CSV files show), which position (a time step or pixel; −1 when the layer's values
 * are measured over all positions at once) and what ({@link Tap}). A value: two equal sites are the same place.
 *
 * @param path     the layer's path in the network, e.g. "h3"
 * @param layer    the hidden layer's number, 1-based, as charts and CSV files number them
 * @param position the time step or pixel, or {@link #ALL}
 * @param tap      what is measured there
 */
public record Site(String path, int layer, int position, Tap tap) {
    /** a site measured over all positions at once */
    public static final int ALL = -1;

    /** hidden layer {@code layer}'s tap over all positions: path "h" + layer */
    public static Site of(int layer, Tap tap) {
        return new Site("h" + layer, layer, ALL, tap);
    }

    /** "h3.activation", "h3[t=4].gradient" */
    @Override
    public String toString() {
        return path + (position == ALL ? "" : "[" + position + "]") + "." + tap.key();
    }
}
