package org.haxlab.model.task;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceTextTest {
    private static final String SPEC_EXAMPLE = "A a 3 b 2 B b 4 a 1 | B a ? b ? A b ? a ?";

    /** The single error of {@code text}; checks its position and that its message mentions {@code fragment}. */
    private static SequenceError error(String text, int position, String fragment) {
        SequenceParseException e = assertThrows(SequenceParseException.class, () -> SequenceText.parse(text));
        assertEquals(1, e.errors().size(), e.getMessage());
        SequenceError err = e.errors().get(0);
        assertEquals(position, err.position(), err.message());
        assertTrue(err.reason().contains(fragment), "'" + err.reason() + "' should mention '" + fragment + "'");
        assertTrue(e.getMessage().contains("position " + position), e.getMessage());
        return err;
    }

    @Test
    void specExampleGivesItsAnswers() {
        ParsedSequence p = SequenceText.parse(SPEC_EXAMPLE);
        RecallSequence s = p.sequence();
        assertEquals(22, s.length());
        assertEquals(2, p.levels());
        assertEquals(2, s.contexts());
        assertEquals(2, s.keys());
        assertArrayEquals(new int[] {13, 15, 18, 20}, s.queryPositions());
        assertArrayEquals(new int[] {11, 14, 12, 13}, s.expected(), "answers 1 4 2 3");
        assertArrayEquals(new int[] {1, 42, 26, 13, 27, 12, 43, 27, 14, 26, 11, 4, 43, 26, 11, 27, 14, 42, 27, 12, 26, 13},
                s.tokens());
        assertEquals(SPEC_EXAMPLE, SequenceText.print(s));
        AnswerTable.Answer first = p.answers().answers().get(0);
        assertEquals("B a", first.question());
        assertEquals(9, first.definedAt());
        assertTrue(p.answers().format().contains("B a"));
        assertEquals("joint recall, 2 levels: 2 contexts x 2 keys, 4 queries, 22 tokens with BOS", p.summary());
    }

    @Test
    void printParseRoundTripForEveryVariant() {
        List<TaskConfig> configs = List.of(
                new TaskConfig(1, 6, 1, 6, 16, 0, 1, Variant.MQJR, 2),
                new TaskConfig(1, 6, 1, 6, 5, 0, 2, Variant.SINGLE, 2),
                new TaskConfig(1, 1, 1, 6, 16, 0, 3, Variant.MULTILEVEL, 1),
                new TaskConfig(1, 3, 1, 3, 16, 0, 4, Variant.MULTILEVEL, 3),
                new TaskConfig(1, 2, 1, 2, 16, 0, 5, Variant.MULTILEVEL, 4),
                new TaskConfig(1, 1, 1, 8, 16, 60, 6, Variant.MQAR, 1));
        for (TaskConfig c : configs) {
            for (RecallSequence s : new TaskSampler(c).next(25)) {
                String text = SequenceText.print(s);
                ParsedSequence p = SequenceText.parse(text);
                assertEquals(s, p.sequence(), c.variant() + ": " + text);
                assertEquals(text, SequenceText.print(p.sequence()));
                assertEquals(c.levels(), p.levels());
                assertEquals(s, SequenceText.parseIds(SequenceText.printIds(s, c.paddedLength() + 3), 4096).sequence());
            }
        }
    }

    @Test
    void idFormIsTheTokenIds() {
        RecallSequence s = SequenceText.parse("A a 3 | A a ?").sequence();
        assertEquals("1 42 26 13 4 42 26 13", SequenceText.printIds(s, 0));
        assertEquals("1 42 26 13 4 42 26 13 3 3", SequenceText.printIds(s, 10));
        assertEquals(s, SequenceText.parseIds("42 26 13 4 42 26 13", 100).sequence());
        SequenceParseException e = assertThrows(SequenceParseException.class,
                () -> SequenceText.parseIds("1 42 26 13 4 42 26 14", 100));
        assertTrue(e.errors().get(0).reason().contains("contradicts"), e.getMessage());
        e = assertThrows(SequenceParseException.class, () -> SequenceText.parseIds("1 42 7 x 3 26 4", 100));
        assertTrue(e.getMessage().contains("id 7 is not used"), e.getMessage());
        assertTrue(e.getMessage().contains("'x' is not a token id"), e.getMessage());
        assertTrue(e.getMessage().contains("PAD (3) may only follow"), e.getMessage());
    }

    @Test
    void analyseGivesTheAnswerTableOfAGeneratedSequence() {
        RecallSequence s = new TaskSampler(TaskConfig.mqjr(3, 4, 8)).next();
        ParsedSequence p = SequenceText.analyse(s);
        assertEquals(s, p.sequence());
        assertEquals(12, p.answers().size());
        for (int q = 0; q < 12; q++) {
            assertEquals(s.expected()[q], p.answers().answers().get(q).value());
            assertEquals(s.queryPositions()[q], p.answers().answers().get(q).position());
        }
    }

    @Test
    void typedTeacherForcedValuesAreQueriesToo() {
        ParsedSequence p = SequenceText.parse("A a 3 | A a 3");
        assertArrayEquals(new int[] {6}, p.sequence().queryPositions());
        assertEquals("A a 3 | A a ?", SequenceText.print(p.sequence()));
    }

    @Test
    void gluedPunctuationSplits() {
        assertEquals(SequenceText.parse("A a 3|A a ?").sequence(), SequenceText.parse("A a 3 | A a?").sequence());
    }

    @Test
    void everyErrorNamesItsPositionAndReason() {
        error("", 0, "empty input");
        error("   \n\t ", 0, "empty input");
        SequenceError unknown = error("A a 3 | A x ?", 6, "key 'x' is beyond the 16 key slots");
        assertEquals(11, unknown.column());
        error("A a 3 | A a ? %", 8, "unknown token");
        error("A a 3 Q b 2 | A a ?", 4, "context 'Q' is beyond");
        error("A a 16 | A a ?", 3, "value 16 is outside 0..15");
        error("A a 3 | A a ? <bos>", 8, "implicit");
        error("A a 3 | A1 a ?", 5, "no tier 1");
        error("A 3 a 2 | A a ?", 2, "value without a key");
        error("a 3 A b 2 | A b ?", 1, "key without a context");
        error("A a 3 | a ?", 5, "key without a context");
        error("A a 3 | B a ?", 6, "never defines");
        error("A a 3 | A b ?", 6, "never defines");
        error("A a 3 a 4 | A a ?", 4, "key defined twice in context A (first at position 2)");
        error("A a 3 | A a 4", 7, "contradicts the information component: A a = 3");
        error("A a ? | A a ?", 3, "before the separator");
        error("A a 3 | A a ? | A a ?", 8, "a second separator");
        error("A a b 3 | A a ?", 2, "key without a value");
        error("A a 3 | A a", 6, "the input ends");
        error("A a 3 | ? A a ?", 5, "'?' without a key");
        error("A a 3 . | A a ?", 4, "noise '.' belongs to MQAR");
        error("A a 3 |", 5, "no query");
        error("a 3 b 4 . a 5", 6, "key defined twice: a = 3");
        error("a 3 . c ?", 4, "never defines before it");
        error("a 3 A . a ?", 3, "contexts belong to joint recall");
        error("A2 A a 3 A2 b 4 | A2 A a ?", 6, "tier-1 context");
    }

    @Test
    void overLengthIsReportedAtTheFirstPositionPastTheLimit() {
        SequenceParseException e = assertThrows(SequenceParseException.class,
                () -> SequenceText.parse(SPEC_EXAMPLE, 10));
        assertEquals(1, e.errors().size(), e.getMessage());
        assertEquals(10, e.errors().get(0).position());
        assertTrue(e.errors().get(0).reason().contains("over-length: 22 tokens with BOS, more than the maximum 10"));
        assertEquals(22, SequenceText.parse(SPEC_EXAMPLE, 22).sequence().length());
    }

    @Test
    void allErrorsAreCollectedInOrder() {
        SequenceParseException e = assertThrows(SequenceParseException.class,
                () -> SequenceText.parse("A a 3 a 4 z | B a ? A c ?"));
        List<SequenceError> errors = e.errors();
        assertEquals(4, errors.size(), e.getMessage());
        assertEquals(4, errors.get(0).position());
        assertEquals(6, errors.get(1).position());
        assertEquals(9, errors.get(2).position());
        assertEquals(12, errors.get(3).position());
    }

    @Test
    void namesAndRolesForColouring() {
        assertEquals("A3", Vocabulary.name(Vocabulary.context(3, 0)));
        assertEquals("p", Vocabulary.name(41));
        assertEquals("15", Vocabulary.name(25));
        assertEquals("|", Vocabulary.name(Vocabulary.SEP));
        assertEquals("<pad>", Vocabulary.name(Vocabulary.PAD));
        assertEquals("<99>", Vocabulary.name(99));
        assertEquals(TokenRole.UNUSED, Vocabulary.role(0));
        RecallSequence s = SequenceText.parse("A a 3 | A a ?").sequence();
        assertArrayEquals(new TokenRole[] {TokenRole.SPECIAL, TokenRole.CONTEXT, TokenRole.KEY, TokenRole.VALUE,
            TokenRole.SPECIAL, TokenRole.CONTEXT, TokenRole.QUERY, TokenRole.ANSWER}, TokenRole.of(s));
        assertEquals(List.of("<bos>", "A", "a", "3", "|", "A", "a", "3"), SequenceText.names(s));
    }
}
