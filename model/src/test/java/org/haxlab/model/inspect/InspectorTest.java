package org.haxlab.model.inspect;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nn.HaxModel;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.trace.ForwardOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectorTest {

    // BOS, A a 0 b 1, SEP, A a ? b ?  (spec §1 layout with one context and two keys)
    private static final RecallSequence SEQ = new RecallSequence(
            new int[] {1, 42, 26, 10, 27, 11, 4, 42, 26, 10, 27, 11}, new int[] {8, 10}, new int[] {10, 11}, 1, 2);

    @Test
    void predictionsComeFromTheLogitsAtTheQueryPositions() {
        try (NDManager m = NDManager.newBaseManager();
             HaxModel model = new HaxModel(ModelConfig.paper(Backbone.MAMBA2, Pattern.NONE), m, m.getDevice())) {
            Inspection ins = Inspector.inspect(model, SEQ);
            float[] logits;
            try (NDScope scope = new NDScope()) {
                long[] ids = new long[SEQ.length()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = SEQ.token(i);
                }
                logits = model.forward(m.create(ids, new Shape(1, ids.length)), ForwardOptions.eval()).logits()
                        .toFloatArray();
            }
            assertEquals(2, ins.layers().size());
            assertEquals(SEQ.length(), ins.predictedAt().length);
            assertEquals(2, ins.predictions().size());
            for (int q = 0; q < 2; q++) {
                QueryPrediction p = ins.predictions().get(q);
                assertEquals(SEQ.queryPositions()[q], p.position());
                assertEquals(SEQ.expected()[q], p.expected());
                float[] row = java.util.Arrays.copyOfRange(logits, p.position() * 100, p.position() * 100 + 100);
                assertArrayEquals(row, p.logits(), 1e-6f);
                int best = 0;
                double sum = 0;
                for (int v = 0; v < 100; v++) {
                    best = row[v] > row[best] ? v : best;
                    sum += Math.exp(row[v]);
                }
                assertEquals(best, p.predicted());
                assertEquals(best, ins.predictedAt()[p.position()]);
                assertEquals(Math.exp(row[best]) / sum, p.confidence(), 1e-5);
                assertEquals(Math.exp(row[p.expected()]) / sum, p.expectedProb(), 1e-5);
                assertTrue(p.confidence() >= p.expectedProb());
            }
            double acc = ins.accuracy();
            assertTrue(acc >= 0 && acc <= 1);
        }
    }

    @Test
    void rejectsTokensOutsideTheVocabulary() {
        RecallSequence bad = new RecallSequence(new int[] {1, 150}, new int[0], new int[0], 0, 0);
        try (NDManager m = NDManager.newBaseManager();
             HaxModel model = new HaxModel(ModelConfig.paper(Backbone.MAMBA1, Pattern.NONE), m, m.getDevice())) {
            assertThrows(IllegalArgumentException.class, () -> Inspector.inspect(model, bad));
        }
    }
}
