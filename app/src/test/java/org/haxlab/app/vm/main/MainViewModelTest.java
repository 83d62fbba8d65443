package org.haxlab.app.vm.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.haxlab.app.scenario.ScenarioFiles;
import org.haxlab.model.engine.DeviceChoice;
import org.haxlab.app.vm.Confirm;
import org.haxlab.app.vm.Debouncer;
import org.haxlab.app.vm.LoadedModel;
import org.haxlab.app.vm.ModelLoader;
import org.haxlab.app.vm.ModelSlot;
import org.haxlab.app.vm.ModelWork;
import org.haxlab.app.vm.TrainingViewModel;
import org.haxlab.app.vm.View;
import org.haxlab.app.zoo.Zoo;
import org.haxlab.app.zoo.ZooFiles;
import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's state and commands without a Stage: model work in line, no debounce, so every command's
 * model run has finished when it returns. Real models (the sample checkpoints and untrained defaults).
 */
class MainViewModelTest {
    private static final Path TINY_ZOO = Path.of("src", "test", "resources", "zoo", "zoo.json");

    @TempDir
    Path tmp;

    private final MainViewModel vm = new MainViewModel(ModelWork.direct(), ModelLoader.standard(), Debouncer.immediate(),
            new TrainingViewModel(), Runnable::run);

    @AfterEach
    void close() {
        vm.close();
    }

    private Inspection shown() {
        Inspection in = vm.inspection().inspectionProperty().get();
        assertNotNull(in, vm.status().messageProperty().get());
        return in;
    }

    @Test
    void aFirstStartWithoutAZooAnswersOnAGeneratedSequence() {
        vm.startDemo(null);
        assertFalse(vm.sequence().textProperty().get().isBlank(), "never an empty editor");
        assertTrue(vm.sequence().errorsProperty().isEmpty(), "never a red error");
        assertEquals(vm.modelBar().configProperty().get(), shown().config());
        assertEquals(ModelSource.MODEL_BAR, vm.sourceProperty().get());
        assertTrue(vm.modelInViewProperty().get().endsWith("from model bar"), vm.modelInViewProperty().get());
        assertEquals(View.SELECTION, vm.inspection().tabProperty().get());
    }

    @Test
    void aFirstStartWithAZooShowsItsModelOnItsGridAndTheModelBarTakesOverVisibly() throws Exception {
        Zoo zoo = ZooFiles.load(TINY_ZOO);
        vm.startDemo(zoo);
        ModelSlot ks = zoo.get("mamba2-ks").slot();
        assertEquals(ks.config(), shown().config());
        assertEquals(16, shown().predictions().size(), "a 4 x 4 table: the zoo grid's largest");
        assertEquals(ModelSource.ZOO, vm.sourceProperty().get());
        assertTrue(vm.modelInViewProperty().get().startsWith(ks.label()), vm.modelInViewProperty().get());
        assertTrue(vm.modelInViewProperty().get().contains("from zoo"), vm.modelInViewProperty().get());

        // switching the pattern runs untrained weights: said, not silent
        vm.modelBar().setPattern(Pattern.SW);
        assertEquals(Pattern.SW, shown().config().sparse().pattern());
        assertEquals(ModelSource.MODEL_BAR, vm.sourceProperty().get());
        assertTrue(vm.modelInViewProperty().get().contains("untrained: checkpoint mamba2-ks-d32 is for"),
                vm.modelInViewProperty().get());
        vm.modelBar().setPattern(Pattern.KS);
        assertEquals(ks.checkpoint(), vm.controller().wantedSlot().checkpoint(), "switching back uses the checkpoint");
        assertFalse(vm.modelInViewProperty().get().contains("untrained"), vm.modelInViewProperty().get());
    }

    @Test
    void aTwoModelLessonShowsEachModelsDiagnosisOnRequest() throws Exception {
        vm.openScenario(Path.of("..", "samples", "scenarios", "trained-ks-vs-ssm.json"));
        assertEquals(2, vm.lessonModelsProperty().size());
        assertEquals(ModelSource.LESSON, vm.sourceProperty().get());
        assertEquals(Pattern.KS, shown().config().sparse().pattern());
        var first = java.util.List.copyOf(vm.inspection().diagnosesProperty());
        vm.showLessonModel(1);
        assertEquals(Pattern.NONE, shown().config().sparse().pattern());
        assertEquals(first.size(), vm.inspection().diagnosesProperty().size(), "the same queries, diagnosed again");
        assertTrue(vm.modelInViewProperty().get().contains("Base (trained)"), vm.modelInViewProperty().get());
        assertNotNull(vm.controller().wantedSlot().checkpoint(), "the lesson's checkpoint is kept");
    }

