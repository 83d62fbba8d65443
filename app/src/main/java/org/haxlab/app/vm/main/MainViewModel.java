package org.haxlab.app.vm.main;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import org.haxlab.app.scenario.Scenario;
import org.haxlab.app.scenario.ScenarioException;
import org.haxlab.app.scenario.ScenarioFiles;
import org.haxlab.app.scenario.ScenarioState;
import org.haxlab.app.vm.AppController;
import org.haxlab.app.vm.CapacityViewModel;
import org.haxlab.app.vm.CompareRunner;
import org.haxlab.app.vm.CompareViewModel;
import org.haxlab.app.vm.Debouncer;
import org.haxlab.app.vm.InspectionViewModel;
import org.haxlab.app.vm.ModelBarViewModel;
import org.haxlab.app.vm.ModelLoader;
import org.haxlab.app.vm.ModelSlot;
import org.haxlab.app.vm.ModelWork;
import org.haxlab.app.vm.SequenceViewModel;
import org.haxlab.app.vm.TrainingViewModel;
import org.haxlab.app.vm.View;
import org.haxlab.app.vm.WorkStatus;
import org.haxlab.app.vm.slicing.SlicingViewModel;
import org.haxlab.app.vm.training.TrainingStatus;
import org.haxlab.app.zoo.Zoo;
import org.haxlab.app.zoo.ZooModel;

/**
 * The window's state and commands, without a Stage: the view models of every part, which view is open,
 * the lesson, and which model the views show and where it came from ({@link ModelSource}). The window
 * only lays the parts out and turns menu items into calls here; tests drive this class directly.
 *
 * <p>One model is in view at a time. The model bar, an opened checkpoint, a lesson, the zoo and live
 * training each bring one; the last the user chose wins, and the indicator ({@link #modelInViewProperty})
 * says which. A change in the model bar takes the views back from live training (training goes on; its
 * next Play or Step hands its model back to the views); where that or anything else would take a trained
 * model the user brought out of the views, {@link ReplaceGuard} asks first.
 */
public final class MainViewModel implements AutoCloseable {
    private final SequenceViewModel sequence = new SequenceViewModel();
    private final ModelBarViewModel bar = new ModelBarViewModel();
    private final InspectionViewModel inspection = new InspectionViewModel();
    private final WorkStatus status = new WorkStatus();
    private final CompareViewModel compare;
    private final AppController controller;
    private final CompareCommands compareCommands;
    private final CapacityViewModel capacity;
    private final SlicingViewModel slicing;
    private final SlicingCommands slicingCommands;
    private final TrainingViewModel training;
    private final ReplaceGuard guard;
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ReadOnlyStringWrapper lesson = new ReadOnlyStringWrapper(this, "lesson", "");
    private final ReadOnlyListWrapper<ModelSlot> lessonModels =
            new ReadOnlyListWrapper<>(this, "lessonModels", FXCollections.observableArrayList());
    private final ReadOnlyObjectWrapper<ModelSource> source = new ReadOnlyObjectWrapper<>(this, "source", ModelSource.MODEL_BAR);
    private final ReadOnlyStringWrapper modelInView = new ReadOnlyStringWrapper(this, "modelInView", "");
    private boolean applying;
    private boolean closed;
    private Zoo zoo;
    private boolean followTraining = true;

    /**
     * @param work     the model thread (through the training panel in the app)
     * @param loader   builds models
     * @param debounce coalesces typing
     * @param training the training side panel's view model
     * @param fx       runs a task on the FX thread ({@code Platform::runLater}; tests may run in line)
     */
    public MainViewModel(ModelWork work, ModelLoader loader, Debouncer debounce, TrainingViewModel training,
                         Consumer<Runnable> fx) {
        this.training = Objects.requireNonNull(training, "training");
        compare = new CompareViewModel(CompareRunner.defaultSlots(bar.backboneProperty().get(), bar.seed()));
        controller = new AppController(sequence, bar, inspection, work, loader, debounce, status);
        compareCommands = new CompareCommands(this, new CompareRunner(compare, work, loader, status));
        capacity = new CapacityViewModel(work, loader, status);
        slicing = new SlicingViewModel(work, loader, status);
        slicingCommands = new SlicingCommands(this);
        guard = new ReplaceGuard(controller, training, source::get);
        // a user's edit of the model bar asks before it takes a trained model out of the views
        bar.setEditGuard(next -> applying || controller.applyingCheckpoint() || guard.barEdit(next));
        bar.configProperty().addListener((o, was, now) -> barChanged());
        controller.modelLabelProperty().addListener((o, was, now) -> describe());
        controller.checkpointProperty().addListener((o, was, now) -> describe());
        source.addListener((o, was, now) -> describe());
        // the views follow the model being trained: the panel hands it over between steps (model thread); the
        // generation read now is compared on the model thread before each run, so a model that a reset or a
        // load has closed since is never run
        training.setSnapshotListener((model, step) -> {
            long generation = training.modelGeneration();
            fx.accept(() -> {
                if (followTraining && !closed) {
                    source.set(ModelSource.TRAINING);
                    controller.showModel(model, model.config().label() + ", training step " + step,
                            () -> training.modelGeneration() == generation);
                }
            });
        });
        // Play or Step starts handing the trained model to the views again
        training.statusProperty().addListener((o, was, now) ->
                followTraining |= now == TrainingStatus.RUNNING && was != TrainingStatus.RUNNING);
        describe();
    }

