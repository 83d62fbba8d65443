package org.haxlab.app.vm;

import org.haxlab.model.engine.DeviceChoice;

import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.Backbone;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelBarViewModelTest {

    @Test
    void startsAtThePapersBestModel() {
        ModelBarViewModel vm = new ModelBarViewModel();
        assertEquals(ModelConfig.paper(Backbone.MAMBA2, Pattern.HAX), vm.configProperty().get());
        assertEquals("", vm.errorProperty().get());
        assertEquals(2, vm.layersProperty().get());
    }

    @Test
    void everyKnobReachesTheConfig() {
        ModelBarViewModel vm = new ModelBarViewModel();
        vm.setBackbone(Backbone.MAMBA1);
        vm.setPattern(Pattern.LSH);
        vm.setBudget(32);
        vm.setHashBits(4);
        vm.setLshRule(SparseConfig.LshRule.ARGMAX);
        vm.setVariant(SparseConfig.Variant.PAPER);
        vm.setPath(SparseConfig.AttentionPath.SPARSE);
        vm.setSeed(9);
        ModelConfig c = vm.configProperty().get();
        assertEquals(new ModelConfig(Backbone.MAMBA1, 100, 64, 2, 2, 16, 8, 1, 4,
                new SparseConfig(Pattern.LSH, 32, 4, SparseConfig.LshRule.ARGMAX, 2048, SparseConfig.Variant.PAPER,
                        SparseConfig.AttentionPath.SPARSE), 9), c);
    }

    @Test
    void invalidCombinationGivesNoConfigAndAClearMessage() {
        ModelBarViewModel vm = new ModelBarViewModel();
        vm.setBudget(63);
        assertNull(vm.configProperty().get());
        assertTrue(vm.errorProperty().get().contains("budget k=63 must be a positive multiple of 2"),
                vm.errorProperty().get());
        vm.setPattern(Pattern.SW);
        assertEquals(63, vm.configProperty().get().sparse().budget(), "one component takes any k");
        assertEquals("", vm.errorProperty().get());
        vm.setHashBits(0);
        assertNull(vm.configProperty().get());
        assertTrue(vm.errorProperty().get().contains("hash bits"), vm.errorProperty().get());
    }

    @Test
    void base2xDoublesTheWidthAndDropsTheBranch() {
        ModelBarViewModel vm = new ModelBarViewModel();
        vm.setBudget(63);
        vm.setBase2x(true);
        ModelConfig c = vm.configProperty().get();
        assertEquals(128, c.dModel());
        assertEquals(Pattern.NONE, c.sparse().pattern());
        assertEquals(8, c.heads(), "the released Base (2x dim): 8 heads of width 32");
        assertEquals(32, c.headDim());
        vm.setBase2x(false);
        assertNull(vm.configProperty().get(), "the budget is invalid again for +HAX");
    }

    @Test
    void gpuOnlyWhenReportedAndFallsBackWhenLost() {
        ModelBarViewModel vm = new ModelBarViewModel();
        assertFalse(vm.setDevice(DeviceChoice.GPU));
        assertEquals(DeviceChoice.CPU, vm.deviceProperty().get());
        vm.setGpuAvailability(true, "CUDA 12.4, NVIDIA H200");
        assertTrue(vm.setDevice(DeviceChoice.GPU));
        assertEquals(DeviceChoice.GPU, vm.deviceProperty().get());
        vm.setGpuAvailability(false, "no CUDA natives in this build");
        assertEquals(DeviceChoice.CPU, vm.deviceProperty().get());
        assertEquals("no CUDA natives in this build", vm.gpuReasonProperty().get());
    }

    @Test
    void layerSelectionStaysInsideTheModel() {
        ModelBarViewModel vm = new ModelBarViewModel();
        vm.selectLayer(1);
        assertEquals(1, vm.selectedLayerProperty().get());
        assertThrows(IllegalArgumentException.class, () -> vm.selectLayer(2));
        assertThrows(IllegalArgumentException.class, () -> vm.selectLayer(-1));
        ModelConfig one = new ModelConfig(Backbone.MAMBA2, 100, 64, 1, 2, 32, 8, 8, 4, SparseConfig.paper(Pattern.KS), 3);
        vm.apply(one);
        assertEquals(0, vm.selectedLayerProperty().get(), "layer 1 is gone in a one-layer model");
        assertEquals(one, vm.configProperty().get());
    }

    @Test
    void applyKeepsLoadedDimensionsUntilTheBackboneChanges() {
        ModelBarViewModel vm = new ModelBarViewModel();
        ModelConfig custom = new ModelConfig(Backbone.MAMBA2, 100, 32, 3, 2, 16, 8, 4, 4, SparseConfig.paper(Pattern.A), 5);
        vm.apply(custom);
        assertEquals(Pattern.A, vm.patternProperty().get());
        assertEquals(5, vm.seed());
        vm.setPattern(Pattern.KS);
        assertEquals(custom.withSparse(custom.sparse().withPattern(Pattern.KS)), vm.configProperty().get());
        assertEquals(3, vm.layersProperty().get());
        vm.setBackbone(Backbone.MAMBA1);
        assertEquals(ModelConfig.paper(Backbone.MAMBA1, SparseConfig.paper(Pattern.KS), 5), vm.configProperty().get());
        vm.setBackbone(Backbone.MAMBA2);
        assertEquals(64, vm.configProperty().get().dModel(), "the loaded shape is not restored");
    }

    @Test
    void classroomIsAFlag() {
        ModelBarViewModel vm = new ModelBarViewModel();
        vm.setClassroom(true);
        assertTrue(vm.classroomProperty().get());
    }
}
