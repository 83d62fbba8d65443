package org.haxlab.app.ui;

import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.haxlab.app.vm.InspectionViewModel;
import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.inspect.RecallDiagnosis;
import org.haxlab.model.task.Vocabulary;
import org.haxlab.model.trace.LayerInspection;
import org.haxlab.viz.decay.DecayChart;
import org.haxlab.viz.decay.DecaySeries;
import org.haxlab.viz.tokens.TokenStrip;

/**
 * "State decay" (spec §2): per-step decay exp(dt*A) per head (Mamba-2) or channel (Mamba-1), or the
 * retention from a chosen token, with the diagnosis's forgetting threshold. A click on a token in the
 * strip chooses it; pinning a wrong query chooses the position of its answer.
 */
final class DecayTab extends BorderPane {
    static final String PER_STEP = "per-step decay exp(dt*A)";
    static final String RETENTION = "retention from the chosen token";

    private final InspectionViewModel vm;
    private final DecayChart chart = new DecayChart();
    private final TokenStrip strip = new TokenStrip(Vocabulary::name);
    private final ChoiceBox<String> mode = new ChoiceBox<>();
    private final ChoiceBox<String> units = new ChoiceBox<>();
    private final Label chosen = new Label();
    private final Placeholder none = new Placeholder("Run a model on a valid sequence to see how its state decays.");
    private int token;

    DecayTab(InspectionViewModel vm) {
        this.vm = vm;
        setId("decayTab");
        chart.setId("decayChart");
        strip.setId("decayStrip");
        strip.setPrefHeight(36);
        mode.getItems().setAll(PER_STEP, RETENTION);
        mode.setValue(RETENTION);
        mode.setId("decayMode");
        units.getItems().setAll("every head / channel", "mean");
        units.setValue("every head / channel");
        CheckBox log = new CheckBox("log scale");
        log.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        log.setSelected(true);
        chart.setLogScale(true);
        log.selectedProperty().addListener((o, was, now) -> chart.setLogScale(now));
        mode.valueProperty().addListener((o, was, now) -> redraw());
        units.valueProperty().addListener((o, was, now) -> redraw());
        strip.setOnMouseClicked(e -> {
            int p = strip.hoveredPositionProperty().get();
            if (p >= 0) {
                token = p;
                mode.setValue(RETENTION);
                redraw();
            }
        });
        Controls.tip(mode, "Per-step decay: how much of the state survives one token, exp(dt*A) (spec §2). Retention:"
                + " how much of the chosen token the state still holds at every later position");
        Controls.tip(units, "One line per head (Mamba-2) or channel (Mamba-1), or their mean");
        Controls.tip(log, "Logarithmic y axis: retention falls by orders of magnitude over a long sequence");
        HBox bar = new HBox(10, mode, units, log);
        // the chosen token's sentence on a line of its own: beside the controls it ended in "..."
        chosen.setWrapText(true);
        chosen.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox top = new VBox(4, bar, chosen);
        top.setPadding(new Insets(4));
        VBox bottom = new VBox(2, new Label("Click a token to draw how much of it the state retains:"), strip);
        bottom.setPadding(new Insets(4));
        setTop(top);
        setBottom(bottom);
        vm.currentLayerProperty().addListener((o, was, now) -> show(now));
        vm.inspectionProperty().addListener((o, was, now) -> {
            if (now != null) {
                strip.setInspection(now);
            }
        });
        vm.pinnedProperty().addListener((o, was, now) -> followPinned(now));
        vm.retentionThresholdProperty().addListener((o, was, now) -> redraw());
        show(vm.currentLayerProperty().get());
    }

    /** A pinned query's answer position is the token worth following (RecallDiagnosis found it). */
    private void followPinned(Integer query) {
        if (choosePinned(query) && vm.currentLayerProperty().get() != null) {
            redraw();
        }
    }

    /**
     * Moves the chosen token to the pinned query's answer without drawing: the caller draws once the chart
     * holds the layer that position belongs to (drawing first would check a new lesson's position against
     * the previous lesson's shorter sequence).
     */
    private boolean choosePinned(Integer query) {
        RecallDiagnosis d = query == null ? null : vm.diagnosisAt(query);
        Inspection in = vm.inspectionProperty().get();
        if (d != null && d.source().found() && in != null && d.source().valuePosition() < in.length()) {
            token = d.source().valuePosition();
            if (!RETENTION.equals(mode.getValue())) {
                mode.setValue(RETENTION);   // its listener redraws, after the chart has the layer
            }
            return true;
        }
        return false;
    }

    private void show(LayerInspection layer) {
        if (layer == null || layer.decay() == null) {
            setCenter(none);
            return;
        }
        Inspection in = vm.inspectionProperty().get();
        if (token >= in.length()) {
            token = 0;
        }
        chart.setInspection(layer);   // first: the chosen token is checked against this layer's length
        choosePinned(vm.pinnedProperty().get());
        setCenter(chart);
        redraw();
    }

    private void redraw() {
        DecaySeries.Units u = "mean".equals(units.getValue()) ? DecaySeries.Units.mean() : DecaySeries.Units.perUnit();
        Inspection in = vm.inspectionProperty().get();
        if (RETENTION.equals(mode.getValue())) {
            chart.showRetentionFrom(token, u);
            chart.setThreshold(vm.retentionThresholdProperty().get());
            chosen.setText(in == null ? "" : "token " + token + " (" + Vocabulary.name(in.token(token))
                    + "); dashed: forgetting threshold " + vm.retentionThresholdProperty().get());
        } else {
            chart.showPerStepDecay(u);
            chart.setThreshold(Double.NaN);
            chosen.setText("");
        }
    }

    DecayChart chart() {
        return chart;
    }

    int chosenToken() {
        return token;
    }
}
