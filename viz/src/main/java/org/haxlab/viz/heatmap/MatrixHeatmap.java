package org.haxlab.viz.heatmap;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

import java.util.Locale;

/**
 * A generic heatmap of a float matrix (for example per-position norms by layer, KS scores, logits)
 * through a colour-blind-safe scale over an explicit range. Pixels come from {@link MatrixRaster};
 * hovering publishes the exact value through {@link #hoveredProperty()} and a tooltip.
 */
public class MatrixHeatmap extends RasterView {

    /**
     * The cell under the mouse.
     *
     * @param row   0-based row
     * @param col   0-based column
     * @param value exact stored value
     */
    public record Hover(int row, int col, float value) {
        /** Text for overlays. */
        public String describe() {
            return String.format(Locale.ROOT, "(%d, %d) = %.6g", row, col, value);
        }
    }

    private final DoubleProperty min = new SimpleDoubleProperty(this, "min", 0);
    private final DoubleProperty max = new SimpleDoubleProperty(this, "max", 1);
    private final ReadOnlyObjectWrapper<Hover> hovered = new ReadOnlyObjectWrapper<>(this, "hovered");
    private final Tooltip tooltip = new Tooltip();
    private Palettes.Scale scale = Palettes.SEQUENTIAL;
    private MatrixRaster.Pooling pooling = MatrixRaster.Pooling.MAX;
    private float[] values;
    private int rows;
    private int cols;

    /** An empty heatmap with the sequential scale. */
    public MatrixHeatmap() {
        setPrefSize(400, 300);
        setMinSize(16, 16);
        min.addListener((o, a, b) -> invalidateRaster());
        max.addListener((o, a, b) -> invalidateRaster());
        Tooltip.install(this, tooltip);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverAt(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hovered.set(null));
    }

    /**
     * Shows a row-major matrix and sets the range to its finite min and max (call
     * {@link #setRange(double, double)} afterwards to fix the range instead).
     */
    public final void setMatrix(float[] matrix, int rowCount, int colCount) {
        MatrixRaster.checkShape(matrix, rowCount, colCount);
        values = matrix;
        rows = rowCount;
        cols = colCount;
        double[] r = MatrixRaster.range(matrix);
        if (scale == Palettes.DIVERGING) {
            double m = Math.max(Math.abs(r[0]), Math.abs(r[1]));
            setRange(-m, m);
        } else {
            setRange(r[0], r[1]);
        }
        invalidateRaster();
    }

    /** Uses the sequential (viridis-like, max-pooled) scale. */
    public final void useSequential() {
        scale = Palettes.SEQUENTIAL;
        pooling = MatrixRaster.Pooling.MAX;
        invalidateRaster();
    }

    /** Uses the diverging blue-orange scale (pooled by distance from the range's middle). */
    public final void useDiverging() {
        scale = Palettes.DIVERGING;
        pooling = MatrixRaster.Pooling.EXTREME;
        invalidateRaster();
    }

    /** Fixes the range drawn at the two ends of the scale. */
    public final void setRange(double lo, double hi) {
        if (!(hi >= lo)) {
            throw new IllegalArgumentException("heatmap: range [" + lo + ", " + hi + "] is empty or NaN");
        }
        min.set(lo);
        max.set(hi);
    }

    /** Value at the scale's start. */
    public final DoubleProperty minProperty() {
        return min;
    }

    /** Value at the scale's end. */
    public final DoubleProperty maxProperty() {
        return max;
    }

    /** A colour bar for this heatmap's scale whose range follows the heatmap's. */
    public final ColorBar createColorBar(String title) {
        ColorBar bar = new ColorBar(scale, title);
        bar.minProperty().bind(min);
        bar.maxProperty().bind(max);
        return bar;
    }

    /** The cell under the mouse, null outside. */
    public final ReadOnlyObjectProperty<Hover> hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    /** Treats (x, y) as the mouse position. */
    public final void hoverAt(double x, double y) {
        if (values == null) {
            hovered.set(null);
            return;
        }
        Viewport v = Viewport.full(rows, cols);
        int r = v.rowAt(y, rasterHeight());
        int c = v.colAt(x, rasterWidth());
        Hover h = r < 0 || c < 0 ? null : new Hover(r, c, values[r * cols + c]);
        hovered.set(h);
        tooltip.setText(h == null ? "" : h.describe());
    }

    @Override
    protected int[] renderPixels(int width, int height) {
        if (values == null) {
            int[] blank = new int[width * height];
            java.util.Arrays.fill(blank, Palettes.WHITE);
            return blank;
        }
        return MatrixRaster.render(values, rows, cols, Viewport.full(rows, cols), width, height, scale, min.get(),
                max.get(), pooling);
    }
}
