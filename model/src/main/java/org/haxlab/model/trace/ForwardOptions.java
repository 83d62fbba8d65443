package org.haxlab.model.trace;


/**
 * How a forward pass runs.
 *
 * @param training        true during a training step: the KS ranking loss is computed
 * @param lshSeed         seed of this pass's fresh LSH projections (used when {@code freshProjection})
 * @param trace           receives per-layer inspection data (batch size 1 only), or null
 * @param freshProjection true when this pass draws its LSH projections from {@code lshSeed} (every training
 *                        pass; every evaluation pass of a paper-variant model, spec §5); false when it uses the
 *                        model's fixed, seeded projection, so that what the user sees is stable
 */
public record ForwardOptions(boolean training, long lshSeed, TraceSink trace, boolean freshProjection) {

    /** Training passes draw fresh projections, evaluation passes use the model's fixed one. */
    public ForwardOptions(boolean training, long lshSeed, TraceSink trace) {
        this(training, lshSeed, trace, training);
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
        return new ForwardOptions(false, lshSeed, null, true);
    }

    /** A training pass whose LSH projections are drawn from {@code lshSeed}. */
    public static ForwardOptions train(long lshSeed) {
        return new ForwardOptions(true, lshSeed, null);
    }

    /** Evaluation that records inspection data into {@code trace}. */
    public static ForwardOptions inspect(TraceSink trace) {
        return new ForwardOptions(false, 0L, trace);
    }
}
