package org.haxlab.viz.buckets;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.haxlab.viz.heatmap.AxisRuler;
import org.haxlab.viz.heatmap.Palettes;
import org.haxlab.viz.heatmap.RasterView;
import org.haxlab.viz.heatmap.Viewport;

import java.util.List;
import java.util.Locale;

/**
 * Keys per LSH bin as bars, with a count axis, a bin axis and a legend. Bars have one fixed colour and
 * the bin the hovered query falls in is drawn black, so the colours mean the same on every run (the bin
 * map's per-bin hues would say nothing without a legend of hundreds of entries). The bars keep a
 * minimum height, so the chart is never squeezed to a sliver.
 */
public class BucketHistogram extends VBox {
    /** Colour of the bars. */
    public static final int BAR = 0xFF5B6B8C;
    /** Colour of the hovered query's bin. */
    public static final int QUERY_BIN = Palettes.BLACK;
    /** The smallest height of the bars, in pixels. */
    public static final double MIN_BARS_HEIGHT = 110;

    private final Bars bars = new Bars();
    private final AxisRuler counts = new AxisRuler(Orientation.VERTICAL);
    private final AxisRuler binAxis = new AxisRuler(Orientation.HORIZONTAL);
    private final Label title = new Label();
    private final FlowPane legend = new FlowPane(12, 4);

    /** An empty histogram. */
    public BucketHistogram() {
        setSpacing(2);
        bars.setMinHeight(MIN_BARS_HEIGHT);
        bars.setPrefHeight(MIN_BARS_HEIGHT + 30);
        GridPane grid = new GridPane();
        grid.getColumnConstraints().addAll(new ColumnConstraints(AxisRuler.VERTICAL_WIDTH), grow());
        RowConstraints barRow = new RowConstraints(MIN_BARS_HEIGHT, MIN_BARS_HEIGHT + 30, Double.MAX_VALUE);
        barRow.setVgrow(Priority.ALWAYS);
        grid.getRowConstraints().addAll(barRow, new RowConstraints(AxisRuler.HORIZONTAL_HEIGHT));
        grid.add(counts, 0, 0);
        grid.add(bars, 1, 0);
        grid.add(new Label("bin \u2192"), 0, 1);
        grid.add(binAxis, 1, 1);
        bars.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        binAxis.setMaxWidth(Double.MAX_VALUE);
        counts.setMaxHeight(Double.MAX_VALUE);
        legend.getChildren().addAll(new Label("keys in a bin", new Rectangle(12, 12, Palettes.fx(BAR))),
                new Label("the hovered query's bin", new Rectangle(12, 12, Palettes.fx(QUERY_BIN))));
        legend.setPadding(new Insets(0, 0, 0, AxisRuler.VERTICAL_WIDTH));
        title.setPadding(new Insets(0, 0, 0, AxisRuler.VERTICAL_WIDTH));
        setMinHeight(MIN_BARS_HEIGHT + AxisRuler.HORIZONTAL_HEIGHT + 40);
        getChildren().addAll(title, grid, legend);
        bars.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverBin(e.getX()));
        bars.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoverBin(-1));
    }

    private static ColumnConstraints grow() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        return c;
    }

    /**
     * Shows keys per bin (null: empty).
     *
     * @param name what the counts are, e.g. "keys per bin"
     */
    public final void setCounts(int[] c, String name) {
        bars.counts = c;
        bars.hovered = -1;
        bars.queryBin = -1;
        bars.name = name;
        int max = c == null ? 0 : java.util.Arrays.stream(c).max().orElse(0);
        // the count axis runs from max (top) to 0 (bottom): index i of max + 1 rows is the count max - i
        counts.setLabels(c == null ? 0 : max + 1, i -> Integer.toString(max - i), null);
        counts.setEdgeAligned(true);     // a count sits at the height a bar of that count reaches
        binAxis.setLabels(c == null ? 0 : c.length, Integer::toString, null);
        title.setText(c == null ? "" : name);
        bars.invalidateRaster();
    }

    /** Draws the bin of the hovered query ({@code -1}: none) black. */
    public final void setQueryBin(int bin) {
        bars.queryBin = bin;
        bars.invalidateRaster();
    }

    /** Treats x (pixels on the bars) as the mouse position: names the bin and its count in the title. */
    public final void hoverBin(double x) {
        if (bars.counts == null) {
            return;
        }
        int b = x < 0 ? -1 : Viewport.full(1, bars.counts.length).colAt(x, (int) Math.max(1, Math.floor(bars.getWidth())));
        bars.hovered = b;
        title.setText(b < 0 ? bars.name
                : String.format(Locale.ROOT, "%s: bin %d holds %d keys", bars.name, b, bars.counts[b]));
    }

    /** The title line (bin and count while hovering). */
    public final String titleText() {
        return title.getText();
    }

    /** The legend entries, in order. */
    public final List<String> legendEntries() {
        return legend.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    /** Height of the bars region now. */
    public final double barsHeight() {
        return bars.getHeight();
    }

    /** The bars. */
    private static final class Bars extends RasterView {
        private int[] counts;
        private int hovered = -1;
        private int queryBin = -1;
        private String name = "";

        @Override
        protected int[] renderPixels(int width, int height) {
            if (counts == null) {
                int[] blank = new int[width * height];
                java.util.Arrays.fill(blank, BucketRaster.BACKGROUND);
                return blank;
            }
            return BucketRaster.histogram(counts, width, height, queryBin, BAR, QUERY_BIN);
        }
    }
}
