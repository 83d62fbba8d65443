package org.haxlab.model.trace;


/**
 * How a forward pass runs.
 *
 * @param training   true during a training step: LSH projections are drawn fresh (from {@code lshSeed}),
 *                   the KS ranking loss is computed
 * @param lshSeed    seed of this pass's fresh LSH projections (ignored when not training: the model's
 *                   fixed, seeded projection is used so that what the user sees is stable)
 * @param trace      receives per-layer inspection data (batch size 1 only), or null
 */
public record ForwardOptions(boolean training, long lshSeed, TraceSink trace) {

    /** Evaluation: fixed projection, no trace. */
    public static ForwardOptions eval() {
        return new ForwardOptions(false, 0L, null);
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
