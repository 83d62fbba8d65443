package org.haxlab.app.vm.training;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.haxlab.model.train.RunRecord;

import java.util.function.BooleanSupplier;

/**
 * The editable half of the training panel: the settings, the preset they match, and why they do not make
 * a run ({@link #errorProperty()}). Edits are refused while {@code locked} says a run is active. After a
 * checkpoint is loaded the settings show its record, and while they are left as loaded a run trains the
 * loaded model itself (its exact config, which the sheet's knobs may not spell out).
 */
public final class TrainingSettingsModel {

    private final ReadOnlyObjectWrapper<TrainingSettings> settings =
            new ReadOnlyObjectWrapper<>(this, "settings", TrainingSettings.defaults());
    private final ReadOnlyObjectWrapper<Preset> preset = new ReadOnlyObjectWrapper<>(this, "preset", Preset.CUSTOM);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanSupplier locked;
    private RunRecord loaded;
    private TrainingSettings settingsAtLoad;

    /** @param locked true while edits must be refused (a run is active) */
    public TrainingSettingsModel(BooleanSupplier locked) {
        this.locked = locked;
        validate();
    }

    /**
     * Sets one setting; the preset becomes the one the settings now match (usually Custom).
     *
     * @return false (and {@link #errorProperty()} says why) when the value has the wrong type or edits are
     *         locked; a well-typed value that leaves the settings invalid is kept and reported
     */
    public boolean set(TrainingSetting s, Object value) {
        if (refuseLocked()) {
            return false;
        }
        try {
            settings.set(settings.get().with(s, value));
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return false;
        }
        validate();
        return true;
    }

    /** Replaces the settings with a preset's (seed kept); {@link Preset#CUSTOM} only marks them custom. */
    public boolean applyPreset(Preset p) {
        if (refuseLocked()) {
            return false;
        }
        settings.set(p.apply(settings.get()));
        validate();
        preset.set(p);
        return true;
    }

    /** Sets the seed even while locked (a new seed stops the run anyway). */
    public void setSeed(long seed) {
        settings.set(settings.get().with(TrainingSetting.SEED, seed));
        validate();
    }

    /**
     * The run the settings describe, trained on the loaded model while the settings are as loaded.
     *
     * @return null (and the error says why) when the settings are invalid
     */
    public TrainingPlan plan() {
        TrainingPlan p = freshPlan();
        if (p != null && loaded != null && settings.get().equals(settingsAtLoad)) {
            p = new TrainingPlan(loaded.model(), p.training(), p.task(), p.valSamples());
        }
        return p;
    }

    /** The run the settings describe with a fresh model (forgets a loaded checkpoint), or null when invalid. */
    public TrainingPlan freshPlan() {
        try {
            return settings.get().plan();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return null;
        }
    }

    /** A checkpoint was loaded: the settings show its record. */
    public void followLoaded(RunRecord record) {
        loaded = record;
        settings.set(settings.get().from(record));
        settingsAtLoad = settings.get();
        validate();
    }

    /** The loaded model is gone (reset): plans build fresh models again. */
    public void forgetLoaded() {
        loaded = null;
        settingsAtLoad = null;
    }

    private boolean refuseLocked() {
        if (locked.getAsBoolean()) {
            error.set("settings are locked while a run is active: stop or reset first");
            return true;
        }
        return false;
    }

    private void validate() {
        try {
            settings.get().plan();
            error.set("");
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
        }
        preset.set(Preset.matching(settings.get()));
    }

    /** The settings. */
    public ReadOnlyObjectProperty<TrainingSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /** The preset the settings match, or Custom. */
    public ReadOnlyObjectProperty<Preset> presetProperty() {
        return preset.getReadOnlyProperty();
    }

    /** Why the settings do not make a run ("" when they do). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
