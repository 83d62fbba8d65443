package org.haxlab.model.sparse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nd.HostArrays;

import java.util.List;

/**
 * The dense path's (B, L, L) masks of the content-dependent patterns (LSH, KS and their union, spec §3),
 * computed with tensor ops on the device that holds the activations instead of element by element on the host
 * and uploaded ({@link SelectionPattern#ruleMask}, O(L^2) Java work and a B L^2 upload per layer and step).
 *
 * <p>Each mask is the same rule as the pattern's {@code ruleMask}, restated with counts:
 * <ul>
 *   <li>LSH keeps key j <= i for query i when bin(K_j) = bin(Q_i) and at most k_c same-bin keys lie in
 *       [j, i] (the k_c most recent ones);</li>
 *   <li>KS keeps key j <= i when fewer than k_c keys j' <= i rank before j (higher score, or equal score
 *       and lower index: the pattern's order).</li>
 * </ul>
 * The bins come from the host (the sparse path hashes there, in double precision, and both paths must agree);
 * the KS scores are the device's float scores, compared exactly as the host compares their downloaded copy.
 * SparseBranchTest holds these masks to the host path.
 */
final class DeviceMasks {

    /**
     * Largest B * L * L a branch builds this way (128M entries: L = 4096 at batch 8, L = 11585 at batch 1). The
     * integer temporaries take several bytes per entry, so beyond this the host builds the mask instead
     * (one float per entry), as the dense reference at 16K in {@code bench attention} needs.
     */
    static final long MAX_ENTRIES = 1L << 27;

    private DeviceMasks() {
    }

    /** Whether {@link #of} can build {@code pattern}'s mask: LSH, KS and unions of them. */
    static boolean supports(SelectionPattern pattern) {
        if (pattern instanceof LshPattern || pattern instanceof KeySelectionPattern) {
            return true;
        }
        return pattern instanceof UnionPattern u && u.parts().stream().allMatch(DeviceMasks::supports);
    }

    /**
     * The (B, L, L) float mask of {@code pattern}.
     *
     * @param qBins  (B, L) int32 query bins, or null without LSH
     * @param kBins  (B, L) int32 key bins, or null without LSH
     * @param scores (B, L) KS scores, or null without KS (read without gradient)
     */
    static NDArray of(SelectionPattern pattern, NDArray qBins, NDArray kBins, NDArray scores) {
        if (pattern instanceof UnionPattern u) {
            List<SelectionPattern> parts = u.parts();
            NDArray m = of(parts.get(0), qBins, kBins, scores);
            for (int p = 1; p < parts.size(); p++) {
                m = m.maximum(of(parts.get(p), qBins, kBins, scores));
            }
            return m;
        }
        if (pattern instanceof LshPattern lsh) {
            return lsh(qBins, kBins, lsh.keep());
        }
        if (pattern instanceof KeySelectionPattern ks) {
            return ks(scores, ks.keep());
        }
        throw new IllegalArgumentException("device masks: pattern " + pattern.getClass().getSimpleName()
                + " is not LSH, KS or a union of them");
    }

    /** (L, L) boolean: j <= i (row i, column j). */
    private static NDArray causal(NDManager m, int length) {
        NDArray iota = m.arange(length);
        return iota.expandDims(1).gte(iota.expandDims(0));
    }

    static NDArray lsh(NDArray qBins, NDArray kBins, int keep) {
        int length = (int) qBins.getShape().get(1);
        NDArray same = qBins.expandDims(2).eq(kBins.expandDims(1))
                .logicalAnd(causal(qBins.getManager(), length).expandDims(0));           // (B, i, j)
        // same-bin keys in [j, i] (nothing beyond i is set) = row total - keys before j
        NDArray upTo = same.toType(DataType.INT32, false).cumSum(2);                      // keys in [0, j]
        NDArray newer = upTo.get(":, :, -1:").sub(upTo).add(same.toType(DataType.INT32, false));
        return same.logicalAnd(newer.lte(keep)).toType(DataType.FLOAT32, false);
    }

    static NDArray ks(NDArray scores, int keep) {
        NDArray s = scores.stopGradient();
        int length = (int) s.getShape().get(1);
        NDArray iota = s.getManager().arange(length);
        NDArray lowerIndex = iota.expandDims(1).lt(iota.expandDims(0)).expandDims(0);  // (1, j', j): j' < j
        NDArray a = s.expandDims(2);                                                  // s[j'] down the rows
        NDArray b = s.expandDims(1);                                                  // s[j] across
        NDArray before = a.gt(b).logicalOr(a.eq(b).logicalAnd(lowerIndex));           // (B, j', j): j' ranks first
        // keys j' <= i ranking before j: a cumulative sum over j' down to row i
        NDArray rank = before.toType(DataType.INT32, false).cumSum(1);                 // (B, i, j)
        return rank.lt(keep).logicalAnd(causal(s.getManager(), length).expandDims(0))
                .toType(DataType.FLOAT32, false);
    }

    /** Host bins as a (B, L) int32 array on {@code manager}'s device. */
    static NDArray bins(NDManager manager, int[] bins, int batch, int length) {
        return HostArrays.ints(manager, bins, new Shape(batch, length));
    }
}
