package org.haxlab.model.task;

import java.util.List;

/**
 * The ground truth of every query of a sequence, derived from its information component.
 *
 * @param answers one row per query, in sequence order
 */
public record AnswerTable(List<Answer> answers) {

    public AnswerTable {
        answers = List.copyOf(answers);
    }

    /**
     * One query and its answer.
     *
     * @param position   model position of the query key (where loss is taken)
     * @param contexts   context token ids of the question, outermost tier first (empty for AR / MQAR)
     * @param key        key token id
     * @param value      the expected value token id
     * @param definedAt  model position of the key that defined this value in the information part
     */
    public record Answer(int position, List<Integer> contexts, int key, int value, int definedAt) {

        public Answer {
            contexts = List.copyOf(contexts);
        }

        /** The question as typed, e.g. {@code B a}. */
        public String question() {
            StringBuilder sb = new StringBuilder();
            for (int c : contexts) {
                sb.append(Vocabulary.name(c)).append(' ');
            }
            return sb.append(Vocabulary.name(key)).toString();
        }
    }

    /** Number of queries. */
    public int size() {
        return answers.size();
    }

    /** A fixed-width text table: position, question, answer, where it was defined. */
    public String format() {
        StringBuilder sb = new StringBuilder(String.format("%8s  %-10s  %6s  %10s%n", "position", "question", "answer",
                "defined at"));
        for (Answer a : answers) {
            sb.append(String.format("%8d  %-10s  %6s  %10d%n", a.position(), a.question(), Vocabulary.name(a.value()),
                    a.definedAt()));
        }
        return sb.toString();
    }
}
