package org.haxlab.app.vm;

import org.haxlab.model.engine.DeviceChoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.train.ForwardingModel;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.Backbone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** The pipeline without a Stage: in-line model work, no debounce, small real models. */
class AppControllerTest {

    /** A tiny Mamba-2 (d_model 16, two layers, N 8) so each run takes milliseconds. */
    static ModelConfig tiny(Pattern p) {
        return new ModelConfig(Backbone.MAMBA2, 100, 16, 2, 2, 8, 4, 4, 4, SparseConfig.paper(p).withBudget(8), 3L);
    }

    /** Counts the models opened and closed. */
    static final class CountingLoader implements ModelLoader {
        final List<LoadedModel> opened = new ArrayList<>();
        int closed;

        @Override
        public LoadedModel open(ModelSlot slot, DeviceChoice device) throws Exception {
            LoadedModel m = ModelLoader.standard().open(slot, device);
            opened.add(m);
            SequenceModel counted = new ForwardingModel(m.model()) {
                @Override
                public void close() {
                    closed++;
                    super.close();
                }
            };
            return new LoadedModel(counted, m.label(), m.slot(), m.device(), m.manager());
        }
    }

    private final SequenceViewModel sequence = new SequenceViewModel(() -> 1L);
    private final ModelBarViewModel bar = new ModelBarViewModel();
    private final InspectionViewModel view = new InspectionViewModel();
    private final WorkStatus status = new WorkStatus();
    private final CountingLoader loader = new CountingLoader();
    private AppController controller;

    @BeforeEach
    void setUp() {
        bar.apply(tiny(Pattern.SW));
        controller = new AppController(sequence, bar, view, ModelWork.direct(), loader, Debouncer.immediate(), status);
    }

    @AfterEach
    void tearDown() {
        controller.close();
    }

    private void generate(int contexts, int keys, long seed) {
        sequence.setContexts(contexts);
        sequence.setKeys(keys);
        sequence.setSeed(seed);
        assertTrue(sequence.generate());
    }

    @Test
    void aSequenceAndAConfigGiveAnInspectionInTheViewModel() {
        generate(2, 2, 5);
        Inspection in = view.inspectionProperty().get();
        assertNotNull(in, status.messageProperty().get());
        assertEquals(bar.configProperty().get(), in.config());
        assertEquals(sequence.sequence().length(), in.length());
        assertEquals(4, in.predictions().size());
        assertEquals(4, view.diagnosesProperty().size(), "the diagnosis follows");
        assertFalse(status.errorProperty().get());
        assertTrue(status.messageProperty().get().contains("queries right"), status.messageProperty().get());
        assertEquals(bar.configProperty().get().label(), controller.modelLabelProperty().get());
    }

    @Test
    void aTypedTableSetsTheGeneratorsSize() {
        sequence.setText("A a 3 b 2 c 1 B b 4 a 1 c 0 | B a ? b ? c ? A b ? a ? c ?");
        assertEquals(2, sequence.contextsProperty().get());
        assertEquals(3, sequence.keysProperty().get());
        assertEquals(6, view.inspectionProperty().get().predictions().size());
    }

    @Test
    void anInvalidSequenceRunsNoModel() {
        sequence.setText("A a 3 b 2 | A x ?");
        assertTrue(loader.opened.isEmpty(), "no model was built");
        assertNull(view.inspectionProperty().get());
        assertTrue(status.errorProperty().get());
        assertTrue(status.messageProperty().get().startsWith("No model run: the sequence has"),
                status.messageProperty().get());
    }

    @Test
    void anInvalidModelBarRunsNoModelAndSaysWhy() {
        generate(2, 2, 5);
        bar.setPattern(Pattern.HAX);
        bar.setBudget(7); // two components cannot split 7 keys
        assertNull(view.inspectionProperty().get());
        assertTrue(status.messageProperty().get().startsWith("No model run: "), status.messageProperty().get());
        assertTrue(status.messageProperty().get().contains("7"), status.messageProperty().get());
    }

    @Test
    void theModelIsReusedForNewSequencesAndFreedWhenTheConfigChanges() {
        generate(2, 2, 5);
        generate(2, 3, 6);
        assertEquals(1, loader.opened.size(), "same config: the model is reused");
        assertEquals(0, loader.closed);
        bar.setPattern(Pattern.HAX);
        bar.setBudget(8);
        assertEquals(Pattern.HAX, view.inspectionProperty().get().config().sparse().pattern());
        assertEquals(2, loader.opened.size());
        assertEquals(1, loader.closed, "the old model was closed");
        bar.selectLayer(1);
        assertEquals(1, view.selectedLayerProperty().get(), "the model bar's layer drives the views");
        controller.close();
        assertEquals(2, loader.closed, "closing the controller frees the last model");
    }

    @Test
    void aRequestOvertakenWhileQueuedSkipsItsRunAndItsResult() {
        Deque<Runnable> queue = new ArrayDeque<>();
        ModelWork queued = new ModelWork() {
            @Override
            public <T> void submit(Callable<T> work, Consumer<? super T> ok, Consumer<? super Throwable> fail) {
                queue.add(() -> ModelWork.direct().submit(work, ok, fail));
            }
        };
        AppController c = new AppController(sequence, bar, view, queued, loader, Debouncer.immediate(), status);
        generate(2, 2, 5);
        generate(3, 3, 6); // both controllers asked twice; run only what c queued
        int before = loader.opened.size();
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
        assertEquals(before + 1, loader.opened.size(), "only the newest request ran a model");
        assertEquals(sequence.sequence().length(), view.inspectionProperty().get().length());
        c.close();
        queue.poll().run();
    }

    @Test
    void anOutsideModelIsShownAndNeverClosed() throws Exception {
        generate(2, 2, 5);
        LoadedModel outside = ModelLoader.standard().open(ModelSlot.of(tiny(Pattern.LSH)), DeviceChoice.CPU);
        try {
            controller.showModel(outside.model(), "training run");
            assertEquals(Pattern.LSH, view.inspectionProperty().get().config().sparse().pattern());
            assertEquals("training run", controller.modelLabelProperty().get());
            assertTrue(controller.showsExternalModel());
            controller.showModel(null, null);
            assertEquals(Pattern.SW, view.inspectionProperty().get().config().sparse().pattern());
            controller.close();
            // still usable: the controller did not free it
            assertNotNull(org.haxlab.model.inspect.Inspector.inspect(outside.model(), sequence.sequence()));
        } finally {
            outside.close();
        }
    }

    @Test
    void redrawingTheProjectionKeepsTheInspectionBefore() {
        bar.setPattern(Pattern.LSH);
        generate(2, 2, 5);
        Inspection before = view.inspectionProperty().get();
        controller.redrawProjection();
        assertSame(before, controller.beforeRedrawProperty().get());
        Inspection after = view.inspectionProperty().get();
        assertFalse(before == after);
        assertTrue(after.layers().get(0).hasBuckets());
        generate(2, 2, 6);
        assertNull(controller.beforeRedrawProperty().get(), "a new run forgets the redraw");
    }

    @Test
    void anUnusableCheckpointKeepsTheModelAndSaysWhy(@TempDir Path dir) {
        generate(2, 2, 5);
        Inspection shown = view.inspectionProperty().get();
        controller.openCheckpoint(dir.resolve("nothing-here"));
        assertTrue(status.errorProperty().get());
        assertTrue(status.messageProperty().get().startsWith("Cannot open checkpoint: "), status.messageProperty().get());
        assertTrue(status.messageProperty().get().contains("no such checkpoint"), status.messageProperty().get());
        assertSame(shown, view.inspectionProperty().get());
    }
}
