package org.haxlab.model.inspect;

import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.TokenRole;
import org.haxlab.model.task.Vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the answer to one query lives in the information component (spec §1): the key that
 * defined the asked (context path, key) and the value token right after it. The value position is
 * what attention must select to copy the answer, and what the SSM state must still hold.
 *
 * @param query         position of the inquiry key (where loss is taken)
 * @param keyPosition   position of the defining key in the information component, or -1 when the
 *                      question was never defined (only possible for hand-made token arrays)
 * @param valuePosition {@code keyPosition + 1}, or -1 likewise
 */
public record AnswerSource(int query, int keyPosition, int valuePosition) {

    /** True when the question has a definition to look back to. */
    public boolean found() {
        return keyPosition >= 0;
    }

    /**
     * The answer source of every query of {@code sequence}, in query order, found from its tokens.
     *
     * <p>One walk over the tokens keeps the current context path (a tier-t context clears the tiers
     * below it; SEP clears all, since the inquiry restates its path, spec §1). The first key at a
     * non-query position under a path defines that (path, key); a query looks its (path, key) up.
     * This covers joint recall of any level (w = 1 is associative recall) and MQAR, whose queries
     * repeat a key defined earlier without any context.
     */
    public static List<AnswerSource> of(RecallSequence sequence) {
        int[] tokens = sequence.tokens();
        boolean[] isQuery = new boolean[tokens.length];
        for (int p : sequence.queryPositions()) {
            isQuery[p] = true;
        }
        int[] path = new int[Vocabulary.MAX_CONTEXT_TIERS + 1];
        Arrays.fill(path, -1);
        Map<String, Integer> definedAt = new HashMap<>();
        List<AnswerSource> out = new ArrayList<>(sequence.queries());
        for (int i = 0; i < tokens.length; i++) {
            int id = tokens[i];
            if (id == Vocabulary.SEP) {
                Arrays.fill(path, -1);
            } else if (Vocabulary.role(id) == TokenRole.CONTEXT) {
                int tier = Vocabulary.tier(id);
                path[tier] = id;
                for (int t = 1; t < tier; t++) {
                    path[t] = -1;
                }
            } else if (Vocabulary.role(id) == TokenRole.KEY) {
                String cell = Arrays.toString(path) + id;
                if (isQuery[i]) {
                    Integer k = definedAt.get(cell);
                    out.add(k == null ? new AnswerSource(i, -1, -1) : new AnswerSource(i, k, k + 1));
                } else {
                    definedAt.putIfAbsent(cell, i);
                }
            } else if (isQuery[i]) {
                // a query position that does not hold a key: nothing to look back to
                out.add(new AnswerSource(i, -1, -1));
            }
        }
        return out;
    }
}
