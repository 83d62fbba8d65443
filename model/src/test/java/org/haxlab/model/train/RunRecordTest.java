package org.haxlab.model.train;

import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.trace.Backbone;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run record's seeds and metrics maps (one builder for every writer) and their JSON round trip. */
class RunRecordTest {

    @Test
    void metricsNameTheLastStepAndValidation() {
        assertTrue(RunRecord.metrics(null, null).isEmpty(), "nothing run yet, nothing recorded");
        StepEvent step = new StepEvent(12, 2.5, 2.4, 1.0, 0.25, 1e-3, 0.7, 900, 40, 3, null);
        Map<String, Double> onlyStep = RunRecord.metrics(step, null);
        assertEquals(List.of("loss", "gate_loss", "accuracy"), List.copyOf(onlyStep.keySet()));
        assertEquals(1.0, onlyStep.get("gate_loss"));
        Map<String, Double> both = RunRecord.metrics(step, new ValidationEvent(10, 2.6, 0.5, true, 0.5, 10));
        assertEquals(List.of("loss", "gate_loss", "accuracy", "val_loss", "val_accuracy", "best_val_accuracy", "best_step"),
                List.copyOf(both.keySet()));
        assertEquals(10.0, both.get("best_step"));
    }

    @Test
    void seedsAndMetricsSurviveTheJsonForm() {
        Map<String, Long> seeds = RunRecord.seeds(3, null);
        assertEquals(Map.of("init", 3L), seeds);
        ModelConfig config = ModelConfig.paper(Backbone.MAMBA1, Pattern.SW);
        StepEvent step = new StepEvent(5, Double.NaN, 2.4, 0, 0.25, 1e-3, 0.7, 900, 40, 3, null);
        RunRecord r = RunRecord.of(config, null, null, RunRecord.seeds(3, 9L), 5, RunRecord.metrics(step, null));
        RunRecord back = RunRecord.fromJson(r.toJson());
        assertEquals(Map.of("init", 3L, "data", 9L), back.seeds());
        assertTrue(Double.isNaN(back.metrics().get("loss")), "a NaN loss is written as null and read back as NaN");
        assertEquals(0.25, back.metrics().get("accuracy"));
        assertEquals(config, back.model());
    }
}
