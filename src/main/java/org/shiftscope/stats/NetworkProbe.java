package org.shiftscope.stats;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.shiftscope.nn.Network;
import org.shiftscope.nn.Site;
import org.shiftscope.nn.SiteBuffer;
import org.shiftscope.nn.Tap;

/**
 * Measures every site a network publishes ({@link Network#sites()}): the forward values of its hidden layers and,
 * once a backward has followed the forward, the gradients. Call it after the step's backward; a site without values
 * (a gradient when the step had no backward) is left out. A {@link TapProbe} is made the first time a site is seen
 * and kept, so normalizers can come and go without allocation in the loop.
 */
public final class NetworkProbe {
    /** histogram bins of every probe */
    private final int bins;
    /** a probe per site seen */
    private final Map<Site, TapProbe> probes = new HashMap<>();
    /** the site list the arrays below were made for (a network makes a new list when it re-lists its layers) */
    private List<SiteBuffer> listed;
    /** the probe of each listed site, in its order */
    private TapProbe[] byIndex = new TapProbe[0];
    /** which listed sites the last {@link #measure} filled */
    private boolean[] measured = new boolean[0];
    /** the taps measured (all unless {@link #measureOnly} said otherwise) */
    private final EnumSet<Tap> taps = EnumSet.allOf(Tap.class);

    /**
     * @param depth hidden layers (their probes are made up front: every tap over all positions)
     * @param bins  histogram bins
     */
    public NetworkProbe(int depth, int bins) {
        this.bins = bins;
        for (int h = 1; h <= depth; h++) for (Tap t : Tap.values()) probe(Site.of(h, t));
    }

    /** Measures every site of the network that holds values now. */
    public void measure(Network net) {
        List<SiteBuffer> sites = net.sites();
        if (sites != listed) relist(sites);
        for (int i = 0, n = sites.size(); i < n; i++) {
            SiteBuffer s = sites.get(i);
            DMatrixRMaj v = taps.contains(s.site().tap()) ? s.values() : null;
            measured[i] = v != null;
            if (v != null) byIndex[i].measure(v, net.activation());
        }
    }

    /** Measures only these taps from now on (all by default): e.g. to time the statistics without the gradient's. */
    public void measureOnly(Set<Tap> which) {
        taps.clear();
        taps.addAll(which);
    }

    private void relist(List<SiteBuffer> sites) {
        listed = sites;
        byIndex = new TapProbe[sites.size()];
        measured = new boolean[sites.size()];
        for (int i = 0; i < byIndex.length; i++) byIndex[i] = probe(sites.get(i).site());
    }

    /** the probe of a site (made on first use) */
    public TapProbe probe(Site site) {
        return probes.computeIfAbsent(site, s -> new TapProbe(s, bins));
    }

    /** the probe of hidden layer h (1-based) at a tap, over all positions */
    public TapProbe probe(int h, Tap tap) {
        return probe(Site.of(h, tap));
    }

    /** Immutable copies of the last measurement, in the network's site order: layer ascending, taps in enum order. */
    public List<TapStats> snapshot() {
        List<TapStats> out = new ArrayList<>();
        for (int i = 0; i < byIndex.length; i++) if (measured[i]) out.add(byIndex[i].snapshot());
        return List.copyOf(out);
    }
}
