package org.haxlab.app.vm;

import java.util.List;

/**
 * One query across the compared models.
 *
 * @param position   the query position
 * @param question   the query as typed (e.g. {@code B a})
 * @param expected   the true value token
 * @param predicted  per slot, the predicted token, or null when that slot has no inspection yet
 */
public record CompareRow(int position, String question, int expected, List<Integer> predicted) {

    public CompareRow {
        predicted = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(predicted));
    }

    /** True when slot {@code i} has answered and got it wrong. */
    public boolean wrong(int i) {
        Integer p = predicted.get(i);
        return p != null && p != expected;
    }

    /** Slots that got this query wrong, ascending. */
    public List<Integer> wrongSlots() {
        return java.util.stream.IntStream.range(0, predicted.size()).filter(this::wrong).boxed().toList();
    }

    /** True when some slots answered right and others wrong: where the models differ. */
    public boolean disputed() {
        int answered = (int) predicted.stream().filter(java.util.Objects::nonNull).count();
        int wrong = wrongSlots().size();
        return wrong > 0 && wrong < answered;
    }
}
