package org.haxlab.viz.buckets;

import org.haxlab.viz.heatmap.Palettes;
import org.haxlab.viz.heatmap.Viewport;

/**
 * Pure rendering for {@link BucketView}: rows of per-position bin colours, and an occupancy histogram.
 * Colliding keys of the hovered query get a black lower third so they stay visible on any hue.
 */
public final class BucketRaster {
    /** Background and row gaps. */
    public static final int BACKGROUND = Palettes.WHITE;
    /** Marker of the hovered query and of the keys in its bin. */
    public static final int MARK = Palettes.BLACK;
    /** Gap between rows in pixels. */
    static final int GAP = 3;

    private BucketRaster() {
    }

    /** Top pixel of row {@code r} of {@code n} rows in a strip {@code height} high. */
    public static int rowTop(int r, int n, int height) {
        return r * rowHeight(n, height) + r * GAP;
    }

    /** Height of each of {@code n} rows. */
    public static int rowHeight(int n, int height) {
        return Math.max(1, (height - (n - 1) * GAP) / n);
    }

    /**
     * Renders rows of bins over the visible positions.
     *
     * @param rows     each row's bin per position (all the same length)
     * @param marked   per row, positions to mark (null or empty for none)
     */
    public static int[] strip(int[][] rows, Viewport vp, int width, int height, int[][] marked) {
        if (width < 1 || height < 1 || rows.length == 0) {
            throw new IllegalArgumentException("bucket strip: need rows and a positive size, got " + rows.length
                    + " rows, " + width + "x" + height);
        }
        int[] out = new int[width * height];
        java.util.Arrays.fill(out, BACKGROUND);
        double cpp = vp.colsPerPixel(width);
        int rh = rowHeight(rows.length, height);
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != vp.cols()) {
                throw new IllegalArgumentException("bucket strip: row " + r + " has " + rows[r].length
                        + " positions, the view " + vp.cols());
            }
            int top = rowTop(r, rows.length, height);
            int first = Math.max(0, (int) Math.floor(vp.x0()));
            int last = Math.min(vp.cols() - 1, (int) Math.ceil(vp.x0() + vp.spanX()));
            for (int i = first; i <= last; i++) {
                int[] xs = Viewport.pixelSpan(i, vp.x0(), cpp, width);
                if (xs != null) {
                    fill(out, width, xs, top, Math.min(height - 1, top + rh - 1), Palettes.category(rows[r][i]));
                }
            }
            if (marked != null && r < marked.length && marked[r] != null) {
                int markTop = top + rh - Math.max(1, rh / 3);
                for (int i : marked[r]) {
                    int[] xs = i >= 0 && i < vp.cols() ? Viewport.pixelSpan(i, vp.x0(), cpp, width) : null;
                    if (xs != null) {
                        fill(out, width, xs, markTop, Math.min(height - 1, top + rh - 1), MARK);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Bars of keys per bin, scaled to the largest count; bar b spans the pixels bin b overlaps and is
     * drawn in its bin colour; {@code hoveredBin} (or -1) is drawn black.
     */
    public static int[] histogram(int[] counts, int width, int height, int hoveredBin) {
        if (width < 1 || height < 1 || counts.length == 0) {
            throw new IllegalArgumentException("bucket histogram: need bins and a positive size");
        }
        int[] out = new int[width * height];
        java.util.Arrays.fill(out, BACKGROUND);
        int max = java.util.Arrays.stream(counts).max().orElse(0);
        if (max == 0) {
            return out;
        }
        double binsPerPixel = counts.length / (double) width;
        // Bins overlapping one pixel are max-pooled: the tallest bar wins, so a lone full bin stays visible.
        for (int b = 0; b < counts.length; b++) {
            int[] xs = Viewport.pixelSpan(b, 0, binsPerPixel, width);
            if (xs == null || counts[b] == 0) {
                continue;
            }
            int barHeight = (int) Math.max(1, Math.round(counts[b] / (double) max * height));
            int colour = b == hoveredBin ? MARK : Palettes.category(b);
            for (int x = xs[0]; x <= xs[1]; x++) {
                for (int y = height - barHeight; y < height; y++) {
                    int p = y * width + x;
                    if (out[p] == BACKGROUND || colour == MARK) {
                        out[p] = colour;
                    }
                }
            }
        }
        return out;
    }

    private static void fill(int[] out, int width, int[] xs, int y0, int y1, int argb) {
        for (int y = y0; y <= y1; y++) {
            java.util.Arrays.fill(out, y * width + xs[0], y * width + xs[1] + 1, argb);
        }
    }
}
