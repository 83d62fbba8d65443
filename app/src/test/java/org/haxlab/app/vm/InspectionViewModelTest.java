package org.haxlab.app.vm;

import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.inspect.RecallDiagnosis;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.SequenceText;
import org.haxlab.model.trace.Component;
import org.haxlab.model.trace.SelectedKey;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectionViewModelTest {
    private static final RecallSequence SPEC = SequenceText.parse("A a 3 b 2 B b 4 a 1 | B a ? b ? A b ? a ?").sequence();

    @Test
    void derivesLayerKeysSparsityAndDiagnoses() {
        InspectionViewModel vm = new InspectionViewModel();
        Inspection in = Inspections.window(SPEC, 2, 17, 14, 12, 13);
        vm.show(in, SPEC);
        assertSame(in.layers().get(0), vm.currentLayerProperty().get());
        assertEquals(4, vm.diagnosesProperty().size());
        assertEquals(RecallDiagnosis.Reason.NOT_SELECTED, vm.diagnosesProperty().get(0).reason());
        assertEquals(1, vm.wrong().size());
        assertEquals(13, vm.wrong().get(0).position());
        assertEquals(RecallDiagnosis.Reason.CORRECT, vm.diagnosisAt(15).reason());
        assertNull(vm.diagnosisAt(14));
        assertEquals(2, vm.sparsityProperty().get().maxKeys());
        assertEquals(1, vm.sparsityProperty().get().minKeys());

        vm.hover(13);
        assertEquals(13, vm.activePositionProperty().get());
        assertEquals(List.of(new SelectedKey(12, Component.WINDOW.bit(), 0.25f),
                new SelectedKey(13, Component.WINDOW.bit(), 0.75f)), vm.activeKeysProperty());
        vm.selectLayer(1);
        assertSame(in.layers().get(1), vm.currentLayerProperty().get());
        assertEquals(2, vm.activeKeysProperty().size(), "keys follow the layer");
    }

    @Test
    void pinShowsWhileNothingIsHovered() {
        InspectionViewModel vm = new InspectionViewModel();
        vm.show(Inspections.window(SPEC, 1, 11, 14, 12, 13), SPEC);
        vm.pin(0);
        assertEquals(0, vm.activePositionProperty().get());
        assertEquals(1, vm.activeKeysProperty().size());
        vm.hover(20);
        assertEquals(20, vm.activePositionProperty().get());
        vm.hover(null);
        assertEquals(0, vm.activePositionProperty().get());
        vm.pin(null);
        assertNull(vm.activePositionProperty().get());
        assertTrue(vm.activeKeysProperty().isEmpty());
    }

    @Test
    void refusesPositionsLayersAndSequencesThatDoNotFit() {
        InspectionViewModel vm = new InspectionViewModel();
        vm.show(Inspections.window(SPEC, 2, 11, 14, 12, 13), SPEC);
        assertThrows(IllegalArgumentException.class, () -> vm.hover(22));
        assertThrows(IllegalArgumentException.class, () -> vm.pin(-1));
        assertThrows(IllegalArgumentException.class, () -> vm.selectLayer(2));
        RecallSequence other = SequenceText.parse("A a 3 | A a ?").sequence();
        assertThrows(IllegalArgumentException.class, () -> vm.show(Inspections.window(SPEC, 1, 11, 14, 12, 13), other));
        assertThrows(IllegalArgumentException.class, () -> vm.setZoom(0));
        assertThrows(IllegalArgumentException.class, () -> vm.setRetentionThreshold(1));
    }

    @Test
    void newInspectionKeepsWhatStillFits() {
        InspectionViewModel vm = new InspectionViewModel();
        vm.show(Inspections.window(SPEC, 2, 11, 14, 12, 13), SPEC);
        vm.selectLayer(1);
        vm.pin(20);
        RecallSequence shorter = SequenceText.parse("A a 3 | A a ?").sequence();
        vm.show(Inspections.window(shorter, 1, 13), shorter);
        assertEquals(0, vm.selectedLayerProperty().get(), "layer 1 is gone");
        assertNull(vm.pinnedProperty().get(), "position 20 is gone");
        assertEquals(1, vm.diagnosesProperty().size());
        vm.clear();
        assertNull(vm.currentLayerProperty().get());
        assertTrue(vm.diagnosesProperty().isEmpty());
    }

    @Test
    void tabZoomAndThreshold() {
        InspectionViewModel vm = new InspectionViewModel();
        vm.selectTab(View.BUCKETS);
        vm.setZoom(100);
        assertEquals(View.BUCKETS, vm.tabProperty().get());
        assertEquals(InspectionViewModel.MAX_ZOOM, vm.zoomProperty().get());
        vm.setRetentionThreshold(0.5);
        assertEquals(0.5, vm.retentionThresholdProperty().get());
    }
}
