package org.haxlab.viz.export;

import org.haxlab.model.inspect.QueryPrediction;
import org.haxlab.model.task.TokenRole;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;
import org.haxlab.viz.heatmap.AxisRuler;
import org.haxlab.viz.heatmap.ComponentColors;
import org.haxlab.viz.heatmap.Palettes;
import org.haxlab.viz.heatmap.SelectionRaster;
import org.haxlab.viz.tokens.RoleColors;
import org.haxlab.viz.tokens.TokenStripRaster;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Vector exports of the selection matrix and the token strip, in the same colours as the pixel views.
 * The matrix is written at full resolution (one cell per key, no downsampling): one grey rectangle per
 * row for its causal part, then one rectangle per run of consecutive selected keys of equal colour;
 * keys chosen by several components add a triangle in the second component's colour.
 *
 * <p>The {@code ...Figure} forms stand alone: a header (title, model, layer, sequence excerpt), axes with
 * position and token ticks, and a legend (component colours with their weight ramps, or token roles).
 */
public final class SvgExport {
    /** Margin around a figure and left of the matrix (room for the query axis). */
    static final double MARGIN = 16;
    private static final double AXIS = 64;
    private static final double HEADER_LINE = 18;
    private static final double LEGEND_LINE = 18;
    private static final int RAMP_STEPS = 8;

    private SvgExport() {
    }

    /** The whole L x L selection matrix, {@code cell} user units per cell (the bare matrix, no header). */
    public static String selection(AttentionSelection sel, SelectionRaster.Style style, double cell) {
        checkCell(cell);
        int n = Math.max(1, sel.length());
        SvgWriter svg = new SvgWriter(n * cell, n * cell);
        drawSelection(svg, sel, style, cell);
        return svg.toSvg();
    }

    /**
     * The selection matrix as a figure that stands alone: header, the matrix with query and key axes
     * (positions, and tokens where a cell is wide enough), and a legend of the components it holds,
     * each with its weight-to-colour ramp.
     *
     * @param tokens the sequence the model saw (axis labels), as long as the selection
     */
    public static String selectionFigure(FigureInfo info, AttentionSelection sel, int[] tokens,
                                         IntFunction<String> names, SelectionRaster.Style style, double cell) {
        checkCell(cell);
        if (tokens.length != sel.length()) {
            throw new IllegalArgumentException("svg export: " + tokens.length + " tokens for a selection of "
                    + sel.length() + " positions");
        }
        int n = Math.max(1, sel.length());
        List<Component> present = present(sel);
        double side = n * cell;
        double width = Math.max(MARGIN + AXIS + side + MARGIN, 560);
        double top = header(info).size() * HEADER_LINE + MARGIN + 8;
        double legendTop = top + side + AXIS * 0.6;
        double height = legendTop + (present.size() + 2) * LEGEND_LINE + MARGIN;
        SvgWriter svg = new SvgWriter(width, height);
        svg.rect(0, 0, width, height, Palettes.WHITE);
        writeHeader(svg, info, width);
        svg.beginGroup(MARGIN + AXIS, top);
        drawSelection(svg, sel, style, cell);
        drawAxes(svg, tokens, names, cell, side);
        svg.endGroup();
        svg.text(MARGIN, legendTop, 11, "colour = component (several: 2nd in the lower-right half); intensity = "
                + (style.scale() == SelectionRaster.WeightScale.ROW_MAX ? "weight / row max" : "weight"), "start", false);
        double y = legendTop + LEGEND_LINE;
        for (Component c : present) {
            svg.rect(MARGIN, y - 10, 12, 12, ComponentColors.of(c));
            svg.text(MARGIN + 18, y, 12, c.id(), "start", false);
            for (int i = 0; i < RAMP_STEPS; i++) {
                double t = i / (double) (RAMP_STEPS - 1);
                svg.rect(MARGIN + 90 + i * 14, y - 10, 14, 12, SelectionRaster.colour(c, style.floor() + (1 - style.floor()) * t));
            }
            svg.text(MARGIN + 90 + RAMP_STEPS * 14 + 6, y, 11, "0 \u2192 1", "start", false);
            y += LEGEND_LINE;
        }
        svg.rect(MARGIN, y - 10, 12, 12, SelectionRaster.CAUSAL);
        svg.text(MARGIN + 18, y, 12, "not selected (causal)", "start", false);
        return svg.toSvg();
    }

    /** The components that selected at least one key, in priority order. */
    static List<Component> present(AttentionSelection sel) {
        int mask = 0;
        for (int m : sel.components()) {
            mask |= m;
        }
        List<Component> out = new ArrayList<>();
        for (Component c : ComponentColors.PRIORITY) {
            if (c.in(mask)) {
                out.add(c);
            }
        }
        return out;
    }

    private static void drawSelection(SvgWriter svg, AttentionSelection sel, SelectionRaster.Style style, double cell) {
        int n = sel.length();
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
        double mark = Math.max(2, cellHeight / 5);
        SvgWriter svg = new SvgWriter(Math.max(1, tokens.length) * cellWidth, cellHeight + mark);
        drawStrip(svg, tokens, predictions, names, cellWidth, cellHeight);
        return svg.toSvg();
    }

