package org.haxlab.app.vm.training;

import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.train.RunRecord;
import org.haxlab.model.train.StepEvent;

import java.util.concurrent.CompletionException;

/**
 * What the model thread tells the FX thread, in order, through one queue (never coalesced: every step
 * reaches the curves). The view model drains the queue once per frame.
 */
public sealed interface TrainingUpdate {

    /** A step completed (with its validation, if one ran). */
    record Step(StepEvent event) implements TrainingUpdate {
    }

    /**
     * The run's status changed.
     *
     * @param status  the new status
     * @param message what to tell the user (empty when nothing to add)
     */
    record Status(TrainingStatus status, String message) implements TrainingUpdate {
    }

    /**
     * A new model is in place (built, rebuilt on reset, or loaded); curves restart.
     *
     * @param model  the live model (owned by the model thread; read it only through model work)
     * @param step   steps its weights have seen (0 when freshly initialised, the record's step when loaded)
     * @param loaded the checkpoint record it was loaded from, or null
     */
    record ModelReady(SequenceModel model, int step, RunRecord loaded) implements TrainingUpdate {
    }

    /**
     * A side job finished (a save, a load) or failed.
     *
     * @param text  what happened
     * @param error true for a failure
     */
    record Notice(String text, boolean error) implements TrainingUpdate {

        /** The failure notice "{@code what}: reason", the reason read through a future's completion wrapper. */
        public static Notice failed(String what, Throwable e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            return new Notice(what + ": " + cause.getMessage(), true);
        }
    }
}
