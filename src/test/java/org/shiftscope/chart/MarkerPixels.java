package org.shiftscope.chart;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** Finds the markers' lines and the axes in an exported PNG. */
public final class MarkerPixels {
    private MarkerPixels() {}

    /** columns where more than a third of the rows have a colour, as the centres of their runs, left to right */
    public static List<Double> columns(BufferedImage img, IntPredicate colour) {
        List<Double> centres = new ArrayList<>();
        int start = -1;
        for (int x = 0; x <= img.getWidth(); x++) {
            int n = 0;
            for (int y = 0; x < img.getWidth() && y < img.getHeight(); y++) if (colour.test(img.getRGB(x, y))) n++;
            boolean hit = n > img.getHeight() / 3;
            if (hit && start < 0) start = x;
            if (!hit && start >= 0) {
                centres.add((start + x - 1) / 2.0);
                start = -1;
            }
        }
        return centres;
    }

    /** the markers' pink on a light chart (#c2185b), also where anti-aliasing lightened it */
    public static boolean pink(int rgb) {
        int r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
        return r > 150 && g < 120 && b > 60 && b < 170 && r - g > 80;
    }

    /** the axes' dark grey (#444) */
    public static boolean axisGrey(int rgb) {
        int r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
        return r < 120 && Math.abs(r - g) < 12 && Math.abs(g - b) < 12;
    }
}
