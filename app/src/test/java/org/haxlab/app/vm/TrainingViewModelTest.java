package org.haxlab.app.vm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import org.haxlab.app.vm.training.CurveFeed;
import org.haxlab.app.vm.training.Preset;
import org.haxlab.app.vm.training.TrainingSetting;
import org.haxlab.app.vm.training.TrainingStatus;
import org.haxlab.app.work.ModelWorker;
import org.haxlab.model.nd.Params;
import org.haxlab.model.nn.ForwardOutput;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.train.ForwardingModel;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.trace.ForwardOptions;
import org.haxlab.model.train.CheckpointStore;
import org.haxlab.model.train.ModelFactory;
import org.haxlab.model.train.RunRecord;
import org.haxlab.model.train.TrainingMetric;
import org.haxlab.model.train.Wiring;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The training view model with the real model (tiny: d_model 16, one layer, n_c = n_k = 2, batch 4) on a
 * real model worker; the test thread plays the FX thread and drains the update queue itself.
 */
class TrainingViewModelTest {

    @TempDir
    Path tmp;

    private ModelWorker worker;
    private TrainingViewModel vm;
    private final Map<TrainingMetric, Integer> points = Collections.synchronizedMap(new EnumMap<>(TrainingMetric.class));

    private TrainingViewModel create(ModelFactory models) {
        AtomicLong seeds = new AtomicLong(100);
        TrainingViewModel v = new TrainingViewModel(models, Wiring.tasks(), Device.cpu(), seeds::incrementAndGet);
        TrainingFixtures.tiny(v);
        v.addCurveSink(new CurveFeed.Sink() {
            @Override
            public void append(TrainingMetric metric, double step, double value) {
                points.merge(metric, 1, Integer::sum);
            }

            @Override
            public void clear() {
                points.clear();
            }
        });
        v.attach(worker);
        return v;
    }

    @BeforeEach
    void setUp() {
        worker = new ModelWorker(Runnable::run);
        vm = create(Wiring.models());
        assertEquals("", vm.settingsErrorProperty().get());
    }

    @AfterEach
    void tearDown() {
        vm.close();
        worker.close();
    }

    /** Drains the queue (as the FX thread would each frame) until {@code done} holds. */
    private void await(String what, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            vm.drain();
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("timed out waiting for " + what + "; status " + vm.statusProperty().get() + " '"
                + vm.messageProperty().get() + "', step " + vm.stepProperty().get());
    }

    private void awaitPausedAt(int step) throws InterruptedException {
        await("paused at step " + step, () -> vm.statusProperty().get() == TrainingStatus.PAUSED
                && vm.stepProperty().get() == step);
    }

    private double firstLoss() throws InterruptedException {
        assertTrue(vm.step(1));
        awaitPausedAt(1);
        return vm.readout().lastLossProperty().get();
    }

    private float[] weights() throws Exception {
        return vm.submitModelWork(m -> flatten(m.params())).get(30, TimeUnit.SECONDS);
    }

    private static float[] flatten(Params p) {
        List<Float> all = new ArrayList<>();
        p.snapshot().values().forEach(a -> {
            for (float f : a) {
                all.add(f);
            }
        });
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }

    @Test
    void playStreamsStepsIntoTheCurvesAndPauseStopsProgress() throws Exception {
        assertTrue(vm.play());
        await("10 steps", () -> vm.stepProperty().get() >= 10);
        assertNotNull(vm.modelProperty().get(), "the model being trained is exposed");
        assertTrue(points.getOrDefault(TrainingMetric.LOSS, 0) >= 9, "every step reaches the loss curve: " + points);
        assertTrue(points.getOrDefault(TrainingMetric.VAL_ACCURACY, 0) >= 4, "validations reach their curve: " + points);
        assertTrue(vm.readout().tokensPerSecondProperty().get() > 0);
        assertTrue(vm.readout().progressProperty().get() > 0 && vm.readout().progressProperty().get() < 1);
        assertTrue(vm.pause());
        await("paused", () -> vm.statusProperty().get() == TrainingStatus.PAUSED);
        int at = vm.stepProperty().get();
        Thread.sleep(300);
        vm.drain();
        assertEquals(at, vm.stepProperty().get(), "no step while paused");
        assertFalse(vm.setSetting(TrainingSetting.STEPS, 10), "settings are locked during a run");
        assertTrue(vm.play(), "play resumes");
        await("resumed past the pause", () -> vm.stepProperty().get() > at);
        assertTrue(vm.stop());
        await("stopped", () -> vm.statusProperty().get() == TrainingStatus.STOPPED);
        assertTrue(vm.messageProperty().get().startsWith("stopped after"), vm.messageProperty().get());
        int stoppedAt = vm.stepProperty().get();
        assertTrue(vm.play(), "play after stop trains on from the current weights");
        assertTrue(vm.messageProperty().get().startsWith("training on from step " + stoppedAt), vm.messageProperty().get());
        await("trained on past the stop", () -> vm.stepProperty().get() > stoppedAt);
        assertTrue(vm.stop());
    }

