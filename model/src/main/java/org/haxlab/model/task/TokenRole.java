package org.haxlab.model.task;

/**
 * What a token is for, used to colour sequences and to explain them. {@link #QUERY} and
 * {@link #ANSWER} depend on the position, not only on the id: a key where loss is taken and
 * the teacher-forced value right after it (spec §1).
 */
public enum TokenRole {
    /** BOS, PAD or SEP. */
    SPECIAL,
    /** A context token of any tier. */
    CONTEXT,
    /** A key token that is not queried at its position. */
    KEY,
    /** A value token that is not the answer to a query. */
    VALUE,
    /** A key at a query position: loss and accuracy are taken here. */
    QUERY,
    /** The teacher-forced value right after a query key. */
    ANSWER,
    /** MQAR filler between queries. */
    NOISE,
    /** An id the task never uses. */
    UNUSED;

    /** Roles of every position of {@code sequence}, with queries and their answers marked. */
    public static TokenRole[] of(RecallSequence sequence) {
        int[] tokens = new int[sequence.length()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = sequence.token(i);
        }
        return of(tokens, sequence.queryPositions());
    }

    /**
     * Roles of a token array (for example the tokens an inspection saw) given its query positions:
     * every id by {@link Vocabulary#role}, then each query key and the value right after it.
     *
     * @throws IllegalArgumentException when a query position is outside the sequence
     */
    public static TokenRole[] of(int[] tokens, int[] queryPositions) {
        TokenRole[] roles = new TokenRole[tokens.length];
        for (int i = 0; i < roles.length; i++) {
            roles[i] = Vocabulary.role(tokens[i]);
        }
        for (int p : queryPositions) {
            if (p < 0 || p >= roles.length) {
                throw new IllegalArgumentException("token roles: query position " + p + " is outside 0.."
                        + (roles.length - 1));
            }
            roles[p] = QUERY;
            if (p + 1 < roles.length) {
                roles[p + 1] = ANSWER;
            }
        }
        return roles;
    }
}
