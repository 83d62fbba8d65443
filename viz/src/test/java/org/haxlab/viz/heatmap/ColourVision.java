package org.haxlab.viz.heatmap;

/**
 * Colour-vision simulation for palette tests: Machado, Oliveira and Fernandes (2009) matrices at full
 * severity for protanopia, deuteranopia and tritanopia, applied in linear sRGB, and the CIE76 distance
 * of the results in CIELAB (D65). A distance of about 10 is an obvious difference side by side.
 */
final class ColourVision {
    /** The simulated kinds of vision. */
    enum Vision {
        NORMAL(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}),
        PROTANOPIA(new double[][] {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216},
            {-0.003882, -0.048116, 1.051998}}),
        DEUTERANOPIA(new double[][] {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413},
            {-0.011820, 0.042940, 0.968881}}),
        TRITANOPIA(new double[][] {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602},
            {0.004733, 0.691367, 0.303900}});

        private final double[][] m;

        Vision(double[][] m) {
            this.m = m;
        }
    }

    private ColourVision() {
    }

    /** CIE76 distance between two opaque ARGB colours as seen with {@code vision}. */
    static double distance(int a, int b, Vision vision) {
        double[] la = lab(simulate(a, vision));
        double[] lb = lab(simulate(b, vision));
        return Math.sqrt(sq(la[0] - lb[0]) + sq(la[1] - lb[1]) + sq(la[2] - lb[2]));
    }

    private static double[] simulate(int argb, Vision v) {
        double[] c = {linear((argb >> 16) & 0xFF), linear((argb >> 8) & 0xFF), linear(argb & 0xFF)};
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = Math.max(0, Math.min(1, v.m[i][0] * c[0] + v.m[i][1] * c[1] + v.m[i][2] * c[2]));
        }
        return out;
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double[] lab(double[] rgb) {
        double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
        double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static double sq(double v) {
        return v * v;
    }
}
