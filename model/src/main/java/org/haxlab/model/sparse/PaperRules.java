package org.haxlab.model.sparse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nd.HostArrays;
import org.haxlab.model.nd.Scalars;

/**
 * The released code's rules that only the {@link SparseConfig.Variant#PAPER} variant follows (spec §5), kept
 * in one place so that the branch calls each through one named method:
 * <ul>
 *   <li>{@link #normaliseSummary}: the KS running query sum is L2-normalised along the sequence axis (as
 *       {@code F.normalize}'s default dim does on (B, L, N)), so a key's score depends on later tokens;</li>
 *   <li>{@link #emptyRows} (for a positional mask, {@link SoftmaxMask#emptyRows}) and {@link #readEverything}: a
 *       query with no selected key reads every position with the same weight, future and padding included
 *       (the released mask adds the most negative float to every score of such a row, so the softmax is
 *       uniform over all L positions).</li>
 * </ul>
 * The ranking loss over all k_c^2 pairs and the zeroed mixer input at PAD are switched by the variant where
 * they happen ({@link KeyScorer#rankingLoss}, the mixers).
 */
public final class PaperRules {

    private PaperRules() {
    }

    /**
     * The released KS summary: every channel of the running sum S (B, L, N) divided by its L2 norm over the
     * L positions, max(||S[b, :, n]||, 1e-12) as {@code F.normalize} clamps it.
     */
    public static NDArray normaliseSummary(NDArray runningSum) {
        NDArray norm = Scalars.maximum(runningSum.square().sum(new int[] {1}, true).sqrt(), 1e-12f);
        return runningSum.div(norm);
    }

    /** (B or 1, L) float flags, 1 where a query of the device selection has no valid slot. */
    static NDArray emptyRows(DeviceSelection selection) {
        return selection.valid().toType(DataType.FLOAT32, false).sum(new int[] {-1}).eq(0f)
                .toType(DataType.FLOAT32, false);
    }

    /** (B, L) float flags, 1 where query i of sequence b selected no key. */
    public static NDArray emptyRows(NDManager manager, SelectedKeys[] selections) {
        int batch = selections.length;
        int length = selections[0].length();
        float[] flags = new float[batch * length];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < length; i++) {
                if (selections[b].count(i) == 0) {
                    flags[b * length + i] = 1f;
                }
            }
        }
        return HostArrays.floats(manager, flags, new Shape(batch, length));
    }

    /**
     * What the released code's empty rows add: for every flagged row i, the uniform average of V over all L
     * positions. Its gradient is the released one too: the released softmax is uniform in value but still
     * differentiable in the scores (the jacobian of a softmax at p = 1/L), so the weights are written as
     * w_ij = (1 + d_ij - mean_j d_ij) / L with d = S - stopGradient(S), S = Q K^T: exactly 1/L forward, the
     * released derivative backward. O(L^2), as the released dense mask; skipped when no row is empty.
     *
     * @param q     (B, L, N)
     * @param k     (B, L, N) as attended (divided by sqrt(N))
     * @param v     (B, L, D)
     * @param empty (B, L) flags from {@link #emptyRows}
     * @return (B, L, D), zero outside the flagged rows; null when no row is flagged
     */
    public static NDArray readEverything(NDArray q, NDArray k, NDArray v, NDArray empty) {
        if (empty.sum().getFloat() == 0f) {
            return null;
        }
        long length = v.getShape().get(1);
        NDArray scores = q.batchMatMul(k.transpose(0, 2, 1));
        NDArray d = scores.sub(scores.stopGradient());
        NDArray centred = d.sub(d.mean(new int[] {-1}, true));
        NDArray weights = Scalars.div(Scalars.add(centred, 1f), (float) length);
        return weights.batchMatMul(v).mul(empty.expandDims(-1));
    }
}
