package org.haxlab.viz.heatmap;

import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * An axis along a zoomable matrix: ticks and labels for the visible index range, redrawn on every zoom
 * and pan. When an index is wide enough every index gets a tick and its label (for token axes, the
 * token and its position); otherwise ticks fall on round steps (1, 2, 5, 10, 20, 50, ...) chosen so
 * that labels never overlap. Which indices get a tick is {@link #ticks}, pure arithmetic shared with
 * the exports and the tests.
 */
public class AxisRuler extends Region {
    /** Thickness of a horizontal ruler (two text lines) and width of a vertical one. */
    public static final double HORIZONTAL_HEIGHT = 34;
    /** Width of a vertical ruler. */
    public static final double VERTICAL_WIDTH = 64;
    private static final double TICK = 4;
    private static final int[] STEPS = {1, 2, 5};
    /** An index at least this wide (pixels) shows its token. */
    static final double TOKEN_MIN_PIXELS = 12;

    private final Orientation orientation;
    private final Canvas canvas = new Canvas();
    private double first;
    private double span;
    private int count;
    private IntFunction<String> primary = Integer::toString;
    private IntFunction<String> secondary;
    private boolean edges;

    /** A ruler of the given orientation (horizontal: under a matrix; vertical: left of it). */
    public AxisRuler(Orientation orientation) {
        this.orientation = orientation;
        getChildren().add(canvas);
        if (orientation == Orientation.HORIZONTAL) {
            setMinHeight(HORIZONTAL_HEIGHT);
            setPrefHeight(HORIZONTAL_HEIGHT);
            setMaxHeight(HORIZONTAL_HEIGHT);
        } else {
            setMinWidth(VERTICAL_WIDTH);
            setPrefWidth(VERTICAL_WIDTH);
            setMaxWidth(VERTICAL_WIDTH);
        }
    }

    /**
     * What the indices are called.
     *
     * @param indices   how many indices the axis has (0: empty axis)
     * @param primary   label of index i, always shown at a tick (e.g. the position)
     * @param secondary a second label (e.g. the token), shown where there is room; null for none
     */
    public final void setLabels(int indices, IntFunction<String> primary, IntFunction<String> secondary) {
        if (indices < 0 || primary == null) {
            throw new IllegalArgumentException("axis: need a label function and indices >= 0, got " + indices);
        }
        this.count = indices;
        this.primary = primary;
        this.secondary = secondary;
        first = 0;
        span = indices;
        requestLayout();
        draw();
    }

    /**
     * Places index i at the edge i / (indices - 1) of the axis instead of the centre of its band: for a
     * value scale (a histogram's counts, max at the top edge, 0 at the bottom) rather than for cells.
     */
    public final void setEdgeAligned(boolean onEdges) {
        edges = onEdges;
        draw();
    }

    /** Shows indices {@code from} .. {@code from + visible} (fractional, as a {@link Viewport} holds them). */
    public final void setVisible(double from, double visible) {
        first = from;
        span = visible;
        draw();
    }

    /** The first visible index (fractional). */
    public final double first() {
        return first;
    }

    /** How many indices are visible. */
    public final double span() {
        return span;
    }

    /**
     * The indices that get a tick when {@code span} indices starting at {@code from} are drawn over
     * {@code pixels} pixels and a label needs {@code labelPixels}: every index when one is wide enough,
     * else the multiples of the smallest round step that leaves room for the labels.
     */
    public static int[] ticks(double from, double span, int count, double pixels, double labelPixels) {
        if (count <= 0 || !(span > 0) || !(pixels > 0)) {
            return new int[0];
        }
        int step = step(pixels / span, labelPixels);
        List<Integer> out = new ArrayList<>();
        int start = (int) Math.ceil(Math.max(0, from) / step) * step;
        for (int i = start; i < count && i < from + span; i += step) {
            out.add(i);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The tick step (1, 2, 5, 10, 20, ...) for indices {@code cellPixels} wide and labels {@code labelPixels} long. */
    public static int step(double cellPixels, double labelPixels) {
        for (long magnitude = 1; magnitude < Integer.MAX_VALUE / 10; magnitude *= 10) {
            for (int s : STEPS) {
                if (s * magnitude * cellPixels >= labelPixels) {
                    return (int) (s * magnitude);
                }
            }
        }
        return Integer.MAX_VALUE / 10;
    }

    /** The position labels drawn now, in axis order (for tests). */
    public final List<String> visibleLabels() {
        List<String> out = new ArrayList<>();
        double length = length();
        for (int i : ticks(first, span, count, length, labelPixels())) {
            out.add(primary.apply(i));
        }
        return out;
    }

    /** The token labels drawn now, one per visible index when indices are wide enough, else none (for tests). */
    public final List<String> visibleTokens() {
        List<String> out = new ArrayList<>();
        for (int i : tokenIndices(length() / Math.max(span, 1e-9))) {
            out.add(secondary.apply(i));
        }
        return out;
    }

    private double length() {
        return orientation == Orientation.HORIZONTAL ? getWidth() : getHeight();
    }

    /** Every index at least half visible, when an index is wide enough for its token; else none. */
    private int[] tokenIndices(double cell) {
        if (secondary == null || cell < TOKEN_MIN_PIXELS || count == 0) {
            return new int[0];
        }
        int from = (int) Math.max(0, Math.round(first));
        int to = (int) Math.min(count, Math.round(first + span));
        int[] out = new int[Math.max(0, to - from)];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }

    private double labelPixels() {
        // horizontal labels need their width (about 7 px per digit); vertical ones a text line
        return orientation == Orientation.HORIZONTAL ? 7.0 * String.valueOf(Math.max(count - 1, 0)).length() + 8 : 14;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.max(1, getWidth()));
        canvas.setHeight(Math.max(1, getHeight()));
        draw();
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        boolean horizontal = orientation == Orientation.HORIZONTAL;
        double length = horizontal ? w : h;
        if (count == 0 || length < 2) {
            return;
        }
        double cell = length / span;
        g.setFill(Color.web("#1e2230"));
        g.setStroke(Color.web("#5a6070"));
        g.setLineWidth(1);
        g.setFont(Font.font(11));
        int[] positions = ticks(first, span, count, length, labelPixels());
        int[] tokens = tokenIndices(cell);
        if (horizontal) {
            g.strokeLine(0, 0.5, w, 0.5);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            for (int i : positions) {
                double at = centre(i, cell);
                g.strokeLine(at, 0, at, TICK);
                // a label at the very edge moves inwards rather than being cut in half
                g.fillText(primary.apply(i), Math.max(8, Math.min(w - 8, at)), TICK + 1);
            }
            for (int i : tokens) {
                double at = centre(i, cell);
                g.strokeLine(at, 0, at, 2);
                g.fillText(secondary.apply(i), at, TICK + 16, cell);
            }
            return;
        }
        g.strokeLine(w - 0.5, 0, w - 0.5, h);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        java.util.Set<Integer> numbered = new java.util.HashSet<>();
        for (int i : positions) {
            numbered.add(i);
            double at = centre(i, cell);
            g.strokeLine(w - TICK, at, w, at);
            g.fillText(primary.apply(i), w - TICK - 2, Math.max(6, Math.min(h - 6, at)), (w - TICK) / 2);
        }
        // tokens left of the numbers, so a row reads "a   17"
        for (int i : tokens) {
            double at = centre(i, cell);
            g.strokeLine(w - 2, at, w, at);
            g.fillText(secondary.apply(i), w / 2 - 4, at, w / 2 - 6);
        }
    }

    private double centre(int i, double cell) {
        if (edges) {
            double length = orientation == Orientation.HORIZONTAL ? canvas.getWidth() : canvas.getHeight();
            return Math.floor((i - first) * length / Math.max(1, span - 1)) + 0.5;
        }
        return Math.floor((i + 0.5 - first) * cell) + 0.5;
    }
}
