package org.haxlab.model.train;

import org.haxlab.model.nd.ManagedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exact resume: N steps, then a resume to 2N, equal 2N steps in one go (spec §4). */
class ResumeTest extends ManagedTest {

    private static final int N = 12;

    @TempDir
    Path tmp;
    /** Validation every 4 steps (best-so-far record in play), the paper's constant schedule after warm-up. */
    private static TrainingConfig config(int steps) {
        return Fixtures.config(steps, 3e-3).withValidateEvery(4);
    }

    /** Per-step losses, final weights and summary of one trainer run. */
    private record Outcome(List<Double> losses, Map<String, float[]> weights, RunSummary summary) {
    }

    private Outcome run(TrainingConfig config, Path dir, ResumePoint from, TrainingListener extra) {
        try (TinyRecallModel model = Fixtures.model(manager, 1)) {
            Trainer t = new Trainer(model, config, new RecallFixture(Fixtures.SPEC), Fixtures.heldOut(8))
                    .checkpointEvery(4);
            List<Double> losses = new ArrayList<>();
            t.addListener(new TrainingListener() {
                @Override
                public void onStep(StepEvent e) {
                    losses.add(e.loss());
                }
            });
            if (dir != null) {
                t.addListener(new CheckpointWriter(dir, model, new CheckpointStore(), null, config));
            }
            if (extra != null) {
                t.addListener(extra);
            }
            if (from != null) {
                t.resumeFrom(from);
            }
            RunSummary s = t.run();
            return new Outcome(losses, model.params().snapshot(), s);
        }
    }

    private static void assertSameRun(Outcome whole, List<Double> firstPart, Outcome resumed) {
        List<Double> joined = new ArrayList<>(firstPart);
        joined.addAll(resumed.losses());
        assertEquals(whole.losses().size(), joined.size());
        for (int i = 0; i < joined.size(); i++) {
            assertEquals(whole.losses().get(i), joined.get(i), 1e-6, "loss of step " + (i + 1));
        }
        whole.weights().forEach((n, w) -> assertArrayEquals(w, resumed.weights().get(n), 1e-6f, n));
        assertEquals(whole.summary().bestValAccuracy(), resumed.summary().bestValAccuracy(), 0.0);
        assertEquals(whole.summary().bestStep(), resumed.summary().bestStep());
        assertEquals(whole.summary().steps(), resumed.summary().steps());
    }

    @Test
    void nStepsThenResumeToTwoNEqualsTwoNInOneGo() throws Exception {
        Outcome whole = run(config(2 * N), null, null, null);
        Path dir = tmp.resolve("run");
        Outcome first = run(config(N), dir, null, null);
        assertEquals(RunState.FINISHED, first.summary().state());
        ResumePoint point = new CheckpointStore().readResume(dir);
        assertEquals(N, point.state().step());
        assertEquals(RunState.FINISHED, point.state().state());
        Outcome rest = run(config(2 * N), dir, point, null);
        assertEquals(RunState.FINISHED, rest.summary().state(), rest.summary().message());
        assertEquals(N, rest.losses().size());
        assertSameRun(whole, first.losses(), rest);
        // the resumed run's own last/ continues from there: step 2N, the whole run's weights
        assertEquals(2 * N, new CheckpointStore().readResume(dir).state().step());
    }

    @Test
    void runStoppedMidWayResumesToTheSameRun() throws Exception {
        Outcome whole = run(config(2 * N), null, null, null);
        Path dir = tmp.resolve("run");
        int stopAt = N + 3;
        Outcome[] first = new Outcome[1];
        first[0] = run(config(2 * N), dir, null, new TrainingListener() {
            @Override
            public void onStep(StepEvent e) {
                if (e.step() == stopAt) {
                    throw new StopHere();
                }
            }
        });
        // a listener failure fails the run at stopAt: last/ is the periodic checkpoint before it
        assertEquals(RunState.FAILED, first[0].summary().state());
        ResumePoint point = new CheckpointStore().readResume(dir);
        assertEquals(stopAt - stopAt % 4, point.state().step());
        assertEquals(RunState.RUNNING, point.state().state());
        Outcome rest = run(config(2 * N), dir, point, null);
        assertSameRun(whole, first[0].losses().subList(0, point.state().step()), rest);
    }

    @Test
    void stopRequestSavesAnExactResumePoint() throws Exception {
        Outcome whole = run(config(2 * N), null, null, null);
        Path dir = tmp.resolve("run");
        List<Double> losses = new ArrayList<>();
        try (TinyRecallModel model = Fixtures.model(manager, 1)) {
            TrainingConfig c = config(2 * N);
            Trainer t = new Trainer(model, c, new RecallFixture(Fixtures.SPEC), Fixtures.heldOut(8)).checkpointEvery(0);
            t.addListener(new CheckpointWriter(dir, model, new CheckpointStore(), null, c));
            t.addListener(new TrainingListener() {
                @Override
                public void onStep(StepEvent e) {
                    losses.add(e.loss());
                    if (e.step() == 7) {
                        t.control().stop();
                    }
                }
            });
            assertEquals(RunState.STOPPED, t.run().state());
        }
        ResumePoint point = new CheckpointStore().readResume(dir);
        assertEquals(7, point.state().step());
        assertEquals(RunState.STOPPED, point.state().state());
        assertSameRun(whole, losses, run(config(2 * N), dir, point, null));
    }

