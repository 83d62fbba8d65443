package org.haxlab.app.ui;

import javafx.scene.layout.BorderPane;
import org.haxlab.app.vm.InspectionViewModel;
import org.haxlab.model.trace.LayerInspection;
import org.haxlab.viz.charts.SparsityChart;

/** "Sparsity": keys per query by component and budget use of the chosen layer (spec §3: at most k keys per query). */
final class SparsityTab extends BorderPane {
    private final InspectionViewModel vm;
    private final SparsityChart chart = new SparsityChart();
    private final Placeholder none = new Placeholder("");

    SparsityTab(InspectionViewModel vm) {
        this.vm = vm;
        setId("sparsityTab");
        chart.setId("sparsityChart");
        vm.currentLayerProperty().addListener((o, was, now) -> show(now));
        show(vm.currentLayerProperty().get());
    }

    private void show(LayerInspection layer) {
        if (layer == null) {
            none.setMessage("Run a model on a valid sequence to see how many keys each query keeps.");
            setCenter(none);
        } else if (layer.selection() == null || !vm.inspectionProperty().get().config().sparse().pattern().hasAttention()) {
            none.setMessage("No sparse attention: " + vm.inspectionProperty().get().config().label()
                    + " keeps no keys (its state carries everything).");
            setCenter(none);
        } else {
            chart.setInspection(layer, vm.inspectionProperty().get().config().sparse());
            setCenter(chart);
        }
    }

    SparsityChart chart() {
        return chart;
    }
}
