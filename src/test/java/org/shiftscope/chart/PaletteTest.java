package org.shiftscope.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.shiftscope.stats.History;
import org.shiftscope.train.scenario.Variant;

/**
 * The variants' colours can be told apart from the back of a room and by people with a colour-vision deficiency:
 * every pair of them is at least {@value #MIN} apart (CIEDE2000) and each stands out from the light and the dark
 * theme's background as much. The distance itself is checked on published values (Sharma, Wu and Dalal 2005).
 */
class PaletteTest {
    /** the smallest CIEDE2000 distance between two variants' colours, or a colour and a chart background */
    static final double MIN = 20;

    /** every colour a variant can have without setting one: by name, then by position */
    static Map<String, String> colours() {
        Map<String, String> c = new LinkedHashMap<>();
        for (String name : new String[] {"bn", "plain", "layer", "group", "renorm", "noisy-bn"}) {
            c.put(name, Variant.colorOf(name, 0));
        }
        for (int i = 0; i < Variant.PALETTE.length; i++) c.put("position " + i, Variant.colorOf("v" + i, i));
        return c;
    }

    @Test
    void everyPairOfVariantColoursIsFarApartInBothThemes() {
        Map<String, String> c = colours();
        var names = c.keySet().stream().toList();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                String a = c.get(names.get(i)), b = c.get(names.get(j));
                if (a.equals(b)) continue; // a name's colour is also one of the palette's positions
                double d = ciede2000(Color.web(a), Color.web(b));
                assertTrue(d >= MIN, names.get(i) + " " + a + " and " + names.get(j) + " " + b + ": ΔE00 " + d);
            }
        }
        for (ChartTheme t : new ChartTheme[] {ChartTheme.LIGHT, ChartTheme.DARK}) {
            for (var e : c.entrySet()) {
                double d = ciede2000(Color.web(e.getValue()), t.background());
                assertTrue(d >= MIN, e.getKey() + " on " + t.background() + ": ΔE00 " + d);
            }
        }
        // a history's runs without a variant take the same colours as the named variants
        History h = new History();
        assertEquals(Variant.colorOf("bn", 0), h.color("main"));
        assertEquals(Variant.colorOf("plain", 1), h.color("plain"));
    }

    @Test
    void theDistanceMatchesPublishedValues() {
        // pairs 1, 7 and 17 of Sharma, Wu and Dalal's table (CIELAB in, ΔE00 out)
        assertEquals(2.0425, ciede2000(new double[] {50, 2.6772, -79.7751}, new double[] {50, 0, -82.7485}), 1e-4);
        assertEquals(2.3669, ciede2000(new double[] {50, 0, 0}, new double[] {50, -1, 2}), 1e-4);
        assertEquals(27.1492, ciede2000(new double[] {50, 2.5, 0}, new double[] {73, 25, -18}), 1e-4);
        assertEquals(100, ciede2000(Color.BLACK, Color.WHITE), 1e-3);
    }

    static double ciede2000(Color a, Color b) {
        return ciede2000(lab(a), lab(b));
    }

    /** CIELAB (D65) of an sRGB colour */
    static double[] lab(Color c) {
        double r = linear(c.getRed()), g = linear(c.getGreen()), bl = linear(c.getBlue());
        double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * bl) / 0.95047;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * bl;
        double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * bl) / 1.08883;
        double fx = f(x), fy = f(y), fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double linear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        double d = 6.0 / 29;
        return t > d * d * d ? Math.cbrt(t) : t / (3 * d * d) + 4.0 / 29;
    }

    /** a hue angle in degrees, 0 … 360 */
    private static double hue(double b, double a) {
        double h = Math.toDegrees(Math.atan2(b, a));
        return h < 0 ? h + 360 : h;
    }

    /** the CIEDE2000 colour difference of two CIELAB colours (Sharma, Wu and Dalal 2005, kL = kC = kH = 1) */
    static double ciede2000(double[] p, double[] q) {
        double c1 = Math.hypot(p[1], p[2]), c2 = Math.hypot(q[1], q[2]), cb = (c1 + c2) / 2;
        double g = 0.5 * (1 - Math.sqrt(Math.pow(cb, 7) / (Math.pow(cb, 7) + Math.pow(25, 7))));
        double a1 = (1 + g) * p[1], a2 = (1 + g) * q[1];
        double c1p = Math.hypot(a1, p[2]), c2p = Math.hypot(a2, q[2]);
        double h1 = c1p == 0 ? 0 : hue(p[2], a1), h2 = c2p == 0 ? 0 : hue(q[2], a2);
        double dl = q[0] - p[0], dc = c2p - c1p, dh = 0;
        if (c1p * c2p != 0) {
            dh = h2 - h1;
            if (dh > 180) dh -= 360;
            else if (dh < -180) dh += 360;
        }
        double dH = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dh / 2));
        double lb = (p[0] + q[0]) / 2, cbp = (c1p + c2p) / 2, hb;
        if (c1p * c2p == 0) hb = h1 + h2;
        else if (Math.abs(h1 - h2) <= 180) hb = (h1 + h2) / 2;
        else hb = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
        double t = 1 - 0.17 * Math.cos(Math.toRadians(hb - 30)) + 0.24 * Math.cos(Math.toRadians(2 * hb))
                + 0.32 * Math.cos(Math.toRadians(3 * hb + 6)) - 0.20 * Math.cos(Math.toRadians(4 * hb - 63));
        double dTheta = 30 * Math.exp(-Math.pow((hb - 275) / 25, 2));
        double rc = 2 * Math.sqrt(Math.pow(cbp, 7) / (Math.pow(cbp, 7) + Math.pow(25, 7)));
        double sl = 1 + 0.015 * (lb - 50) * (lb - 50) / Math.sqrt(20 + (lb - 50) * (lb - 50));
        double sc = 1 + 0.045 * cbp, sh = 1 + 0.015 * cbp * t, rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
        double x = dl / sl, y = dc / sc, z = dH / sh;
        return Math.sqrt(x * x + y * y + z * z + rt * y * z);
    }
}
