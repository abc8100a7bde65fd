package org.shiftscope.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * A network's sites: what each holds, in which order, and the gradient site's values against central differences
 * of the loss in W·x+b itself.
 */
class SitesTest {
    static Network net(NormKind norm, Placement placement) {
        Network n = new Network(3, 3, new NetworkSpec(new int[] {5, 4}, ActivationKind.TANH, Init.XAVIER, 1.5, norm,
                placement, Affine.LEARNED, 1.0, 0.0, 0.1, 1e-5, 0, 2, 3, 5, 0), 7, new EjmlMatMul());
        return n;
    }

    static List<String> names(Network n) {
        List<String> out = new ArrayList<>();
        for (SiteBuffer s : n.sites()) out.add(s.site().toString());
        return out;
    }

    @Test
    void sitesInLayerAndTapOrderWhateverThePlacement() {
        for (Placement p : Placement.values()) {
            assertEquals(List.of("h1.linear", "h1.normalized", "h1.activation", "h1.gradient", "h2.linear",
                    "h2.normalized", "h2.activation", "h2.gradient"), names(net(NormKind.BATCH, p)));
        }
        Network plain = net(NormKind.NONE, Placement.BEFORE);
        assertEquals(List.of("h1.linear", "h1.activation", "h1.gradient", "h2.linear", "h2.activation",
                "h2.gradient"), names(plain));
        List<SiteBuffer> before = plain.sites();
        plain.setNorm(NormKind.LAYER);
        assertTrue(before != plain.sites(), "a new list after a re-list");
        assertEquals(8, plain.sites().size());
    }

    @Test
    void eachSiteReadsItsLayersBuffer() {
        Network n = net(NormKind.BATCH, Placement.AFTER);
        Random r = new Random(1);
        DMatrixRMaj x = GradCheck.random(r, 6, 3, 1);
        n.forward(x, new int[] {0, 1, 2, 0, 1, 2}, true);
        for (SiteBuffer s : n.sites()) {
            Site site = s.site();
            HiddenLayer block = n.block(site.layer());
            switch (site.tap()) {
                case LINEAR -> assertSame(block.dense().output(), s.values());
                case NORMALIZED -> assertSame(block.norm().output(), s.values());
                case ACTIVATION -> assertSame(block.part(HiddenLayer.ACT).output(), s.values());
                case GRADIENT -> assertNull(s.values(), "no gradient before a backward");
            }
            assertEquals("h" + site.layer(), site.path());
            assertEquals(Site.ALL, site.position());
        }
        n.zeroGrad();
        n.backward();
        for (SiteBuffer s : n.sites()) assertNotNull(s.values(), s.site() + " after backward");
        n.forward(x, new int[] {0, 1, 2, 0, 1, 2}, false);
        for (SiteBuffer s : n.sites()) {
            if (s.site().tap() == Tap.GRADIENT) assertNull(s.values(), "a new forward forgets the gradient");
        }
    }

    @ParameterizedTest
    @EnumSource(NormKind.class)
    void theGradientSiteIsDLossDLinearOutput(NormKind norm) {
        for (Placement placement : Placement.values()) {
            Network n = net(norm, placement);
            Random r = new Random(2);
            DMatrixRMaj x = GradCheck.random(r, 6, 3, 1);
            int[] y = {0, 1, 2, 1, 0, 2};
            n.forward(x, y, Pass.measuring()); // batch statistics, running averages left as they are
            n.zeroGrad();
            n.backward();
            // every layer's W·x+b and gradient, before the checks' extra passes replace them
            List<DMatrixRMaj> zs = new ArrayList<>(), gs = new ArrayList<>();
            for (int h = 1; h <= n.depth(); h++) {
                zs.add(n.dense(h).output().copy());
                gs.add(siteValues(n, h, Tap.GRADIENT).copy());
            }
            for (int h = 1; h <= n.depth(); h++) {
                DMatrixRMaj z = zs.get(h - 1), g = gs.get(h - 1);
                final int layer = h;
                // L as a function of layer h's W·x+b: the rest of the network run on a perturbed copy
                double big = GradCheck.check(norm + " " + placement + " dL/dz" + h, z.data, z.getNumElements(), g.data,
                        () -> lossFrom(n, layer, z, y));
                assertTrue(big > 1e-4, "the gradient of layer " + h + " is not all zero");
            }
        }
    }

    static DMatrixRMaj siteValues(Network n, int layer, Tap tap) {
        for (SiteBuffer s : n.sites()) if (s.site().layer() == layer && s.site().tap() == tap) return s.values();
        throw new AssertionError("no site " + layer + " " + tap);
    }

    /** the loss of the network's layers after hidden layer h's dense part, run on z (batch statistics, no update) */
    static double lossFrom(Network n, int h, DMatrixRMaj z, int[] y) {
        List<Layer> layers = n.layers();
        int start = layers.indexOf(n.dense(h)) + 1;
        DMatrixRMaj a = z;
        for (int i = start; i < layers.size(); i++) a = layers.get(i).forward(a, Pass.measuring());
        return new SoftmaxCrossEntropy().forward(a, y);
    }

    @Test
    void pathsNameEveryLayer() {
        Network n = net(NormKind.BATCH, Placement.BEFORE);
        assertSame(n.block(2), n.layer("h2"));
        assertSame(n.dense(1), n.layer("h1.linear"));
        assertSame(n.normLayer(2), n.layer("h2.norm"));
        assertSame(n.block(1).part(HiddenLayer.ACT), n.layer("h1.act"));
        assertSame(n.outputLayer(), n.layer("out"));
        for (Layer l : n.layers()) assertSame(l, n.layer(n.pathOf(l)), n.pathOf(l));
        assertEquals("h2.norm", n.pathOf(n.normLayer(2)));
        assertThrows(IllegalArgumentException.class, () -> n.layer("h3"));
        assertThrows(IllegalArgumentException.class, () -> n.layer("h1.bogus"));
        assertThrows(IllegalArgumentException.class, () -> n.layer("x1"));
        n.setNorm(NormKind.NONE);
        assertNull(n.layer("h1.norm"));
    }
}
