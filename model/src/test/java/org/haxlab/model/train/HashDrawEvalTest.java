package org.haxlab.model.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nn.HaxModel;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.SequenceText;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.trace.ForwardOptions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Evaluation under several LSH projection draws (spec §5), for both variants. */
class HashDrawEvalTest {

    private static final List<RecallSequence> SEQUENCES = List.of(
            SequenceText.parse("A a 3 b 2 B b 4 a 1 | B a ? b ? A b ? a ?").sequence(),
            SequenceText.parse("A a 5 b 7 | A b ? a ?").sequence(),
            SequenceText.parse("B b 1 a 9 A a 2 b 2 | A a ? b ? B b ? a ?").sequence());

    private static ModelConfig config(SparseConfig.Variant variant) {
        SparseConfig sparse = SparseConfig.paper(Pattern.LSH).withBudget(4).withHashBits(3).withVariant(variant);
        return new ModelConfig(Backbone.MAMBA2, 100, 16, 2, 2, 8, 4, 4, 4, sparse, 7L);
    }

    private static float[] logits(HaxModel m) {
        try (NDScope scope = new NDScope()) {
            long[] t = new long[22];
            for (int i = 0; i < t.length; i++) {
                t[i] = SEQUENCES.get(0).token(i);
            }
            return m.forward(m.params().manager().create(t, new Shape(1, t.length)), ForwardOptions.eval()).logits()
                    .toFloatArray();
        }
    }

    @Test
    void everyVariantGivesOneEvaluationPerDrawAndKeepsTheModelsProjection() {
        for (SparseConfig.Variant variant : SparseConfig.Variant.values()) {
            try (NDManager manager = NDManager.newBaseManager();
                 HaxModel m = new HaxModel(config(variant), manager, manager.getDevice())) {
                float[] before = logits(m);
                HashDrawEval r = HashDrawEval.run(m, SEQUENCES, 2, 0, 4, 9L);
                assertEquals(4, r.draws().size());
                long distinct = r.draws().stream().mapToDouble(EvalResult::loss).distinct().count();
                assertTrue(distinct > 1, variant + ": other projections give other losses " + r.draws());
                double mean = r.draws().stream().mapToDouble(EvalResult::accuracy).sum() / 4;
                assertEquals(mean, r.mean(), 1e-12);
                assertTrue(r.min() <= r.mean() && r.mean() <= r.max() && r.std() >= 0);
                assertEquals(SEQUENCES.size(), r.cells().stream().mapToInt(EvalResult.Cell::samples).sum());
                // draw 0 is the plain evaluation; the model's own projection is back afterwards
                assertEquals(Evaluator.evaluate(m, SEQUENCES, 2, 0, 9L * 0x9E3779B97F4A7C15L).loss(),
                        r.draws().get(0).loss(), 1e-9);
                assertArrayEquals(before, logits(m), variant + ": the fixed projection is restored");
                assertEquals(variant == SparseConfig.Variant.PAPER, Evaluator.freshDraws(m));
            }
        }
    }

    @Test
    void refusesZeroDraws() {
        try (NDManager manager = NDManager.newBaseManager();
             HaxModel m = new HaxModel(config(SparseConfig.Variant.CAUSAL), manager, manager.getDevice())) {
            var e = assertThrows(IllegalArgumentException.class, () -> HashDrawEval.run(m, SEQUENCES, 2, 0, 0, 1L));
            assertEquals("hash draws: 0 must be >= 1", e.getMessage());
        }
    }
}