    // ---- start-up ----

    /**
     * The first start: the zoo's showcase model (its most accurate +HAX) on a generated sequence
     * of the zoo's grid when {@code zoo} is given, else the model bar's default model on a generated
     * sequence. Either way a model answers before the user did anything.
     */
    public void startDemo(Zoo zoo) {
        if (zoo == null) {
            generate(3, 3);
            return;
        }
        this.zoo = zoo;
        ZooModel m = zoo.showcase(bar.backboneProperty().get());
        generate(zoo.grid().maxContexts(), zoo.grid().maxKeys());
        useModel(m.slot(), ModelSource.ZOO);
        status.done("Opened the model zoo (" + zoo.models().size() + " trained models): " + m.label());
    }

    private void generate(int contexts, int keys) {
        sequence.setContexts(contexts);
        sequence.setKeys(keys);
        sequence.generate();
    }

    // ---- models ----

    /** Shows {@code slot} (its checkpoint when it has one) as coming from {@code from}. */
    public void useModel(ModelSlot slot, ModelSource from) {
        applying = true;
        try {
            controller.showModel(null, null);
            controller.useSlot(slot);
            bar.apply(slot.config());
        } finally {
            applying = false;
        }
        followTraining = false;
        source.set(from);
        controller.refresh();
    }

    /** Opens a checkpoint: its config goes to the model bar and its weights into the views' model. */
    public void openCheckpoint(Path dir) {
        controller.openCheckpoint(dir, () -> {
            followTraining = false;
            controller.showModel(null, null);
            source.set(ModelSource.CHECKPOINT);
        });
    }

    /**
     * Shows the lesson's model {@code index} (a lesson with two to four models: each one's diagnosis).
     *
     * @return false when the user chose to keep the model being trained in view
     */
    public boolean showLessonModel(int index) {
        if (index < 0 || index >= lessonModels.size()) {
            throw new IllegalArgumentException("lesson model " + index + " does not exist: the lesson has "
                    + lessonModels.size() + " model(s)");
        }
        if (!guard.openInstead("the lesson's model " + lessonModels.get(index).label())) {
            return false;
        }
        useModel(lessonModels.get(index), ModelSource.LESSON);
        return true;
    }

    private void barChanged() {
        if (applying || controller.applyingCheckpoint()) {
            return;
        }
        // the user edited the model bar (and said Replace where a trained model was in view): it wins over a
        // lesson's, a checkpoint's and the trained model
        if (controller.showsExternalModel()) {
            followTraining = false;
            controller.showModel(null, null);
        }
        source.set(ModelSource.MODEL_BAR);
    }

    private void describe() {
        modelInView.set(guard.indicator());
    }

    // ---- lessons ----

    /** Loads a scenario: sequence, model (and checkpoint), compared models, classroom flag and view. */
    public void openScenario(Path file) throws ScenarioException {
        applyScenario(ScenarioFiles.load(file));
    }

    /** Shows {@code s} (see {@link #openScenario}). */
    public void applyScenario(Scenario s) {
        ModelSlot first = s.models().get(0);
        applying = true;
        try {
            controller.showModel(null, null);
            controller.useSlot(first);
            ScenarioState.apply(s, sequence, bar, inspection);
        } finally {
            applying = false;
        }
        followTraining = false;
        source.set(ModelSource.LESSON);
        lessonModels.setAll(s.models());
        if (s.models().size() >= CompareViewModel.MIN_SLOTS) {
            CompareSlots.setAll(compare, s.models());
        }
        scenario.set(s);
        lesson.set(s.title() + (s.note().isEmpty() ? "" : ": " + s.note()));
        controller.refresh();
        viewOpened(s.view().tab());
    }

