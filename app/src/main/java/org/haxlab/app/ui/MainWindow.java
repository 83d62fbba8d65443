package org.haxlab.app.ui;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
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
import org.haxlab.app.vm.TrainingAwareWork;
import org.haxlab.app.vm.TrainingViewModel;
import org.haxlab.app.vm.WorkStatus;
import org.haxlab.app.work.ModelWorker;
import org.haxlab.model.engine.EngineInfo;
import org.haxlab.model.trace.Backbone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The main window's content: menus and the model bar on top, the sequence panel on the left, the
 * inspection views in the centre, the training side panel on the right, the status bar at the bottom.
 * It builds the view models and the {@link AppController} that runs the model on the model thread;
 * views only draw what the view models hold.
 */
public final class MainWindow extends BorderPane {

    /** Initial window size: fits a 1366×768 laptop screen with room for the task bar. */
    public static final double WIDTH = 1280;
    /** Initial window height. */
    public static final double HEIGHT = 720;
    /** Quiet period after typing before the model runs (ms). */
    public static final double DEBOUNCE_MS = 350;
    /** Height of the collapsed lesson line (about three lines of text). */
    private static final double LESSON_LINES = 62;
    private static final String CLASSROOM_FONT = "-fx-font-size: 16px;";

    private final SequenceViewModel sequenceVm = new SequenceViewModel();
    private final ModelBarViewModel barVm = new ModelBarViewModel();
    private final InspectionViewModel inspectionVm = new InspectionViewModel();
    private final WorkStatus status = new WorkStatus();
    private final CompareViewModel compareVm;
    private final AppController controller;
    private final CompareRunner compareRunner;
    private final CapacityViewModel capacityVm;
    private final ModelBar modelBar = new ModelBar(barVm);
    private final SequencePanel sequencePanel = new SequencePanel(sequenceVm);
    private final ViewTabs views = new ViewTabs();
    private final TrainingPanel trainingPanel;
    private final StatusBar statusBar = new StatusBar();
    private final Label lesson = new Label();
    private final SelectionTab selectionTab;
    private final CompareTab compareTab;
    private final ReadOnlyObjectWrapper<EngineInfo> engine = new ReadOnlyObjectWrapper<>(this, "engine");
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");

    /**
     * The window of the app: model work on {@code worker}, real models, typing debounced. While the side
     * panel trains, the views' model work runs between training steps, so they never wait for a run.
     */
    public MainWindow(ModelWorker worker) {
        this(new TrainingViewModel(), worker);
    }

    private MainWindow(TrainingViewModel training, ModelWorker worker) {
        this(TrainingAwareWork.of(worker, training), ModelLoader.standard(), Debouncer.fx(DEBOUNCE_MS), training);
    }

    /** A window whose model work goes through {@code work} (tests pass small models or in-line work). */
    public MainWindow(ModelWork work, ModelLoader loader, Debouncer debounce) {
        this(work, loader, debounce, new TrainingViewModel());
    }

