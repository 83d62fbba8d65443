package org.haxlab.viz.heatmap;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;
import org.haxlab.model.trace.LayerInspection;

/**
 * The L x L selection matrix of one layer: queries as rows, keys as columns, coloured by the
 * component that selected each key (see {@link ComponentColors}) with the attention weight as intensity.
 *
 * <p>Scroll zooms around the mouse, drag pans, double-click (or {@link #resetView()}) shows the whole
 * matrix. Hovering a cell publishes a {@link CellHover} through {@link #hoveredCellProperty()}, shows
 * it in an overlay label and lights up the query's row. Hover only moves overlay nodes; the pixels are
 * re-rendered only when the selection, style, size or viewport change.
 */
public class SelectionMatrixView extends RasterView {
    private static final Color ROW_FILL = Color.rgb(240, 228, 66, 0.30);
    private static final Color ROW_STROKE = Color.rgb(0, 0, 0, 0.65);

    private final ObjectProperty<AttentionSelection> selection = new SimpleObjectProperty<>(this, "selection");
    private final ObjectProperty<SelectionRaster.Style> rasterStyle =
            new SimpleObjectProperty<>(this, "rasterStyle", SelectionRaster.Style.defaults());
    private final ReadOnlyObjectWrapper<Viewport> viewport = new ReadOnlyObjectWrapper<>(this, "viewport");
    private final ReadOnlyObjectWrapper<CellHover> hoveredCell = new ReadOnlyObjectWrapper<>(this, "hoveredCell");
    private final Rectangle rowBand = new Rectangle();
    private final Label info = new Label();
    private double dragX;
    private double dragY;
    private boolean dragged;

