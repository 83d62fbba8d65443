package org.haxlab.app.vm.training;

import org.haxlab.model.nd.InitScheme;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.Backbone;

/**
 * One knob of a training run, with the category, name and explanation the settings sheet shows and the
 * value type it holds. {@link TrainingSettings} maps every setting to a value of {@link #type()}.
 */
public enum TrainingSetting {
    /** Mamba-1 or Mamba-2 (spec §2). */
    BACKBONE("Model", "backbone", "Mamba-1 (per-channel decay) or Mamba-2 (one decay per head)", Backbone.class),
    /** Sparse branch; ssm = none (spec §3). */
    PATTERN("Model", "pattern", "Sparse-attention branch inside every mixer; ssm is the plain SSM, hax = LSH + key selection", Pattern.class),
    /** Keys per query k. */
    BUDGET("Model", "k (keys per query)", "Total sparse budget k, split evenly over the pattern's components", Integer.class),
    /** LSH sign bits h. */
    HASH_BITS("Model", "hash bits", "LSH hash width h (2^h buckets)", Integer.class),
    /** Causal or paper-faithful LSH. */
    VARIANT("Model", "LSH variant", "CAUSAL (every selection reads only earlier positions) or PAPER (the released "
            + "code's rules: sequence-wide normalisation, fresh hashes at every forward, PAD zeroed, fixed length)",
            SparseConfig.Variant.class),
    /** How the first weights are drawn (spec §5). */
    INIT("Model", "initialisation", "RELEASED (the released configs: N(0, 0.1) weights, zero biases) or TORCH "
            + "(PyTorch's layer defaults, HAX Lab's first scheme)", InitScheme.class),
    /** Residual width. */
    D_MODEL("Model", "d_model", "Residual width (64 in the paper); Mamba-2 needs a multiple of 4 (8 heads over 2 d_model)", Integer.class),
    /** Mixer blocks. */
    LAYERS("Model", "layers", "Mixer blocks (2 in the paper)", Integer.class),
    /** Peak learning rate. */
    LEARNING_RATE("Training", "learning rate", "Peak AdamW rate after warm-up (paper: 3e-3, 1e-3 or 3e-4)", Double.class),
    /** Sequences per step. */
    BATCH("Training", "batch", "Sequences per step (64 in the paper)", Integer.class),
    /** Optimiser steps. */
    STEPS("Training", "steps", "Optimiser steps of the run", Integer.class),
    /** Linear warm-up steps. */
    WARMUP("Training", "warm-up", "Linear warm-up steps before the constant rate", Integer.class),
    /** Seed of weights, data order and LSH draws. */
    SEED("Training", "seed", "Seed of the initial weights, the data order and the LSH draws: the same seed gives the same run", Long.class),
    /** Smallest n_c. */
    MIN_CONTEXTS("Task", "n_c min", "Fewest contexts per sequence (spec §1)", Integer.class),
    /** Largest n_c. */
    MAX_CONTEXTS("Task", "n_c max", "Most contexts per sequence", Integer.class),
    /** Smallest n_k. */
    MIN_KEYS("Task", "n_k min", "Fewest keys per context", Integer.class),
    /** Largest n_k. */
    MAX_KEYS("Task", "n_k max", "Most keys per context", Integer.class),
    /** Validation period. */
    VALIDATE_EVERY("Validation", "validate every", "Validate on the held-out split every this many steps (0 = never)", Integer.class),
    /** Held-out split size. */
    VAL_SAMPLES("Validation", "val samples", "Sequences in the held-out split", Integer.class);

    private final String category;
    private final String label;
    private final String description;
    private final Class<?> type;

    TrainingSetting(String category, String label, String description, Class<?> type) {
        this.category = category;
        this.label = label;
        this.description = description;
        this.type = type;
    }

    /** Group in the settings sheet. */
    public String category() {
        return category;
    }

    /** Name in the settings sheet and in error messages. */
    public String label() {
        return label;
    }

    /** Tooltip text. */
    public String description() {
        return description;
    }

    /** Boxed value type (Integer, Long, Double or an enum). */
    public Class<?> type() {
        return type;
    }

    /**
     * {@code value} as this setting's type: numbers convert between boxed types when exact (an editor may
     * hand a Double for an integer field); anything else must already be of the type.
     *
     * @throws IllegalArgumentException naming the setting when the value does not fit
     */
    public Object coerce(Object value) {
        if (value == null) {
            throw new IllegalArgumentException(label + ": a value is required");
        }
        if (type.isInstance(value)) {
            return value;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (type == Double.class) {
                return d;
            }
            if (d == Math.rint(d) && Double.isFinite(d)) {
                if (type == Integer.class && Math.abs(d) <= Integer.MAX_VALUE) {
                    return (int) d;
                }
                if (type == Long.class) {
                    return n.longValue();
                }
            }
            throw new IllegalArgumentException(label + ": " + value + " is not a whole number");
        }
        throw new IllegalArgumentException(label + ": expected a " + type.getSimpleName() + ", got '" + value + "'");
    }
}