    private MainWindow(ModelWork work, ModelLoader loader, Debouncer debounce, TrainingViewModel training) {
        setId("mainWindow");
        trainingPanel = new TrainingPanel(training);
        getStyleClass().add("main-window");
        compareVm = new CompareViewModel(CompareRunner.defaultSlots(barVm.backboneProperty().get(), barVm.seed()));
        controller = new AppController(sequenceVm, barVm, inspectionVm, work, loader, debounce, status);
        compareRunner = new CompareRunner(compareVm, work, loader, status);
        capacityVm = new CapacityViewModel(work, loader, status);
        modelBar.setId("modelBar");
        sequencePanel.setId("sequencePanel");
        statusBar.bind(status);
        selectionTab = new SelectionTab(inspectionVm);
        compareTab = new CompareTab(compareVm, this::compareDefaults, this::compareModelBar);
        views.setContent("selection", selectionTab);
        views.setContent("buckets", new BucketsTab(inspectionVm, controller));
        views.setContent("decay", new DecayTab(inspectionVm));
        views.setContent("diagnosis", new DiagnosisPane(inspectionVm));
        views.setContent("sparsity", new SparsityTab(inspectionVm));
        views.setContent("capacity", new CapacityTab(capacityVm, this::measureCapacity));
        views.setContent("compare", compareTab);
        wireTabs();
        lesson.setId("lesson");
        lesson.setWrapText(true);
        lesson.setPadding(new Insets(4, 8, 4, 8));
        lesson.setStyle("-fx-background-color: #fff8e1;");
        // a long teaching note must not push the views away: three lines, the rest on click or hover
        lesson.setMaxHeight(LESSON_LINES);
        lesson.setTooltip(new javafx.scene.control.Tooltip());
        lesson.getTooltip().textProperty().bind(lesson.textProperty());
        lesson.getTooltip().setWrapText(true);
        lesson.getTooltip().setMaxWidth(600);
        lesson.setOnMouseClicked(e -> lesson.setMaxHeight(lesson.getMaxHeight() == LESSON_LINES
                ? Double.MAX_VALUE : LESSON_LINES));
        lesson.visibleProperty().bind(lesson.textProperty().isNotEmpty());
        lesson.managedProperty().bind(lesson.visibleProperty());
        sequencePanel.setPrefWidth(340);
        trainingPanel.setPrefWidth(260);
        setTop(new VBox(new MainMenus(this).menuBar(), modelBar));
        setLeft(sequencePanel);
        setCenter(new BorderPane(views, lesson, null, null, null));
        setRight(trainingPanel);
        setBottom(statusBar);
        barVm.classroomProperty().addListener((o, was, now) -> setStyle(now ? CLASSROOM_FONT : ""));
        // the views follow the model being trained: the panel hands it over between steps (model thread)
        training.setSnapshotListener((model, step) -> javafx.application.Platform.runLater(
                () -> controller.showModel(model, model.config().label() + ", training step " + step)));
        controller.refresh();
    }

