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
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.haxlab.model.trace.LayerInspection;
import org.haxlab.viz.heatmap.RasterView;
import org.haxlab.viz.heatmap.Viewport;

import java.util.Locale;

/**
 * LSH bins of one layer (spec §3, LSH), in one of two layouts: {@link Layout#BY_BIN} (the default) gives every
 * bin a row and marks each position's query (upper half, lighter) and key (lower half) on its bin's row, so a
 * query lines up with the keys it can collide with even at a thousand positions; {@link Layout#BY_POSITION}
 * shows the query bin and the key bin as two rows of coloured cells (hue per bin id) and draws lines from the
 * hovered query to its keys. Below, a histogram of keys per bin. Hovering a query marks the keys in its bin
 * (up to the query when causal) and names the bins. Given a second inspection of the same sequence after
 * "redraw projection", it adds the redrawn hashing and histogram and reports the fraction of positions whose
 * bin changed.
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
    private final Histogram before = new Histogram();
    private final Histogram after = new Histogram();
    private final ReadOnlyIntegerWrapper hoveredQuery = new ReadOnlyIntegerWrapper(this, "hoveredQuery", -1);
    private LayerInspection first;
    private LayerInspection second;
    private int bins = 1;
    private boolean causal = true;
    private final ChoiceBox<Layout> layoutChoice = new ChoiceBox<>(FXCollections.observableArrayList(Layout.values()));

    /** An empty view. */
    public BucketView() {
        setSpacing(4);
        strip.setPrefSize(800, 80);
        before.setPrefSize(800, 80);
        after.setPrefSize(800, 80);
        VBox.setVgrow(strip, Priority.ALWAYS);
        layoutChoice.setValue(Layout.BY_BIN);
        layoutChoice.setId("bucketLayout");
        layoutChoice.setTooltip(new Tooltip("by bin: one row per bin, queries (upper half) and keys (lower half)"
                + " marked at their positions; by position: the query and key bin of every position"));
        layoutChoice.valueProperty().addListener((o, was, now) -> {
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
        getChildren().addAll(top, strip, info, before);
        strip.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverAt(e.getX(), e.getY()));
        strip.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoverAt(-1, -1));
        before.addEventHandler(MouseEvent.MOUSE_MOVED, e -> before.hoverBin(e.getX()));
        after.addEventHandler(MouseEvent.MOUSE_MOVED, e -> after.hoverBin(e.getX()));
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

    /** Treats (x, y) on the bin rows as the mouse position. */
    public final void hoverAt(double x, double y) {
        int p = first == null ? -1 : Viewport.full(1, first.qBucket().length).colAt(x, strip.width());
        if (p < 0 || y < 0 || y >= strip.height()) {
            hoveredQuery.set(-1);
            info.setText(" ");
            strip.drawLinks(-1, null, null);
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
                return binPanels(width, height);
            }
            int[][] rows = rows();
            return BucketRaster.strip(rows, Viewport.full(1, rows[0].length), width, height, marked);
        }

        /** One bin map per hashing (before, and after a redraw), stacked. */
        private int[] binPanels(int width, int height) {
            int panels = second == null ? 1 : 2;
            int ph = BucketRaster.rowHeight(panels, height);
            int[] out = new int[width * height];
            java.util.Arrays.fill(out, BucketRaster.BACKGROUND);
            for (int p = 0; p < panels; p++) {
                LayerInspection in = p == 0 ? first : second;
                int[] rowOf = BucketRaster.binRows(in.qBucket(), in.kBucket(), bins);
                int[] panel = BucketRaster.binMap(in.qBucket(), in.kBucket(), rowOf, width, ph, query,
                        p == 0 ? hits : hitsAfter);
                System.arraycopy(panel, 0, out, BucketRaster.rowTop(p, panels, height) * width,
                        Math.min(panel.length, out.length - BucketRaster.rowTop(p, panels, height) * width));
            }
            return out;
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

        /** Row names, and lines from the hovered query to the keys in its bin (redrawn after every render). */
        private void redrawCanvas() {
            GraphicsContext g = links.getGraphicsContext2D();
            int w = rasterWidth();
            int h = rasterHeight();
            g.clearRect(0, 0, w, h);
            if (first == null) {
                return;
            }
            if (getLayout() == Layout.BY_BIN) {
                int panels = second == null ? 1 : 2;
                g.setTextBaseline(VPos.TOP);
                for (int p = 0; p < panels; p++) {
                    String name = (p == 0 ? "" : "redrawn: ") + "one row per bin, first key first;"
                            + " query marks upper half, key marks lower half";
                    int y = BucketRaster.rowTop(p, panels, h);
                    g.setFill(Color.rgb(255, 255, 255, 0.85));
                    g.fillRect(0, y, 7 * name.length() + 4, 14);
                    g.setFill(Color.BLACK);
                    g.fillText(name, 2, y);
                }
                return;
            }
            int n = second == null ? 2 : 4;
            int rh = BucketRaster.rowHeight(n, h);
            g.setTextBaseline(VPos.TOP);
            for (int r = 0; r < n; r++) {
                g.setFill(Color.rgb(255, 255, 255, 0.8));
                g.fillRect(0, BucketRaster.rowTop(r, n, h), 96, 14);
                g.setFill(Color.BLACK);
                g.fillText(ROW_NAMES[r], 2, BucketRaster.rowTop(r, n, h));
            }
            if (query < 0) {
                return;
            }
            double cell = w / (double) first.qBucket().length;
            g.setStroke(Color.rgb(0, 0, 0, 0.8));
            g.setLineWidth(1.5);
            link(g, query, hits, 0, cell, rh, n, h);
            if (hitsAfter != null) {
                link(g, query, hitsAfter, 2, cell, rh, n, h);
            }
        }

        private void link(GraphicsContext g, int query, int[] hits, int queryRow, double cell, int rh, int n, int h) {
            double qx = (query + 0.5) * cell;
            double qy = BucketRaster.rowTop(queryRow, n, h) + rh;
            double ky = BucketRaster.rowTop(queryRow + 1, n, h);
            for (int j : hits) {
                g.strokeLine(qx, qy, (j + 0.5) * cell, ky);
            }
        }
    }

    /** Keys per bin as bars; hovering names the bin and its count. */
    private static final class Histogram extends RasterView {
        private final Label label = new Label();
        private int[] counts;
        private String title = "";
        private int hovered = -1;

        Histogram() {
            overlay().getChildren().add(label);
        }

        void setCounts(int[] c, String name) {
            counts = c;
            title = name;
            hovered = -1;
            label.setText(c == null ? "" : name);
            invalidateRaster();
        }

        void hoverBin(double x) {
            if (counts == null) {
                return;
            }
            int b = Viewport.full(1, counts.length).colAt(x, rasterWidth());
            hovered = b;
            label.setText(b < 0 ? title : String.format(Locale.ROOT, "%s: bin %d holds %d keys", title, b, counts[b]));
            invalidateRaster();
        }

        @Override
        protected int[] renderPixels(int width, int height) {
            if (counts == null) {
                int[] blank = new int[width * height];
                java.util.Arrays.fill(blank, BucketRaster.BACKGROUND);
                return blank;
            }
            return BucketRaster.histogram(counts, width, height, hovered);
        }
    }
}
