package org.haxlab.app.vm;

import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.task.ParsedSequence;
import org.haxlab.model.task.SequenceText;
import org.haxlab.model.trace.Backbone;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareViewModelTest {
    private static final ParsedSequence SPEC = SequenceText.parse("A a 3 b 2 B b 4 a 1 | B a ? b ? A b ? a ?");

    private static CompareViewModel two() {
        return new CompareViewModel(List.of(ModelSlot.of(ModelConfig.paper(Backbone.MAMBA2, Pattern.NONE)),
                new ModelSlot("HAX", ModelConfig.paper(Backbone.MAMBA2, Pattern.HAX), Path.of("hax.ckpt"))));
    }

    @Test
    void rowsSayWhichModelsGotEachQueryWrong() {
        CompareViewModel vm = two();
        vm.setSequence(SPEC);
        assertEquals(4, vm.rowsProperty().size());
        assertEquals(Arrays.asList(null, null), vm.rowsProperty().get(0).predicted());
        assertTrue(Double.isNaN(vm.accuracy(0)));
        vm.setInspection(0, Inspections.window(SPEC.sequence(), 1, 17, 14, 17, 13));
        vm.setInspection(1, Inspections.window(SPEC.sequence(), 1, 11, 14, 17, 13));
        assertEquals(List.of(0), vm.wrongAt(13));
        assertEquals(List.of(), vm.wrongAt(15));
        assertEquals(List.of(0, 1), vm.wrongAt(18));
        assertTrue(vm.rowsProperty().get(0).disputed());
        assertFalse(vm.rowsProperty().get(2).disputed());
        assertEquals("B a", vm.rowsProperty().get(0).question());
        assertEquals(0.5, vm.accuracy(0));
        assertEquals(0.75, vm.accuracy(1));
        assertEquals("Mamba-2 Base", vm.slotsProperty().get(0).label());
    }

    @Test
    void changingTheModelOrSequenceDropsStaleInspections() {
        CompareViewModel vm = two();
        vm.setSequence(SPEC);
        vm.setInspection(0, Inspections.window(SPEC.sequence(), 1, 17, 14, 17, 13));
        vm.setSlot(0, ModelSlot.of(ModelConfig.paper(Backbone.MAMBA1, Pattern.KS)));
        assertNull(vm.inspectionsProperty().get(0));
        assertEquals(List.of(), vm.wrongAt(13));
        vm.setInspection(1, Inspections.window(SPEC.sequence(), 1, 17, 14, 17, 13));
        vm.setSequence(SequenceText.parse("A a 3 | A a ?"));
        assertNull(vm.inspectionsProperty().get(1));
        assertEquals(1, vm.rowsProperty().size());
    }

    @Test
    void holdsTwoToFourModels() {
        CompareViewModel vm = two();
        assertThrows(IllegalStateException.class, () -> vm.removeSlot(0));
        vm.addSlot(ModelSlot.of(ModelConfig.paper(Backbone.MAMBA2, Pattern.SW)));
        vm.addSlot(ModelSlot.of(ModelConfig.paper(Backbone.MAMBA2, Pattern.KS)));
        assertThrows(IllegalStateException.class,
                () -> vm.addSlot(ModelSlot.of(ModelConfig.paper(Backbone.MAMBA2, Pattern.LSH))));
        vm.setSequence(SPEC);
        vm.setInspection(2, Inspections.window(SPEC.sequence(), 1, 17, 14, 12, 13));
        vm.removeSlot(3);
        vm.removeSlot(0);
        assertEquals(2, vm.slotsProperty().size());
        assertEquals(List.of(1), vm.wrongAt(13), "the third model moved to slot 1");
        assertThrows(IllegalArgumentException.class, () -> new CompareViewModel(List.of()));
        assertThrows(IllegalArgumentException.class, () -> vm.setInspection(5, null));
        assertThrows(IllegalArgumentException.class,
                () -> vm.setInspection(0, Inspections.window(SequenceText.parse("A a 3 | A a ?").sequence(), 1, 13)));
    }
}
