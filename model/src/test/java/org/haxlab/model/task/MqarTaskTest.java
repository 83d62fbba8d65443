package org.haxlab.model.task;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MqarTaskTest {

    @Test
    void pairsComeFirstThenScatteredQueriesAmongNoise() {
        TaskConfig config = new TaskConfig(1, 1, 6, 6, 16, 64, 9, Variant.MQAR, 1);
        for (RecallSequence s : new TaskSampler(config).next(20)) {
            assertEquals(64, s.length());
            assertEquals(0, s.contexts());
            assertEquals(6, s.keys());
            Map<Integer, Integer> pairs = new HashMap<>();
            for (int i = 1; i < 13; i += 2) {
                assertEquals(TokenRole.KEY, Vocabulary.role(s.token(i)));
                assertEquals(null, pairs.put(s.token(i), s.token(i + 1)), "keys are distinct");
            }
            int[] qp = s.queryPositions();
            assertEquals(6, qp.length);
            int queriesSeen = 0;
            for (int i = 13; i < 64; i++) {
                if (s.token(i) == Vocabulary.NOISE) {
                    continue;
                }
                assertEquals(qp[queriesSeen], i, "only queries interrupt the noise");
                assertEquals(pairs.get(s.token(i)), s.expected()[queriesSeen]);
                assertEquals(s.expected()[queriesSeen], s.token(i + 1));
                queriesSeen++;
                i++;
            }
            assertEquals(6, queriesSeen);
            assertEquals(s, SequenceText.parse(SequenceText.print(s)).sequence());
        }
    }

    @Test
    void defaultLengthLeavesRoomForTwiceTheQueries() {
        RecallSequence s = new TaskSampler(new TaskConfig(1, 1, 4, 4, 16, 0, 1, Variant.MQAR, 1)).next();
        assertEquals(1 + 6 * 4, s.length());
    }

    @Test
    void tooShortLengthIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new TaskConfig(1, 1, 8, 8, 16, 20, 1, Variant.MQAR, 1));
        assertTrue(e.getMessage().contains("shorter than"), e.getMessage());
    }

    @Test
    void queriesAreScatteredNotPacked() {
        TaskSampler sampler = new TaskSampler(new TaskConfig(1, 1, 4, 4, 16, 200, 3, Variant.MQAR, 1));
        int late = 0;
        for (RecallSequence s : sampler.next(50)) {
            int[] qp = s.queryPositions();
            late += qp[qp.length - 1] > 100 ? 1 : 0;
        }
        assertTrue(late > 25, "queries should reach the second half of the region, got " + late + "/50");
    }
}