    @Test
    void aModelBarEditAsksBeforeItReplacesALessonsTrainedModelAndKeepPutsTheKnobBack() throws Exception {
        vm.openScenario(Path.of("..", "samples", "scenarios", "trained-ks-vs-ssm.json"));
        Inspection trained = shown();
        java.util.List<Confirm.Question> asked = new java.util.ArrayList<>();
        vm.replaceGuard().setConfirm(q -> asked.add(q) && false);

        vm.modelBar().setPattern(Pattern.SW);
        assertEquals(1, asked.size(), "asked once");
        assertEquals("Replace the lesson's trained model with an untrained Mamba-2 +SW (k=8)?", asked.get(0).header());
        assertEquals("Replace", asked.get(0).goAhead());
        assertEquals("Keep", asked.get(0).keep());
        assertEquals(Pattern.KS, vm.modelBar().patternProperty().get(), "Keep: the knob goes back");
        assertEquals(ModelSource.LESSON, vm.sourceProperty().get());
        assertSame(trained, shown(), "nothing ran: the trained model stays in view");
        assertNotNull(vm.controller().wantedSlot().checkpoint());

        vm.replaceGuard().setConfirm(q -> asked.add(q));
        vm.modelBar().setPattern(Pattern.SW);
        assertEquals(2, asked.size());
        assertEquals(Pattern.SW, shown().config().sparse().pattern(), "Replace: the model bar's model in view");
        assertEquals(ModelSource.MODEL_BAR, vm.sourceProperty().get());
        vm.modelBar().setPattern(Pattern.NONE);
        assertEquals(2, asked.size(), "an untrained model of the model bar is replaced without a question");
    }

    @Test
    void theZoosModelAndUntrainedModelsAreReplacedWithoutAQuestion() throws Exception {
        vm.replaceGuard().setConfirm(q -> {
            throw new AssertionError("asked: " + q.header());
        });
        vm.startDemo(ZooFiles.load(TINY_ZOO));
        vm.modelBar().setPattern(Pattern.SW);
        assertEquals(Pattern.SW, shown().config().sparse().pattern());
        assertTrue(vm.replaceGuard().openInstead("the lesson's model"), "no model being trained in view");
    }

    @Test
    void savedLessonsAreReadableByAllAndCarryTheEditedNote() throws Exception {
        vm.startDemo(null);
        vm.editNote("My lesson", "Look at query 12.");
        assertEquals("My lesson: Look at query 12.", vm.lessonProperty().get());
        Path file = tmp.resolve("lesson.json");
        vm.saveScenario(file, "My lesson");
        assertEquals("Look at query 12.", ScenarioFiles.load(file).note());
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    void aModelItsOwnerClosedIsNeverRunAgain() throws Exception {
        vm.startDemo(null);
        Inspection before = shown();
        ModelConfig small = ModelSlot.of(vm.modelBar().configProperty().get()).config();
        try (LoadedModel m = ModelLoader.standard().open(ModelSlot.of(small), DeviceChoice.CPU)) {
            boolean[] asked = {false};
            vm.controller().showModel(m.model(), "closed by its owner", () -> {
                asked[0] = true;
                return false;
            });
            assertTrue(asked[0], "the liveness check ran before the model");
            assertSame(before, shown(), "nothing ran: the old inspection stays");
            vm.controller().showModel(m.model(), "live", () -> true);
            assertTrue(shown() != before, "a live model runs");
        }
        vm.controller().showModel(null, null);
    }

    @Test
    void slicingRunsOffTheViewsAndAnExampleOpensPinnedInTheDiagnosis() throws Exception {
        vm.startDemo(ZooFiles.load(TINY_ZOO));
        vm.slicingCommands().run(6);
        var rows = vm.slicing().rowsProperty();
        assertFalse(rows.isEmpty(), vm.slicing().summaryProperty().get());
        int queries = rows.stream().filter(r -> r.dimension().equals("failure reason")).mapToInt(r -> r.queries()).sum();
        assertEquals(rows.get(0).total(), queries, "every query has exactly one reason");
        assertTrue(vm.slicing().summaryProperty().get().contains("on 6 sequences of 2..4 x 2..4"),
                vm.slicing().summaryProperty().get());
        var example = rows.get(0).example();
        vm.slicingCommands().open(example);
        assertEquals(example.text(), vm.sequence().textProperty().get());
        assertEquals(example.query(), vm.inspection().pinnedProperty().get());
        assertEquals(View.DIAGNOSIS, vm.inspection().tabProperty().get());
    }
}
