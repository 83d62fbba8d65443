package org.haxlab.model.trace;


/**
 * How a forward pass runs.
 *
 * @param training   true during a training step: LSH projections are drawn fresh (from {@code lshSeed}),
 *                   the KS ranking loss is computed
 * @param lshSeed    seed of this pass's fresh LSH projections (ignored when not training: the model's
 *                   fixed, seeded projection is used so that what the user sees is stable)
 * @param trace      receives per-layer inspection data (batch size 1 only), or null
 * @param padFlags   host copy of the (B, L) pad mask, row-major, 1 at real tokens (the {@code Batch}'s), or null
 *                   when every position is real or the caller has none: the KS ranking loss draws its random
 *                   keys on the host from it, so a training step never reads the device's pad mask back
 *                   (without it a padded training batch reads the mask once per KS layer)
 */
public record ForwardOptions(boolean training, long lshSeed, TraceSink trace, float[] padFlags) {

    /** Options without host pad flags. */
    public ForwardOptions(boolean training, long lshSeed, TraceSink trace) {
        this(training, lshSeed, trace, null);
    }

    /** Evaluation: fixed projection, no trace. */
    public static ForwardOptions eval() {
        return new ForwardOptions(false, 0L, null);
    }

    /** A training pass whose LSH projections are drawn from {@code lshSeed}; every position is real. */
    public static ForwardOptions train(long lshSeed) {
        return new ForwardOptions(true, lshSeed, null);
    }

    /** A training pass on a padded batch whose host pad flags (B * L, 1 at real tokens) are {@code padFlags}. */
    public static ForwardOptions train(long lshSeed, float[] padFlags) {
        return new ForwardOptions(true, lshSeed, null, padFlags);
    }

    /** Evaluation that records inspection data into {@code trace}. */
    public static ForwardOptions inspect(TraceSink trace) {
        return new ForwardOptions(false, 0L, trace);
    }
}
