package org.haxlab.viz.heatmap;

/**
 * Renders a row-major float matrix into an ARGB buffer through a colour scale over an explicit
 * [min, max] range. Pure and toolkit-free.
 *
 * <p>When several cells fall into one pixel the pixel shows the most extreme of them ({@link Pooling}),
 * never their mean, so isolated peaks survive downsampling just as single keys do in
 * {@link SelectionRaster}.
 */
public final class MatrixRaster {

    /** Which of the cells covered by a pixel it shows. */
    public enum Pooling {
        /** The largest value (sequential scales: peaks stay visible). */
        MAX,
        /** The value farthest from the middle of the range (diverging scales: both tails stay visible). */
        EXTREME
    }

    private MatrixRaster() {
    }

    /** Checks that {@code values} holds rows x cols entries. */
    public static void checkShape(float[] values, int rows, int cols) {
        if (rows < 1 || cols < 1 || values.length != (long) rows * cols) {
            throw new IllegalArgumentException("matrix: " + values.length + " values do not make a " + rows + "x"
                    + cols + " matrix");
        }
    }

    /** Position of {@code v} in [min, max] as t in [0, 1] (clamped; NaN stays NaN). */
    public static double normalise(double v, double min, double max) {
        if (Double.isNaN(v)) {
            return Double.NaN;
        }
        return max > min ? Math.max(0, Math.min(1, (v - min) / (max - min))) : 0.5;
    }

    /**
     * Renders the viewport of the matrix into a width x height buffer.
     *
     * @param min value drawn at the scale's start
     * @param max value drawn at the scale's end (must be >= min)
     */
    public static int[] render(float[] values, int rows, int cols, Viewport vp, int width, int height,
                               Palettes.Scale scale, double min, double max, Pooling pooling) {
        checkShape(values, rows, cols);
        if (vp.rows() != rows || vp.cols() != cols) {
            throw new IllegalArgumentException("matrix raster: viewport " + vp.rows() + "x" + vp.cols()
                    + " does not match matrix " + rows + "x" + cols);
        }
        if (!(max >= min)) {
            throw new IllegalArgumentException("matrix raster: range [" + min + ", " + max + "] is empty");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("matrix raster: size must be positive, got " + width + "x" + height);
        }
        int[] out = new int[width * height];
        double cpp = vp.colsPerPixel(width);
        double rpp = vp.rowsPerPixel(height);
        double mid = (min + max) / 2;
        for (int py = 0; py < height; py++) {
            int r0 = clamp((int) Math.floor(vp.y0() + py * rpp), rows);
            int r1 = clamp((int) Math.ceil(vp.y0() + (py + 1) * rpp) - 1, rows);
            for (int px = 0; px < width; px++) {
                int c0 = clamp((int) Math.floor(vp.x0() + px * cpp), cols);
                int c1 = clamp((int) Math.ceil(vp.x0() + (px + 1) * cpp) - 1, cols);
                double pooled = Double.NaN;
                for (int r = r0; r <= Math.max(r0, r1); r++) {
                    for (int c = c0; c <= Math.max(c0, c1); c++) {
                        double v = values[r * cols + c];
                        if (Double.isNaN(v)) {
                            continue;
                        }
                        if (Double.isNaN(pooled) || (pooling == Pooling.MAX ? v > pooled
                                : Math.abs(v - mid) > Math.abs(pooled - mid))) {
                            pooled = v;
                        }
                    }
                }
                out[py * width + px] = scale.argb(normalise(pooled, min, max));
            }
        }
        return out;
    }

    /** Smallest and largest finite value (0, 0 when there is none). */
    public static double[] range(float[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo > hi ? new double[] {0, 0} : new double[] {lo, hi};
    }

    private static int clamp(int v, int n) {
        return Math.max(0, Math.min(n - 1, v));
    }
}