    /** An empty view; feed it with {@link #setSelection(AttentionSelection)}. */
    public SelectionMatrixView() {
        setPrefSize(512, 512);
        setMinSize(32, 32);
        rowBand.setFill(ROW_FILL);
        rowBand.setStroke(ROW_STROKE);
        rowBand.setStrokeWidth(1);
        rowBand.setVisible(false);
        info.setBackground(new Background(new BackgroundFill(Color.rgb(255, 255, 255, 0.9), new CornerRadii(3), null)));
        info.setPadding(new Insets(2, 5, 2, 5));
        info.setVisible(false);
        overlay().getChildren().addAll(rowBand, info);
        selection.addListener((obs, old, s) -> {
            viewport.set(s == null || s.length() == 0 ? null : Viewport.full(s.length(), s.length()));
            hoveredCell.set(null);
            invalidateRaster();
        });
        rasterStyle.addListener((obs, old, s) -> invalidateRaster());
        viewport.addListener((obs, old, v) -> invalidateRaster());
        setOnScroll(this::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragX = e.getX();
            dragY = e.getY();
            dragged = false;
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDrag);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverAt(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoverAt(-1, -1));
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !dragged) {
                resetView();
            }
        });
    }

    /** The selection shown (null: empty view). */
    public final ObjectProperty<AttentionSelection> selectionProperty() {
        return selection;
    }

    /** Shows a selection and resets zoom. */
    public final void setSelection(AttentionSelection s) {
        selection.set(s);
    }

    /** Shows the selection of one inspected layer. */
    public final void setInspection(LayerInspection layer) {
        setSelection(layer == null ? null : layer.selection());
    }

    /** Weight-to-intensity options. */
    public final ObjectProperty<SelectionRaster.Style> rasterStyleProperty() {
        return rasterStyle;
    }

    /**
     * A colour bar for the weight intensity as drawn in {@code component}'s colour under the current
     * style: 0 to 1 of the weight (absolute) or of the row's largest weight (row-relative).
     */
    public final ColorBar createWeightBar(Component component) {
        SelectionRaster.Style s = rasterStyle.get();
        ColorBar bar = new ColorBar(t -> SelectionRaster.colour(component, SelectionRaster.intensity(s, (float) t, 1f)),
                s.scale() == SelectionRaster.WeightScale.ROW_MAX ? "weight / row max" : "weight");
        bar.setRange(0, 1);
        return bar;
    }

    /** The text of the hover overlay (empty when nothing is hovered). */
    public final String overlayText() {
        return info.isVisible() ? info.getText() : "";
    }

    /** The visible part of the matrix (null when empty); changed by zoom, pan and reset. */
    public final ReadOnlyObjectProperty<Viewport> viewportProperty() {
        return viewport.getReadOnlyProperty();
    }

    /** The cell under the mouse (null when outside or empty). */
    public final ReadOnlyObjectProperty<CellHover> hoveredCellProperty() {
        return hoveredCell.getReadOnlyProperty();
    }

    /** Shows the whole matrix again. */
    public final void resetView() {
        AttentionSelection s = selection.get();
        if (s != null && s.length() > 0) {
            viewport.set(Viewport.full(s.length(), s.length()));
        }
    }

    /** Zooms by {@code factor} around pixel (x, y) of this view (what scrolling does). */
    public final void zoomAt(double x, double y, double factor) {
        Viewport v = viewport.get();
        if (v != null) {
            viewport.set(v.zoomAt(x, y, rasterWidth(), rasterHeight(), factor));
        }
    }

    /**
     * Treats (x, y) as the mouse position: publishes the hovered cell, lights up its row and shows
     * the overlay label. Coordinates outside the view clear the hover.
     */
    public final void hoverAt(double x, double y) {
        AttentionSelection s = selection.get();
        Viewport v = viewport.get();
        int w = rasterWidth();
        int h = rasterHeight();
        int row = v == null ? -1 : v.rowAt(y, h);
        int col = v == null ? -1 : v.colAt(x, w);
        if (s == null || row < 0 || col < 0) {
            hoveredCell.set(null);
            rowBand.setVisible(false);
            info.setVisible(false);
            return;
        }
        CellHover cell = CellHover.of(s, row, col);
        hoveredCell.set(cell);
        int[] ys = Viewport.pixelSpan(row, v.y0(), v.rowsPerPixel(h), h);
        double top = ys == null ? y : ys[0];
        double height = ys == null ? 1 : Math.max(2, ys[1] - ys[0] + 1);
        rowBand.setX(0.5);
        rowBand.setY(Math.min(top, h - height) + 0.5);
        rowBand.setWidth(w - 1);
        rowBand.setHeight(height - 1);
        rowBand.setVisible(true);
        info.setText(cell.describe() + "  (" + s.count(row) + " keys)");
        info.setVisible(true);
        info.autosize();
        double lx = x + 14 + info.getWidth() > w ? x - 8 - info.getWidth() : x + 14;
        double ly = y + 18 + info.getHeight() > h ? y - 8 - info.getHeight() : y + 18;
        info.relocate(Math.max(0, lx), Math.max(0, ly));
    }

    @Override
    protected int[] renderPixels(int width, int height) {
        AttentionSelection s = selection.get();
        Viewport v = viewport.get();
        if (s == null || v == null || s.length() == 0) {
            int[] blank = new int[width * height];
            java.util.Arrays.fill(blank, SelectionRaster.NON_CAUSAL);
            return blank;
        }
        return SelectionRaster.render(s, v, width, height, rasterStyle.get());
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            zoomAt(e.getX(), e.getY(), Math.pow(1.25, e.getDeltaY() / 40.0));
            hoverAt(e.getX(), e.getY());
            e.consume();
        }
    }

    private void onDrag(MouseEvent e) {
        Viewport v = viewport.get();
        if (v != null && e.getButton() == MouseButton.PRIMARY) {
            viewport.set(v.panBy(e.getX() - dragX, e.getY() - dragY, rasterWidth(), rasterHeight()));
            dragged = true;
            dragX = e.getX();
            dragY = e.getY();
            hoverAt(e.getX(), e.getY());
        }
    }
}
