package org.haxlab.app.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.haxlab.app.vm.AppController;
import org.haxlab.app.vm.InspectionViewModel;
import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.trace.LayerInspection;
import org.haxlab.viz.buckets.BucketView;

/**
 * "Hash buckets": the LSH bins of the chosen layer (spec §3), and after "Redraw projection" the bins
 * before and after side by side. Patterns without LSH get a sentence saying so instead.
 */
final class BucketsTab extends BorderPane {
    private final InspectionViewModel vm;
    private final AppController controller;
    private final BucketView buckets = new BucketView();
    private final Placeholder none = new Placeholder("");

    BucketsTab(InspectionViewModel vm, AppController controller) {
        this.vm = vm;
        this.controller = controller;
        setId("bucketsTab");
        buckets.setId("bucketView");
        Button redraw = Controls.tip(new Button("Redraw projection"),
                "Draw a new Gaussian LSH projection (new seed) and run again: the view shows the bins before and after");
        redraw.setId("redrawProjection");
        redraw.setOnAction(e -> controller.redrawProjection());
        redraw.disableProperty().bind(vm.inspectionProperty().isNull());
        Label hint = new Label("Hover a position: its query's bin lights up, the earlier keys in that bin turn black.");
        redraw.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);   // the button keeps its name
        hint.setWrapText(true);                                          // the hint wraps instead of "…"
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox top = new HBox(12, redraw, hint);
        top.setPadding(new Insets(4));
        setTop(top);
        vm.currentLayerProperty().addListener((o, was, now) -> refresh());
        vm.pinnedProperty().addListener((o, was, now) -> showPinned());
        // the first layout gives the strip its width: only then can the pinned query's links be placed
        buckets.widthProperty().addListener((o, was, now) -> showPinned());
        controller.beforeRedrawProperty().addListener((o, was, now) -> refresh());
        refresh();
    }

    private void refresh() {
        LayerInspection layer = vm.currentLayerProperty().get();
        if (layer == null) {
            none.setMessage("Run a model on a valid sequence to see its LSH buckets.");
            setCenter(none);
            return;
        }
        if (!layer.hasBuckets()) {
            Inspection in = vm.inspectionProperty().get();
            none.setMessage("No hash buckets: " + in.config().label() + " has no LSH component. Choose LSH or HAX "
                    + "in the model bar to see how queries and keys are hashed into bins.");
            setCenter(none);
            return;
        }
        Inspection before = controller.beforeRedrawProperty().get();
        LayerInspection old = before == null || layer.layer() >= before.layers().size() ? null
                : before.layers().get(layer.layer());
        if (old != null) {
            buckets.setInspections(old, layer);
        } else {
            buckets.setInspection(layer);
        }
        Inspection in = vm.inspectionProperty().get();
        buckets.setTokens(in == null ? null : in.tokens(), org.haxlab.model.task.Vocabulary::name);
        setCenter(buckets);
        showPinned();
    }

    /** Draws the pinned query's bin links as if hovered (after layout, when the strip has its size). */
    private void showPinned() {
        Integer p = vm.pinnedProperty().get();
        LayerInspection layer = vm.currentLayerProperty().get();
        if (p == null || layer == null || !layer.hasBuckets() || p >= layer.qBucket().length) {
            return;
        }
        javafx.application.Platform.runLater(() -> buckets.hoverPosition(p));
    }

    BucketView bucketView() {
        return buckets;
    }
}
