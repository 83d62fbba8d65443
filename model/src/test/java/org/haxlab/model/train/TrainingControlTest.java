package org.haxlab.model.train;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingControlTest {

    private static RunState next(BlockingQueue<RunState> q) throws InterruptedException {
        RunState s = q.poll(60, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("no state change within 60 s");
        }
        return s;
    }

    @Test
    void pauseStepResumeAndStopFromAnotherThread() throws Exception {
        try (NDManager manager = NDManager.newBaseManager(); TinyRecallModel model = Fixtures.model(manager, 1)) {
            Trainer t = new Trainer(model, Fixtures.config(100_000, 1e-3), new RecallFixture(Fixtures.SPEC), List.of());
            BlockingQueue<RunState> states = new LinkedBlockingQueue<>();
            AtomicInteger steps = new AtomicInteger();
            t.addListener(new TrainingListener() {
                @Override
                public void onStep(StepEvent e) {
                    steps.set(e.step());
                }

                @Override
                public void onError(Throwable error) {
                    throw new AssertionError("run failed", error);
                }

                @Override
                public void onStateChange(RunState s) {
                    states.add(s);
                }
            });
            TrainingControl c = t.control();
            c.pause(); // requested before the start: the run pauses before its first step
            CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(t::run);
            assertEquals(RunState.PAUSED, next(states));
            assertEquals(0, steps.get());

            c.step(3);
            assertEquals(RunState.RUNNING, next(states));
            assertEquals(RunState.PAUSED, next(states));
            assertEquals(3, steps.get(), "step(3) runs exactly three steps");

            c.step(2);
            assertEquals(RunState.RUNNING, next(states));
            assertEquals(RunState.PAUSED, next(states));
            assertEquals(5, steps.get());

            c.resume();
            assertEquals(RunState.RUNNING, next(states));
            while (steps.get() < 8) {
                Thread.sleep(5);
            }
            c.pause();
            assertEquals(RunState.PAUSED, next(states));
            int pausedAt = steps.get();
            Thread.sleep(200);
            assertEquals(pausedAt, steps.get(), "no step while paused");

            c.stop();
            RunSummary s = run.get(60, TimeUnit.SECONDS);
            assertEquals(RunState.STOPPED, next(states));
            assertEquals(RunState.STOPPED, s.state());
            assertEquals(pausedAt, s.steps());
            assertTrue(states.isEmpty());
        }
    }

    @Test
    void stepNeedsAPositiveCount() {
        assertThrows(IllegalArgumentException.class, () -> new TrainingControl().step(0));
    }
}
