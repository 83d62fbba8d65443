package org.haxlab.viz.recall;

import org.haxlab.model.inspect.QueryPrediction;
import org.haxlab.model.task.Vocabulary;

import java.util.function.IntFunction;

/**
 * One row of the recall diagnosis: a query (context and key as text), the expected and predicted
 * values, the model's confidence, and the caller's reason string.
 *
 * @param prediction the model's answer
 * @param context    text of the context in force at the query (nearest earlier context token), "" if none
 * @param key        text of the queried key token
 * @param expected   text of the expected value
 * @param predicted  text of the predicted token
 * @param reason     caller-supplied explanation ("" when none)
 */
public record RecallRow(QueryPrediction prediction, String context, String key, String expected, String predicted,
                        String reason) {

    /** Builds a row; {@code tokens} is the sequence the model saw (spec §1 layout). */
    public static RecallRow of(int[] tokens, QueryPrediction q, IntFunction<String> names, String reason) {
        int p = q.position();
        if (p < 0 || p >= tokens.length) {
            throw new IllegalArgumentException("recall row: query position " + p + " is outside the "
                    + tokens.length + "-token sequence");
        }
        String ctx = "";
        for (int i = p - 1; i >= 0; i--) {
            if (tokens[i] >= Vocabulary.CONTEXT_BASE && tokens[i] < Vocabulary.CONTEXT_BASE + Vocabulary.SLOTS) {
                ctx = names.apply(tokens[i]);
                break;
            }
        }
        return new RecallRow(q, ctx, names.apply(tokens[p]), names.apply(q.expected()), names.apply(q.predicted()),
                reason == null ? "" : reason);
    }

    /** True when the answer was right. */
    public boolean correct() {
        return prediction.correct();
    }
}
