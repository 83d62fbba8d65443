package org.haxlab.viz.tokens;

import org.haxlab.model.inspect.QueryPrediction;
import org.haxlab.model.task.TokenRole;
import org.haxlab.viz.heatmap.Palettes;
import org.haxlab.viz.heatmap.Viewport;

import java.util.List;
import java.util.Map;

/**
 * Pure rendering of the token strip into ARGB pixels, in three horizontal bands: a highlight band
 * on top (positions lit by the caller, e.g. the keys of the hovered query), the role-coloured token
 * cells in the middle, and a mark band at the bottom (dark green = correct, wine = wrong at query
 * positions; neither is a component or a role colour, so a wrong mark never reads as an LSH key). Every band paints every pixel a cell overlaps, so single positions stay visible
 * when there are more tokens than pixels.
 */
public final class TokenStripRaster {
    /** Background. */
    public static final int BACKGROUND = Palettes.WHITE;
    /** Mark of a correct answer (dark green). */
    public static final int CORRECT = 0xFF276419;
    /** Mark of a wrong answer (wine). */
    public static final int WRONG = 0xFF8E0152;
    /** Separator line between cells once they are wide enough. */
    static final int SEPARATOR = 0xFFFFFFFF;
    /** Cell width (pixels) from which separators are drawn. */
    static final double SEPARATOR_MIN_PIXELS = 4;

    private TokenStripRaster() {
    }

    /** Height of the highlight and of the mark band for a strip {@code height} pixels high. */
    public static int bandHeight(int height) {
        return Math.max(2, height / 5);
    }

    /**
     * Renders the visible positions (columns of {@code vp}, whose rows must be 1).
     *
     * @param roles       role of every position
     * @param highlights  position -> ARGB for the highlight band (may be empty)
     * @param predictions answers at query positions (may be empty)
     */
    public static int[] render(TokenRole[] roles, Viewport vp, int width, int height, Map<Integer, Integer> highlights,
                               List<QueryPrediction> predictions) {
        if (vp.cols() != roles.length || vp.rows() != 1) {
            throw new IllegalArgumentException("token strip: viewport " + vp.rows() + "x" + vp.cols() + " does not match "
                    + roles.length + " tokens");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("token strip: size must be positive, got " + width + "x" + height);
        }
        int[] out = new int[width * height];
        java.util.Arrays.fill(out, BACKGROUND);
        int band = bandHeight(height);
        int cellTop = band;
        int cellBottom = height - band - 1;
        double cpp = vp.colsPerPixel(width);
        boolean separators = 1 / cpp >= SEPARATOR_MIN_PIXELS;
        int first = Math.max(0, (int) Math.floor(vp.x0()));
        int last = Math.min(roles.length - 1, (int) Math.ceil(vp.x0() + vp.spanX()));
        for (int i = first; i <= last; i++) {
            int[] xs = span(i, vp, cpp, width);
            if (xs != null) {
                fill(out, width, xs[0], xs[1], cellTop, cellBottom, RoleColors.of(roles[i]));
                if (separators) {
                    fill(out, width, xs[0], xs[0], cellTop, cellBottom, SEPARATOR);
                }
            }
        }
        for (Map.Entry<Integer, Integer> h : highlights.entrySet()) {
            int[] xs = h.getKey() >= 0 && h.getKey() < roles.length ? span(h.getKey(), vp, cpp, width) : null;
            if (xs != null) {
                fill(out, width, xs[0], xs[1], 0, band - 1, h.getValue());
            }
        }
        for (QueryPrediction q : predictions) {
            int[] xs = q.position() >= 0 && q.position() < roles.length ? span(q.position(), vp, cpp, width) : null;
            if (xs != null) {
                fill(out, width, xs[0], xs[1], height - band, height - 1, q.correct() ? CORRECT : WRONG);
            }
        }
        return out;
    }

    private static int[] span(int i, Viewport vp, double cpp, int width) {
        return Viewport.pixelSpan(i, vp.x0(), cpp, width);
    }

    private static void fill(int[] out, int width, int x0, int x1, int y0, int y1, int argb) {
        for (int y = Math.max(0, y0); y <= y1; y++) {
            java.util.Arrays.fill(out, y * width + x0, y * width + x1 + 1, argb);
        }
    }
}
