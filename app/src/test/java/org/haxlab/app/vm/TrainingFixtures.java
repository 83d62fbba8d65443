package org.haxlab.app.vm;

import org.haxlab.app.vm.training.TrainingSetting;

/** Shared settings of the training tests. */
public final class TrainingFixtures {

    static {
        // tiny arrays: one intra-op thread avoids OpenMP spin-waiting on a shared, oversubscribed machine
        ai.djl.engine.Engine.getEngine("PyTorch");
        ai.djl.pytorch.jni.JniUtils.setNumThreads(1);
    }

    private TrainingFixtures() {
    }

    /** The tests' tiny run: Mamba-2 +HAX k=8, d_model 16, one layer, n_c = n_k = 2, batch 4, 200 steps, seed 7. */
    public static void tiny(TrainingViewModel vm) {
        vm.setSetting(TrainingSetting.D_MODEL, 16);
        vm.setSetting(TrainingSetting.LAYERS, 1);
        vm.setSetting(TrainingSetting.BUDGET, 8);
        vm.setSetting(TrainingSetting.BATCH, 4);
        vm.setSetting(TrainingSetting.STEPS, 200);
        vm.setSetting(TrainingSetting.WARMUP, 5);
        vm.setSetting(TrainingSetting.LEARNING_RATE, 1e-3);
        vm.setSetting(TrainingSetting.MIN_CONTEXTS, 2);
        vm.setSetting(TrainingSetting.MAX_CONTEXTS, 2);
        vm.setSetting(TrainingSetting.MIN_KEYS, 2);
        vm.setSetting(TrainingSetting.MAX_KEYS, 2);
        vm.setSetting(TrainingSetting.VALIDATE_EVERY, 2);
        vm.setSetting(TrainingSetting.VAL_SAMPLES, 4);
        vm.setSetting(TrainingSetting.SEED, 7L);
    }
}
