package org.haxlab.model.task;

import java.util.List;
import java.util.StringJoiner;

/**
 * The readable text form of task sequences, which users type and the app prints (grammar in
 * {@code samples/README.md}): {@code A a 3 b 2 B b 4 a 1 | B a ? b ? A b ? a ?}.
 *
 * <p>Contexts are {@code A..P} (outer tiers of multi-level recall {@code A2..P2}, {@code A3..P3}),
 * keys {@code a..p}, values {@code 0..15}, {@code |} is SEP, {@code ?} a query and {@code .} MQAR
 * noise; BOS and padding are implicit. The id form is the token ids, space separated.
 */
public final class SequenceText {
    /** Longest input accepted when the caller gives no limit (BOS included). */
    public static final int DEFAULT_MAX_LENGTH = 4096;

    private SequenceText() {
    }

    /** Parses the text form with {@link #DEFAULT_MAX_LENGTH}. */
    public static ParsedSequence parse(String text) {
        return parse(text, DEFAULT_MAX_LENGTH);
    }

    /**
     * Parses the text form.
     *
     * @param maxLength the longest sequence accepted, BOS included
     * @throws SequenceParseException listing every problem, each with its position and reason
     */
    public static ParsedSequence parse(String text, int maxLength) {
        checkLimit(maxLength);
        return SequenceParser.parse(SequenceLexer.text(text == null ? "" : text), maxLength);
    }

    /**
     * Parses the id form: ids separated by whitespace, an optional leading BOS (1), optional trailing
     * PADs (3); values after query keys are the teacher-forced answers and must match the table.
     *
     * @throws SequenceParseException listing every problem
     */
    public static ParsedSequence parseIds(String ids, int maxLength) {
        checkLimit(maxLength);
        return SequenceParser.parse(SequenceLexer.ids(ids == null ? "" : ids), maxLength);
    }

    /**
     * Levels, summary and the answer table of a sequence that did not come from text (e.g. a generated one),
     * read back from its own text form.
     *
     * @throws SequenceParseException when the tokens do not follow the task grammar
     */
    public static ParsedSequence analyse(RecallSequence sequence) {
        return parse(print(sequence), Math.max(2, sequence.length()));
    }

    /** The text form of {@code sequence}: BOS left out, the value after every query shown as {@code ?}. */
    public static String print(RecallSequence sequence) {
        boolean[] answer = new boolean[sequence.length() + 1];
        for (int p : sequence.queryPositions()) {
            answer[p + 1] = true;
        }
        StringJoiner out = new StringJoiner(" ");
        for (int i = 0; i < sequence.length(); i++) {
            int id = sequence.token(i);
            if (i == 0 && id == Vocabulary.BOS) {
                continue;
            }
            out.add(answer[i] ? "?" : Vocabulary.name(id));
        }
        return out.toString();
    }

    /** The token ids, space separated, BOS first, right-padded with PAD to {@code paddedLength} (0 = no padding). */
    public static String printIds(RecallSequence sequence, int paddedLength) {
        if (paddedLength > 0 && paddedLength < sequence.length()) {
            throw new IllegalArgumentException("sequence of " + sequence.length() + " tokens does not fit the padded length "
                    + paddedLength);
        }
        StringBuilder sb = new StringBuilder();
        int n = Math.max(paddedLength, sequence.length());
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(i < sequence.length() ? sequence.token(i) : Vocabulary.PAD);
        }
        return sb.toString();
    }

    /** Display names of every position, BOS included, for views that label tokens one by one. */
    public static List<String> names(RecallSequence sequence) {
        String[] names = new String[sequence.length()];
        for (int i = 0; i < names.length; i++) {
            names[i] = Vocabulary.name(sequence.token(i));
        }
        return List.of(names);
    }

    private static void checkLimit(int maxLength) {
        if (maxLength < 2) {
            throw new IllegalArgumentException("maximum length " + maxLength + " leaves no room after BOS");
        }
    }
}
