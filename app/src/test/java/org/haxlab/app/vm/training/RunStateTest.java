package org.haxlab.app.vm.training;

import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.train.RunRecord;
import org.haxlab.model.train.StepEvent;
import org.haxlab.model.train.TrainingMetric;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each update from the model thread does to the run's state, without a model, a worker or a window. */
class RunStateTest {

    private final List<RunRecord> followed = new ArrayList<>();
    private final RunState state = new RunState(followed::add);

    private static StepEvent step(int n, double loss) {
        return new StepEvent(n, loss, loss, 0, 0.5, 1e-3, 1, 1000, 10, n, null);
    }

    @Test
    void beginStartsTheReadoutAndCurvesAndSaysRunning() {
        List<String> points = new ArrayList<>();
        state.curves().addSink(new CurveFeed.Sink() {
            @Override
            public void append(TrainingMetric metric, double step, double value) {
                points.add(metric + "@" + step);
            }

            @Override
            public void clear() {
                points.clear();
            }
        });
        state.begin(10, "starting");
        assertEquals(TrainingStatus.RUNNING, state.status());
        assertEquals("starting", state.messageProperty().get());
        for (int i = 1; i <= 10; i++) {
            state.apply(new TrainingUpdate.Step(step(i, 2.0)));
        }
        assertEquals(10, state.readout().stepProperty().get());
        assertEquals(1.0, state.readout().progressProperty().get());
        assertEquals(2.0, state.readout().lastLossProperty().get());
        assertFalse(points.isEmpty(), "the steps reached the curves");
    }

    @Test
    void statusUpdatesSetStatusAndMessage() {
        state.apply(new TrainingUpdate.Status(TrainingStatus.DIVERGED, "loss is NaN"));
        assertEquals(TrainingStatus.DIVERGED, state.statusProperty().get());
        assertEquals("loss is NaN", state.messageProperty().get());
    }

    @Test
    void aNewModelEndsTheBusySpellAndRestartsTheNumbers() {
        state.begin(10, "starting");
        state.apply(new TrainingUpdate.Step(step(3, 1.5)));
        state.setBusy(true);
        state.apply(new TrainingUpdate.ModelReady(null, 0, null));
        assertFalse(state.busy());
        assertEquals(0, state.readout().stepProperty().get());
        assertTrue(Double.isNaN(state.readout().lastLossProperty().get()));
        assertEquals(TrainingStatus.RUNNING, state.status(), "a rebuilt model alone changes no status");
        assertTrue(followed.isEmpty());
    }

    @Test
    void aLoadedModelMakesTheSettingsFollowItsRecordAndCountsItsSteps() {
        RunRecord record = RunRecord.of(ModelConfig.paper(Backbone.MAMBA2, Pattern.HAX), null, null,
                RunRecord.seeds(1, null), 40, Map.of());
        state.setBusy(true);
        state.apply(new TrainingUpdate.ModelReady(null, 40, record));
        assertEquals(List.of(record), followed);
        assertEquals(TrainingStatus.IDLE, state.status());
        assertEquals("loaded at step 40", state.messageProperty().get());
        assertEquals(40, state.readout().stepProperty().get());
        assertFalse(state.busy());
        assertNull(state.modelProperty().get());
    }

    @Test
    void onlyAFailedNoticeEndsTheBusySpell() {
        state.setBusy(true);
        state.apply(new TrainingUpdate.Notice("saved step 3", false));
        assertEquals("saved step 3", state.noticeProperty().get());
        assertFalse(state.noticeIsErrorProperty().get());
        assertTrue(state.busy(), "a save's notice says nothing about a load under way");

        state.apply(TrainingUpdate.Notice.failed("could not load x",
                new CompletionException(new IllegalArgumentException("no run.json"))));
        assertEquals("could not load x: no run.json", state.noticeProperty().get(), "the completion wrapper is read through");
        assertTrue(state.noticeIsErrorProperty().get());
        assertFalse(state.busy());
    }

    @Test
    void commandsSayAndNoticeDirectly() {
        state.say("pausing");
        assertEquals("pausing", state.messageProperty().get());
        state.notice("stop the run first", true);
        assertTrue(state.noticeIsErrorProperty().get());
    }
}
