package org.haxlab.app.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;
import org.haxlab.app.vm.TrainingViewModel;
import org.haxlab.app.vm.training.TrainingSetting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The training settings as a ControlsFX property sheet, grouped by category (model, training, task,
 * validation), each row with its explanation as tooltip. Edits go to the view model as commands; the rows
 * follow the view model's settings (a preset or a loaded checkpoint changes them). While a run is active the
 * rows stay readable (and the sheet scrolls) but are read-only: a run keeps the settings it was built with.
 */
public final class TrainingSettingsSheet extends PropertySheet {

    private boolean editing;

    /** A sheet over {@code vm}'s settings. */
    public TrainingSettingsSheet(TrainingViewModel vm) {
        setId("trainingSettings");
        setModeSwitcherVisible(false);
        setSearchBoxVisible(false);
        setMode(Mode.CATEGORY);
        List<Item> items = new ArrayList<>();
        for (TrainingSetting s : TrainingSetting.values()) {
            items.add(new SettingItem(vm, s));
        }
        getItems().setAll(items);
        // ControlsFX asks isEditable() when it builds an editor: a run starting or ending rebuilds them
        vm.statusProperty().addListener((o, was, now) -> {
            if (was.active() != now.active()) {
                getItems().setAll(new ArrayList<>(getItems()));
            }
        });
        // a change that did not come from a row (preset, load) rebuilds the editors so they show it
        vm.settingsProperty().addListener((o, was, now) -> {
            if (!editing) {
                getItems().setAll(new ArrayList<>(getItems()));
            }
        });
    }

    /** One setting as a sheet row. */
    private final class SettingItem implements Item {
        private final TrainingViewModel vm;
        private final TrainingSetting setting;
        private final ObservableValue<Object> value;

        SettingItem(TrainingViewModel vm, TrainingSetting setting) {
            this.vm = vm;
            this.setting = setting;
            this.value = Bindings.createObjectBinding(() -> vm.settingsProperty().get().get(setting), vm.settingsProperty());
        }

        @Override
        public Class<?> getType() {
            return setting.type();
        }

        @Override
        public String getCategory() {
            return setting.category();
        }

        @Override
        public String getName() {
            return setting.label();
        }

        @Override
        public String getDescription() {
            return setting.description();
        }

        @Override
        public Object getValue() {
            return value.getValue();
        }

        @Override
        public void setValue(Object v) {
            if (v == null || v.equals(getValue())) {
                return;
            }
            editing = true;
            try {
                vm.setSetting(setting, v);
            } finally {
                editing = false;
            }
        }

        @Override
        public boolean isEditable() {
            return !vm.statusProperty().get().active();
        }

        @Override
        public Optional<ObservableValue<?>> getObservableValue() {
            return Optional.of(value);
        }
    }
}
