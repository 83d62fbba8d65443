package org.haxlab.app.vm.training;

import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.trace.Backbone;

/**
 * Classroom presets: the same Mamba-2, task and run, once as the plain SSM and once with the HAX branch,
 * so that a teacher can show the fixed-size state forgetting associations that HAX's sparse attention
 * recalls (the paper's Table 1 contrast, on a grid small enough for a laptop). {@link #CUSTOM} is
 * whatever the sheet holds.
 */
public enum Preset {
    /** Mamba-2 without a sparse branch on a task with many associations per sequence. */
    SSM_FORGETS("SSM forgets", Pattern.NONE),
    /** The same model and task with the HAX branch (LSH + key selection, k = 64). */
    HAX_RECALLS("HAX recalls", Pattern.HAX),
    /** The settings as edited. */
    CUSTOM("Custom", null);

    private final String label;
    private final Pattern pattern;

    Preset(String label, Pattern pattern) {
        this.label = label;
        this.pattern = pattern;
    }

    /** Name in the chooser. */
    public String label() {
        return label;
    }

    /**
     * {@code base} with this preset's model and task; the seed is kept (two presets on one seed differ
     * only in the pattern). {@link #CUSTOM} returns {@code base}.
     */
    public TrainingSettings apply(TrainingSettings base) {
        if (pattern == null) {
            return base;
        }
        // n_c in 3..6 and n_k in 2..4: up to 24 associations in sequences of at most 110 tokens (spec §1
        // length formula), more than the SSM's state keeps apart in a short run while a CPU step stays short.
        // Not yet checked by a full run of both presets (see docs/UI_RESPONSIVENESS.md for step times)
        return base.with(TrainingSetting.BACKBONE, Backbone.MAMBA2)
                .with(TrainingSetting.PATTERN, pattern)
                .with(TrainingSetting.BUDGET, 64)
                .with(TrainingSetting.HASH_BITS, 8)
                .with(TrainingSetting.VARIANT, org.haxlab.model.sparse.SparseConfig.Variant.CAUSAL)
                .with(TrainingSetting.D_MODEL, 64)
                .with(TrainingSetting.LAYERS, 2)
                .with(TrainingSetting.LEARNING_RATE, 1e-3)
                .with(TrainingSetting.BATCH, 16)
                .with(TrainingSetting.STEPS, 1500)
                .with(TrainingSetting.WARMUP, 150)
                .with(TrainingSetting.MIN_CONTEXTS, 3)
                .with(TrainingSetting.MAX_CONTEXTS, 6)
                .with(TrainingSetting.MIN_KEYS, 2)
                .with(TrainingSetting.MAX_KEYS, 4)
                .with(TrainingSetting.VALIDATE_EVERY, 100)
                .with(TrainingSetting.VAL_SAMPLES, 64);
    }

    /** The preset whose settings equal {@code s} (seed aside), else {@link #CUSTOM}. */
    public static Preset matching(TrainingSettings s) {
        for (Preset p : values()) {
            if (p != CUSTOM && p.apply(s).equals(s)) {
                return p;
            }
        }
        return CUSTOM;
    }

    @Override
    public String toString() {
        return label;
    }
}
