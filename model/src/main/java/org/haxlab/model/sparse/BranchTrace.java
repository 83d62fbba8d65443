package org.haxlab.model.sparse;

import ai.djl.ndarray.NDArray;
import org.haxlab.model.nd.HostReads;
import org.haxlab.model.trace.SelectionVectors;

/**
 * Reads a branch's inspection data back to the host: kept apart from {@link SparseBranch} because it runs only
 * when a view asks for a trace, never during training, and touches none of the branch's device state.
 */
final class BranchTrace {

    private BranchTrace() {
    }

    /** The inspection data of batch element 0, read back through HostReads (never during training). */
    static SparseBranch.Trace read(SelectionPattern pattern, SparseConfig config, int dState, NDArray q, NDArray k,
                                   NDArray qBins, NDArray kBins, NDArray scores, NDArray output, int length,
                                   float[] hostProjection) {
        int[] qb = qBins == null ? null : HostReads.ints(qBins.get(0));
        int[] kb = kBins == null ? null : HostReads.ints(kBins.get(0));
        float[] s = scores == null ? null : HostReads.floats(scores.get(0));
        // the host rule on the device's bins and scores: the keys the device selected (DeviceSelectionTest)
        SelectedKeys s0 = pattern.select(new SelectionInput(length, qb, kb, s));
        float[] q0 = HostReads.floats(q.get(0));
        float[] k0 = HostReads.floats(k.get(0));
        float[] weights = SparseAttention.hostWeights(s0, q0, k0, dState);
        float[] norm = HostReads.floats(output.get(0).square().sum(new int[]{-1}).sqrt());
        boolean paper = config.variant() == SparseConfig.Variant.PAPER;
        SelectionVectors vectors = new SelectionVectors(length, dState, q0, k0,
                hostProjection == null ? new float[0] : hostProjection,
                hostProjection == null ? 0 : config.hashBits(), paper, paper);
        return new SparseBranch.Trace(qb == null ? new int[0] : qb, kb == null ? new int[0] : kb,
                s == null ? new float[0] : s, s0.toAttentionSelection(weights), norm, vectors);
    }
}
