package org.haxlab.model.train;

import com.google.gson.JsonObject;
import org.haxlab.model.nn.SequenceModel;

import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Saves a run's checkpoints while it trains: {@value CheckpointStore#BEST}/ at every new best validation
 * accuracy and {@value CheckpointStore#LAST}/ when the run ends (also after a divergence: the trainer has
 * then restored the last good weights). A failed save fails the run (a run that cannot keep its weights
 * should not go on silently).
 */
public final class CheckpointWriter implements TrainingListener {

    private final Path runDir;
    private final SequenceModel model;
    private final CheckpointStore store;
    private final JsonObject task;
    private final TrainingConfig training;
    private StepEvent last;
    private ValidationEvent lastValidation;

    /**
     * @param runDir   the run directory (best/ and last/ go inside)
     * @param model    the model being trained
     * @param store    the store that writes
     * @param task     the task description for the run record
     * @param training the run's training settings
     */
    public CheckpointWriter(Path runDir, SequenceModel model, CheckpointStore store, JsonObject task,
                            TrainingConfig training) {
        this.runDir = runDir;
        this.model = model;
        this.store = store;
        this.task = task;
        this.training = training;
    }

    @Override
    public void onStep(StepEvent e) {
        last = e;
        if (e.validation() != null) {
            lastValidation = e.validation();
            if (e.validation().best()) {
                save(CheckpointStore.BEST, e.step());
            }
        }
    }

    @Override
    public void onFinished(RunSummary summary) {
        if (last != null && summary.state() != RunState.FAILED) {
            save(CheckpointStore.LAST, summary.steps());
        }
    }

    private void save(String name, int step) {
        RunRecord record = RunRecord.of(model.config(), task, training.toJson(),
                RunRecord.seeds(model.config().initSeed(), training.seed()), step,
                RunRecord.metrics(last, lastValidation));
        try {
            store.save(runDir.resolve(name), model, record);
        } catch (CheckpointException e) {
            throw new UncheckedIOException(new java.io.IOException(e.getMessage(), e));
        }
    }
}
