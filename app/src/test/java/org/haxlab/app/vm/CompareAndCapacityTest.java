package org.haxlab.app.vm;

import org.haxlab.model.engine.DeviceChoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.task.SequenceText;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.train.CapacityPoint;
import org.junit.jupiter.api.Test;

import java.util.List;

/** The compare runner and the capacity measurement, in line with small real models. */
class CompareAndCapacityTest {

    @Test
    void everyComparedModelRunsTheSameSequence() {
        WorkStatus status = new WorkStatus();
        CompareViewModel compare = new CompareViewModel(List.of(ModelSlot.of(AppControllerTest.tiny(Pattern.NONE)),
                ModelSlot.of(AppControllerTest.tiny(Pattern.SW)), ModelSlot.of(AppControllerTest.tiny(Pattern.HAX))));
        AppControllerTest.CountingLoader loader = new AppControllerTest.CountingLoader();
        CompareRunner runner = new CompareRunner(compare, ModelWork.direct(), loader, status);
        var parsed = SequenceText.parse("A a 3 b 2 B b 4 a 1 | B a ? b ? A b ? a ?");
        runner.run(parsed, DeviceChoice.CPU);
        for (int i = 0; i < 3; i++) {
            assertNotNull(compare.inspectionsProperty().get(i), "slot " + i);
            assertEquals(compare.slotsProperty().get(i).config(), compare.inspectionsProperty().get(i).config());
        }
        assertEquals(4, compare.rowsProperty().size());
        assertTrue(compare.rowsProperty().stream().allMatch(r -> r.predicted().stream().allMatch(p -> p != null)));
        assertTrue(status.messageProperty().get().startsWith("Compare: 3 models"), status.messageProperty().get());
        runner.run(SequenceText.parse("A a 3 | A a ?"), DeviceChoice.CPU);
        assertEquals(3, loader.opened.size(), "a new sequence reuses the compared models");
        compare.removeSlot(2);
        runner.run(parsed, DeviceChoice.CPU);
        assertEquals(1, loader.closed, "the model of a removed slot is freed");
        runner.close();
        assertEquals(3, loader.closed);
        runner.run(null, DeviceChoice.CPU);
        assertTrue(compare.rowsProperty().isEmpty(), "an invalid sequence clears the comparison");
    }

    @Test
    void theDefaultComparisonIsTable1sSsmWindowAndHax() {
        List<ModelSlot> slots = CompareRunner.defaultSlots(Backbone.MAMBA1, 4);
        assertEquals(List.of(Pattern.NONE, Pattern.SW, Pattern.HAX),
                slots.stream().map(s -> s.config().sparse().pattern()).toList());
        assertTrue(slots.stream().allMatch(s -> s.config().backbone() == Backbone.MAMBA1 && s.config().initSeed() == 4));
    }

    @Test
    void capacityIsMeasuredAtEverySizeWithTheStateSizeForTheBound() {
        ModelConfig paper = ModelConfig.paper(Backbone.MAMBA2, Pattern.NONE);
        assertEquals(2L * 128 * 32, CapacityViewModel.stateFloats(paper), "layers x d_inner x N");
        assertEquals(32.0 * 2 * 128 * 32, CapacityViewModel.stateBits(paper));
        WorkStatus status = new WorkStatus();
        CapacityViewModel vm = new CapacityViewModel(ModelWork.direct(), ModelLoader.standard(), status);
        ModelSlot slot = ModelSlot.of(AppControllerTest.tiny(Pattern.SW));
        vm.measure(List.of(slot), DeviceChoice.CPU, 9);
        List<CapacityPoint> points = vm.pointsProperty();
        assertEquals(CapacityViewModel.SIZES.size(), points.size(), status.messageProperty().get());
        for (int i = 0; i < points.size(); i++) {
            CapacityPoint p = points.get(i);
            assertEquals(CapacityViewModel.SIZES.get(i)[0] * CapacityViewModel.SIZES.get(i)[1], p.n());
            assertTrue(p.accuracy() >= 0 && p.accuracy() <= 1, "accuracy " + p.accuracy());
            assertEquals(slot.label(), p.model());
        }
        assertEquals(slot.config(), vm.boundModelProperty().get());
        assertFalse(status.errorProperty().get());
        vm.measure(List.of(), DeviceChoice.CPU, 9);
        assertTrue(status.errorProperty().get(), "nothing to measure is said, not ignored");
    }
}
