package org.haxlab.model.task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a list of {@link Lexeme}s against the task grammar and derives the ground truth.
 *
 * <p>With a '|' the input is joint recall of w levels (w - 1 = the highest context tier used): the
 * information component defines values under the current context path; the inquiry component
 * restates contexts and asks keys with '?' (or with the teacher-forced value itself, as in the id
 * form). Without '|' it is MQAR: a key's first occurrence with a number defines it; later
 * occurrences with '?' or the same number are queries. All errors are collected, none thrown early.
 */
final class SequenceParser {
    private final List<Lexeme> lexemes;
    private final List<SequenceError> errors = new ArrayList<>();
    private final boolean mqar;
    private final int tiers;
    /** Defined values: (context path, key id) -> the defining key lexeme and its value id. */
    private final Map<Long, int[]> defined = new HashMap<>();
    private final Set<Integer> tier1Contexts = new HashSet<>();
    private final Set<Integer> keys = new HashSet<>();
    /** Keys whose defining value was not understood: queries on them are not reported again. */
    private final Set<Long> unresolved = new HashSet<>();
    private final List<AnswerTable.Answer> answers = new ArrayList<>();
    private final int[] current = new int[Vocabulary.MAX_CONTEXT_TIERS + 1];
    private boolean inquiry;
    private Lexeme pendingKey;
    /** Context path of the pending key, or -1 when it had none (already reported). */
    private long pendingPath;
    /** The previous token was not understood: a value right after it is not reported again. */
    private boolean afterUnknown;
    /** The token being read follows one that was not understood. */
    private boolean recovering;

    private SequenceParser(List<Lexeme> lexemes) {
        this.lexemes = lexemes;
        this.mqar = lexemes.stream().noneMatch(l -> l.kind() == Lexeme.Kind.SEP);
        // MQAR has no contexts: any context token is reported once, keys need none
        this.tiers = mqar ? 0 : lexemes.stream().mapToInt(l -> Vocabulary.tier(l.id())).max().orElse(0);
    }

    /** Parses {@code lexemes}; {@code maxLength} bounds the length with BOS. */
    static ParsedSequence parse(List<Lexeme> lexemes, int maxLength) {
        SequenceParser p = new SequenceParser(lexemes);
        if (lexemes.isEmpty()) {
            p.errors.add(new SequenceError(0, 0, "", "empty input: type a sequence such as 'A a 3 B a 1 | B a ?'"));
        }
        if (lexemes.size() + 1 > maxLength) {
            Lexeme first = lexemes.get(maxLength - 1);
            p.errors.add(first.error("over-length: " + (lexemes.size() + 1) + " tokens with BOS, more than the maximum "
                    + maxLength + "; this is the first token past it"));
        }
        p.run();
        if (!p.errors.isEmpty()) {
            p.errors.sort(java.util.Comparator.comparingInt(SequenceError::position));
            throw new SequenceParseException(p.errors);
        }
        return p.result();
    }

    private void run() {
        java.util.Arrays.fill(current, -1);
        for (Lexeme l : lexemes) {
            recovering = afterUnknown;
            afterUnknown = l.kind() == Lexeme.Kind.UNKNOWN;
            if (recovering && pendingKey == null && (l.kind() == Lexeme.Kind.VALUE || l.kind() == Lexeme.Kind.QUERY)) {
                continue; // most likely the value of the unknown key: one error is enough
            }
            switch (l.kind()) {
                case UNKNOWN -> {
                    errors.add(l.error(l.problem()));
                    forgetPendingKey();
                }
                case SEP -> separator(l);
                case CONTEXT -> context(l);
                case KEY -> key(l);
                case VALUE, QUERY -> value(l);
                case NOISE -> noise(l);
            }
        }
        if (pendingKey != null) {
            errors.add(pendingKey.error("key without a value: the input ends after it"));
        }
        if (errors.isEmpty() && answers.isEmpty() && !lexemes.isEmpty()) {
            Lexeme last = lexemes.get(lexemes.size() - 1);
            errors.add(new SequenceError(last.position() + 1, 0, "", mqar
                    ? "no query: ask a defined key again with '?', e.g. 'a 3 . a ?'"
                    : "no query: after '|' name the context(s) and a key followed by '?', e.g. '| A a ?'"));
        }
    }

    private void closePendingKey() {
        if (pendingKey != null) {
            errors.add(pendingKey.error("key without a value: a value 0..15 or '?' must follow it"));
            forgetPendingKey();
        }
    }

    /** Drops the pending key; if it was a definition, later queries on it are not reported again. */
    private void forgetPendingKey() {
        if (pendingKey != null && pendingPath >= 0 && (mqar || !inquiry)) {
            unresolved.add(pendingPath * Vocabulary.SIZE + pendingKey.id());
        }
        pendingKey = null;
    }

