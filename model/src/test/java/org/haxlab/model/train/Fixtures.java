package org.haxlab.model.train;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.haxlab.model.task.RecallSequence;

import java.util.List;
import java.util.Random;

/** Shared helpers for the trainer tests. */
final class Fixtures {

    static final TaskSpec SPEC = new TaskSpec(1, 2, 2, 3);

    static {
        // tiny arrays: one intra-op thread avoids OpenMP spin-waiting on a shared, oversubscribed machine
        ai.djl.engine.Engine.getEngine("PyTorch");
        ai.djl.pytorch.jni.JniUtils.setNumThreads(1);
    }

    private Fixtures() {
    }

    static TinyRecallModel model(NDManager manager, long seed) {
        return new TinyRecallModel(TinyRecallModel.config(16, seed), manager, Device.cpu());
    }

    static List<RecallSequence> heldOut(int n) {
        return new RecallFixture(SPEC).sample(n, new Random(99));
    }

    static TrainingConfig config(int steps, double lr) {
        return new TrainingConfig(steps, 8, lr, 5, Schedule.CONSTANT, 0.01, 1.0, 0.1, 0, 0, 7L);
    }
}
