package org.haxlab.model.nn;

import org.haxlab.model.sparse.SparseBranch;

import ai.djl.ndarray.NDArray;
import org.haxlab.model.trace.ForwardOptions;

/** One sequence-mixing layer (Mamba-1 or Mamba-2, with its sparse branch when it has one). */
public interface Mixer {

    /**
     * What a mixer returns.
     *
     * @param output   (B, L, d_model) to be added to the residual stream
     * @param gateLoss scalar KS ranking loss of this layer's branch, or null when the layer has no branch
     */
    record Output(NDArray output, NDArray gateLoss) {
    }

    /**
     * Runs the layer.
     *
     * @param h       (B, L, d_model) normalised residual stream
     * @param padMask (B, L) float32, 1 at real tokens; null when there is no branch that needs it
     * @param options training/eval; with a trace (batch size 1) the layer reports a
     *                {@link org.haxlab.model.trace.LayerInspection}
     */
    Output forward(NDArray h, NDArray padMask, ForwardOptions options);

    /** This layer's sparse branch, or null when it has none. */
    SparseBranch branch();

    /** Redraws the branch's fixed LSH projection; does nothing without a branch. */
    void redrawProjection(long seed);
}
