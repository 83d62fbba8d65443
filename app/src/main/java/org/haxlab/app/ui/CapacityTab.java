package org.haxlab.app.ui;

import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.haxlab.app.vm.CapacityViewModel;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.train.CapacityPoint;
import org.haxlab.viz.charts.CapacityBound;
import org.haxlab.viz.charts.CapacityChart;

/**
 * "Capacity" (spec §1, theory): measured accuracy of the models against n = n_c * n_k, with the bound
 * 2^b / |V|^n for the state of the first model. Measuring is a button: it evaluates generated
 * sequences on the model thread.
 */
final class CapacityTab extends BorderPane {
    private final CapacityViewModel vm;
    private final CapacityChart chart = new CapacityChart();
    private final Label note = new Label();

    CapacityTab(CapacityViewModel vm, Runnable measure) {
        this.vm = vm;
        setId("capacityTab");
        chart.setId("capacityChart");
        Button run = Controls.tip(new Button("Measure"), "Evaluate the model bar's model (and the compared models) on "
                + CapacityViewModel.SAMPLES + " generated MQJR sequences at each of " + CapacityViewModel.SIZES.size()
                + " table sizes");
        run.setId("measureCapacity");
        run.setOnAction(e -> measure.run());
        note.setWrapText(true);
        note.setId("capacityNote");
        VBox top = new VBox(6, run, note);
        top.setPadding(new Insets(4));
        setTop(top);
        setCenter(chart);
        vm.pointsProperty().addListener((ListChangeListener<CapacityPoint>) c -> refresh());
        vm.boundModelProperty().addListener((o, was, now) -> refresh());
        refresh();
    }

    private void refresh() {
        int maxN = 1;
        for (CapacityPoint p : vm.pointsProperty()) {
            maxN = Math.max(maxN, p.n());
        }
        chart.setPoints(List.copyOf(vm.pointsProperty()));
        ModelConfig c = vm.boundModelProperty().get();
        if (c == null) {
            chart.setBound(Double.NaN, CapacityViewModel.VALUES);
            note.setText("Press Measure: accuracy at n = n_c x n_k from 2 to 64 (|V| = 16, " + CapacityViewModel.SAMPLES
                    + " sequences each). An answer counts when the most likely of all tokens is the right value, so "
                    + "an untrained model lands between chance among the 16 values and chance among all tokens.");
            return;
        }
        long floats = CapacityViewModel.stateFloats(c);
        double bits = CapacityViewModel.stateBits(c);
        chart.setBound(bits, CapacityViewModel.VALUES);
        chart.setAnswerTokens(c.vocabSize());
        // the renderer keeps per-series strokes across refreshes: the bound's dashes (series 0 while no
        // model was measured) would stick to the first model's line, so the models get solid lines here
        var renderer = chart.chart().getXYPlot().getRenderer();
        long models = vm.pointsProperty().stream().map(CapacityPoint::model).distinct().count();
        for (int i = 0; i < models; i++) {
            renderer.setSeriesStroke(i, new java.awt.BasicStroke(2f));
        }
        chart.chart().getXYPlot().getDomainAxis().setRange(0, maxN * 1.1 + 1);
        double breakEven = CapacityBound.breakEven(bits, CapacityViewModel.VALUES);
        note.setText(String.format(Locale.ROOT, "Bound for %s (spec §1): b = 32 bits x %d state floats (%d layers x "
                        + "d_inner %d x N %d) = %.0f bits, so 2^b/|V|^n = 1 for every n below b / log2|V| = %.0f%s. "
                        + "It is an upper limit only: 32 bits per float overstates what a trained state holds, and "
                        + "staying under it proves nothing. Chance: an answer counts when the argmax over all %d "
                        + "tokens is the right value, so an untrained model sits between 1/%d (any token) and 1/%d "
                        + "(a value). Desktop estimate: %d sequences per point.", c.label(), floats, c.layers(),
                c.dInner(), c.dState(), bits, breakEven, breakEven > maxN ? ", far beyond the sizes measured here" : "",
                c.vocabSize(), c.vocabSize(), CapacityViewModel.VALUES, CapacityViewModel.SAMPLES));
    }

    CapacityChart chart() {
        return chart;
    }
}