    /**
     * The token strip as a figure that stands alone: header, the strip with position ticks, and a
     * legend of the roles it holds and of the answer marks.
     */
    public static String tokenStripFigure(FigureInfo info, int[] tokens, List<QueryPrediction> predictions,
                                          IntFunction<String> names, double cellWidth, double cellHeight) {
        if (!(cellWidth > 0) || !(cellHeight > 0)) {
            throw new IllegalArgumentException("svg export: cell size must be positive");
        }
        TokenRole[] roles = roles(tokens, predictions);
        Set<TokenRole> present = new LinkedHashSet<>();
        for (TokenRole r : RoleColors.LEGEND) {
            for (TokenRole x : roles) {
                if (x == r) {
                    present.add(r);
                }
            }
        }
        double stripWidth = Math.max(1, tokens.length) * cellWidth;
        double width = Math.max(2 * MARGIN + stripWidth, 560);
        double top = header(info).size() * HEADER_LINE + MARGIN + 8;
        double legendTop = top + cellHeight * 1.2 + 30;
        double height = legendTop + (present.size() + 2) * LEGEND_LINE + MARGIN;
        SvgWriter svg = new SvgWriter(width, height);
        svg.rect(0, 0, width, height, Palettes.WHITE);
        writeHeader(svg, info, width);
        svg.beginGroup(MARGIN, top);
        drawStrip(svg, tokens, predictions, names, cellWidth, cellHeight);
        double below = cellHeight + Math.max(2, cellHeight / 5);
        for (int i : AxisRuler.ticks(0, tokens.length, tokens.length, stripWidth, 30)) {
            double x = (i + 0.5) * cellWidth;
            svg.line(x, below, x, below + 4, 0xFF5A6070, 1);
            svg.text(x, below + 15, 10, Integer.toString(i));
        }
        svg.endGroup();
        double y = legendTop;
        for (TokenRole r : present) {
            svg.rect(MARGIN, y - 10, 12, 12, RoleColors.of(r));
            svg.text(MARGIN + 18, y, 12, RoleColors.label(r), "start", false);
            y += LEGEND_LINE;
        }
        svg.rect(MARGIN, y - 6, 12, 4, TokenStripRaster.CORRECT);
        svg.text(MARGIN + 18, y, 12, "correct answer", "start", false);
        y += LEGEND_LINE;
        svg.rect(MARGIN, y - 6, 12, 4, TokenStripRaster.WRONG);
        svg.text(MARGIN + 18, y, 12, "wrong answer", "start", false);
        return svg.toSvg();
    }

    private static TokenRole[] roles(int[] tokens, List<QueryPrediction> predictions) {
        return TokenRole.of(tokens, predictions.stream().mapToInt(QueryPrediction::position).toArray());
    }

    private static void drawStrip(SvgWriter svg, int[] tokens, List<QueryPrediction> predictions,
                                  IntFunction<String> names, double cellWidth, double cellHeight) {
        TokenRole[] roles = roles(tokens, predictions);
        double mark = Math.max(2, cellHeight / 5);
        int start = 0;
        for (int i = 1; i <= roles.length; i++) {
            if (i == roles.length || roles[i] != roles[start]) {
                svg.rect(start * cellWidth, 0, (i - start) * cellWidth, cellHeight, RoleColors.of(roles[start]));
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
    }

    /** Query axis left of the matrix and key axis under it, in the matrix's coordinates. */
    private static void drawAxes(SvgWriter svg, int[] tokens, IntFunction<String> names, double cell, double side) {
        boolean withTokens = cell >= 12;
        String digits = String.valueOf(Math.max(tokens.length - 1, 0));
        for (int i : AxisRuler.ticks(0, tokens.length, tokens.length, side, 7.0 * digits.length() + 8)) {
            double at = (i + 0.5) * cell;
            String label = withTokens ? i + " " + names.apply(tokens[i]) : Integer.toString(i);
            svg.line(at, side, at, side + 4, 0xFF5A6070, 1);
            svg.text(at, side + 15, 10, Integer.toString(i));
            if (withTokens) {
                svg.text(at, side + 28, 10, names.apply(tokens[i]));
            }
            svg.line(-4, at, 0, at, 0xFF5A6070, 1);
            svg.text(-6, at + 3.5, 10, label, "end", false);
        }
        svg.text(side / 2, side + 44, 11, "key position", "middle", true);
    }

    private static List<String> header(FigureInfo info) {
        List<String> lines = new ArrayList<>();
        lines.add(info.title());
        if (!info.subtitle().isEmpty()) {
            lines.add(info.subtitle());
        }
        if (!info.sequence().isEmpty()) {
            lines.add("sequence, " + info.sequence());
        }
        return lines;
    }

    private static void writeHeader(SvgWriter svg, FigureInfo info, double width) {
        List<String> lines = header(info);
        int maxChars = (int) ((width - 2 * MARGIN) / 6.2);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() > maxChars) {
                line = line.substring(0, Math.max(1, maxChars - 1)) + "\u2026";
            }
            svg.text(MARGIN, MARGIN + 6 + i * HEADER_LINE, i == 0 ? 15 : 12, line, "start", i == 0);
        }
    }

    private static void checkCell(double cell) {
        if (!(cell > 0)) {
            throw new IllegalArgumentException("svg export: cell size must be positive, got " + cell);
        }
    }
}
