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
        // controls keep their text; the description of the chosen token wraps below them when narrow
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {mode, units, log}) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        chosen.setWrapText(true);
        chosen.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox controls = new HBox(10, mode, units, log);
        controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox bar = new VBox(4, controls, chosen);
        bar.setPadding(new Insets(4));
        VBox bottom = new VBox(2, new Label("Click a token to draw how much of it the state retains:"), strip);
        bottom.setPadding(new Insets(4));
        setTop(bar);
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
        RecallDiagnosis d = query == null ? null : vm.diagnosisAt(query);
        if (d != null && d.source().found()) {
            token = d.source().valuePosition();
            mode.setValue(RETENTION);
            redraw();
        }
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
        followPinned(vm.pinnedProperty().get());
        chart.setInspection(layer);
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
