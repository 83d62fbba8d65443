package org.haxlab.model.sparse;

/**
 * What a pattern may look at for one sequence: its length and, for the context-dependent
 * components, the LSH bins of queries and keys and the KS score of every key.
 *
 * @param length  L, the number of positions
 * @param qBin    LSH bin of every query (length L), or null when the pattern has no LSH
 * @param kBin    LSH bin of every key (length L), or null when the pattern has no LSH
 * @param ksScore KS score of every key (length L), or null when the pattern has no KS
 */
public record SelectionInput(int length, int[] qBin, int[] kBin, float[] ksScore) {

    public SelectionInput {
        if (length < 0) {
            throw new IllegalArgumentException("selection input: negative length " + length);
        }
        check("qBin", qBin == null ? length : qBin.length, length);
        check("kBin", kBin == null ? length : kBin.length, length);
        check("ksScore", ksScore == null ? length : ksScore.length, length);
        if ((qBin == null) != (kBin == null)) {
            throw new IllegalArgumentException("selection input: qBin and kBin must both be given or both be null");
        }
    }

    private static void check(String name, int got, int length) {
        if (got != length) {
            throw new IllegalArgumentException("selection input: " + name + " has " + got + " entries, expected L=" + length);
        }
    }

    /** An input for the fixed (context-independent) patterns. */
    public static SelectionInput fixed(int length) {
        return new SelectionInput(length, null, null, null);
    }

    int[] requireQBins() {
        if (qBin == null) {
            throw new IllegalStateException("LSH pattern needs query and key bins, but the input has none");
        }
        return qBin;
    }

    int[] requireKBins() {
        requireQBins();
        return kBin;
    }

    float[] requireScores() {
        if (ksScore == null) {
            throw new IllegalStateException("KS pattern needs key scores, but the input has none");
        }
        return ksScore;
    }
}
