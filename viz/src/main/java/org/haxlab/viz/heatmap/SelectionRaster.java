package org.haxlab.viz.heatmap;

import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;

import java.util.Arrays;

/**
 * Renders an {@link AttentionSelection} (the L x L selection matrix, queries as rows, keys as columns)
 * into an ARGB pixel buffer. Pure and toolkit-free, so it is unit tested directly.
 *
 * <p>Cost is O(width * height + selected entries in view): one pass over the background, one over
 * the CSR entries of the visible rows. When the view holds more cells than pixels every pixel takes
 * the strongest entry among the cells it covers (a max-pool), so a lone selected key is never averaged
 * away. A selected cell's colour is its primary component's colour blended from white by the weight
 * intensity; keys chosen by several components show the second component in their lower-right half
 * once a cell is at least {@link #MARKER_MIN_PIXELS} pixels wide.
 */
public final class SelectionRaster {
    /** Non-causal area (key after query): never selectable. */
    public static final int NON_CAUSAL = 0xFFFFFFFF;
    /** Causal area (key at or before query) that was not selected. */
    public static final int CAUSAL = 0xFFEDEDED;
    /** Cell size from which the multi-component marker is drawn. */
    public static final int MARKER_MIN_PIXELS = 4;

    /** How a weight becomes an intensity in [0, 1] before the floor is applied. */
    public enum WeightScale {
        /** The softmax weight itself (a row's weights sum to 1). */
        ABSOLUTE,
        /** The weight divided by the largest weight of its row: shows each query's focus. */
        ROW_MAX
    }

    /**
     * Rendering options.
     *
     * @param scale weight to intensity mapping
     * @param floor smallest intensity of a selected cell, in [0, 1): keeps tiny weights visible
     */
    public record Style(WeightScale scale, double floor) {
        public Style {
            if (scale == null || !(floor >= 0 && floor < 1)) {
                throw new IllegalArgumentException("selection style: need a scale and floor in [0, 1), got " + floor);
            }
        }

        /** Row-relative weights with a 0.35 floor. */
        public static Style defaults() {
            return new Style(WeightScale.ROW_MAX, 0.35);
        }
    }

    private SelectionRaster() {
    }

    /**
     * The intensity in [floor, 1] at which a selected entry is drawn.
     *
     * @param weight the entry's weight
     * @param rowMax the largest weight in its row
     */
    public static double intensity(Style style, float weight, float rowMax) {
        double w = style.scale() == WeightScale.ROW_MAX ? (rowMax > 0 ? weight / rowMax : 0) : weight;
        w = Math.max(0, Math.min(1, w));
        return style.floor() + (1 - style.floor()) * w;
    }

    /** Intensity steps of the colour tables: finer than an 8-bit channel can show. */
    private static final int LEVELS = 256;
    /** Per component, the colour at intensity level / (LEVELS - 1): rendering looks colours up instead of blending. */
    private static final int[][] TABLE = new int[Component.values().length][LEVELS];

    static {
        for (Component c : Component.values()) {
            for (int l = 0; l < LEVELS; l++) {
                TABLE[c.ordinal()][l] = Palettes.lerp(Palettes.WHITE, ComponentColors.of(c), l / (double) (LEVELS - 1));
            }
        }
    }

    /**
     * The colour of a selected entry of primary component {@code c} at intensity {@code t} in [0, 1]:
     * white blended towards the component colour, in 256 steps.
     */
    public static int colour(Component c, double t) {
        int level = (int) Math.round(Math.max(0, Math.min(1, t)) * (LEVELS - 1));
        return TABLE[c.ordinal()][level];
    }

