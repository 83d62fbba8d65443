package org.haxlab.app.scenario;

import org.haxlab.app.vm.CompareViewModel;
import org.haxlab.app.vm.InspectionViewModel;
import org.haxlab.app.vm.ModelBarViewModel;
import org.haxlab.app.vm.ModelSlot;
import org.haxlab.app.vm.SequenceViewModel;
import org.haxlab.model.nn.ModelConfig;

import java.util.List;

/** Moves a {@link Scenario} into the view models and back, so the window only wires menus to files. */
public final class ScenarioState {

    private ScenarioState() {
    }

    /**
     * The scenario the view models show now.
     *
     * @param models the models to save (with their checkpoints), or null for the model bar's config alone
     * @throws IllegalStateException when {@code models} is null and the model bar holds no valid config
     */
    public static Scenario capture(String title, String note, SequenceViewModel sequence, ModelBarViewModel bar,
                                   InspectionViewModel view, List<ModelSlot> models) {
        List<ModelSlot> slots = models;
        if (slots == null) {
            ModelConfig c = bar.configProperty().get();
            if (c == null) {
                throw new IllegalStateException("the model bar holds no valid model: " + bar.errorProperty().get());
            }
            slots = List.of(ModelSlot.of(c));
        }
        ViewState state = new ViewState(view.tabProperty().get(), bar.selectedLayerProperty().get(),
                view.hoveredProperty().get(), view.pinnedProperty().get(), view.zoomProperty().get());
        return new Scenario(title, note, sequence.textProperty().get(), slots, state, bar.classroomProperty().get());
    }

    /**
     * Shows {@code s}: its text in the sequence editor, its first model in the model bar, its view state
     * and classroom flag. The inspection itself is cleared: the window runs the model again.
     */
    public static void apply(Scenario s, SequenceViewModel sequence, ModelBarViewModel bar, InspectionViewModel view) {
        sequence.setText(s.sequence());
        bar.apply(s.models().get(0).config());
        bar.setClassroom(s.classroom());
        bar.selectLayer(Math.min(s.view().layer(), bar.layersProperty().get() - 1));
        view.clear();
        view.selectTab(s.view().tab());
        view.setZoom(s.view().zoom());
        view.selectLayer(bar.selectedLayerProperty().get());
        view.pin(s.view().pinnedQuery());
        view.hover(s.view().hoveredQuery());
    }

    /** A comparison of the scenario's models, or null when it holds only one. */
    public static CompareViewModel compare(Scenario s) {
        return s.models().size() < CompareViewModel.MIN_SLOTS ? null : new CompareViewModel(s.models());
    }
}
