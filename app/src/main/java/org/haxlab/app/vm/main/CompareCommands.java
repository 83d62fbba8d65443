package org.haxlab.app.vm.main;

import org.haxlab.app.vm.CompareRunner;
import org.haxlab.app.vm.ModelSlot;

/**
 * The Compare view's commands on the window: which models sit in the compare slots, and running them all on
 * the sequence in view (each on the model thread, one after another).
 */
public final class CompareCommands implements AutoCloseable {
    private final MainViewModel vm;
    private final CompareRunner runner;

    CompareCommands(MainViewModel vm, CompareRunner runner) {
        this.vm = vm;
        this.runner = runner;
    }

    /** Runs the compared models on the sequence in view. */
    public void run() {
        runner.run(vm.sequence().parsedProperty().get(), vm.modelBar().deviceProperty().get());
    }

    /** Puts the three default models of the model bar's backbone in the compare slots and runs them. */
    public void defaults() {
        CompareSlots.setAll(vm.compare(),
                CompareRunner.defaultSlots(vm.modelBar().backboneProperty().get(), vm.modelBar().seed()));
        run();
    }

    /** Puts the model in view into the last compare slot and runs them. */
    public void addModelInView() {
        ModelSlot slot = vm.controller().wantedSlot();
        if (slot == null) {
            vm.status().failed("Compare: the model bar holds no valid model: " + vm.modelBar().errorProperty().get());
            return;
        }
        vm.compare().setSlot(vm.compare().slotsProperty().size() - 1, slot);
        run();
    }

    /** Stops the compare runs still queued. */
    @Override
    public void close() {
        runner.close();
    }
}
