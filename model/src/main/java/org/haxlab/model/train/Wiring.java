package org.haxlab.model.train;

import org.haxlab.model.nn.HaxModel;
import org.haxlab.model.task.JointRecallTask;
import org.haxlab.model.task.TaskConfig;
import org.haxlab.model.task.Variant;
import org.haxlab.model.task.Vocabulary;

import java.util.SplittableRandom;

/**
 * The one place that names the concrete model and task behind {@link ModelFactory} and
 * {@link TaskFactory} for the CLI and the app.
 *
 */
public final class Wiring {

    private Wiring() {
    }

    /** The model of spec §2-3 ({@link HaxModel}). */
    public static ModelFactory models() {
        return HaxModel::new;
    }

    /**
     * The joint-recall generator of spec §1: n_c and n_k uniform over the spec's ranges, 16 values,
     * every draw a function of the trainer's {@link java.util.Random} only.
     */
    public static TaskFactory tasks() {
        return spec -> {
            TaskConfig config = new TaskConfig(spec.minContexts(), spec.maxContexts(), spec.minKeys(), spec.maxKeys(),
                    Vocabulary.SLOTS, 0, 0L, Variant.MQJR, 2);
            JointRecallTask task = new JointRecallTask(config);
            return rng -> {
                int nc = spec.minContexts() + rng.nextInt(spec.maxContexts() - spec.minContexts() + 1);
                int nk = spec.minKeys() + rng.nextInt(spec.maxKeys() - spec.minKeys() + 1);
                return task.generate(nc, nk, new SplittableRandom(rng.nextLong()));
            };
        };
    }
}
