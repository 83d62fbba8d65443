package org.haxlab.model.task;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JointRecallTaskTest {

    private static RecallSequence mqjr(int nc, int nk, long seed) {
        return new TaskSampler(TaskConfig.mqjr(nc, nk, seed)).next();
    }

    @Test
    void oneContextOneKeyHasTheExactPaperLayout() {
        RecallSequence s = mqjr(1, 1, 7);
        int v = s.token(3);
        assertTrue(v >= 10 && v <= 25, "value id in 10..25");
        // BOS, CTX0, KEY0, VAL, SEP, CTX0, KEY0, VAL (teacher-forced)
        assertArrayEquals(new int[] {1, 42, 26, v, 4, 42, 26, v}, s.tokens());
        assertArrayEquals(new int[] {6}, s.queryPositions());
        assertArrayEquals(new int[] {v}, s.expected());
        assertEquals(1, s.contexts());
        assertEquals(1, s.keys());
    }

    @Test
    void twoByTwoHasKeysAtHandCheckedPositions() {
        RecallSequence s = mqjr(2, 2, 3);
        assertEquals(22, s.length());
        assertEquals(Vocabulary.SEP, s.token(11));
        // inquiry: ctx 12, keys 13 15, ctx 17, keys 18 20
        assertArrayEquals(new int[] {13, 15, 18, 20}, s.queryPositions());
        for (int p : new int[] {1, 6, 12, 17}) {
            assertEquals(TokenRole.CONTEXT, Vocabulary.role(s.token(p)), "context at " + p);
        }
        for (int p : new int[] {2, 4, 7, 9, 13, 15, 18, 20}) {
            assertEquals(TokenRole.KEY, Vocabulary.role(s.token(p)), "key at " + p);
            assertEquals(TokenRole.VALUE, Vocabulary.role(s.token(p + 1)), "value at " + (p + 1));
        }
    }

    @Test
    void lengthFollowsTheFormulaOverThePaperGrid() {
        for (int nc = 1; nc <= 16; nc++) {
            for (int nk = 1; nk <= 16; nk += 5) {
                RecallSequence s = mqjr(nc, nk, nc * 31L + nk);
                assertEquals(2 + 2 * nc * (1 + 2 * nk), s.length(), nc + "x" + nk);
                assertEquals(Layout.length(nc, nk), s.length());
                assertEquals(nc * nk, s.queries());
            }
        }
        assertEquals(112, Layout.length(5, 5));
        assertEquals(1058, Layout.maxLength(TaskConfig.paper(0)));
    }

    @Test
    void inquiryAsksEveryPairOnceWithTheInformationValue() {
        for (long seed = 0; seed < 20; seed++) {
            RecallSequence s = mqjr(5, 7, seed);
            int sep = 1 + 5 * (1 + 2 * 7);
            assertEquals(Vocabulary.SEP, s.token(sep));
            Map<Integer, Integer> table = new HashMap<>();
            Set<Integer> contexts = new HashSet<>();
            int ctx = -1;
            for (int i = 1; i < sep; i++) {
                int t = s.token(i);
                if (Vocabulary.role(t) == TokenRole.CONTEXT) {
                    ctx = t;
                    assertTrue(contexts.add(t), "contexts are distinct");
                    assertTrue(t < Vocabulary.CONTEXT_BASE + 5);
                } else if (Vocabulary.role(t) == TokenRole.KEY) {
                    assertTrue(t < Vocabulary.KEY_BASE + 7, "keys are 0..n_k-1");
                    assertEquals(null, table.put(ctx * 100 + t, s.token(i + 1)), "key once per context");
                    i++;
                }
            }
            assertEquals(35, table.size(), "same key set in every context");
            int[] qp = s.queryPositions();
            int[] ex = s.expected();
            Set<Integer> asked = new HashSet<>();
            for (int q = 0; q < qp.length; q++) {
                int p = qp[q];
                assertTrue(p > sep);
                int c = p;
                while (Vocabulary.role(s.token(c)) != TokenRole.CONTEXT) {
                    c--;
                }
                int cell = s.token(c) * 100 + s.token(p);
                assertTrue(asked.add(cell), "each pair asked once");
                assertEquals(table.get(cell), ex[q]);
                assertEquals(ex[q], s.token(p + 1), "teacher-forced value follows the query key");
            }
            assertEquals(35, asked.size());
        }
    }

    @Test
    void inquiryIsReshuffled() {
        int same = 0;
        for (long seed = 0; seed < 20; seed++) {
            RecallSequence s = mqjr(4, 4, seed);
            int sep = 1 + 4 * 9;
            boolean identical = true;
            for (int i = 1; i < sep; i++) {
                identical &= s.token(i) == s.token(sep + i);
            }
            same += identical ? 1 : 0;
        }
        assertTrue(same < 2, "inquiry order repeats the information order too often: " + same);
    }

    @Test
    void valuesAreUniformOverTheConfiguredValues() {
        TaskConfig config = new TaskConfig(4, 4, 4, 4, 4, 0, 11, Variant.MQJR, 2);
        int[] counts = new int[16];
        TaskSampler sampler = new TaskSampler(config);
        for (int i = 0; i < 200; i++) {
            for (int e : sampler.next().expected()) {
                counts[e - Vocabulary.VALUE_BASE]++;
            }
        }
        for (int v = 0; v < 16; v++) {
            if (v < 4) {
                assertTrue(counts[v] > 700 && counts[v] < 900, "value " + v + " drawn " + counts[v] + " of 3200");
            } else {
                assertEquals(0, counts[v]);
            }
        }
    }

    @Test
    void sameSeedSameSequencesOtherSeedOtherSequences() {
        TaskConfig config = new TaskConfig(2, 6, 3, 9, 16, 0, 42, Variant.MQJR, 2);
        assertEquals(new TaskSampler(config).next(30), new TaskSampler(config).next(30));
        assertNotEquals(new TaskSampler(config).next(30), new TaskSampler(config.withSeed(43)).next(30));
    }

    @Test
    void samplerDrawsTableSizesFromTheRanges() {
        TaskSampler sampler = new TaskSampler(new TaskConfig(2, 4, 3, 5, 16, 0, 1, Variant.MQJR, 2));
        Set<Integer> seen = new HashSet<>();
        for (RecallSequence s : sampler.next(300)) {
            assertTrue(s.contexts() >= 2 && s.contexts() <= 4 && s.keys() >= 3 && s.keys() <= 5);
            seen.add(s.contexts() * 10 + s.keys());
        }
        assertEquals(9, seen.size());
    }

    @Test
    void singleQueryAsksOneDefinedPair() {
        TaskConfig config = new TaskConfig(3, 3, 4, 4, 16, 0, 5, Variant.SINGLE, 2);
        for (RecallSequence s : new TaskSampler(config).next(20)) {
            int info = 3 * 9;
            assertEquals(info + 5, s.length());
            assertEquals(Vocabulary.SEP, s.token(info + 1));
            assertArrayEquals(new int[] {info + 3}, s.queryPositions());
            int ctx = s.token(info + 2);
            int key = s.token(info + 3);
            int expected = -1;
            for (int i = 1; i <= info; i++) {
                if (s.token(i) == ctx) {
                    for (int j = i + 1; j < i + 9; j += 2) {
                        expected = s.token(j) == key ? s.token(j + 1) : expected;
                    }
                }
            }
            assertEquals(expected, s.expected()[0]);
            assertEquals(expected, s.token(info + 4));
        }
    }

    @Test
    void multiLevelNestsTiersAndAssociativeRecallHasNoContexts() {
        TaskConfig ar = new TaskConfig(1, 1, 3, 3, 16, 0, 2, Variant.MULTILEVEL, 1);
        RecallSequence s = new TaskSampler(ar).next();
        assertEquals(2 + 2 * 6, s.length());
        assertEquals(Vocabulary.SEP, s.token(7));
        assertArrayEquals(new int[] {8, 10, 12}, s.queryPositions());
        assertEquals(0, s.contexts());

        TaskConfig three = new TaskConfig(2, 2, 2, 2, 16, 0, 2, Variant.MULTILEVEL, 3);
        RecallSequence t = new TaskSampler(three).next();
        // info = 2 * (1 + 2 * (1 + 4)) = 22
        assertEquals(2 + 2 * 22, t.length());
        assertEquals(Layout.length(Variant.MULTILEVEL, 3, 2, 2), t.length());
        assertEquals(8, t.queries());
        assertEquals(2, Vocabulary.tier(t.token(1)));
        assertEquals(1, Vocabulary.tier(t.token(2)));
        assertEquals(TokenRole.KEY, Vocabulary.role(t.token(3)));
        // every (outer, inner, key) answer matches the parser's reading of the information component
        assertEquals(t, SequenceText.parse(SequenceText.print(t)).sequence());
    }

    @Test
    void generatorRejectsSizesOutsideTheSlots() {
        JointRecallTask task = new JointRecallTask(TaskConfig.mqjr(2, 2, 0));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> task.generate(17, 2, new SplittableRandom(0)));
        assertTrue(e.getMessage().contains("1..16"), e.getMessage());
    }
}
