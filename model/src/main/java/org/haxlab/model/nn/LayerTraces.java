package org.haxlab.model.nn;

import ai.djl.ndarray.NDArray;
import org.haxlab.model.nd.HostReads;
import org.haxlab.model.sparse.SparseBranch;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.DecayTrace;
import org.haxlab.model.trace.ForwardOptions;
import org.haxlab.model.trace.LayerInspection;

/** Builds a mixer's {@link LayerInspection} (batch element 0) from device arrays: inspection passes only. */
final class LayerTraces {

    private LayerTraces() {
    }

    /** Fails unless a traced pass has exactly one sequence (the records describe one sequence). */
    static void checkSingle(NDArray h, ForwardOptions options) {
        if (options.trace() != null && h.getShape().get(0) != 1) {
            throw new IllegalArgumentException("an inspection pass needs batch size 1, got " + h.getShape().get(0));
        }
    }

    /** L2 norm over the last axis of batch element 0, one value per position. */
    static float[] norms(NDArray x) {
        return HostReads.floats(x.get(0).square().sum(new int[] {1}).sqrt());
    }

    /**
     * Assembles the record. Without a branch the context-dependent parts are empty, the selection holds
     * no key and the branch's contribution is zero at every position.
     */
    static LayerInspection build(int layer, NDArray ssm, SparseBranch.Trace branch, DecayTrace decay) {
        float[] ssmNorm = norms(ssm);
        int len = ssmNorm.length;
        if (branch == null) {
            AttentionSelection none = new AttentionSelection(len, new int[len + 1], new int[0], new int[0], new float[0]);
            return new LayerInspection(layer, new int[0], new int[0], new float[0], none, new float[len], ssmNorm, decay);
        }
        return new LayerInspection(layer, branch.qBucket(), branch.kBucket(), branch.ksScore(), branch.selection(),
                branch.attnNorm(), ssmNorm, decay, branch.vectors());
    }
}
