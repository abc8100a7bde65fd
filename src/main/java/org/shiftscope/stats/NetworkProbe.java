package org.shiftscope.stats;

import java.util.ArrayList;
import java.util.List;
import org.shiftscope.nn.Layer;
import org.shiftscope.nn.Network;
import org.shiftscope.nn.Tap;

/**
 * Measures every tap of every hidden layer of a network after its forward pass. One {@link TapProbe} per
 * (layer, tap) is made up front, so BN can come and go without allocation in the loop.
 */
public final class NetworkProbe {
    /** probes[h−1][tap.ordinal()] */
    private final TapProbe[][] probes;
    /** which probes the last {@link #measure} filled */
    private final boolean[][] measured;

    public NetworkProbe(int depth, int bins) {
        probes = new TapProbe[depth][Tap.values().length];
        measured = new boolean[depth][Tap.values().length];
        for (int h = 0; h < depth; h++) {
            for (Tap t : Tap.values()) probes[h][t.ordinal()] = new TapProbe(h + 1, t, bins);
        }
    }

    /** Measures the outputs of the network's listed hidden layers (call right after a forward pass). */
    public void measure(Network net) {
        for (boolean[] m : measured) java.util.Arrays.fill(m, false);
        List<Layer> layers = net.layers();
        for (int i = 0, n = layers.size(); i < n; i++) {
            int h = net.hiddenOf(i);
            if (h == 0) continue;
            Layer l = layers.get(i);
            probes[h - 1][l.tap().ordinal()].measure(l.output(), net.activation());
            measured[h - 1][l.tap().ordinal()] = true;
        }
    }

    /** the probe of hidden layer h (1-based) at a tap */
    public TapProbe probe(int h, Tap tap) {
        return probes[h - 1][tap.ordinal()];
    }

    /** Immutable copies of the last measurement: layer ascending, taps in enum order. */
    public List<TapStats> snapshot() {
        List<TapStats> out = new ArrayList<>();
        for (int h = 0; h < probes.length; h++) {
            for (Tap t : Tap.values()) {
                if (measured[h][t.ordinal()]) out.add(probes[h][t.ordinal()].snapshot());
            }
        }
        return List.copyOf(out);
    }
}
