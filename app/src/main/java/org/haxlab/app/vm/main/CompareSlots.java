package org.haxlab.app.vm.main;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.haxlab.app.vm.CompareViewModel;
import org.haxlab.app.vm.ModelSlot;

/**
 * What the window does with the compare slots: fill them from a list, and gather the model in view with the
 * compared ones. Apart from {@link MainViewModel} because it is only about the slot list, not the window.
 */
final class CompareSlots {

    private CompareSlots() {
    }

    /** Makes {@code compare}'s slots exactly {@code slots}, in order. */
    static void setAll(CompareViewModel compare, List<ModelSlot> slots) {
        while (compare.slotsProperty().size() > slots.size()) {
            compare.removeSlot(compare.slotsProperty().size() - 1);
        }
        for (int i = 0; i < slots.size(); i++) {
            if (i < compare.slotsProperty().size()) {
                compare.setSlot(i, slots.get(i));
            } else {
                compare.addSlot(slots.get(i));
            }
        }
    }

    /** {@code wanted} (when not null) followed by each compared model that is not the same model and checkpoint. */
    static List<ModelSlot> withCompared(ModelSlot wanted, CompareViewModel compare) {
        List<ModelSlot> models = new ArrayList<>();
        if (wanted != null) {
            models.add(wanted);
        }
        for (ModelSlot s : compare.slotsProperty()) {
            if (models.stream().noneMatch(m -> m.config().equals(s.config()) && Objects.equals(m.checkpoint(),
                    s.checkpoint()))) {
                models.add(s);
            }
        }
        return models;
    }
}
