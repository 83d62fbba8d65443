package org.haxlab.viz.heatmap;

/**
 * Colour-blind-safe palettes as packed opaque ARGB ints, so that rendering stays pure Java
 * (no toolkit needed) and unit-testable.
 *
 * <p>The categorical colours are Okabe &amp; Ito's (2008) set, which stays distinguishable under
 * protanopia, deuteranopia and tritanopia; the sequential scale follows matplotlib's viridis
 * (perceptually uniform, monotone in lightness); the diverging scale runs blue - near white - orange,
 * the pair that survives red-green colour blindness.
 */
public final class Palettes {
    /** Okabe-Ito black. */
    public static final int BLACK = 0xFF000000;
    /** Okabe-Ito orange. */
    public static final int ORANGE = 0xFFE69F00;
    /** Okabe-Ito sky blue. */
    public static final int SKY_BLUE = 0xFF56B4E9;
    /** Okabe-Ito bluish green. */
    public static final int BLUISH_GREEN = 0xFF009E73;
    /** Okabe-Ito yellow. */
    public static final int YELLOW = 0xFFF0E442;
    /** Okabe-Ito blue. */
    public static final int BLUE = 0xFF0072B2;
    /** Okabe-Ito vermillion. */
    public static final int VERMILLION = 0xFFD55E00;
    /** Okabe-Ito reddish purple. */
    public static final int REDDISH_PURPLE = 0xFFCC79A7;
    /** Plain white background. */
    public static final int WHITE = 0xFFFFFFFF;

    /** viridis at 0, 0.1, ..., 1 (matplotlib). */
    private static final int[] VIRIDIS = {0xFF440154, 0xFF482475, 0xFF414487, 0xFF355F8D, 0xFF2A788E, 0xFF21918C,
        0xFF22A884, 0xFF44BF70, 0xFF7AD151, 0xFFBDDF26, 0xFFFDE725};
    /** Blue - near white - orange at -1, -0.5, 0, 0.5, 1 (mapped to t = 0 .. 1). */
    private static final int[] BLUE_ORANGE = {0xFF1F4E9C, 0xFF6BAED6, 0xFFF7F7F7, 0xFFFDAE6B, 0xFFA63603};

    private Palettes() {
    }

    /** A continuous colour scale over t in [0, 1]. */
    @FunctionalInterface
    public interface Scale {
        /** Colour at {@code t}; values outside [0, 1] are clamped, NaN gives mid grey. */
        int argb(double t);
    }

    /** Sequential viridis-like scale (dark purple at 0, yellow at 1). */
    public static final Scale SEQUENTIAL = t -> ramp(VIRIDIS, t);
    /** Diverging blue (0) - near white (0.5) - orange (1). */
    public static final Scale DIVERGING = t -> ramp(BLUE_ORANGE, t);

    /** Linear interpolation through evenly spaced anchors. */
    static int ramp(int[] anchors, double t) {
        if (Double.isNaN(t)) {
            return 0xFF808080;
        }
        double c = Math.max(0, Math.min(1, t)) * (anchors.length - 1);
        int i = Math.min((int) c, anchors.length - 2);
        return lerp(anchors[i], anchors[i + 1], c - i);
    }

    /** Channel-wise linear blend of two opaque colours: {@code a} at f = 0, {@code b} at f = 1. */
    public static int lerp(int a, int b, double f) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
        int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
        return 0xFF000000 | (r << 16) | (g << 8) | bl;
    }

    /**
     * A colour for category {@code id} out of many (LSH bins): hues stepped by the golden angle so
     * that neighbouring ids differ strongly, with lightness alternating over three levels. With more
     * than about a dozen bins no palette stays colour-blind safe, so views also print the id on hover.
     */
    public static int category(int id) {
        if (id < 0) {
            return 0xFF9E9E9E;
        }
        double hue = (id * 137.50776405) % 360.0;
        double[] value = {0.92, 0.72, 0.55};
        double[] saturation = {0.55, 0.85, 0.75};
        int level = id % 3;
        return hsv(hue, saturation[level], value[level]);
    }

    /** HSV (hue in degrees, s and v in [0, 1]) to opaque ARGB. */
    static int hsv(double h, double s, double v) {
        double c = v * s;
        double hp = h / 60.0;
        double x = c * (1 - Math.abs(hp % 2 - 1));
        double r = 0;
        double g = 0;
        double b = 0;
        switch ((int) hp) {
            case 0 -> { r = c; g = x; }
            case 1 -> { r = x; g = c; }
            case 2 -> { g = c; b = x; }
            case 3 -> { g = x; b = c; }
            case 4 -> { r = x; b = c; }
            default -> { r = c; b = x; }
        }
        double m = v - c;
        return 0xFF000000 | (channel(r + m) << 16) | (channel(g + m) << 8) | channel(b + m);
    }

    private static int channel(double f) {
        return (int) Math.round(Math.max(0, Math.min(1, f)) * 255);
    }

    /** The same colour as a CSS/SVG hex string {@code #rrggbb}. */
    public static String hex(int argb) {
        return String.format("#%06x", argb & 0xFFFFFF);
    }

    /** A JavaFX colour for an ARGB int (for legends and overlays). */
    public static javafx.scene.paint.Color fx(int argb) {
        return javafx.scene.paint.Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF,
                ((argb >>> 24) & 0xFF) / 255.0);
    }
}
