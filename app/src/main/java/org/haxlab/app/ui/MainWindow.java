package org.haxlab.app.ui;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.haxlab.app.scenario.Scenario;
import org.haxlab.app.scenario.ScenarioException;
import org.haxlab.app.vm.AppController;
import org.haxlab.app.vm.CompareViewModel;
import org.haxlab.app.vm.Debouncer;
import org.haxlab.app.vm.InspectionViewModel;
import org.haxlab.app.vm.main.MainViewModel;
import org.haxlab.app.vm.ModelBarViewModel;
import org.haxlab.app.vm.ModelLoader;
import org.haxlab.app.vm.ModelWork;
import org.haxlab.app.vm.SequenceViewModel;
import org.haxlab.app.vm.TrainingAwareWork;
import org.haxlab.app.vm.TrainingViewModel;
import org.haxlab.app.vm.View;
import org.haxlab.app.vm.WorkStatus;
import org.haxlab.app.work.ModelWorker;
import org.haxlab.model.engine.EngineInfo;

/**
 * The main window's layout: menus, the model bar and the "model in view" indicator on top, the sequence
 * panel on the left, the inspection views in the centre, the training side panel on the right, the
 * status bar at the bottom. State and commands live in {@link MainViewModel}; this class only lays
 * the parts out and keeps the open tab and the view model's view in step.
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

    private final MainViewModel vm;
    private final ModelBar modelBar;
    private final ModelInView modelInView;
    private final SequencePanel sequencePanel;
    private final ViewTabs views = new ViewTabs();
    private final TrainingPanel trainingPanel;
    private final StatusBar statusBar = new StatusBar();
    private final Label lesson = new Label();
    private final SelectionTab selectionTab;
    private final ReadOnlyObjectWrapper<EngineInfo> engine = new ReadOnlyObjectWrapper<>(this, "engine");

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

    /** A window over {@code training}'s panel (the production path with a test's worker). */
    public MainWindow(ModelWork work, ModelLoader loader, Debouncer debounce, TrainingViewModel training) {
        this(new MainViewModel(work, loader, debounce, training, Platform::runLater));
    }

    /** A window showing {@code vm}. */
    public MainWindow(MainViewModel vm) {
        this.vm = vm;
        // a trained model in view is replaced only after an explicit Replace (tests install their own answer)
        vm.replaceGuard().setConfirm(new ConfirmDialog(() -> getScene() == null ? null : getScene().getWindow()));
        setId("mainWindow");
        getStyleClass().add("main-window");
        modelBar = new ModelBar(vm.modelBar());
        modelInView = new ModelInView(vm);
        sequencePanel = new SequencePanel(vm.sequence());
        trainingPanel = new TrainingPanel(vm.training());
        modelBar.setId("modelBar");
        sequencePanel.setId("sequencePanel");
        statusBar.bind(vm.status());
        InspectionViewModel inspection = vm.inspection();
        selectionTab = new SelectionTab(inspection);
        CompareTab compareTab = new CompareTab(vm.compare(), vm.compareCommands()::defaults, vm.compareCommands()::addModelInView);
        views.setContent(View.SELECTION, selectionTab);
        views.setContent(View.BUCKETS, new BucketsTab(inspection, vm.controller()));
        views.setContent(View.DECAY, new DecayTab(inspection));
        views.setContent(View.DIAGNOSIS, new DiagnosisPane(inspection));
        views.setContent(View.SPARSITY, new SparsityTab(inspection));
        views.setContent(View.SLICING, new SlicingTab(vm.slicing(), vm.slicingCommands()::run, vm.slicingCommands()::open));
        views.setContent(View.CAPACITY, new CapacityTab(vm.capacity(), vm::measureCapacity));
        views.setContent(View.COMPARE, compareTab);
        views.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selectView(views.selected()));
        inspection.tabProperty().addListener((o, was, now) -> {
            if (now != views.selected()) {
                views.select(now);
            }
        });
        vm.sequence().parsedProperty().addListener((o, was, now) -> vm.sequenceChanged());
        vm.modelBar().selectedLayerProperty().addListener((o, was, now) -> compareTab.setLayer(now.intValue()));
        views.select(inspection.tabProperty().get());
        lesson.setId("lesson");
        lesson.setWrapText(true);
        lesson.setPadding(new Insets(4, 8, 4, 8));
        lesson.setStyle("-fx-background-color: #fff8e1;");
        // a long teaching note must not push the views away: three lines, the rest on click or hover
        lesson.setMaxHeight(LESSON_LINES);
        lesson.textProperty().bind(vm.lessonProperty());
        lesson.setTooltip(new Tooltip());
        lesson.getTooltip().textProperty().bind(lesson.textProperty());
        lesson.getTooltip().setWrapText(true);
        lesson.getTooltip().setMaxWidth(600);
        lesson.setOnMouseClicked(e -> lesson.setMaxHeight(lesson.getMaxHeight() == LESSON_LINES
                ? Double.MAX_VALUE : LESSON_LINES));
        lesson.visibleProperty().bind(lesson.textProperty().isNotEmpty());
        lesson.managedProperty().bind(lesson.visibleProperty());
        sequencePanel.setPrefWidth(340);
        trainingPanel.setPrefWidth(260);
        setTop(new VBox(new MainMenus(this).menuBar(), modelBar, modelInView));
        setLeft(sequencePanel);
        setCenter(new BorderPane(views, lesson, null, null, null));
        setRight(trainingPanel);
        setBottom(statusBar);
        vm.modelBar().classroomProperty().addListener((o, was, now) -> {
            setStyle(now ? CLASSROOM_FONT : "");
            // the stylesheet tightens what the larger font would otherwise cut (the view tabs at 1280 x 720)
            if (now) {
                getStyleClass().add("classroom");
            } else {
                getStyleClass().remove("classroom");
            }
        });
        vm.scenarioProperty().addListener((o, was, now) -> {
            if (now != null && getScene() != null && getScene().getWindow() instanceof Stage stage) {
                stage.setTitle("HAX Lab: " + now.title());
            }
        });
        vm.controller().refresh();
    }

    // ---- commands (menus call these after their dialogs; tests call them directly) ----

    /** Loads a scenario (see {@link MainViewModel#openScenario}). */
    public void openScenario(Path file) throws ScenarioException {
        vm.openScenario(file);
    }

    /** Shows {@code s} (see {@link MainViewModel#applyScenario}). */
    public void applyScenario(Scenario s) {
        vm.applyScenario(s);
    }

    /** Saves what the window shows as a scenario (see {@link MainViewModel#saveScenario}). */
    public void saveScenario(Path file, String title) throws ScenarioException {
        vm.saveScenario(file, title);
    }

    /** Measures capacity for the model in view and the compared ones. */
    public void measureCapacity() {
        vm.measureCapacity();
    }

    /** The engine started: the About box and the model bar's GPU choice follow it. */
    public void setEngine(EngineInfo info) {
        engine.set(info);
        vm.modelBar().setGpuAvailability(info.hasGpu(), info.note());
    }

    /** Frees the models the window built (on the model thread). */
    public void dispose() {
        vm.close();   // stops a run between steps before the models go
    }

    // ---- parts ----

    /** The window's state and commands. */
    public MainViewModel viewModel() {
        return vm;
    }

    /** The engine once started, else null. */
    public ReadOnlyObjectProperty<EngineInfo> engineProperty() {
        return engine.getReadOnlyProperty();
    }

    /** The last scenario opened or saved, or null. */
    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return vm.scenarioProperty();
    }

    /** The pipeline that runs the model in view. */
    public AppController controller() {
        return vm.controller();
    }

    /** The sequence being inspected. */
    public SequenceViewModel sequenceViewModel() {
        return vm.sequence();
    }

    /** The model bar's state. */
    public ModelBarViewModel modelBarViewModel() {
        return vm.modelBar();
    }

    /** What the views show. */
    public InspectionViewModel inspectionViewModel() {
        return vm.inspection();
    }

    /** The compared models. */
    public CompareViewModel compareViewModel() {
        return vm.compare();
    }

    /** The status line of the model work. */
    public WorkStatus workStatus() {
        return vm.status();
    }

    /** The bar on top. */
    public ModelBar modelBar() {
        return modelBar;
    }

    /** The "model in view" line under the model bar. */
    public ModelInView modelInView() {
        return modelInView;
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
