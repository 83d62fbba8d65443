package org.haxlab.app.scenario;

import org.haxlab.app.vm.InspectionViewModel;
import org.haxlab.app.vm.ModelBarViewModel;
import org.haxlab.app.vm.SequenceViewModel;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioStateTest {

    @Test
    void applyThenCaptureGivesTheSampleBack() throws Exception {
        Scenario s = ScenarioFiles.load(Path.of("..", "samples", "scenarios", "window-misses-context.json"));
        SequenceViewModel seq = new SequenceViewModel(() -> 1L);
        ModelBarViewModel bar = new ModelBarViewModel();
        InspectionViewModel view = new InspectionViewModel();
        ScenarioState.apply(s, seq, bar, view);
        assertNotNull(seq.sequence());
        assertEquals(s.models().get(0).config(), bar.configProperty().get());
        assertEquals(143, view.pinnedProperty().get());
        assertEquals(1, bar.selectedLayerProperty().get());
        assertEquals(s, ScenarioState.capture(s.title(), s.note(), seq, bar, view, s.models()));
        assertNull(ScenarioState.compare(s));
        Scenario four = ScenarioFiles.load(Path.of("..", "samples", "scenarios", "compare-trained.json"));
        assertEquals(4, ScenarioState.compare(four).slotsProperty().size());
    }

    @Test
    void captureRefusesAnInvalidModelBar() {
        ModelBarViewModel bar = new ModelBarViewModel();
        bar.setBudget(63);
        SequenceViewModel seq = new SequenceViewModel(() -> 1L);
        seq.setText("A a 3 | A a ?");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ScenarioState.capture("t", "", seq, bar, new InspectionViewModel(), null));
        assertTrue(e.getMessage().contains("multiple of 2"), e.getMessage());
    }
}
