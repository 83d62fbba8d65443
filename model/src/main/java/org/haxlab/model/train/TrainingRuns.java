package org.haxlab.model.train;

import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.Split;

import java.util.List;

/**
 * The one place a training run's data and {@link Trainer} are put together from its settings, so that the
 * {@code train} command (and through it {@code table} and {@code sweep}) and the GUI train on the same
 * sequences from the same seed. What differs between them (listeners, checkpoints, test splits) stays with
 * the caller.
 */
public final class TrainingRuns {

    private TrainingRuns() {
    }

    /**
     * The data of one run: the task's training generator and the validation sequences it is checked on.
     *
     * @param source  draws training sequences
     * @param heldOut the validation set; empty when the run does not validate
     */
    public record Data(SequenceSource source, List<RecallSequence> heldOut) {

        /** A trainer for {@code model} on this data; the caller adds its listeners. */
        public Trainer trainer(SequenceModel model, TrainingConfig config) {
            return new Trainer(model, config, source, heldOut);
        }
    }

    /**
     * The task's generator and, when the run validates, {@code valSamples} held-out sequences drawn from the
     * validation split's own seed (the trainer redraws any training sequence that falls in it).
     */
    public static Data data(TaskFactory tasks, TaskSpec task, TrainingConfig config, int valSamples) {
        SequenceSource source = tasks.create(task);
        List<RecallSequence> heldOut = config.validateEvery() > 0
                ? source.sample(valSamples, SequenceSource.heldOutRandom(Split.VALIDATION, config.seed()))
                : List.of();
        return new Data(source, heldOut);
    }
}
