package org.haxlab.model.task;

/**
 * A valid typed sequence.
 *
 * @param sequence  what the model sees (BOS first, inquiry values teacher-forced)
 * @param levels    w: context tiers + 1 (1 for associative recall and MQAR)
 * @param mqar      true when written without '|' (Zoology-style MQAR: pairs, then scattered queries)
 * @param answers   the ground truth of every query
 */
public record ParsedSequence(RecallSequence sequence, int levels, boolean mqar, AnswerTable answers) {

    /** One line such as {@code joint recall, 2 levels: 2 contexts x 2 keys, 4 queries, 22 tokens}. */
    public String summary() {
        String kind = mqar ? "MQAR" : levels == 1 ? "associative recall" : "joint recall, " + levels + " levels";
        String table = mqar || levels == 1 ? sequence.keys() + " keys"
                : sequence.contexts() + " contexts x " + sequence.keys() + " keys";
        return kind + ": " + table + ", " + sequence.queries() + (sequence.queries() == 1 ? " query, " : " queries, ")
                + sequence.length() + " tokens with BOS";
    }
}