    @Test
    void stepRunsExactlyNStepsThenPauses() throws Exception {
        assertTrue(vm.step(3));
        awaitPausedAt(3);
        assertTrue(vm.step(3));
        awaitPausedAt(6);
        Thread.sleep(200);
        vm.drain();
        assertEquals(6, vm.stepProperty().get());
        assertEquals(6, points.get(TrainingMetric.LOSS), "one loss point per step on a short run");
    }

    @Test
    void resetReplaysTheSameRunAndNewSeedAnother() throws Exception {
        double first = firstLoss();
        assertTrue(Double.isFinite(first), "first loss " + first);
        assertTrue(vm.reset());
        await("reset", () -> !vm.busyProperty().get() && vm.statusProperty().get() == TrainingStatus.IDLE);
        assertEquals(0, vm.stepProperty().get());
        assertTrue(points.isEmpty(), "curves cleared: " + points);
        assertEquals(first, firstLoss(), 0.0, "same seed, same initial weights and data: same first loss");

        long seed = vm.settingsProperty().get().seed();
        assertTrue(vm.newSeed());
        await("reset with a new seed", () -> !vm.busyProperty().get() && vm.statusProperty().get() == TrainingStatus.IDLE);
        assertNotEquals(seed, vm.settingsProperty().get().seed());
        assertNotEquals(first, firstLoss(), "a new seed gives another first loss");
    }

    @Test
    void saveAndLoadRoundTripTheWeightsAndSettings() throws Exception {
        assertTrue(vm.step(2));
        awaitPausedAt(2);
        float[] trained = weights();
        Path dir = tmp.resolve("ckpt");
        RunRecord saved = vm.save(dir).get(30, TimeUnit.SECONDS);
        assertEquals(2, saved.step());
        assertTrue(Files.isRegularFile(dir.resolve(CheckpointStore.WEIGHTS_FILE)));
        await("save notice", () -> vm.noticeProperty().get().startsWith("saved step 2"));

        Path foreign = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(foreign.resolve("notes.txt"), "keep me");
        java.util.concurrent.ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> vm.save(foreign).get(30, TimeUnit.SECONDS));
        assertTrue(refused.getCause().getMessage().contains("holds other files"), refused.getCause().getMessage());
        assertTrue(Files.exists(foreign.resolve("notes.txt")), "a folder of other files is never replaced");
        await("save error notice", () -> vm.noticeIsErrorProperty().get());

        assertTrue(vm.newSeed());
        await("new model", () -> !vm.busyProperty().get() && vm.statusProperty().get() == TrainingStatus.IDLE);
        assertFalse(java.util.Arrays.equals(trained, weights()), "a new seed gives other weights");
        vm.setSetting(TrainingSetting.LAYERS, 2);

