package org.haxlab.viz.heatmap;

/**
 * The visible part of a rows x cols matrix, in cell units (fractional, so zoom is smooth): column
 * {@code x0} .. {@code x0 + spanX} and row {@code y0} .. {@code y0 + spanY}. Pure arithmetic, shared
 * by the raster code and the mouse handlers so that what is drawn and what is hovered agree.
 *
 * @param rows  matrix rows
 * @param cols  matrix columns
 * @param x0    first visible column (may be fractional)
 * @param y0    first visible row
 * @param spanX visible columns
 * @param spanY visible rows
 */
public record Viewport(int rows, int cols, double x0, double y0, double spanX, double spanY) {
    /** The smallest span zooming allows, in cells. */
    public static final double MIN_SPAN = 4;

    public Viewport {
        if (rows < 1 || cols < 1 || !(spanX > 0) || !(spanY > 0)) {
            throw new IllegalArgumentException("viewport: need rows, cols >= 1 and positive spans, got rows=" + rows
                    + " cols=" + cols + " spanX=" + spanX + " spanY=" + spanY);
        }
    }

    /** The whole matrix. */
    public static Viewport full(int rows, int cols) {
        return new Viewport(rows, cols, 0, 0, cols, rows);
    }

    /** Columns per pixel when drawn {@code width} pixels wide (below 1 means zoomed in). */
    public double colsPerPixel(int width) {
        return spanX / width;
    }

    /** Rows per pixel when drawn {@code height} pixels high. */
    public double rowsPerPixel(int height) {
        return spanY / height;
    }

    /** The column under pixel column {@code px} (its centre), or -1 outside the matrix. */
    public int colAt(double px, int width) {
        int c = (int) Math.floor(x0 + px * colsPerPixel(width));
        return c >= 0 && c < cols && px >= 0 && px < width ? c : -1;
    }

    /** The row under pixel row {@code py}, or -1 outside the matrix. */
    public int rowAt(double py, int height) {
        int r = (int) Math.floor(y0 + py * rowsPerPixel(height));
        return r >= 0 && r < rows && py >= 0 && py < height ? r : -1;
    }

    /**
     * Pixels (first, last inclusive) whose extent overlaps cell {@code index} along one axis, or null
     * when none does. Overlap rather than "pixel centre inside the cell" is what makes downsampling a
     * max-pool: every pixel sees every cell it covers, so a single selected key never disappears.
     */
    public static int[] pixelSpan(int index, double origin, double cellsPerPixel, int pixels) {
        int first = (int) Math.floor((index - origin) / cellsPerPixel);
        int last = (int) Math.ceil((index + 1 - origin) / cellsPerPixel) - 1;
        first = Math.max(first, 0);
        last = Math.min(Math.max(last, first), pixels - 1);
        return first > last || first >= pixels ? null : new int[] {first, last};
    }

    /**
     * Zooms by {@code factor} (above 1 zooms in) keeping the cell under pixel (px, py) in place, clamped
     * to [{@link #MIN_SPAN}, whole matrix].
     */
    public Viewport zoomAt(double px, double py, int width, int height, double factor) {
        double fx = px / width;
        double fy = py / height;
        double ax = x0 + fx * spanX;
        double ay = y0 + fy * spanY;
        double sx = clampSpan(spanX / factor, cols);
        double sy = clampSpan(spanY / factor, rows);
        return new Viewport(rows, cols, ax - fx * sx, ay - fy * sy, sx, sy).clamped();
    }

    /** Moves the view by a drag of (dxPixels, dyPixels): content follows the mouse. */
    public Viewport panBy(double dxPixels, double dyPixels, int width, int height) {
        return new Viewport(rows, cols, x0 - dxPixels * colsPerPixel(width), y0 - dyPixels * rowsPerPixel(height),
                spanX, spanY).clamped();
    }

    /** True when the whole matrix is visible. */
    public boolean isFull() {
        return x0 <= 0 && y0 <= 0 && spanX >= cols && spanY >= rows;
    }

    private static double clampSpan(double span, int size) {
        return Math.max(Math.min(MIN_SPAN, size), Math.min(span, size));
    }

    private Viewport clamped() {
        double x = Math.max(0, Math.min(x0, cols - spanX));
        double y = Math.max(0, Math.min(y0, rows - spanY));
        return new Viewport(rows, cols, x, y, spanX, spanY);
    }
}
