package org.haxlab.model.trace;

import java.util.Arrays;
import java.util.Objects;

/**
 * Everything one mixer layer shows for one sequence. Arrays are per position
 * (length L); context-dependent parts are empty arrays when the layer's pattern has no such component.
 *
 * <p>Immutable: the constructor copies the per-position arrays and every accessor returns a copy
 * (L values, once per layer); loops read single positions through {@link #qBucket(int)},
 * {@link #kBucket(int)} and {@link #ksScore(int)}. The {@link AttentionSelection} and {@link DecayTrace}
 * are shared, as those records document; {@link SelectionVectors} copies its own. Equality is by content.
 *
 * @param layer      0-based layer index
 * @param qBucket    LSH bin of every query (empty without LSH); sign-bit bins: bit b of the id is hash bit b
 * @param kBucket    LSH bin of every key (empty without LSH)
 * @param ksScore    KS score of every key (empty without KS)
 * @param selection  selected keys, components and weights per query (empty selection for the plain SSM)
 * @param attnNorm   L2 norm of E * O (the sparse branch's contribution) at every position
 * @param ssmNorm    L2 norm of SSM(x) at every position
 * @param decay      the SSM decay over the sequence
 * @param vectors    the Q and K rows and the projection the selection used, and its rules; null without a branch
 */
public record LayerInspection(int layer, int[] qBucket, int[] kBucket, float[] ksScore, AttentionSelection selection,
                              float[] attnNorm, float[] ssmNorm, DecayTrace decay, SelectionVectors vectors) {

    /** A layer record without the selection's vectors (a plain SSM layer, or a synthetic record). */
    public LayerInspection(int layer, int[] qBucket, int[] kBucket, float[] ksScore, AttentionSelection selection,
                           float[] attnNorm, float[] ssmNorm, DecayTrace decay) {
        this(layer, qBucket, kBucket, ksScore, selection, attnNorm, ssmNorm, decay, null);
    }

    /**
     * True when this layer's queries without a selected key read every position, future included (the paper
     * variant, spec §5); false when they read nothing.
     */
    public boolean emptyRowsReadEverything() {
        return vectors != null && vectors.emptyRowsReadEverything();
    }

    public LayerInspection {
        if (qBucket == null || kBucket == null || ksScore == null || attnNorm == null || ssmNorm == null) {
            throw new IllegalArgumentException("layer " + layer + " inspection: per-position arrays are required"
                    + " (empty when the pattern has no such component)");
        }
        qBucket = qBucket.clone();
        kBucket = kBucket.clone();
        ksScore = ksScore.clone();
        attnNorm = attnNorm.clone();
        ssmNorm = ssmNorm.clone();
    }

    /** True when this layer hashed queries and keys. */
    public boolean hasBuckets() {
        return qBucket.length > 0;
    }

    /** True when this layer scored keys for KS. */
    public boolean hasScores() {
        return ksScore.length > 0;
    }

    /** LSH bin of every query (a copy; empty without LSH). */
    @Override
    public int[] qBucket() {
        return qBucket.clone();
    }

    /** LSH bin of every key (a copy; empty without LSH). */
    @Override
    public int[] kBucket() {
        return kBucket.clone();
    }

    /** KS score of every key (a copy; empty without KS). */
    @Override
    public float[] ksScore() {
        return ksScore.clone();
    }

    /** L2 norm of E * O at every position (a copy). */
    @Override
    public float[] attnNorm() {
        return attnNorm.clone();
    }

    /** L2 norm of SSM(x) at every position (a copy). */
    @Override
    public float[] ssmNorm() {
        return ssmNorm.clone();
    }

    /** LSH bin of the query at position {@code p}. */
    public int qBucket(int p) {
        return qBucket[p];
    }

    /** LSH bin of the key at position {@code p}. */
    public int kBucket(int p) {
        return kBucket[p];
    }

    /** KS score of the key at position {@code p}. */
    public float ksScore(int p) {
        return ksScore[p];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerInspection l && layer == l.layer && Arrays.equals(qBucket, l.qBucket)
                && Arrays.equals(kBucket, l.kBucket) && Arrays.equals(ksScore, l.ksScore)
                && Objects.equals(selection, l.selection) && Arrays.equals(attnNorm, l.attnNorm)
                && Arrays.equals(ssmNorm, l.ssmNorm) && Objects.equals(decay, l.decay)
                && Objects.equals(vectors, l.vectors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(layer, Arrays.hashCode(qBucket), Arrays.hashCode(kBucket), Arrays.hashCode(ksScore),
                selection, Arrays.hashCode(attnNorm), Arrays.hashCode(ssmNorm), decay, vectors);
    }

    @Override
    public String toString() {
        return "LayerInspection[layer=" + layer + ", length=" + ssmNorm.length + ", buckets=" + hasBuckets()
                + ", scores=" + hasScores() + ", selection=" + selection + "]";
    }
}
