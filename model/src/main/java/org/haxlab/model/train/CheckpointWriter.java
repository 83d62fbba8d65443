package org.haxlab.model.train;

import com.google.gson.JsonObject;
import org.haxlab.model.nn.SequenceModel;

import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Saves a run's checkpoints while it trains: {@value CheckpointStore#BEST}/ at every new best validation
 * accuracy, and {@value CheckpointStore#LAST}/ at every {@link TrainingListener#onCheckpoint} (each
 * {@link Trainer#checkpointEvery} steps and when the run ends) with everything a resume needs. After a
 * divergence {@value CheckpointStore#LAST}/ holds the last good weights the trainer restored, without a
 * resume state (continuing would diverge again). A failed save fails the run (a run that cannot keep its
 * weights should not go on silently).
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
                save(CheckpointStore.BEST, e.step(), null);
            }
        }
    }

    @Override
    public void onCheckpoint(TrainingSnapshot snapshot) {
        save(CheckpointStore.LAST, snapshot.state().step(), snapshot);
    }

    @Override
    public void onFinished(RunSummary summary) {
        if (last != null && summary.state() == RunState.DIVERGED) {
            save(CheckpointStore.LAST, summary.steps(), null);
        }
    }

    private void save(String name, int step, TrainingSnapshot snapshot) {
        RunRecord record = RunRecord.of(model.config(), task, training.toJson(),
                RunRecord.seeds(model.config().initSeed(), training.seed()), step,
                RunRecord.metrics(last, lastValidation));
        try {
            store.save(runDir.resolve(name), model, record, snapshot);
        } catch (CheckpointException e) {
            throw new UncheckedIOException(new java.io.IOException(e.getMessage(), e));
        }
    }
}