        RunRecord loaded = vm.load(dir).get(30, TimeUnit.SECONDS);
        await("loaded", () -> !vm.busyProperty().get() && vm.stepProperty().get() == 2);
        assertEquals(saved.weightsSha256(), loaded.weightsSha256());
        assertArrayEquals(trained, weights(), "the saved weights are back");
        assertEquals(1, vm.settingsProperty().get().integer(TrainingSetting.LAYERS), "settings follow the checkpoint");
        assertEquals(7L, vm.settingsProperty().get().seed());
        assertTrue(vm.step(1), "a loaded model trains on");
        awaitPausedAt(3);
    }

    @Test
    void saveDuringARunHappensBetweenStepsAndSnapshotsComeOnTheModelThread() throws Exception {
        AtomicInteger snapshots = new AtomicInteger();
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        vm.setSnapshotPeriodMillis(0);
        vm.setSnapshotListener((model, step) -> {
            threads.add(Thread.currentThread().getName());
            snapshots.incrementAndGet();
        });
        assertTrue(vm.play());
        await("running", () -> vm.stepProperty().get() >= 2);
        RunRecord r = vm.save(tmp.resolve("live")).get(30, TimeUnit.SECONDS);
        assertTrue(r.step() >= 2, "saved between steps of the running model");
        assertTrue(vm.submitModelWork(m -> Thread.currentThread().getName()).get(30, TimeUnit.SECONDS)
                .equals(ModelWorker.THREAD_NAME));
        assertTrue(vm.pause());
        await("paused", () -> vm.statusProperty().get() == TrainingStatus.PAUSED);
        int before = vm.stepProperty().get();
        assertEquals(ModelWorker.THREAD_NAME, vm.submitModelWork(m -> Thread.currentThread().getName())
                .get(30, TimeUnit.SECONDS), "work is served while the run is paused");
        vm.drain();
        assertEquals(before, vm.stepProperty().get());
        assertTrue(snapshots.get() >= 2);
        assertTrue(threads.stream().allMatch(ModelWorker.THREAD_NAME::equals), "snapshots on the model thread: " + threads);
        vm.stop();
    }

    @Test
    void settingsAreValidatedWithClearErrorsAndPresetsApply() {
        assertFalse(vm.setSetting(TrainingSetting.STEPS, "many"));
        assertTrue(vm.settingsErrorProperty().get().startsWith("steps:"), vm.settingsErrorProperty().get());
        assertTrue(vm.setSetting(TrainingSetting.D_MODEL, 18), "a well-typed value is kept");
        assertTrue(vm.settingsErrorProperty().get().contains("multiple of 4"), vm.settingsErrorProperty().get());
        assertFalse(vm.play(), "no run from invalid settings");
        vm.setSetting(TrainingSetting.D_MODEL, 16);
        vm.setSetting(TrainingSetting.MIN_KEYS, 3);
        assertTrue(vm.settingsErrorProperty().get().startsWith("task:"), vm.settingsErrorProperty().get());
        vm.setSetting(TrainingSetting.MIN_KEYS, 2);
        assertEquals("", vm.settingsErrorProperty().get());
        assertEquals(Preset.CUSTOM, vm.presetProperty().get());

        // the initialisation (spec §5): released for new runs, torch on request; the paper variant's fixed length
        assertEquals(org.haxlab.model.nd.InitScheme.RELEASED, vm.settingsProperty().get().plan().model().init());
        vm.setSetting(TrainingSetting.INIT, org.haxlab.model.nd.InitScheme.TORCH);
        assertEquals(org.haxlab.model.nd.InitScheme.TORCH, vm.settingsProperty().get().plan().model().init());
        assertEquals(0, vm.settingsProperty().get().plan().training().padTo());
        vm.setSetting(TrainingSetting.VARIANT, org.haxlab.model.sparse.SparseConfig.Variant.PAPER);
        assertEquals(vm.settingsProperty().get().plan().task().maxLength(),
                vm.settingsProperty().get().plan().training().padTo(), "the paper variant pads to the grid's longest");
        vm.setSetting(TrainingSetting.VARIANT, org.haxlab.model.sparse.SparseConfig.Variant.CAUSAL);
        vm.setSetting(TrainingSetting.INIT, org.haxlab.model.nd.InitScheme.RELEASED);

        assertTrue(vm.applyPreset(Preset.SSM_FORGETS));
        assertEquals(Preset.SSM_FORGETS, vm.presetProperty().get());
        assertEquals(Pattern.NONE, vm.settingsProperty().get().plan().model().sparse().pattern());
        assertEquals(Backbone.MAMBA2, vm.settingsProperty().get().plan().model().backbone());
        assertTrue(vm.applyPreset(Preset.HAX_RECALLS));
        assertEquals(Pattern.HAX, vm.settingsProperty().get().plan().model().sparse().pattern());
        assertEquals(7L, vm.settingsProperty().get().seed(), "presets keep the seed");
        vm.setSetting(TrainingSetting.BATCH, 8);
        assertEquals(Preset.CUSTOM, vm.presetProperty().get(), "an edit makes the settings custom");
    }

    @Test
    void aDivergenceIsShownWithItsSuggestedFix() throws Exception {
        vm.close();
        AtomicInteger calls = new AtomicInteger();
        // the real model whose third training forward returns NaN logits: the loss diverges at step 3
        vm = create((config, manager, device) -> new PoisonedModel(Wiring.models().create(config, manager, device), calls));
        vm.setSetting(TrainingSetting.VALIDATE_EVERY, 0);
        assertTrue(vm.play());
        await("diverged", () -> vm.statusProperty().get() == TrainingStatus.DIVERGED);
        String m = vm.messageProperty().get();
        assertTrue(m.contains("diverged at step 3") && m.contains("lower learning rate"), m);
        assertFalse(m.contains("--clip"), "no command-line flag in the panel: " + m);
        assertEquals(2, vm.stepProperty().get());
    }

    /** Delegates to a real model; its third training forward returns NaN logits. */
    private static final class PoisonedModel extends ForwardingModel {
        private final AtomicInteger calls;

        PoisonedModel(SequenceModel inner, AtomicInteger calls) {
            super(inner);
            this.calls = calls;
        }

        @Override
        public ForwardOutput forward(NDArray tokens, ForwardOptions options) {
            ForwardOutput out = inner.forward(tokens, options);
            if (calls.incrementAndGet() == 3) {
                return new ForwardOutput(out.logits().mul(Float.NaN), out.gateLoss());
            }
            return out;
        }
    }
}
