package org.haxlab.viz.buckets;

import org.haxlab.model.trace.LayerInspection;
import org.haxlab.viz.heatmap.Palettes;
import org.haxlab.viz.heatmap.Viewport;

/**
 * Pure rendering for {@link BucketView}: rows of per-position bin colours, a bin map (one row per bin, a mark
 * per position), and an occupancy histogram. Colliding keys of the hovered query are drawn black so they stay
 * visible on any hue.
 */
public final class BucketRaster {
    /** Background and row gaps. */
    public static final int BACKGROUND = Palettes.WHITE;
    /** Marker of the hovered query and of the keys in its bin. */
    public static final int MARK = Palettes.BLACK;
    /** Gap between rows in pixels. */
    static final int GAP = 3;
    /** Background of the hovered query's bin row in the bin map. */
    public static final int HIGHLIGHT = 0xFFFFF1B8;

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
                    int[] xs = i >= first && i <= last ? Viewport.pixelSpan(i, vp.x0(), cpp, width) : null;
                    if (xs != null) {
                        fill(out, width, xs, markTop, Math.min(height - 1, top + rh - 1), MARK);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Row order of a bin map: bins that hold keys, in the order their first key appears, then bins that only
     * queries fall in, in the order of their first query. Positions that share a bin then share a row, and the
     * rows fill from the top as the sequence goes on.
     *
     * @return per bin its row, -1 for bins nothing falls in
     */
    public static int[] binRows(int[] qBins, int[] kBins, int bins) {
        if (qBins.length != kBins.length) {
            throw new IllegalArgumentException("bin map: " + qBins.length + " query bins but " + kBins.length + " key bins");
        }
        int[] row = new int[bins];
        java.util.Arrays.fill(row, -1);
        int next = 0;
        for (int[] source : new int[][] {kBins, qBins}) {
            for (int b : source) {
                if (b < 0 || b >= bins) {
                    throw new IllegalArgumentException("bin map: bin " + b + " outside 0.." + (bins - 1));
                }
                if (row[b] < 0) {
                    row[b] = next++;
                }
            }
        }
        return row;
    }

    /** How many rows {@link #binRows} gave out. */
    public static int rowCount(int[] rowOf) {
        int n = 0;
        for (int r : rowOf) {
            n = Math.max(n, r + 1);
        }
        return n;
    }

    /**
     * Renders a bin map: one row per bin ({@code rowOf}), x = position; each position's query is a mark in the
     * upper half of its query bin's row (the bin colour, lightened), its key a mark in the lower half of its key
     * bin's row (the bin colour), so a query and the keys it can collide with line up on one row. The hovered
     * query's row is highlighted, the query marked black and its colliding keys drawn black.
     *
     * @param hoveredQuery a position, or -1
     * @param hits         the colliding keys of {@code hoveredQuery} (null or empty for none)
     */
    public static int[] binMap(int[] qBins, int[] kBins, int[] rowOf, int width, int height, int hoveredQuery,
                               int[] hits) {
        return binMap(qBins, kBins, rowOf, 0, qBins.length, width, height, hoveredQuery, hits);
    }

    /**
     * {@link #binMap(int[], int[], int[], int, int, int, int[])} of the positions {@code x0} ..
     * {@code x0 + span} only (a horizontal zoom; fractional as in {@link Viewport}).
     */
    public static int[] binMap(int[] qBins, int[] kBins, int[] rowOf, double x0, double span, int width, int height,
                               int hoveredQuery, int[] hits) {
        int rows = rowCount(rowOf);
        if (width < 1 || height < 1 || rows == 0) {
            throw new IllegalArgumentException("bin map: need bins and a positive size, got " + rows + " rows, "
                    + width + "x" + height);
        }
        int[] out = new int[width * height];
        java.util.Arrays.fill(out, BACKGROUND);
        if (!(span > 0)) {
            throw new IllegalArgumentException("bin map: the visible span must be positive, got " + span);
        }
        double cpp = span / width;
        if (hoveredQuery >= 0 && hoveredQuery < qBins.length) {
            int r = rowOf[qBins[hoveredQuery]];
            fill(out, width, new int[] {0, width - 1}, rowY0(r, rows, height), rowY1(r, rows, height), HIGHLIGHT);
        }
        // only visible positions: a cell left of the view would otherwise clamp onto pixel 0
        int from = Math.max(0, (int) Math.floor(x0));
        int to = Math.min(qBins.length - 1, (int) Math.ceil(x0 + span));
        for (int i = from; i <= to; i++) {
            int[] xs = Viewport.pixelSpan(i, x0, cpp, width);
            if (xs == null) {
                continue;
            }
            int qr = rowOf[qBins[i]];
            int y0 = rowY0(qr, rows, height);
            int y1 = rowY1(qr, rows, height);
            fill(out, width, xs, y0, y0 + (y1 - y0) / 2, lighten(Palettes.category(qBins[i])));
        }
        for (int i = from; i <= to; i++) {   // keys after queries: where a row is one pixel, keys win
            int[] xs = Viewport.pixelSpan(i, x0, cpp, width);
            if (xs == null) {
                continue;
            }
            int kr = rowOf[kBins[i]];
            int y0 = rowY0(kr, rows, height);
            int y1 = rowY1(kr, rows, height);
            fill(out, width, xs, y1 - (y1 - y0) / 2, y1, Palettes.category(kBins[i]));
        }
        if (hoveredQuery >= 0 && hoveredQuery < qBins.length) {
            int r = rowOf[qBins[hoveredQuery]];
            int y0 = rowY0(r, rows, height);
            int y1 = rowY1(r, rows, height);
            int[] xs = hoveredQuery >= from && hoveredQuery <= to ? Viewport.pixelSpan(hoveredQuery, x0, cpp, width) : null;
            if (xs != null) {
                fill(out, width, xs, y0, y0 + (y1 - y0) / 2, MARK);
            }
            for (int j : hits == null ? new int[0] : hits) {
                int[] ks = j >= from && j <= to ? Viewport.pixelSpan(j, x0, cpp, width) : null;
                if (ks != null) {
                    fill(out, width, ks, y1 - (y1 - y0) / 2, y1, MARK);
                }
            }
        }
        return out;
    }

    /** First pixel row of bin-map row {@code r} of {@code rows} in {@code height} pixels. */
    public static int rowY0(int r, int rows, int height) {
        return (int) ((long) r * height / rows);
    }

    /** Last pixel row of bin-map row {@code r} (at least {@link #rowY0}). */
    public static int rowY1(int r, int rows, int height) {
        return Math.max(rowY0(r, rows, height), (int) ((long) (r + 1) * height / rows) - 1);
    }

    /** Halfway to white: queries read as the lighter twin of their bin's key colour. */
    static int lighten(int argb) {
        int r = ((argb >> 16) & 0xFF) + 255 >> 1;
        int g = ((argb >> 8) & 0xFF) + 255 >> 1;
        int b = (argb & 0xFF) + 255 >> 1;
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    /**
     * Bars of keys per bin, scaled so that a count of c is c / max of the height; bar b spans the pixels
     * bin b overlaps and is drawn in {@code bar}, bin {@code markedBin} (or -1) in {@code mark}. Bins
     * overlapping one pixel are max-pooled: the tallest bar wins, so a lone full bin stays visible.
     */
    public static int[] histogram(int[] counts, int width, int height, int markedBin, int bar, int mark) {
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
        int[] tallest = new int[width];
        int[] colour = new int[width];
        for (int b = 0; b < counts.length; b++) {
            int[] xs = Viewport.pixelSpan(b, 0, binsPerPixel, width);
            if (xs == null || counts[b] == 0) {
                continue;
            }
            int barHeight = (int) Math.max(1, Math.round(counts[b] / (double) max * height));
            for (int x = xs[0]; x <= xs[1]; x++) {
                // the marked bin always shows, even where a taller neighbour shares its pixel
                if (b == markedBin || (barHeight > tallest[x] && colour[x] != mark)) {
                    tallest[x] = Math.max(tallest[x], barHeight);
                    colour[x] = b == markedBin ? mark : bar;
                }
            }
        }
        for (int x = 0; x < width; x++) {
            for (int y = height - tallest[x]; y < height; y++) {
                out[y * width + x] = colour[x];
            }
        }
        return out;
    }

    private static void fill(int[] out, int width, int[] xs, int y0, int y1, int argb) {
        for (int y = y0; y <= y1; y++) {
            java.util.Arrays.fill(out, y * width + xs[0], y * width + xs[1] + 1, argb);
        }
    }

    /**
     * One bin map per hashing ({@code first}, and {@code second} after a redraw when not null), stacked; the
     * hovered {@code query} and its colliding keys in each are marked.
     */
    static int[] binPanels(LayerInspection first, LayerInspection second, int bins, Viewport viewport, int width,
                           int height, int query, int[] hits, int[] hitsAfter) {
        int panels = second == null ? 1 : 2;
        int ph = rowHeight(panels, height);
        int[] out = new int[width * height];
        java.util.Arrays.fill(out, BACKGROUND);
        for (int p = 0; p < panels; p++) {
            LayerInspection in = p == 0 ? first : second;
            int[] rowOf = binRows(in.qBucket(), in.kBucket(), bins);
            int[] panel = binMap(in.qBucket(), in.kBucket(), rowOf, viewport.x0(), viewport.spanX(),
                    width, ph, query,
                    p == 0 ? hits : hitsAfter);
            System.arraycopy(panel, 0, out, rowTop(p, panels, height) * width,
                    Math.min(panel.length, out.length - rowTop(p, panels, height) * width));
        }
        return out;
    }
}