    private void separator(Lexeme l) {
        closePendingKey();
        if (inquiry) {
            errors.add(l.error("a second separator '|': a sequence has one, between information and inquiry"));
        }
        inquiry = true;
        // the inquiry restates its contexts: nothing carries over from the information component
        java.util.Arrays.fill(current, -1);
    }

    private void context(Lexeme l) {
        closePendingKey();
        if (mqar) {
            errors.add(l.error("context in a sequence without '|': contexts belong to joint recall, MQAR has none"));
            return;
        }
        int tier = Vocabulary.tier(l.id());
        current[tier] = Vocabulary.slot(l.id());
        for (int t = 1; t < tier; t++) {
            current[t] = -1;
        }
        if (tier == 1 && !inquiry) {
            tier1Contexts.add(current[1]);
        }
    }

    private void key(Lexeme l) {
        closePendingKey();
        pendingKey = l;
        pendingPath = 0;
        for (int t = tiers; t >= 1; t--) {
            if (current[t] < 0) {
                if (recovering) {
                    pendingPath = -1; // its context was probably the token not understood
                    return;
                }
                String example = t == 1 ? "A" : "A" + t;
                errors.add(l.error("key without a context: a tier-" + t + " context such as '" + example
                        + "' must come before it" + (inquiry ? " in the inquiry component" : "")));
                pendingPath = -1;
                return;
            }
            pendingPath = pendingPath * Vocabulary.SLOTS + current[t];
        }
    }

    private void value(Lexeme l) {
        boolean query = l.kind() == Lexeme.Kind.QUERY;
        if (pendingKey == null) {
            errors.add(l.error(query ? "'?' without a key before it" : "value without a key: a key a..p must come before it"));
            return;
        }
        Lexeme key = pendingKey;
        pendingKey = null;
        if (pendingPath < 0) {
            return;
        }
        long slot = pendingPath * Vocabulary.SIZE + key.id();
        int[] def = defined.get(slot);
        if (mqar ? def == null && !query : !inquiry) {
            if (query) {
                errors.add(l.error("'?' before the separator '|': the information component gives values, queries come after '|'"));
                unresolved.add(slot);
            } else if (def != null) {
                errors.add(key.error("key defined twice in " + where() + " (first at position " + def[0] + ")"));
            } else {
                defined.put(slot, new int[] {key.position(), l.id()});
                keys.add(key.id());
            }
            return;
        }
        if (def == null) {
            if (unresolved.contains(slot)) {
                return; // its definition was already reported as not understood
            }
            errors.add(key.error("query for (" + question(key) + ") that the information component never defines"
                    + (mqar ? " before it" : "")));
            return;
        }
        if (!query && l.id() != def[1]) {
            String known = question(key) + " = " + Vocabulary.name(def[1]) + " (position " + def[0] + ")";
            errors.add(mqar ? key.error("key defined twice: " + known + " already")
                    : l.error("value contradicts the information component: " + known + "; write '?' for a query"));
            return;
        }
        List<Integer> path = new ArrayList<>();
        for (int t = tiers; t >= 1; t--) {
            path.add(Vocabulary.context(t, current[t]));
        }
        answers.add(new AnswerTable.Answer(key.position(), path, key.id(), def[1], def[0]));
    }

    private void noise(Lexeme l) {
        closePendingKey();
        if (!mqar) {
            errors.add(l.error("noise '.' belongs to MQAR sequences (written without '|')"));
        }
    }

    private String where() {
        if (tiers == 0) {
            return mqar ? "this sequence" : "the table";
        }
        StringBuilder sb = new StringBuilder("context ");
        for (int t = tiers; t >= 1; t--) {
            sb.append(Vocabulary.name(Vocabulary.context(t, current[t]))).append(t > 1 ? " " : "");
        }
        return sb.toString();
    }

    private String question(Lexeme key) {
        StringBuilder sb = new StringBuilder();
        for (int t = tiers; t >= 1; t--) {
            sb.append(Vocabulary.name(Vocabulary.context(t, current[t]))).append(' ');
        }
        return sb.append(key.text()).toString();
    }

    private ParsedSequence result() {
        int[] tokens = new int[lexemes.size() + 1];
        tokens[0] = Vocabulary.BOS;
        for (int i = 0; i < lexemes.size(); i++) {
            Lexeme l = lexemes.get(i);
            tokens[i + 1] = l.kind() == Lexeme.Kind.QUERY ? -1 : l.id();
        }
        int[] positions = new int[answers.size()];
        int[] expected = new int[answers.size()];
        for (int q = 0; q < positions.length; q++) {
            positions[q] = answers.get(q).position();
            expected[q] = answers.get(q).value();
            // teacher forcing: the model's input after a query key is its true value
            tokens[positions[q] + 1] = expected[q];
        }
        int contexts = mqar || tiers == 0 ? 0 : tier1Contexts.size();
        RecallSequence seq = new RecallSequence(tokens, positions, expected, contexts, keys.size());
        return new ParsedSequence(seq, mqar ? 1 : tiers + 1, mqar, new AnswerTable(answers));
    }
}
