package org.haxlab.model.train;

/**
 * Receives a run's events, on the training thread, between steps (so the weights are consistent and
 * may be read or saved). Every method has an empty default: implement only what you need. A UI
 * hands the records to its own thread (e.g. {@code Platform.runLater}); do not block here for long.
 */
public interface TrainingListener {

    /** After every step; at validation steps {@link StepEvent#validation()} is set (and was sent first). */
    default void onStep(StepEvent event) {
    }

    /** After each validation on the held-out split. */
    default void onValidation(ValidationEvent event) {
    }

    /** When the run starts running, pauses, resumes or ends. */
    default void onStateChange(RunState state) {
    }

    /**
     * At every checkpoint interval ({@link Trainer#checkpointEvery}) and once when the run ends (finished,
     * stopped or diverged; before {@link #onFinished}), with the run's complete state; the weights are the
     * model's params at that moment. Saving it makes the run resumable ({@link CheckpointWriter}).
     */
    default void onCheckpoint(TrainingSnapshot snapshot) {
    }

    /** Once, at the end of every run, whatever the reason. */
    default void onFinished(RunSummary summary) {
    }

    /**
     * When the run fails or diverges, before {@link #onFinished}; {@code error} is a
     * {@link DivergenceException} on divergence.
     */
    default void onError(Throwable error) {
    }
}
