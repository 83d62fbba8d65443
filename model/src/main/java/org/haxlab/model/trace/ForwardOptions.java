package org.haxlab.model.trace;


/**
 * How a forward pass runs.
 *
 * @param training        true during a training step: the KS ranking loss is computed
 * @param lshSeed         seed of this pass's fresh LSH projections (used when {@code freshProjection})
 * @param trace           receives per-layer inspection data (batch size 1 only), or null
 * @param padFlags        host copy of the (B, L) pad mask, row-major, 1 at real tokens (the {@code Batch}'s), or
 *                        null when every position is real or the caller has none: the KS ranking loss draws its
 *                        random keys on the host from it, so a training step never reads the device's pad mask
 *                        back (without it a padded training batch reads the mask once per KS layer)
 * @param freshProjection true when this pass draws its LSH projections from {@code lshSeed} (every training
 *                        pass; every evaluation pass of a paper-variant model, spec §5); false when it uses the
 *                        model's fixed, seeded projection, so that what the user sees is stable
 */
public record ForwardOptions(boolean training, long lshSeed, TraceSink trace, float[] padFlags,
                             boolean freshProjection) {

    /** Options without host pad flags; training passes draw fresh projections, others use the fixed one. */
    public ForwardOptions(boolean training, long lshSeed, TraceSink trace) {
        this(training, lshSeed, trace, null, training);
    }

    /** Options with host pad flags; training passes draw fresh projections, others use the fixed one. */
    public ForwardOptions(boolean training, long lshSeed, TraceSink trace, float[] padFlags) {
        this(training, lshSeed, trace, padFlags, training);
    }

    /** Evaluation: fixed projection, no trace. */
    public static ForwardOptions eval() {
        return new ForwardOptions(false, 0L, null);
    }

    /**
     * Evaluation whose LSH projections are drawn from {@code lshSeed}, as the released code draws them on
     * every forward, test time included (spec §5: the paper variant's evaluation).
     */
    public static ForwardOptions evalFresh(long lshSeed) {
        return new ForwardOptions(false, lshSeed, null, null, true);
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