    private void wireTabs() {
        views.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            inspectionVm.selectTab(views.selectedId());
            if ("compare".equals(views.selectedId())) {
                compareRunner.run(sequenceVm.parsedProperty().get(), barVm.deviceProperty().get());
            }
            // the first visit measures by itself: an empty chart would only say "press the button"
            if ("capacity".equals(views.selectedId()) && capacityVm.boundModelProperty().get() == null) {
                measureCapacity();
            }
        });
        inspectionVm.tabProperty().addListener((o, was, now) -> {
            if (!now.equals(views.selectedId())) {
                views.select(now);
            }
        });
        // the compared models follow the sequence while their tab is open (they cost a run each)
        sequenceVm.parsedProperty().addListener((o, was, now) -> {
            if ("compare".equals(views.selectedId())) {
                compareRunner.run(now, barVm.deviceProperty().get());
            }
        });
        barVm.selectedLayerProperty().addListener((o, was, now) -> compareTab.setLayer(now.intValue()));
        inspectionVm.selectTab(views.selectedId()); // the tab open at start, which no change event reports
    }

    // ---- commands (menus call these after their dialogs; tests call them directly) ----

    /** Loads a scenario: sequence, model (and checkpoint), compared models, classroom flag and open tab. */
    public void openScenario(Path file) throws ScenarioException {
        applyScenario(ScenarioFiles.load(file));
    }

    /** Shows {@code s} (see {@link #openScenario}). */
    public void applyScenario(Scenario s) {
        ModelSlot first = s.models().get(0);
        controller.useCheckpoint(first.checkpoint(), first.config());
        ScenarioState.apply(s, sequenceVm, barVm, inspectionVm);
        if (s.models().size() >= CompareViewModel.MIN_SLOTS) {
            setCompareSlots(s.models());
        }
        scenario.set(s);
        lesson.setText(s.title() + (s.note().isEmpty() ? "" : ": " + s.note()));
        views.select(s.view().tab());
        if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
            stage.setTitle("HAX Lab: " + s.title());
        }
        controller.refresh();
        if ("compare".equals(views.selectedId())) {
            compareRunner.run(sequenceVm.parsedProperty().get(), barVm.deviceProperty().get());
        }
    }

    /**
     * Saves what the window shows as a scenario (atomically): the compared models while the Compare tab
     * is open, else the model bar's model with its checkpoint.
     */
    public void saveScenario(Path file, String title) throws ScenarioException {
        List<ModelSlot> models = "compare".equals(views.selectedId()) ? List.copyOf(compareVm.slotsProperty())
                : controller.wantedSlot() == null ? null : List.of(controller.wantedSlot());
        String note = scenario.get() == null ? "" : scenario.get().note();
        Scenario s = ScenarioState.capture(title, note, sequenceVm, barVm, inspectionVm, models);
        ScenarioFiles.save(s, file);
        scenario.set(s);
        status.done("Saved scenario '" + title + "' to " + file);
    }

    /** Measures capacity for the model bar's model and the compared ones. */
    public void measureCapacity() {
        List<ModelSlot> models = new ArrayList<>();
        if (controller.wantedSlot() != null) {
            models.add(controller.wantedSlot());
        }
        for (ModelSlot s : compareVm.slotsProperty()) {
            if (models.stream().noneMatch(m -> m.config().equals(s.config()) && java.util.Objects.equals(m.checkpoint(),
                    s.checkpoint()))) {
                models.add(s);
            }
        }
        capacityVm.measure(models, barVm.deviceProperty().get(), sequenceVm.seedProperty().get());
    }

    private void compareDefaults() {
        setCompareSlots(CompareRunner.defaultSlots(barVm.backboneProperty().get(), barVm.seed()));
        compareRunner.run(sequenceVm.parsedProperty().get(), barVm.deviceProperty().get());
    }

    private void compareModelBar() {
        ModelSlot slot = controller.wantedSlot();
        if (slot == null) {
            status.failed("Compare: the model bar holds no valid model: " + barVm.errorProperty().get());
            return;
        }
        compareVm.setSlot(compareVm.slotsProperty().size() - 1, slot);
        compareRunner.run(sequenceVm.parsedProperty().get(), barVm.deviceProperty().get());
    }

    private void setCompareSlots(List<ModelSlot> slots) {
        while (compareVm.slotsProperty().size() > slots.size()) {
            compareVm.removeSlot(compareVm.slotsProperty().size() - 1);
        }
        for (int i = 0; i < slots.size(); i++) {
            if (i < compareVm.slotsProperty().size()) {
                compareVm.setSlot(i, slots.get(i));
            } else {
                compareVm.addSlot(slots.get(i));
            }
        }
    }

    /** The engine started: the About box and the model bar's GPU choice follow it. */
    public void setEngine(EngineInfo info) {
        engine.set(info);
        barVm.setGpuAvailability(info.hasGpu(), info.note());
    }

    /** Frees the models the window built (on the model thread). */
    public void dispose() {
        trainingPanel.viewModel().close();   // stops a run between steps before the models go
        controller.close();
        compareRunner.close();
    }

    // ---- parts ----

    /** The engine once started, else null. */
    public ReadOnlyObjectProperty<EngineInfo> engineProperty() {
        return engine.getReadOnlyProperty();
    }

    /** The last scenario opened or saved, or null. */
    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    /** The pipeline (the training side panel hooks its model in through {@link AppController#showModel}). */
    public AppController controller() {
        return controller;
    }

    /** The sequence being inspected. */
    public SequenceViewModel sequenceViewModel() {
        return sequenceVm;
    }

    /** The model bar's state. */
    public ModelBarViewModel modelBarViewModel() {
        return barVm;
    }

    /** What the views show. */
    public InspectionViewModel inspectionViewModel() {
        return inspectionVm;
    }

    /** The compared models. */
    public CompareViewModel compareViewModel() {
        return compareVm;
    }

    /** The status line of the model work. */
    public WorkStatus workStatus() {
        return status;
    }

    /** The bar on top. */
    public ModelBar modelBar() {
        return modelBar;
    }

    /** The left panel. */
    public SequencePanel sequencePanel() {
        return sequencePanel;
    }

    /** The centre tabs. */
    public ViewTabs views() {
        return views;
    }

    /** The "Selected keys" view. */
    SelectionTab selectionTab() {
        return selectionTab;
    }

    /** The right panel. */
    public TrainingPanel trainingPanel() {
        return trainingPanel;
    }

    /** The bottom bar. */
    public StatusBar statusBar() {
        return statusBar;
    }

    /** The lesson line (title and note of an opened scenario). */
    Label lesson() {
        return lesson;
    }
}
