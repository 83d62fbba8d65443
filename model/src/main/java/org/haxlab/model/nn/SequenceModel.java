package org.haxlab.model.nn;

import ai.djl.ndarray.NDArray;
import org.haxlab.model.nd.Params;
import org.haxlab.model.trace.ForwardOptions;

/**
 * A next-token model over token ids: the contract the trainer, the inspector and the app rely on.
 * Implementations keep their weights in {@link #params()}; every array a forward pass creates must
 * be freed by the caller's {@link ai.djl.ndarray.NDScope} (so nothing leaks across steps).
 */
public interface SequenceModel extends AutoCloseable {

    /** The configuration this model was built from. */
    ModelConfig config();

    /** The trainable weights, by name. */
    Params params();

    /**
     * Runs the model.
     *
     * @param tokens (B, L) int64 token ids
     * @param options training or evaluation, and an optional inspection trace
     * @return logits (B, L, vocab) and the KS gate loss
     */
    ForwardOutput forward(NDArray tokens, ForwardOptions options);

    /** Redraws the fixed (evaluation) LSH projection from a new seed ("redraw" in the app). */
    void redrawProjection(long seed);

    /** Frees the weights. */
    @Override
    void close();
}
