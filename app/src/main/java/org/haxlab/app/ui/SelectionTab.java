package org.haxlab.app.ui;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.haxlab.app.vm.InspectionViewModel;
import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.inspect.RecallDiagnosis;
import org.haxlab.model.task.Vocabulary;
import org.haxlab.model.trace.Component;
import org.haxlab.model.trace.LayerInspection;
import org.haxlab.model.trace.SelectedKey;
import org.haxlab.viz.heatmap.CellHover;
import org.haxlab.viz.heatmap.ComponentColors;
import org.haxlab.viz.heatmap.ComponentLegend;
import org.haxlab.viz.heatmap.Palettes;
import org.haxlab.viz.heatmap.SelectionMatrixView;
import org.haxlab.viz.heatmap.Viewport;
import org.haxlab.viz.selection.AlignedSelection;
import org.haxlab.viz.tokens.TokenLegend;
import org.haxlab.viz.tokens.TokenStrip;

import java.util.Comparator;
import java.util.Locale;

/**
 * "Selected keys": the selection matrix of the chosen layer (queries as rows, keys as columns,
 * colour = component, intensity = weight) with token axes, its colour bar and component legend, and the
 * token strip aligned under its columns ({@link AlignedSelection}). Hovering a query in either lights its
 * row and its keys in the strip (each in the colour of the component that chose it) and lists the exact
 * weights; a click pins it.
 */
final class SelectionTab extends BorderPane {
    /** Highlight of the active query itself (its keys take their component's colour). */
    static final int QUERY_LIGHT = Palettes.BLACK;
    /** Most of the tab's height the legends and the query's weights below the matrix may take. */
    static final double BOTTOM_SHARE = 0.3;
    /** Follows the number of keys in the hovered query's line; the keys are listed by weight. */
    static final String HEAVIEST_FIRST = " keys, heaviest first: ";

    private final InspectionViewModel vm;
    private final SelectionMatrixView matrix = new SelectionMatrixView();
    private final TokenStrip strip = new TokenStrip(Vocabulary::name);
    private final AlignedSelection aligned;
    private final Label exact = new Label(" ");
    private static final String EMPTY_TEXT = "Generate or type a valid sequence: the model runs by itself and its "
            + "selected keys appear here.";
    private final Label empty = new Label(EMPTY_TEXT);
    private final VBox side = new VBox(10);
    private boolean fromStrip;

    SelectionTab(InspectionViewModel vm) {
        this.vm = vm;
        setId("selectionTab");
        matrix.setId("selectionMatrix");
        strip.setId("tokenStrip");
        exact.setId("selectionExact");
        exact.setWrapText(true);
        empty.getStyleClass().add("placeholder-text");
        empty.setWrapText(true);
        empty.setPadding(new Insets(6));
        strip.setPrefHeight(44);
        strip.setMinHeight(36);
        aligned = new AlignedSelection(matrix, strip, Vocabulary::name);
        aligned.setId("alignedSelection");
        Label colourMeans = new Label("colour = component");
        Label intensityMeans = new Label("intensity = weight");
        for (Label l : new Label[] {colourMeans, intensityMeans}) {
            l.setMinWidth(Region.USE_PREF_SIZE);    // the side column widens rather than cutting the key
        }
        side.getChildren().setAll(matrix.createWeightBar(Component.WINDOW), colourMeans, intensityMeans);
        side.setMinWidth(Region.USE_PREF_SIZE);
        side.setPadding(new Insets(4, 4, 4, 8));
        ComponentLegend legend = new ComponentLegend();
        VBox legends = new VBox(4, new TokenLegend(), legend, exact);
        legends.setPadding(new Insets(4));
        // the matrix is the view: legends and the hovered query's weights take at most a third of the height
        // and scroll beyond it, so a short window (1280 x 720, classroom fonts) keeps the matrix readable
        ScrollPane bottom = new ScrollPane(legends);
        bottom.setId("selectionLegends");
        bottom.setFitToWidth(true);
        bottom.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        bottom.getStyleClass().add("edge-to-edge");
        bottom.maxHeightProperty().bind(heightProperty().multiply(BOTTOM_SHARE));
        HBox centre = new HBox(aligned, side);
        HBox.setHgrow(aligned, Priority.ALWAYS);
        setTop(empty);
        setCenter(centre);
        setBottom(bottom);
        matrix.hoveredCellProperty().addListener((o, was, cell) -> onMatrixHover(cell));
        strip.hoveredPositionProperty().addListener((o, was, p) -> onStripHover(p.intValue()));
        strip.setOnMouseClicked(e -> {
            int p = strip.hoveredPositionProperty().get();
            if (p >= 0 && e.getClickCount() == 1) {
                vm.pin(p);
            }
        });
        vm.currentLayerProperty().addListener((o, was, now) -> showLayer(now));
        vm.inspectionProperty().addListener((o, was, now) -> showInspection(now));
        vm.activeKeysProperty().addListener((ListChangeListener<SelectedKey>) c -> lightKeys());
        vm.activePositionProperty().addListener((o, was, now) -> lightKeys());
        showInspection(vm.inspectionProperty().get());
        showLayer(vm.currentLayerProperty().get());
    }