    @Test
    void resumeIsRefusedForAnotherModelOrAPastTotal() throws Exception {
        Path dir = tmp.resolve("run");
        run(config(N), dir, null, null);
        ResumePoint point = new CheckpointStore().readResume(dir);
        try (TinyRecallModel other = Fixtures.model(manager, 2)) {
            Trainer t = new Trainer(other, config(2 * N), new RecallFixture(Fixtures.SPEC), Fixtures.heldOut(8));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.resumeFrom(point));
            assertTrue(e.getMessage().contains("not this trainer's"), e.getMessage());
        }
        try (TinyRecallModel same = Fixtures.model(manager, 1)) {
            Trainer t = new Trainer(same, config(N - 1), new RecallFixture(Fixtures.SPEC), Fixtures.heldOut(8));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.resumeFrom(point));
            assertTrue(e.getMessage().contains("past this run's " + (N - 1)), e.getMessage());
        }
    }

    @Test
    void resumableRandomIsJavaUtilRandomAndRestoresMidStream() {
        Random plain = new Random(42);
        ResumableRandom mine = new ResumableRandom(42);
        for (int i = 0; i < 200; i++) {
            assertEquals(plain.nextInt(1000), mine.nextInt(1000));
            assertEquals(plain.nextLong(), mine.nextLong());
            assertEquals(plain.nextDouble(), mine.nextDouble(), 0.0);
            assertEquals(plain.nextGaussian(), mine.nextGaussian(), 0.0);
        }
        plain.nextGaussian();
        mine.nextGaussian(); // a Gaussian is pending now: the restored generator must hand it out first
        assertFalse(Double.isNaN(mine.pendingGaussian()));
        ResumableRandom back = ResumableRandom.restore(mine.state(), mine.pendingGaussian());
        for (int i = 0; i < 50; i++) {
            double g = plain.nextGaussian();
            assertEquals(g, mine.nextGaussian(), 0.0);
            assertEquals(g, back.nextGaussian(), 0.0);
            assertEquals(plain.nextInt(), back.nextInt());
            mine.nextInt();
        }
        assertNotEquals(new ResumableRandom(1).nextLong(), new ResumableRandom(2).nextLong());
        assertThrows(IllegalArgumentException.class, () -> ResumableRandom.restore(-1L, Double.NaN));
    }

    @Test
    void damagedResumeFilesAreRefusedNamingTheFile() throws Exception {
        Path dir = tmp.resolve("run");
        run(config(N), dir, null, null);
        Path opt = dir.resolve("last").resolve(ResumeState.OPTIMIZER_FILE);
        byte[] bytes = Files.readAllBytes(opt);
        Files.write(opt, java.util.Arrays.copyOf(bytes, bytes.length - 7));
        CheckpointException t = assertThrows(CheckpointException.class, () -> new CheckpointStore().readResume(dir));
        assertTrue(t.getMessage().contains(ResumeState.OPTIMIZER_FILE) && t.getMessage().contains("truncated"),
                t.getMessage());
        bytes[bytes.length - 3] ^= 0x55;
        Files.write(opt, bytes);
        CheckpointException c = assertThrows(CheckpointException.class, () -> new CheckpointStore().readResume(dir));
        assertTrue(c.getMessage().contains("corrupt"), c.getMessage());

        Path state = dir.resolve("last").resolve(ResumeState.FILE);
        Files.writeString(state, Files.readString(state).replace("\"step\": " + N, "\"step\": 3"));
        CheckpointException s = assertThrows(CheckpointException.class, () -> new CheckpointStore().readResume(dir));
        assertTrue(s.getMessage().contains(ResumeState.FILE), s.getMessage());

        Files.delete(state);
        CheckpointException m = assertThrows(CheckpointException.class, () -> new CheckpointStore().readResume(dir));
        assertTrue(m.getMessage().contains("cannot be resumed"), m.getMessage());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CheckpointException none = assertThrows(CheckpointException.class, () -> new CheckpointStore().readResume(empty));
        assertTrue(none.getMessage().contains("no complete checkpoint"), none.getMessage());
    }

    @Test
    void divergedRunKeepsWeightsOnlyAndCannotBeResumed() throws Exception {
        Path dir = tmp.resolve("run");
        // the trainer treats a divergence reported during step 6 as its own: the run ends DIVERGED at step 5
        Outcome o = run(config(N), dir, null, new TrainingListener() {
            @Override
            public void onStep(StepEvent e) {
                if (e.step() == 6) {
                    throw new DivergenceException(6, "loss", Double.NaN, 1e-3);
                }
            }
        });
        assertEquals(RunState.DIVERGED, o.summary().state());
        RunRecord last = new CheckpointStore().read(dir.resolve("last")).record();
        assertEquals(5, last.step());
        assertFalse(Files.exists(dir.resolve("last").resolve(ResumeState.FILE)), "no resume state after a divergence");
        CheckpointException e = assertThrows(CheckpointException.class, () -> new CheckpointStore().readResume(dir));
        assertTrue(e.getMessage().contains("diverged") && e.getMessage().contains("cannot be resumed"), e.getMessage());
    }

    /** Thrown by a listener to end a run at a chosen step, as a crash would. */
    private static final class StopHere extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
