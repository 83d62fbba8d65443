package org.haxlab.viz.selection;

import javafx.geometry.HPos;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.trace.LayerInspection;
import org.haxlab.viz.heatmap.AxisRuler;
import org.haxlab.viz.heatmap.SelectionMatrixView;
import org.haxlab.viz.heatmap.Viewport;
import org.haxlab.viz.tokens.TokenStrip;

import java.util.function.IntFunction;

/**
 * The selection matrix with its axes and the token strip laid out on one grid, so that the strip's
 * cell i sits exactly under column i (same x and same width as the matrix) at every zoom and pan:
 *
 * <pre>
 *   query axis | matrix
 *   (corner)   | key axis
 *   "tokens"   | token strip
 * </pre>
 *
 * The axes label each visible position with its token once the cells are wide enough and fall back
 * to round position steps below that. The strip follows the matrix's visible columns; scrolling on the
 * strip zooms the matrix around the same column, a double-click on it shows the whole matrix again.
 */
public class AlignedSelection extends GridPane {
    private final SelectionMatrixView matrix;
    private final TokenStrip strip;
    private final AxisRuler keyAxis = new AxisRuler(Orientation.HORIZONTAL);
    private final AxisRuler queryAxis = new AxisRuler(Orientation.VERTICAL);
    private final IntFunction<String> names;
    private int[] tokens = new int[0];

    /**
     * Lays out {@code matrix} and {@code strip} (both owned by this grid from now on).
     *
     * @param names token id to text, as the strip prints it
     */
    public AlignedSelection(SelectionMatrixView matrix, TokenStrip strip, IntFunction<String> names) {
        if (matrix == null || strip == null || names == null) {
            throw new IllegalArgumentException("aligned selection: matrix, strip and token names are required");
        }
        this.matrix = matrix;
        this.strip = strip;
        this.names = names;
        ColumnConstraints axisColumn = new ColumnConstraints(AxisRuler.VERTICAL_WIDTH);
        ColumnConstraints body = new ColumnConstraints();
        body.setHgrow(Priority.ALWAYS);
        body.setFillWidth(true);
        getColumnConstraints().addAll(axisColumn, body);
        RowConstraints matrixRow = new RowConstraints();
        matrixRow.setVgrow(Priority.ALWAYS);
        matrixRow.setFillHeight(true);
        RowConstraints axisRow = new RowConstraints(AxisRuler.HORIZONTAL_HEIGHT);
        RowConstraints stripRow = new RowConstraints(strip.getPrefHeight(), strip.getPrefHeight(), strip.getPrefHeight());
        getRowConstraints().addAll(matrixRow, axisRow, stripRow);
        Label corner = new Label("query \u2191\nkey \u2192");
        Label tokensTitle = new Label("tokens");
        for (Label l : new Label[] {corner, tokensTitle}) {
            l.getStyleClass().add("axis-title");
            l.setStyle("-fx-font-size: 10px;");
            l.setMinSize(Label.USE_PREF_SIZE, Label.USE_PREF_SIZE);
            l.setPadding(new javafx.geometry.Insets(2, 4, 0, 0));
        }
        GridPane.setHalignment(corner, HPos.RIGHT);
        GridPane.setHalignment(tokensTitle, HPos.RIGHT);
        GridPane.setValignment(corner, VPos.TOP);
        add(queryAxis, 0, 0);
        add(matrix, 1, 0);
        add(corner, 0, 1);
        add(keyAxis, 1, 1);
        add(tokensTitle, 0, 2);
        add(strip, 1, 2);
        matrix.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        strip.setMaxWidth(Double.MAX_VALUE);
        keyAxis.setMaxWidth(Double.MAX_VALUE);
        queryAxis.setMaxHeight(Double.MAX_VALUE);
        matrix.viewportProperty().addListener((o, was, v) -> follow(v));
        strip.addEventFilter(ScrollEvent.SCROLL, this::zoomFromStrip);
        strip.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getClickCount() == 2) {
                matrix.resetView();
            }
        });
    }

    /** Shows the tokens and answers of an inspection in the strip and on the axes. */
    public final void setInspection(Inspection inspection) {
        if (inspection == null) {
            strip.setTokens(new int[0]);
            tokens = new int[0];
        } else {
            strip.setInspection(inspection);
            tokens = inspection.tokens().clone();
        }
        relabel();
    }

    /** Shows one layer's selection in the matrix (zoom resets). */
    public final void setLayer(LayerInspection layer) {
        matrix.setInspection(layer);
        relabel();
    }

    /** The axis under the matrix (keys). */
    public final AxisRuler keyAxis() {
        return keyAxis;
    }

    /** The axis left of the matrix (queries). */
    public final AxisRuler queryAxis() {
        return queryAxis;
    }

    private void relabel() {
        Viewport v = matrix.viewportProperty().get();
        int n = v == null ? 0 : v.cols();
        IntFunction<String> token = i -> i < tokens.length ? names.apply(tokens[i]) : "";
        keyAxis.setLabels(n, Integer::toString, token);
        queryAxis.setLabels(n, Integer::toString, token);
        follow(v);
    }

    private void follow(Viewport v) {
        if (v == null) {
            strip.followColumns(0, 0);
            return;
        }
        keyAxis.setVisible(v.x0(), v.spanX());
        queryAxis.setVisible(v.y0(), v.spanY());
        if (strip.viewport() != null && strip.viewport().cols() == v.cols()) {
            strip.followColumns(v.x0(), v.spanX());
        }
    }

    private void zoomFromStrip(ScrollEvent e) {
        Viewport v = matrix.viewportProperty().get();
        if (v == null || e.getDeltaY() == 0) {
            return;
        }
        // keep the column under the mouse in place, and the rows centred where they are
        matrix.zoomAt(e.getX(), matrix.getHeight() / 2, Math.pow(1.25, e.getDeltaY() / 40.0));
        e.consume();
    }
}
