package org.haxlab.app.ui;

import static org.haxlab.viz.fxtest.FxExtension.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import org.haxlab.app.vm.Debouncer;
import org.haxlab.app.vm.ModelLoader;
import org.haxlab.app.vm.TrainingAwareWork;
import org.haxlab.app.vm.TrainingFixtures;
import org.haxlab.app.vm.TrainingViewModel;
import org.haxlab.app.vm.main.MainViewModel;
import org.haxlab.app.vm.main.ModelSource;
import org.haxlab.app.vm.training.TrainingStatus;
import org.haxlab.app.work.ModelWorker;
import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.train.Wiring;
import org.haxlab.viz.fxtest.FxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production path of live training, as the app wires it: the views' model work goes through
 * {@link TrainingAwareWork} on the real model thread, the training session relays snapshots of its model
 * to the FX thread, and inspections queued when a reset or a load replaces (and closes) the model must
 * never run the closed one. A tiny model (d_model 16, one layer) keeps it quick.
 */
@ExtendWith(FxExtension.class)
class LiveTrainingPathTest {
    @TempDir
    Path tmp;

    private ModelWorker worker;
    private TrainingViewModel training;
    private MainViewModel vm;

    @BeforeEach
    void setUp() {
        worker = new ModelWorker();
        AtomicLong seeds = new AtomicLong(40);
        training = new TrainingViewModel(Wiring.models(), Wiring.tasks(), Device.cpu(), seeds::incrementAndGet);
        TrainingFixtures.tiny(training);
        training.setSnapshotPeriodMillis(0);
        training.attach(worker);
        vm = onFx(() -> new MainViewModel(TrainingAwareWork.of(worker, training), ModelLoader.standard(),
                Debouncer.immediate(), training, Platform::runLater));
        onFx(() -> {
            vm.sequence().setContexts(2);
            vm.sequence().setKeys(2);
            vm.sequence().setSeed(3);
            return vm.sequence().generate();
        });
    }

    @AfterEach
    void tearDown() {
        onFx(() -> {
            vm.close();
            return null;
        });
        worker.close();
    }

    /** Plays the FX thread's part (the panel drains training updates each frame) until {@code done}. */
    private void await(String what, BooleanSupplier done) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < end) {
            boolean ok = onFx(() -> {
                training.drain();
                return done.getAsBoolean();
            });
            if (ok) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("timed out waiting for " + what + "; status '" + onFx(() -> vm.status().messageProperty().get())
                + "', training " + training.statusProperty().get() + " '" + training.messageProperty().get() + "'");
    }

    private Inspection shown() {
        return onFx(() -> vm.inspection().inspectionProperty().get());
    }

    private boolean showsTrainedModel() {
        Inspection in = vm.inspection().inspectionProperty().get();
        return vm.sourceProperty().get() == ModelSource.TRAINING && in != null && in.config().dModel() == 16
                && !vm.status().busyProperty().get();
    }

    private void assertNoFailedRun() {
        String status = onFx(() -> vm.status().messageProperty().get());
        assertFalse(onFx(() -> vm.status().errorProperty().get()), status);
        assertFalse(status.contains("failed"), status);
    }

    @Test
    void theViewsFollowTheTrainedModelAndQueuedRunsSurviveResetAndLoad() throws Exception {
        assertTrue(onFx(() -> training.step(3)));
        await("paused at step 3 with the views on the trained model", () ->
                training.statusProperty().get() == TrainingStatus.PAUSED && showsTrainedModel());
        assertTrue(onFx(() -> vm.modelInViewProperty().get()).contains("from live training"));

        // inspections queued behind a reset: the reset closes the model they were asked for
        onFx(() -> {
            for (int i = 0; i < 4; i++) {
                vm.controller().refresh();
            }
            return training.reset();
        });
        await("reset done and the views on the new model", () -> !training.busyProperty().get()
                && training.statusProperty().get() == TrainingStatus.IDLE && showsTrainedModel());
        assertNoFailedRun();

        // the same behind a load
        assertTrue(onFx(() -> training.step(2)));
        await("paused at step 2", () -> training.statusProperty().get() == TrainingStatus.PAUSED);
        Path dir = tmp.resolve("ckpt");
        onFx(() -> training.save(dir)).get(60, TimeUnit.SECONDS);
        assertTrue(onFx(() -> training.stop()));
        await("stopped", () -> training.statusProperty().get() == TrainingStatus.STOPPED);
        onFx(() -> {
            vm.controller().refresh();
            vm.controller().refresh();
            return training.load(dir);
        });
        await("loaded and shown", () -> !training.busyProperty().get() && showsTrainedModel());
        assertNoFailedRun();

        // a model bar edit asks before it takes the trained model out of the views: Keep changes nothing
        java.util.List<String> asked = new java.util.ArrayList<>();
        Pattern before = onFx(() -> vm.modelBar().patternProperty().get());
        onFx(() -> {
            vm.replaceGuard().setConfirm(q -> asked.add(q.header()) && false);
            vm.modelBar().setPattern(Pattern.SW);
            return null;
        });
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).startsWith("Replace the model being trained with an untrained "), asked.get(0));
        assertEquals(before, onFx(() -> vm.modelBar().patternProperty().get()), "Keep: the knob goes back");
        assertEquals(ModelSource.TRAINING, onFx(() -> vm.sourceProperty().get()));
        assertFalse(onFx(() -> vm.replaceGuard().openInstead("the lesson's model")), "Keep: no lesson either");

        // Replace: the model bar takes the views back, visibly; Step hands them to training again
        onFx(() -> {
            vm.replaceGuard().setConfirm(q -> asked.add(q.header()));
            vm.modelBar().setPattern(Pattern.SW);
            return null;
        });
        await("the model bar's model in view", () -> vm.sourceProperty().get() == ModelSource.MODEL_BAR
                && vm.inspection().inspectionProperty().get() != null
                && vm.inspection().inspectionProperty().get().config().sparse().pattern() == Pattern.SW);
        assertEquals(ModelSource.MODEL_BAR, onFx(() -> vm.sourceProperty().get()));
        assertTrue(onFx(() -> training.step(1)));
        await("the trained model back in view", this::showsTrainedModel);
        assertNoFailedRun();
        assertEquals(16, shown().config().dModel());
    }
}
