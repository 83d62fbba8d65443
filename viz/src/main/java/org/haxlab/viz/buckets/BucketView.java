package org.haxlab.viz.buckets;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.haxlab.model.trace.LayerInspection;
import org.haxlab.viz.heatmap.AxisRuler;
import org.haxlab.viz.heatmap.RasterView;
import org.haxlab.viz.heatmap.Viewport;

import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * LSH bins of one layer (spec §3, LSH), in one of two layouts: {@link Layout#BY_BIN} (the default) gives every
 * bin a row and marks each position's query (upper half, lighter) and key (lower half) on its bin's row, so a
 * query lines up with the keys it can collide with even at a thousand positions; {@link Layout#BY_POSITION}
 * shows the query bin and the key bin as two rows of coloured cells (hue per bin id) and draws lines from the
 * hovered query to its keys. Below, a histogram of keys per bin ({@link BucketHistogram}). Hovering a query
 * marks the keys in its bin (up to the query when causal) and names the bins. Given a second inspection of the
 * same sequence after "redraw projection", it adds the redrawn hashing and histogram and reports the fraction
 * of positions whose bin changed.
 *
 * <p>The bin rows have a position axis (with the tokens, once {@link #setTokens} gave them and a position is
 * wide enough) and a bin axis; scrolling zooms the positions, dragging pans, a double-click shows them all.
 */
public class BucketView extends VBox {
    private static final String[] ROW_NAMES = {"query", "key", "query (redrawn)", "key (redrawn)"};

    /** How the bins are laid out. */
    public enum Layout {
        /** One row per bin (first key left to right), a mark per position: collisions line up. */
        BY_BIN("by bin"),
        /** Two rows (query, key) of per-position bin colours, lines to the colliding keys. */
        BY_POSITION("by position");

        private final String label;

        Layout(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Label summary = new Label("no LSH buckets");
    private final Label info = new Label(" ");
    private final Strip strip = new Strip();
    private final BucketHistogram before = new BucketHistogram();
    private final BucketHistogram after = new BucketHistogram();
    private final BucketAxes axes = new BucketAxes(ROW_NAMES);
    private int[] tokens;
    private IntFunction<String> names;
    private Viewport viewport;
    private double dragX;
    private final ReadOnlyIntegerWrapper hoveredQuery = new ReadOnlyIntegerWrapper(this, "hoveredQuery", -1);
    private LayerInspection first;
    private LayerInspection second;
    private int bins = 1;
    private boolean causal = true;
    private final ChoiceBox<Layout> layoutChoice = new ChoiceBox<>(FXCollections.observableArrayList(Layout.values()));

    /** An empty view. */
    public BucketView() {
        setSpacing(4);
        strip.setPrefSize(800, 160);
        strip.setMinHeight(60);
        strip.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        GridPane map = new GridPane();
        ColumnConstraints body = new ColumnConstraints();
        body.setHgrow(Priority.ALWAYS);
        map.getColumnConstraints().addAll(new ColumnConstraints(AxisRuler.VERTICAL_WIDTH), body);
        RowConstraints rows = new RowConstraints();
        rows.setVgrow(Priority.ALWAYS);
        map.getRowConstraints().addAll(rows, new RowConstraints(AxisRuler.HORIZONTAL_HEIGHT));
        map.add(axes.binAxes(), 0, 0);
        map.add(strip, 1, 0);
        map.add(new Label("pos \u2192"), 0, 1);
        map.add(axes.positionAxis(), 1, 1);
        VBox.setVgrow(map, Priority.ALWAYS);
        layoutChoice.setValue(Layout.BY_BIN);
        layoutChoice.setId("bucketLayout");
        layoutChoice.setTooltip(new Tooltip("by bin: one row per bin, queries (upper half) and keys (lower half)"
                + " marked at their positions; by position: the query and key bin of every position"));
        layoutChoice.valueProperty().addListener((o, was, now) -> {
            relabel();
            strip.invalidateRaster();
            strip.redrawCanvas();
        });
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Label layoutLabel = new Label("layout");
        layoutLabel.setMinWidth(Region.USE_PREF_SIZE);      // a long summary gives way, not the control
        layoutChoice.setMinWidth(Region.USE_PREF_SIZE);
        summary.setMinWidth(0);
        HBox top = new HBox(8, summary, spring, layoutLabel, layoutChoice);
        top.setAlignment(Pos.CENTER_LEFT);
        info.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(top, map, info, before);
        strip.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverAt(e.getX(), e.getY()));
        strip.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoverAt(-1, -1));
        strip.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> dragX = e.getX());
        strip.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (viewport != null && e.getButton() == MouseButton.PRIMARY) {
                setViewport(viewport.panBy(e.getX() - dragX, 0, strip.width(), strip.height()));
                dragX = e.getX();
            }
        });
        strip.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getClickCount() == 2 && first != null) {
                setViewport(Viewport.full(1, first.qBucket().length));
            }
        });
        strip.setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                zoomAt(e.getX(), Math.pow(1.25, e.getDeltaY() / 40.0));
                e.consume();
            }
        });
    }

    /** The tokens of the sequence (position axis labels), or null for positions only. */
    public final void setTokens(int[] sequence, IntFunction<String> tokenNames) {
        tokens = sequence == null ? null : sequence.clone();
        names = tokenNames;
        relabel();
    }

    /** Zooms the positions by {@code factor} around pixel column x of the bin rows. */
    public final void zoomAt(double x, double factor) {
        if (viewport != null) {
            setViewport(viewport.zoomAt(x, 0, strip.width(), strip.height(), factor));
        }
    }

    /** The visible positions (null when empty). */
    public final Viewport viewport() {
        return viewport;
    }

    /** The position axis under the bin rows. */
    public final AxisRuler positionAxis() {
        return axes.positionAxis();
    }

    /** The bin axes left of the bin rows (one per panel). */
    public final List<AxisRuler> binAxes() {
        return axes.binRulers();
    }

    /** The histogram of the first hashing. */
    public final BucketHistogram histogram() {
        return before;
    }

    private void setViewport(Viewport v) {
        viewport = v;
        axes.positionAxis().setVisible(v.x0(), v.spanX());
        strip.invalidateRaster();
        strip.redrawCanvas();
    }

    private void relabel() {
        axes.relabel(first, second, bins, getLayout() == Layout.BY_POSITION, tokens, names, viewport, strip.height());
    }

    /** Shows one layer's bins. */
    public final void setInspection(LayerInspection layer) {
        setInspections(layer, null);
    }

    /**
     * Shows a layer's bins before and after redrawing the LSH projection (same sequence, same length).
     *
     * @param redrawn the second hashing, or null for a single view
     */
    public final void setInspections(LayerInspection layer, LayerInspection redrawn) {
        if (layer != null && redrawn != null && (layer.qBucket().length != redrawn.qBucket().length)) {
            throw new IllegalArgumentException("bucket view: before and after differ in length ("
                    + layer.qBucket().length + " vs " + redrawn.qBucket().length + ")");
        }
        first = layer != null && layer.hasBuckets() ? layer : null;
        second = first != null && redrawn != null && redrawn.hasBuckets() ? redrawn : null;
        if (first == null) {
            summary.setText(layer == null ? "no layer" : "layer " + layer.layer() + " has no LSH buckets");
            bins = 1;
        } else {
            bins = second == null ? BucketStats.bins(first.qBucket(), first.kBucket())
                    : BucketStats.bins(first.qBucket(), first.kBucket(), second.qBucket(), second.kBucket());
            summary.setText(summaryText());
        }
        before.setCounts(first == null ? null : BucketStats.occupancy(first.kBucket(), bins), "keys per bin");
        after.setCounts(second == null ? null : BucketStats.occupancy(second.kBucket(), bins), "keys per bin (redrawn)");
        viewport = first == null ? null : Viewport.full(1, first.qBucket().length);
        relabel();
        getChildren().remove(after);
        if (second != null) {
            getChildren().add(after);
        }
        hoveredQuery.set(-1);
        info.setText(" ");
        strip.drawLinks(-1, null, null);
    }

    /** The layout shown (default {@link Layout#BY_BIN}). */
    public final Layout getLayout() {
        return layoutChoice.getValue();
    }

    /** Switches the layout. */
    public final void setLayout(Layout layout) {
        layoutChoice.setValue(layout == null ? Layout.BY_BIN : layout);
    }

    /** Whether collisions count only keys at or before the query (spec §3 causal mask); default true. */
    public final void setCausal(boolean onlyEarlierKeys) {
        causal = onlyEarlierKeys;
        hoverAt(-1, -1);
    }

    /** The summary line (bins, used bins, and the fraction of positions that changed bin). */
    public final String summaryText() {
        if (first == null) {
            return summary.getText();
        }
        int[] occ = BucketStats.occupancy(first.kBucket(), bins);
        String s = String.format(Locale.ROOT, "layer %d: %d bins, %d hold keys", first.layer(), bins,
                BucketStats.usedBins(occ));
        if (second != null) {
            s += String.format(Locale.ROOT, "; after redraw: query bin changed at %.1f%% of positions, key bin at %.1f%%",
                    100 * BucketStats.changedFraction(first.qBucket(), second.qBucket()),
                    100 * BucketStats.changedFraction(first.kBucket(), second.kBucket()));
        }
        return s;
    }

    /** The query position under the mouse (-1 when none). */
    public final ReadOnlyIntegerProperty hoveredQueryProperty() {
        return hoveredQuery.getReadOnlyProperty();
    }

    /** The text shown for the hovered position. */
    public final String infoText() {
        return info.getText();
    }

    /** Treats (x, y) on the bin rows (their own pixels) as the mouse position. */
    public final void hoverAt(double x, double y) {
        int p = viewport == null || y < 0 || y >= strip.height() ? -1 : viewport.colAt(x, strip.width());
        hoverPosition(p);
    }

    /** Shows position {@code p} as hovered (its query's bin, the keys in it); -1 clears. */
    public final void hoverPosition(int p) {
        if (first == null || p < 0 || p >= first.qBucket().length) {
            hoveredQuery.set(-1);
            info.setText(" ");
            strip.drawLinks(-1, null, null);
            before.setQueryBin(-1);
            after.setQueryBin(-1);
            return;
        }
        hoveredQuery.set(p);
        int[] hits = BucketStats.collisions(first.qBucket(), first.kBucket(), p, causal);
        int[] hitsAfter = second == null ? null : BucketStats.collisions(second.qBucket(), second.kBucket(), p, causal);
        String text = String.format(Locale.ROOT, "pos %d: query bin %d, key bin %d; %d keys%s share the query's bin",
                p, first.qBucket(p), first.kBucket(p), hits.length, causal ? " up to here" : "");
        if (second != null) {
            text += String.format(Locale.ROOT, " | redrawn: query bin %d, key bin %d, %d keys",
                    second.qBucket(p), second.kBucket(p), hitsAfter.length);
        }
        info.setText(text);
        strip.drawLinks(p, hits, hitsAfter);
        before.setQueryBin(first.qBucket()[p]);
        after.setQueryBin(second == null ? -1 : second.qBucket()[p]);
    }

    private int[][] rows() {
        return second == null ? new int[][] {first.qBucket(), first.kBucket()}
                : new int[][] {first.qBucket(), first.kBucket(), second.qBucket(), second.kBucket()};
    }

    /** The bin rows, with a canvas for row names and collision lines. */
    private final class Strip extends RasterView {
        private final Canvas links = new Canvas();
        private int[][] marked;
        private int query = -1;
        private int[] hits;
        private int[] hitsAfter;

        Strip() {
            overlay().getChildren().add(links);
        }

        int width() {
            return rasterWidth();
        }

        int height() {
            return rasterHeight();
        }

        @Override
        protected int[] renderPixels(int width, int height) {
            if (first == null) {
                int[] blank = new int[width * height];
                java.util.Arrays.fill(blank, BucketRaster.BACKGROUND);
                return blank;
            }
            if (getLayout() == Layout.BY_BIN) {
                return BucketRaster.binPanels(first, second, bins, viewport, width, height, query, hits, hitsAfter);
            }
            int[][] rows = rows();
            return BucketRaster.strip(rows, viewport, width, height, marked);
        }

        @Override
        protected void afterRender(int width, int height) {
            links.setWidth(width);
            links.setHeight(height);
            redrawCanvas();
        }

        void drawLinks(int q, int[] keys, int[] keysAfter) {
            query = q;
            hits = keys;
            hitsAfter = keysAfter;
            marked = q < 0 ? null : second == null ? new int[][] {{q}, keys} : new int[][] {{q}, keys, {q}, keysAfter};
            invalidateRaster();
            redrawCanvas();
        }

        /** Lines from the hovered query to the keys in its bin (by position; the axes name the rows). */
        private void redrawCanvas() {
            GraphicsContext g = links.getGraphicsContext2D();
            int w = rasterWidth();
            int h = rasterHeight();
            g.clearRect(0, 0, w, h);
            axes.size(getLayout() == Layout.BY_POSITION, h);
            if (first == null || query < 0 || getLayout() == Layout.BY_BIN || viewport == null) {
                return;
            }
            int n = second == null ? 2 : 4;
            int rh = BucketRaster.rowHeight(n, h);
            double cell = w / viewport.spanX();
            g.setStroke(Color.rgb(0, 0, 0, 0.8));
            g.setLineWidth(1.5);
            link(g, query, hits, 0, cell, rh, n, h);
            if (hitsAfter != null) {
                link(g, query, hitsAfter, 2, cell, rh, n, h);
            }
        }

        private void link(GraphicsContext g, int query, int[] hits, int queryRow, double cell, int rh, int n, int h) {
            double qx = (query + 0.5 - viewport.x0()) * cell;
            double qy = BucketRaster.rowTop(queryRow, n, h) + rh;
            double ky = BucketRaster.rowTop(queryRow + 1, n, h);
            for (int j : hits) {
                g.strokeLine(qx, qy, (j + 0.5 - viewport.x0()) * cell, ky);
            }
        }
    }
}
