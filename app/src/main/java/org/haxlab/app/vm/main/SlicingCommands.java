package org.haxlab.app.vm.main;

import org.haxlab.app.vm.View;
import org.haxlab.app.vm.slicing.SliceExample;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.SequenceText;
import org.haxlab.model.task.TaskConfig;

/**
 * The failure slicing's commands on the window: run the model in view on generated sequences of the
 * zoo's grid (or around the generator's table size), and open a slice's example query.
 */
public final class SlicingCommands {
    private final MainViewModel vm;

    SlicingCommands(MainViewModel vm) {
        this.vm = vm;
    }

    /** Runs the failure slicing of the model in view on generated sequences like the current one. */
    public void run(int samples) {
        TaskConfig t;
        try {
            t = vm.sequence().taskConfig();
        } catch (IllegalArgumentException e) {
            vm.status().failed("Failure slicing: the generator settings do not make a task: " + e.getMessage());
            return;
        }
        // a spread of table sizes, so the size slices compare something: the zoo's grid, else up to the generator's
        int minC = vm.zoo() != null ? vm.zoo().grid().minContexts() : t.levels() == 1 ? 1 : Math.max(1, t.maxContexts() - 2);
        int maxC = vm.zoo() != null ? vm.zoo().grid().maxContexts() : t.maxContexts();
        int minK = vm.zoo() != null ? vm.zoo().grid().minKeys() : Math.max(1, t.maxKeys() - 2);
        int maxK = vm.zoo() != null ? vm.zoo().grid().maxKeys() : t.maxKeys();
        if (t.levels() == 1) {
            minC = 1;
            maxC = 1;
        }
        vm.slicing().run(vm.controller().wantedSlot(), new TaskConfig(minC, maxC, minK, maxK, t.values(), 0, t.seed(), t.variant(),
                t.levels()), samples, vm.modelBar().deviceProperty().get());
    }

    /** Opens a slicing example: its sequence in the editor, its query pinned, the diagnosis in view. */
    public void open(SliceExample example) {
        if (example == null) {
            return;
        }
        vm.inspection().pin(null);
        // the pin waits for the example's inspection (the run is asynchronous in the app)
        javafx.beans.value.ChangeListener<RecallSequence> pinOnArrival = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends RecallSequence> o, RecallSequence was,
                                RecallSequence now) {
                if (now != null && now.equals(exampleSequence(example))) {
                    o.removeListener(this);
                    vm.inspection().pin(example.query());
                }
            }
        };
        vm.inspection().sequenceProperty().addListener(pinOnArrival);
        vm.sequence().setText(example.text());
        RecallSequence shown = vm.inspection().sequenceProperty().get();
        if (shown != null && shown.equals(exampleSequence(example))) {
            vm.inspection().sequenceProperty().removeListener(pinOnArrival);   // already shown: no new run will come
            vm.inspection().pin(example.query());
        }
        vm.selectView(View.DIAGNOSIS);
    }

    private static RecallSequence exampleSequence(SliceExample example) {
        return SequenceText.parse(example.text()).sequence();
    }
}
