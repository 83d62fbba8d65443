package org.haxlab.model.sparse;

import ai.djl.ndarray.NDArray;
import org.haxlab.model.inspect.AttentionSelection;
import org.haxlab.model.nn.ForwardOptions;
import org.haxlab.model.nn.Params;

import java.util.Random;

/**
 * The sparse-attention branch inside one mixer layer (spec §3):
 * K, Q = split(x W_xx), K /= sqrt(N), V = x, O = softmax(Q K^T masked by S) V, output E * O.
 * Empty rows (no selected key) give a zero output.
 *
 * <p>CONTRACT (owned by the sparse work; the mixers call it): the constructor registers this layer's
 * weights under {@code prefix} ({@code prefix + "w_xx"}, {@code prefix + "gate_e"}, and the KS scorer
 * {@code prefix + "ks.*"} when the pattern has KS).
 */
public final class SparseBranch {

    /**
     * What the branch returns.
     *
     * @param output   E * O, (B, L, d_inner)
     * @param gateLoss scalar KS ranking loss of this layer (zero when no KS or not training)
     * @param trace    inspection data for batch element 0 when the options carry a trace, else null
     */
    public record Output(NDArray output, NDArray gateLoss, Trace trace) {
    }

    /**
     * Per-layer data the views need from the branch (batch element 0).
     *
     * @param qBucket   LSH bin per query (empty without LSH)
     * @param kBucket   LSH bin per key (empty without LSH)
     * @param ksScore   KS score per key (empty without KS)
     * @param selection selected keys, components and softmax weights
     * @param attnNorm  L2 norm of E * O per position
     */
    public record Trace(int[] qBucket, int[] kBucket, float[] ksScore, AttentionSelection selection,
                        float[] attnNorm) {
    }

    /**
     * Registers the branch's weights.
     *
     * @param config  the branch definition
     * @param dInner  width of x (and of V and the output)
     * @param dState  N: width of Q and K
     * @param layer   layer index (for the fixed LSH projection's seed)
     * @param params  where weights are registered
     * @param prefix  weight-name prefix such as {@code layers.0.mixer.attn.}
     * @param rng     initialisation randomness (seeded by the model)
     */
    public SparseBranch(SparseConfig config, int dInner, int dState, int layer, Params params, String prefix,
                        Random rng) {
        throw new UnsupportedOperationException("SparseBranch is being implemented by the sparse work");
    }

    /**
     * Runs the branch.
     *
     * @param x       (B, L, d_inner) activation after conv + SiLU
     * @param padMask (B, L) float32 with 1 at real tokens, or null when every position is real
     * @param options training/eval and trace
     */
    public Output forward(NDArray x, NDArray padMask, ForwardOptions options) {
        throw new UnsupportedOperationException("SparseBranch is being implemented by the sparse work");
    }

    /** Redraws this layer's fixed evaluation projection from {@code seed}. */
    public void redrawProjection(long seed) {
        throw new UnsupportedOperationException("SparseBranch is being implemented by the sparse work");
    }
}