    /**
     * Saves what the window shows as a scenario (atomically): the compared models while the Compare view
     * is open, else the model in view with its checkpoint; the lesson's note (as edited) goes with it.
     */
    public void saveScenario(Path file, String title) throws ScenarioException {
        List<ModelSlot> models = inspection.tabProperty().get() == View.COMPARE ? List.copyOf(compare.slotsProperty())
                : controller.wantedSlot() == null ? null : List.of(controller.wantedSlot());
        String note = scenario.get() == null ? "" : scenario.get().note();
        Scenario s = ScenarioState.capture(title, note, sequence, bar, inspection, models);
        ScenarioFiles.save(s, file);
        scenario.set(s);
        status.done("Saved scenario '" + title + "' to " + file);
    }

    /** Replaces the teaching note of the open lesson (saved with the next {@link #saveScenario}). */
    public void editNote(String title, String note) {
        Scenario s = scenario.get();
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a lesson needs a title");
        }
        Scenario base = s != null ? s : ScenarioState.capture(title, "", sequence, bar, inspection,
                controller.wantedSlot() == null ? null : List.of(controller.wantedSlot()));
        Scenario edited = new Scenario(title, note, base.sequence(), base.models(), base.view(), base.classroom());
        scenario.set(edited);
        lesson.set(edited.title() + (edited.note().isEmpty() ? "" : ": " + edited.note()));
    }

    // ---- views ----

    /** Opens {@code v}: Compare runs its models, Capacity measures on its first visit. */
    public void selectView(View v) {
        if (v != inspection.tabProperty().get()) {
            inspection.selectTab(v);
        }
        viewOpened(v);
    }

    private void viewOpened(View v) {
        if (v == View.COMPARE) {
            compareCommands.run();
        }
        // the first visit measures by itself: an empty chart would only say "press the button"
        if (v == View.CAPACITY && capacity.boundModelProperty().get() == null) {
            measureCapacity();
        }
        if (v == View.SLICING && slicing.rowsProperty().isEmpty() && !slicing.runningProperty().get()) {
            slicingCommands.run(SlicingViewModel.DEFAULT_SAMPLES);
        }
    }

    /** The compared models follow the sequence while their view is open (they cost a run each). */
    public void sequenceChanged() {
        if (inspection.tabProperty().get() == View.COMPARE) {
            compareCommands.run();
        }
    }

    /** Measures capacity for the model in view and the compared ones. */
    public void measureCapacity() {
        capacity.measure(CompareSlots.withCompared(controller.wantedSlot(), compare), bar.deviceProperty().get(), sequence.seedProperty().get());
    }

    /** Stops training between steps and frees the models (on the model thread). */
    @Override
    public void close() {
        closed = true;   // a run stopping now still sends its model: the views must not queue work for it
        training.close();
        controller.close();
        compareCommands.close();
    }

    // ---- parts ----

    /** The zoo the app opened on, or null. */
    public Zoo zoo() {
        return zoo;
    }

    /** The sequence being inspected. */
    public SequenceViewModel sequence() {
        return sequence;
    }

    /** The model bar. */
    public ModelBarViewModel modelBar() {
        return bar;
    }

    /** What the inspection views show; its tab is the open {@link View}. */
    public InspectionViewModel inspection() {
        return inspection;
    }

    /** The status line of the model work. */
    public WorkStatus status() {
        return status;
    }

    /** The compared models. */
    public CompareViewModel compare() {
        return compare;
    }

    /** The pipeline that runs the model in view. */
    public AppController controller() {
        return controller;
    }

    /** The capacity measurements. */
    public CapacityViewModel capacity() {
        return capacity;
    }

    /** The failure slicing. */
    public SlicingViewModel slicing() {
        return slicing;
    }

    /** Fills the compare slots and runs them. */
    public CompareCommands compareCommands() {
        return compareCommands;
    }

    /** Runs the failure slicing and opens its examples. */
    public SlicingCommands slicingCommands() {
        return slicingCommands;
    }

    /** Asks before a trained model in view is replaced (the window gives it its dialog). */
    public ReplaceGuard replaceGuard() {
        return guard;
    }

    /** The training side panel. */
    public TrainingViewModel training() {
        return training;
    }

    /** The last scenario opened or saved, or null. */
    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    /** "title: note" of the open lesson, or "". */
    public ReadOnlyStringProperty lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** The open lesson's models (empty without a lesson). */
    public ReadOnlyListProperty<ModelSlot> lessonModelsProperty() {
        return lessonModels.getReadOnlyProperty();
    }

    /** Where the model in view came from. */
    public ReadOnlyObjectProperty<ModelSource> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The indicator text: the model in view, its source, and why a chosen checkpoint is not used. */
    public ReadOnlyStringProperty modelInViewProperty() {
        return modelInView.getReadOnlyProperty();
    }
}
