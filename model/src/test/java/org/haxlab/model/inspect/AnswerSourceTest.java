package org.haxlab.model.inspect;

import org.haxlab.model.task.AnswerTable;
import org.haxlab.model.task.ParsedSequence;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.SequenceText;
import org.haxlab.model.task.TaskConfig;
import org.haxlab.model.task.TaskSampler;
import org.haxlab.model.task.Variant;
import org.haxlab.model.task.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class AnswerSourceTest {

    @Test
    void specExampleMapsEveryQueryToItsDefinition() {
        RecallSequence s = SequenceText.parse("A a 3 b 2 B b 4 a 1 | B a ? b ? A b ? a ?").sequence();
        assertEquals(List.of(new AnswerSource(13, 9, 10), new AnswerSource(15, 7, 8), new AnswerSource(18, 4, 5),
                new AnswerSource(20, 2, 3)), AnswerSource.of(s));
    }

    @Test
    void outerTiersSelectTheRightPath() {
        // positions: A2 1, A 2, a 3, 1 4, B2 5, A 6, a 7, 2 8, | 9, B2 10, A 11, a 12, ? 13, A2 14, A 15, a 16
        RecallSequence s = SequenceText.parse("A2 A a 1 B2 A a 2 | B2 A a ? A2 A a ?").sequence();
        assertEquals(List.of(new AnswerSource(12, 7, 8), new AnswerSource(16, 3, 4)), AnswerSource.of(s));
    }

    @Test
    void mqarQueriesLookBackToTheFirstOccurrence() {
        RecallSequence s = SequenceText.parse("h 1 m 10 . h ? . m ?").sequence();
        assertEquals(List.of(new AnswerSource(6, 1, 2), new AnswerSource(9, 3, 4)), AnswerSource.of(s));
    }

    @Test
    void agreesWithTheParsersAnswerTableOnGeneratedSequences() {
        for (Variant v : List.of(Variant.MQJR, Variant.SINGLE, Variant.MULTILEVEL, Variant.MQAR)) {
            int levels = v.defaultLevels();
            int nc = levels == 1 ? 1 : 3;
            TaskConfig config = new TaskConfig(nc, nc, 3, 4, 16, 0, 7L, v, levels);
            for (RecallSequence s : new TaskSampler(config).next(5)) {
                ParsedSequence parsed = SequenceText.analyse(s);
                List<AnswerSource> sources = AnswerSource.of(s);
                List<AnswerTable.Answer> answers = parsed.answers().answers();
                assertEquals(answers.size(), sources.size(), v + ": one source per query");
                for (int q = 0; q < answers.size(); q++) {
                    assertEquals(answers.get(q).definedAt(), sources.get(q).keyPosition(), v + " query " + q);
                    assertEquals(answers.get(q).value(), s.token(sources.get(q).valuePosition()), v + " value " + q);
                }
            }
        }
    }

    @Test
    void undefinedQuestionHasNoSource() {
        int a = Vocabulary.key(0);
        int b = Vocabulary.key(1);
        int[] tokens = {Vocabulary.BOS, a, Vocabulary.value(1), Vocabulary.SEP, b, Vocabulary.value(2)};
        RecallSequence s = new RecallSequence(tokens, new int[]{4}, new int[]{Vocabulary.value(2)}, 0, 2);
        AnswerSource src = AnswerSource.of(s).get(0);
        assertFalse(src.found());
        assertEquals(-1, src.valuePosition());
    }
}
