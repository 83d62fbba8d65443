package org.haxlab.model.trace;

/**
 * Everything one mixer layer shows for one sequence (issue 3, "Inspection"). Arrays are per position
 * (length L); context-dependent parts are empty arrays when the layer's pattern has no such component.
 *
 * @param layer      0-based layer index
 * @param qBucket    LSH bin of every query (empty without LSH); sign-bit bins: bit b of the id is hash bit b
 * @param kBucket    LSH bin of every key (empty without LSH)
 * @param ksScore    KS score of every key (empty without KS)
 * @param selection  selected keys, components and weights per query (empty selection for the plain SSM)
 * @param attnNorm   L2 norm of E * O (the sparse branch's contribution) at every position
 * @param ssmNorm    L2 norm of SSM(x) at every position
 * @param decay      the SSM decay over the sequence
 */
public record LayerInspection(int layer, int[] qBucket, int[] kBucket, float[] ksScore, AttentionSelection selection,
                              float[] attnNorm, float[] ssmNorm, DecayTrace decay) {

    /** True when this layer hashed queries and keys. */
    public boolean hasBuckets() {
        return qBucket.length > 0;
    }

    /** True when this layer scored keys for KS. */
    public boolean hasScores() {
        return ksScore.length > 0;
    }
}
