package org.haxlab.viz.buckets;

import javafx.geometry.Orientation;
import javafx.scene.layout.VBox;
import org.haxlab.model.trace.LayerInspection;
import org.haxlab.viz.heatmap.AxisRuler;
import org.haxlab.viz.heatmap.Viewport;

import java.util.List;
import java.util.function.IntFunction;

/**
 * The axes of {@link BucketView}'s bin rows: positions (and tokens) under them, and left of them one
 * bin axis per panel naming each row's bin (by-bin layout) or the row names (by-position layout), each
 * exactly as tall as its panel.
 */
final class BucketAxes {
    private final AxisRuler positionAxis = new AxisRuler(Orientation.HORIZONTAL);
    private final VBox binAxes = new VBox(BucketRaster.GAP);
    private final String[] rowNames;

    BucketAxes(String[] rowNames) {
        this.rowNames = rowNames.clone();
        positionAxis.setMaxWidth(Double.MAX_VALUE);
    }

    AxisRuler positionAxis() {
        return positionAxis;
    }

    VBox binAxes() {
        return binAxes;
    }

    List<AxisRuler> binRulers() {
        return binAxes.getChildren().stream().map(n -> (AxisRuler) n).toList();
    }

    /**
     * Relabels every axis for the hashing(s) shown.
     *
     * @param second   the redrawn hashing or null
     * @param tokens   the sequence (token labels) or null
     * @param viewport the visible positions or null
     * @param height   the bin rows' height in pixels
     */
    void relabel(LayerInspection first, LayerInspection second, int bins, boolean byPosition, int[] tokens,
                 IntFunction<String> names, Viewport viewport, int height) {
        int n = first == null ? 0 : first.qBucket().length;
        IntFunction<String> token = tokens == null || names == null || tokens.length != n ? null
                : i -> names.apply(tokens[i]);
        positionAxis.setLabels(n, Integer::toString, token);
        if (viewport != null) {
            positionAxis.setVisible(viewport.x0(), viewport.spanX());
        }
        binAxes.getChildren().clear();
        if (first == null) {
            return;
        }
        if (byPosition) {
            AxisRuler r = new AxisRuler(Orientation.VERTICAL);
            r.setLabels(second == null ? 2 : 4, i -> rowNames[i], null);
            binAxes.getChildren().add(r);
        } else {
            for (LayerInspection in : second == null ? List.of(first) : List.of(first, second)) {
                int[] rowOf = BucketRaster.binRows(in.qBucket(), in.kBucket(), bins);
                int[] binOfRow = new int[BucketRaster.rowCount(rowOf)];
                for (int b = 0; b < rowOf.length; b++) {
                    if (rowOf[b] >= 0) {
                        binOfRow[rowOf[b]] = b;
                    }
                }
                AxisRuler r = new AxisRuler(Orientation.VERTICAL);
                r.setLabels(binOfRow.length, i -> "bin " + binOfRow[i], null);
                binAxes.getChildren().add(r);
            }
        }
        size(byPosition, height);
    }

    /** Gives each bin axis its panel's height (the panels of {@link BucketRaster#rowTop}). */
    void size(boolean byPosition, int height) {
        int n = binAxes.getChildren().size();
        if (n == 0) {
            return;
        }
        double h = byPosition ? height : BucketRaster.rowHeight(n, height);
        for (var node : binAxes.getChildren()) {
            AxisRuler r = (AxisRuler) node;
            r.setMinHeight(h);
            r.setPrefHeight(h);
            r.setMaxHeight(h);
        }
    }
}
