package org.haxlab.model.train;

import ai.djl.ndarray.NDArray;
import org.haxlab.model.nd.ManagedTest;
import org.haxlab.model.nd.Scalars;
import org.haxlab.model.nn.ForwardOutput;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.trace.ForwardOptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest extends ManagedTest {

    private static List<StepEvent> collect(Trainer t) {
        List<StepEvent> events = new ArrayList<>();
        t.addListener(new TrainingListener() {
            @Override
            public void onStep(StepEvent e) {
                events.add(e);
            }
        });
        return events;
    }

    @Test
    void lossDecreasesOnTinyRecall() {
        try (TinyRecallModel model = Fixtures.model(manager, 1)) {
            Trainer t = new Trainer(model, Fixtures.config(150, 1e-2).withValidateEvery(50),
                    new RecallFixture(Fixtures.SPEC), Fixtures.heldOut(16));
            List<StepEvent> ev = collect(t);
            RunSummary s = t.run();
            assertEquals(RunState.FINISHED, s.state(), s.message());
            assertEquals(150, s.steps());
            double first = ev.subList(0, 20).stream().mapToDouble(StepEvent::lmLoss).average().orElseThrow();
            double last = ev.subList(130, 150).stream().mapToDouble(StepEvent::lmLoss).average().orElseThrow();
            assertTrue(last < 0.75 * first, "loss " + first + " -> " + last);
            assertTrue(ev.get(0).gateLoss() > 0, "fixture gate loss is reported");
            assertEquals(ev.get(0).lmLoss() + 0.1 * ev.get(0).gateLoss(), ev.get(0).loss(), 1e-5);
            assertNotNull(ev.get(49).validation());
            assertTrue(s.bestValAccuracy() > 1.0 / 16, "above chance: " + s.bestValAccuracy());
            assertTrue(ev.get(0).learningRate() < ev.get(10).learningRate(), "warm-up");
        }
    }

    @Test
    void sameSeedGivesIdenticalLossSequence() {
        double[][] runs = new double[2][];
        for (int r = 0; r < 2; r++) {
            try (TinyRecallModel model = Fixtures.model(manager, 3)) {
                Trainer t = new Trainer(model, Fixtures.config(25, 1e-3), new RecallFixture(Fixtures.SPEC), List.of());
                List<StepEvent> ev = collect(t);
                t.run();
                runs[r] = ev.stream().mapToDouble(StepEvent::loss).toArray();
            }
        }
        assertArrayEquals(runs[0], runs[1], 0.0);
        // a different data seed must change the sequence (so the check above can fail)
        try (TinyRecallModel model = Fixtures.model(manager, 3)) {
            Trainer other = new Trainer(model, new TrainingConfig(25, 8, 1e-3, 5, Schedule.CONSTANT, 0.01, 1.0, 0.1, 0, 0, 8L),
                    new RecallFixture(Fixtures.SPEC), List.of());
            List<StepEvent> ev = collect(other);
            other.run();
            assertTrue(ev.get(0).loss() != runs[0][0] || ev.get(1).loss() != runs[0][1]);
        }
    }

    /** A gate loss sqrt(0 * q) is finite (0) but its gradient is NaN: the update must not be applied. */
    @Test
    void nanGradientStopsRunBeforeTheUpdateAndNamesTheParameter() {
        try (TinyRecallModel inner = Fixtures.model(manager, 8)) {
            // not closed here: the try closes inner
            SequenceModel model = new ForwardingModel(inner) {
                @Override
                public ForwardOutput forward(NDArray tokens, ForwardOptions options) {
                    ForwardOutput out = inner.forward(tokens, options);
                    return new ForwardOutput(out.logits(), Scalars.mul(inner.params().get("attn.k"), 0f).sum().sqrt());
                }
            };
            Map<String, float[]> before = inner.params().snapshot();
            RunSummary s = new Trainer(model, Fixtures.config(5, 1e-3), new RecallFixture(Fixtures.SPEC), List.of()).run();
            assertEquals(RunState.DIVERGED, s.state());
            assertEquals(0, s.steps());
            assertTrue(s.message().contains("step 1") && s.message().contains("gradient of 'attn.k'"), s.message());
            inner.params().snapshot().forEach((n, v) -> assertArrayEquals(before.get(n), v, 0f, n));
        }
    }

    @Test
    void nanWeightStopsRunAndKeepsLastGoodWeights() {
        try (TinyRecallModel model = Fixtures.model(manager, 4)) {
            Trainer t = new Trainer(model, Fixtures.config(50, 1e-3), new RecallFixture(Fixtures.SPEC), List.of());
            Map<Integer, Map<String, float[]>> snaps = new java.util.HashMap<>();
            List<Throwable> errors = new ArrayList<>();
            t.addListener(new TrainingListener() {
                @Override
                public void onStep(StepEvent e) {
                    snaps.put(e.step(), model.params().snapshot());
                    if (e.step() == 10) {
                        float[] bad = model.params().get("attn.v").toFloatArray();
                        bad[3] = Float.NaN;
                        model.params().get("attn.v").set(bad);
                    }
                }

                @Override
                public void onError(Throwable error) {
                    errors.add(error);
                }
            });
            RunSummary s = t.run();
            assertEquals(RunState.DIVERGED, s.state());
            assertEquals(10, s.steps());
            assertTrue(s.message().contains("step 11") && s.message().contains("loss")
                    && s.message().contains("lower learning rate"), s.message());
            assertTrue(errors.get(0) instanceof DivergenceException);
            // the last weights that gave a finite loss: those in place before the update of step 10
            Map<String, float[]> now = model.params().snapshot();
            Map<String, float[]> good = snaps.get(9);
            for (String name : now.keySet()) {
                assertArrayEquals(good.get(name), now.get(name), 0f, name);
            }
            // the model trains again afterwards: the NaN gradients were cleared
            Trainer again = new Trainer(model, Fixtures.config(3, 1e-3), new RecallFixture(Fixtures.SPEC), List.of());
            assertEquals(RunState.FINISHED, again.run().state());
        }
    }

    @Test
    void hugeLearningRateDivergesWithFiniteWeightsKept() {
        try (TinyRecallModel model = Fixtures.model(manager, 5)) {
            TrainingConfig cfg = new TrainingConfig(20, 8, 1e30, 0, Schedule.CONSTANT, 0.01, 0, 0.1, 0, 0, 7L);
            RunSummary s = new Trainer(model, cfg, new RecallFixture(Fixtures.SPEC), List.of()).run();
            assertEquals(RunState.DIVERGED, s.state());
            assertTrue(s.message().contains("diverged at step"), s.message());
            for (float[] w : model.params().snapshot().values()) {
                for (float x : w) {
                    assertTrue(Float.isFinite(x) && Math.abs(x) < 1e3, "weights restored: " + x);
                }
            }
        }
    }

    @Test
    void liveArraysDoNotGrowOverManySteps() {
        try (TinyRecallModel model = Fixtures.model(manager, 6)) {
            Trainer t = new Trainer(model, Fixtures.config(300, 1e-3).withValidateEvery(50),
                    new RecallFixture(Fixtures.SPEC), Fixtures.heldOut(8));
            int[] counts = new int[301];
            t.addListener(new TrainingListener() {
                @Override
                public void onStep(StepEvent e) {
                    counts[e.step()] = manager.getManagedArrays().size();
                }
            });
            assertEquals(RunState.FINISHED, t.run().state());
            assertTrue(counts[20] > 0);
            assertEquals(counts[20], counts[300], "live arrays at step 20 vs 300");
            assertEquals(counts[20], counts[101]);
        }
    }
}