    /**
     * Renders the viewport into a new width x height buffer (row-major, opaque ARGB).
     *
     * @throws IllegalArgumentException when the viewport does not match the selection's size
     */
    public static int[] render(AttentionSelection sel, Viewport vp, int width, int height, Style style) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("selection raster: size must be positive, got " + width + "x" + height);
        }
        if (vp.rows() != sel.length() || vp.cols() != sel.length()) {
            throw new IllegalArgumentException("selection raster: viewport is " + vp.rows() + "x" + vp.cols()
                    + " but the selection has length " + sel.length());
        }
        int[] out = new int[width * height];
        paintBackground(out, vp, width, height);
        float[] best = new float[width * height];
        Arrays.fill(best, -1f);
        double cpp = vp.colsPerPixel(width);
        double rpp = vp.rowsPerPixel(height);
        int rowFirst = Math.max(0, (int) Math.floor(vp.y0()));
        int rowLast = Math.min(sel.length() - 1, (int) Math.ceil(vp.y0() + vp.spanY()));
        int colFirst = Math.max(0, (int) Math.floor(vp.x0()));
        double colEnd = vp.x0() + vp.spanX();
        int[] offsets = sel.offsets();
        int[] keys = sel.keys();
        for (int i = rowFirst; i <= rowLast; i++) {
            int[] ys = Viewport.pixelSpan(i, vp.y0(), rpp, height);
            if (ys == null || offsets[i] == offsets[i + 1]) {
                continue;
            }
            float rowMax = 0;
            for (int e = offsets[i]; e < offsets[i + 1]; e++) {
                rowMax = Math.max(rowMax, sel.weights()[e]);
            }
            int e = lowerBound(keys, offsets[i], offsets[i + 1], colFirst);
            for (; e < offsets[i + 1] && keys[e] < colEnd; e++) {
                // Same arithmetic as Viewport.pixelSpan, inlined: this loop runs once per selected cell.
                int x0 = Math.max(0, (int) Math.floor((keys[e] - vp.x0()) / cpp));
                int x1 = Math.min(Math.max(x0, (int) Math.ceil((keys[e] + 1 - vp.x0()) / cpp) - 1), width - 1);
                if (x0 <= x1) {
                    paintEntry(out, best, width, x0, x1, ys, sel.components()[e], sel.weights()[e], rowMax, style);
                }
            }
        }
        return out;
    }

    private static void paintBackground(int[] out, Viewport vp, int width, int height) {
        double cpp = vp.colsPerPixel(width);
        double rpp = vp.rowsPerPixel(height);
        for (int py = 0; py < height; py++) {
            double row = Math.floor(vp.y0() + (py + 0.5) * rpp);
            // Causal mask (spec §3): key j is admissible for query i only when j <= i, i.e. the pixel
            // centre column x0 + (px + 0.5) * cpp is below row + 1; two fills per pixel row.
            double bound = Math.ceil((row + 1 - vp.x0()) / cpp - 0.5);
            int causal = (int) Math.max(0, Math.min(width, bound));
            int base = py * width;
            java.util.Arrays.fill(out, base, base + causal, CAUSAL);
            java.util.Arrays.fill(out, base + causal, base + width, NON_CAUSAL);
        }
    }

    private static void paintEntry(int[] out, float[] best, int width, int x0, int x1, int[] ys, int mask,
                                   float weight, float rowMax, Style style) {
        Component first = ComponentColors.primary(mask);
        if (first == null) {
            return;
        }
        float t = (float) intensity(style, weight, rowMax);
        int main = colour(first, t);
        Component second = ComponentColors.secondary(mask);
        int w = x1 - x0 + 1;
        int h = ys[1] - ys[0] + 1;
        boolean marker = second != null && w >= MARKER_MIN_PIXELS && h >= MARKER_MIN_PIXELS;
        int other = marker ? colour(second, t) : main;
        for (int py = ys[0]; py <= ys[1]; py++) {
            for (int px = x0; px <= x1; px++) {
                int p = py * width + px;
                if (t > best[p]) {
                    best[p] = t;
                    // Lower-right triangle of the cell: (dx / w) + (dy / h) > 1.
                    boolean lower = marker && (px - x0 + 0.5) * h + (py - ys[0] + 0.5) * w > (double) w * h;
                    out[p] = lower ? other : main;
                }
            }
        }
    }

    /** First index in keys[from, to) whose value is >= target. */
    static int lowerBound(int[] keys, int from, int to, int target) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
