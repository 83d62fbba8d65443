package org.haxlab.model.task;

import java.util.Arrays;

/**
 * One task sequence as the model sees it (spec §1), unpadded.
 *
 * @param tokens          token ids, BOS first; inquiry values are teacher-forced inputs
 * @param queryPositions  ascending positions of the inquiry key tokens: where loss and accuracy are taken
 * @param expected        for each query, the value token that must follow it (tokens[p + 1] in a full sequence)
 * @param contexts        n_c of the table it was drawn from (0 when not a joint-recall table)
 * @param keys            n_k of the table it was drawn from (0 when not a joint-recall table)
 */
public record RecallSequence(int[] tokens, int[] queryPositions, int[] expected, int contexts, int keys) {

    public RecallSequence {
        if (tokens.length == 0) {
            throw new IllegalArgumentException("a sequence needs at least one token");
        }
        if (queryPositions.length != expected.length) {
            throw new IllegalArgumentException("queries and expected values differ in number: "
                    + queryPositions.length + " vs " + expected.length);
        }
        for (int q = 0; q < queryPositions.length; q++) {
            int p = queryPositions[q];
            if (p < 0 || p >= tokens.length || (q > 0 && p <= queryPositions[q - 1])) {
                throw new IllegalArgumentException("query position " + p + " is out of range or out of order");
            }
        }
        tokens = tokens.clone();
        queryPositions = queryPositions.clone();
        expected = expected.clone();
    }

    /** Unpadded length. */
    public int length() {
        return tokens.length;
    }

    /** Number of queries. */
    public int queries() {
        return queryPositions.length;
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    @Override
    public int[] queryPositions() {
        return queryPositions.clone();
    }

    @Override
    public int[] expected() {
        return expected.clone();
    }

    /** Token at position {@code i} without copying the array. */
    public int token(int i) {
        return tokens[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecallSequence s && Arrays.equals(tokens, s.tokens)
                && Arrays.equals(queryPositions, s.queryPositions) && Arrays.equals(expected, s.expected)
                && contexts == s.contexts && keys == s.keys;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(tokens) + Arrays.hashCode(queryPositions);
    }

    @Override
    public String toString() {
        return "RecallSequence[length=" + tokens.length + ", queries=" + queryPositions.length
                + ", contexts=" + contexts + ", keys=" + keys + "]";
    }
}