    private void showInspection(Inspection in) {
        aligned.setInspection(in);
        if (in != null && !in.config().sparse().pattern().components().isEmpty()) {
            // the bar in the colour of the pattern's first component (a weight's hue is its component's)
            side.getChildren().set(0, matrix.createWeightBar(in.config().sparse().pattern().components().get(0)));
        }
        boolean noBranch = in != null && !in.config().sparse().pattern().hasAttention();
        empty.setText(noBranch ? in.config().label() + " has no attention branch: no query selects a key, the state "
                + "carries everything (see State decay)." : EMPTY_TEXT);
        empty.setVisible(in == null || noBranch);
        empty.setManaged(empty.isVisible());
        lightKeys();
    }

    private void showLayer(LayerInspection layer) {
        aligned.setLayer(layer);
    }

    private void onMatrixHover(CellHover cell) {
        if (fromStrip) {
            return;
        }
        vm.hover(cell == null ? null : cell.query());
    }

    /** A query hovered in the strip: light its matrix row too (at its own diagonal cell, always causal). */
    private void onStripHover(int p) {
        vm.hover(p < 0 ? null : p);
        Viewport v = matrix.viewportProperty().get();
        fromStrip = true;
        try {
            if (p < 0 || v == null) {
                matrix.hoverAt(-1, -1);
            } else {
                int w = Math.max(1, (int) Math.floor(matrix.getWidth()));
                int h = Math.max(1, (int) Math.floor(matrix.getHeight()));
                matrix.hoverAt((p + 0.5 - v.x0()) / v.colsPerPixel(w), (p + 0.5 - v.y0()) / v.rowsPerPixel(h));
            }
        } finally {
            fromStrip = false;
        }
    }

    /** Lights the active query and the keys it read; lists them with their exact weights. */
    private void lightKeys() {
        Integer p = vm.activePositionProperty().get();
        if (p == null || vm.inspectionProperty().get() == null) {
            strip.clearHighlight();
            exact.setText(" ");
            return;
        }
        strip.clearHighlight();
        for (SelectedKey k : vm.activeKeysProperty()) {
            var c = ComponentColors.primary(k.components());
            strip.addHighlight(new int[] {k.key()}, c == null ? Palettes.BLACK : ComponentColors.of(c));
        }
        strip.addHighlight(new int[] {p}, QUERY_LIGHT);
        exact.setText(describe(p));
    }

    private String describe(int p) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "query %d (%s), layer %d: ", p,
                strip.describe(p).replaceFirst("^pos \\d+: ", ""), vm.selectedLayerProperty().get()));
        if (vm.activeKeysProperty().isEmpty()) {
            LayerInspection layer = vm.currentLayerProperty().get();
            // spec §5: under the paper variant such a row reads every position, later tokens included
            s.append(layer != null && layer.emptyRowsReadEverything()
                    ? "no keys selected: reads every position uniformly, the future included (paper variant)"
                    : "no keys selected (zero attention output)");
        } else {
            // heaviest first: in position order a trained layer's 35 keys began with a dozen weights of 0.0000
            // and the key it read (the lesson's "heaviest is position 46") was cut off behind the "…"
            s.append(vm.activeKeysProperty().size()).append(HEAVIEST_FIRST);
            int shown = 0;
            for (SelectedKey k : vm.activeKeysProperty().sorted(
                    Comparator.comparingDouble(SelectedKey::weight).reversed().thenComparingInt(SelectedKey::key))) {
                if (shown++ == 12) {
                    s.append(" …");
                    break;
                }
                s.append(String.format(Locale.ROOT, "%s%d %s %.4f", shown == 1 ? "" : ", ", k.key(),
                        Vocabulary.name(vm.inspectionProperty().get().token(k.key())), k.weight()));
            }
        }
        RecallDiagnosis d = vm.diagnosisAt(p);
        if (d != null && !d.correct()) {
            s.append("\nwrong: ").append(d.explanation());
        }
        return s.toString();
    }

    SelectionMatrixView matrix() {
        return matrix;
    }

    TokenStrip strip() {
        return strip;
    }

    AlignedSelection aligned() {
        return aligned;
    }

    String exactText() {
        return exact.getText();
    }
}
