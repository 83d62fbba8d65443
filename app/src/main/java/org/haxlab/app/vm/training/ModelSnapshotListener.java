package org.haxlab.app.vm.training;

import org.haxlab.model.nn.SequenceModel;

/**
 * Hears the live model between training steps, ON THE MODEL THREAD, so that views can be refreshed from
 * the model being trained without racing the optimiser (e.g. run the Inspector and hand its records to
 * the FX thread). Called at most once per period while running, and once whenever the run pauses or ends
 * or a new model is put in place. Must return promptly: training waits meanwhile.
 */
@FunctionalInterface
public interface ModelSnapshotListener {

    /**
     * @param model the live model; valid only during this call (it may be closed on a later reset)
     * @param step  optimiser steps done so far in the current run (0 for a fresh or loaded model)
     */
    void onSnapshot(SequenceModel model, int step);
}
