package org.haxlab.viz.export;

import org.haxlab.model.inspect.QueryPrediction;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;
import org.haxlab.viz.heatmap.ComponentColors;
import org.haxlab.viz.heatmap.SelectionRaster;
import org.haxlab.viz.tokens.TokenRole;
import org.haxlab.viz.tokens.TokenStripRaster;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Vector exports of the selection matrix and the token strip, in the same colours as the pixel views.
 * The matrix is written at full resolution (one cell per key, no downsampling): one grey rectangle per
 * row for its causal part, then one rectangle per run of consecutive selected keys of equal colour;
 * keys chosen by several components add a triangle in the second component's colour.
 */
public final class SvgExport {
    private SvgExport() {
    }

    /** The whole L x L selection matrix, {@code cell} user units per cell. */
    public static String selection(AttentionSelection sel, SelectionRaster.Style style, double cell) {
        if (!(cell > 0)) {
            throw new IllegalArgumentException("svg export: cell size must be positive, got " + cell);
        }
        int n = sel.length();
        SvgWriter svg = new SvgWriter(Math.max(1, n) * cell, Math.max(1, n) * cell);
        svg.rect(0, 0, Math.max(1, n) * cell, Math.max(1, n) * cell, SelectionRaster.NON_CAUSAL);
        for (int i = 0; i < n; i++) {
            svg.rect(0, i * cell, (i + 1) * cell, cell, SelectionRaster.CAUSAL);
        }
        for (int i = 0; i < n; i++) {
            float rowMax = 0;
            for (int e = sel.offsets()[i]; e < sel.offsets()[i + 1]; e++) {
                rowMax = Math.max(rowMax, sel.weights()[e]);
            }
            int runStart = -1;
            int runColour = 0;
            int runEnd = -1;
            for (int e = sel.offsets()[i]; e < sel.offsets()[i + 1]; e++) {
                int mask = sel.components()[e];
                Component first = ComponentColors.primary(mask);
                if (first == null) {
                    continue;
                }
                double t = SelectionRaster.intensity(style, sel.weights()[e], rowMax);
                int colour = SelectionRaster.colour(first, t);
                int key = sel.keys()[e];
                if (runStart >= 0 && key == runEnd + 1 && colour == runColour) {
                    runEnd = key;
                } else {
                    if (runStart >= 0) {
                        svg.rect(runStart * cell, i * cell, (runEnd - runStart + 1) * cell, cell, runColour);
                    }
                    runStart = key;
                    runEnd = key;
                    runColour = colour;
                }
                Component second = ComponentColors.secondary(mask);
                if (second != null) {
                    // Flush first so the triangle lands above its own cell's rectangle.
                    svg.rect(runStart * cell, i * cell, (runEnd - runStart + 1) * cell, cell, runColour);
                    runStart = -1;
                    double x = key * cell;
                    double y = i * cell;
                    svg.polygon(new double[] {x + cell, x + cell, x}, new double[] {y, y + cell, y + cell},
                            SelectionRaster.colour(second, t));
                }
            }
            if (runStart >= 0) {
                svg.rect(runStart * cell, i * cell, (runEnd - runStart + 1) * cell, cell, runColour);
            }
        }
        return svg.toSvg();
    }

    /**
     * The token strip: one rectangle per run of equal roles, token text in every cell, and correct /
     * wrong marks under the query positions.
     */
    public static String tokenStrip(int[] tokens, List<QueryPrediction> predictions, IntFunction<String> names,
                                    double cellWidth, double cellHeight) {
        if (!(cellWidth > 0) || !(cellHeight > 0)) {
            throw new IllegalArgumentException("svg export: cell size must be positive");
        }
        TokenRole[] roles = TokenRole.roles(tokens);
        double mark = Math.max(2, cellHeight / 5);
        SvgWriter svg = new SvgWriter(Math.max(1, tokens.length) * cellWidth, cellHeight + mark);
        int start = 0;
        for (int i = 1; i <= roles.length; i++) {
            if (i == roles.length || roles[i] != roles[start]) {
                svg.rect(start * cellWidth, 0, (i - start) * cellWidth, cellHeight, roles[start].argb());
                start = i;
            }
        }
        for (int i = 0; i < tokens.length; i++) {
            svg.text((i + 0.5) * cellWidth, cellHeight * 0.7, Math.min(cellWidth, cellHeight) * 0.6, names.apply(tokens[i]));
        }
        for (QueryPrediction q : predictions) {
            svg.rect(q.position() * cellWidth, cellHeight, cellWidth, mark,
                    q.correct() ? TokenStripRaster.CORRECT : TokenStripRaster.WRONG);
        }
        return svg.toSvg();
    }
}
