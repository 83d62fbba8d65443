package org.haxlab.app.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.haxlab.app.vm.Confirm;
import org.haxlab.app.vm.TrainingViewModel;
import org.haxlab.app.vm.training.CurveFeed;
import org.haxlab.app.vm.training.Preset;
import org.haxlab.app.vm.training.TrainingStatus;
import org.haxlab.model.train.CheckpointStore;
import org.haxlab.model.train.TrainingMetric;
import org.haxlab.viz.charts.LiveCurves;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The right side panel for training runs: a preset chooser ("SSM forgets" / "HAX recalls" / custom), the
 * settings sheet (read-only while a run is active, with a way to reset and change them), play / pause /
 * step N / stop / reset / new seed / save / load, progress and tokens/s, a
 * status line (a divergence shows its diagnosis and suggested fix) and the live curves. Everything it shows
 * comes from {@link TrainingViewModel}, whose update queue it drains once per frame while updates arrive.
 */
public final class TrainingPanel extends VBox {

    /** Least time between two drains of the view model's updates. */
    public static final long DRAIN_MILLIS = 200;

    private final TrainingViewModel vm;
    private final ChoiceBox<Preset> preset;
    private final TrainingSettingsSheet sheet;
    private final Label settingsError = new Label();
    private final Button play = new Button("Play");
    private final Button pause = new Button("Pause");
    private final Spinner<Integer> stepCount = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100_000, 10));
    private final Button step = new Button("Step");
    private final Button stop = new Button("Stop");
    private final Button reset = new Button("Reset");
    private final Button newSeed = new Button("New seed");
    private final Button save = new Button("Save…");
    private final Button load = new Button("Load…");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label stepLabel = new Label();
    private final Label metrics = new Label();
    private final Label status = new Label();
    private final Label notice = new Label();
    private final LiveCurves curves = new LiveCurves();
    private final Label lockNote = new Label();
    private final Button changeSettings = new Button("Change settings…");
    private Confirm confirm = new ConfirmDialog(() -> getScene() == null ? null : getScene().getWindow());

    /** A panel with the real model and task; commands wait until {@code viewModel().attach(worker)}. */
    public TrainingPanel() {
        this(new TrainingViewModel());
    }

    /** A panel over {@code vm}. */
    public TrainingPanel(TrainingViewModel vm) {
        this.vm = vm;
        setId("trainingPanel");
        getStyleClass().add("side-panel");
        Label title = new Label("Training");
        title.getStyleClass().add("panel-title");

        preset = Controls.choice(Preset.values(), vm.presetProperty(), vm::applyPreset, Preset::label,
                "Classroom presets: the same Mamba-2 and task as a plain SSM (its fixed state forgets) or with HAX "
                        + "(sparse attention recalls). Any edit makes the settings custom.");
        preset.setId("trainPreset");
        preset.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.statusProperty().get().active(),
                vm.statusProperty()));
        HBox presetRow = row(new Label("Preset"), preset);

        sheet = new TrainingSettingsSheet(vm);
        sheet.setPrefHeight(300);
        lockNote.setId("trainSettingsLockedText");
        lockNote.setWrapText(true);
        // the panel is short when the settings are open: the reason must show in full, not end in "..."
        lockNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        lockNote.setText("This run keeps the settings it was built with: the model's shape, the optimiser's schedule"
                + " and the task are fixed until it ends, so they are read-only now.");
        changeSettings.setId("trainChangeSettings");
        changeSettings.setOnAction(e -> askReset());
        Controls.tip(changeSettings, "Asks first: changing a setting means starting the run over (Reset)");
        VBox locked = new VBox(4, lockNote, changeSettings);
        locked.setId("trainSettingsLocked");
        locked.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.statusProperty().get().active(),
                vm.statusProperty()));
        locked.managedProperty().bind(locked.visibleProperty());
        TitledPane settings = new TitledPane("Settings", new VBox(6, locked, sheet));
        settings.setId("trainSettingsPane");
        settings.setExpanded(false);
        settingsError.setId("trainSettingsError");
        settingsError.setWrapText(true);
        settingsError.getStyleClass().add("error");
        settingsError.setStyle("-fx-text-fill: #b3261e;");
        settingsError.textProperty().bind(vm.settingsErrorProperty());
        settingsError.visibleProperty().bind(vm.settingsErrorProperty().isNotEmpty());
        settingsError.managedProperty().bind(settingsError.visibleProperty());

        wireButtons();
        progress.setId("trainProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.readout().progressProperty());
        stepLabel.setId("trainStepLabel");
        stepLabel.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "step %d / %d  ·  %s",
                        vm.stepProperty().get(), vm.readout().totalStepsProperty().get(), rate(vm.readout().tokensPerSecondProperty().get())),
                vm.stepProperty(), vm.readout().totalStepsProperty(), vm.readout().tokensPerSecondProperty()));
        metrics.setId("trainMetrics");
        // the side panel is narrow: long step counts and rates wrap instead of ending in "…"
        stepLabel.setWrapText(true);
        metrics.setWrapText(true);
        metrics.textProperty().bind(Bindings.createStringBinding(() -> "loss " + num(vm.readout().lastLossProperty().get())
                        + "  ·  acc " + num(vm.readout().lastAccuracyProperty().get()) + "  ·  best val " + num(vm.readout().bestValAccuracyProperty().get()),
                vm.readout().lastLossProperty(), vm.readout().lastAccuracyProperty(), vm.readout().bestValAccuracyProperty()));
        status.setId("trainStatus");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(this::statusText, vm.statusProperty(),
                vm.messageProperty(), vm.readyProperty()));
        status.styleProperty().bind(Bindings.createStringBinding(() -> failed() ? "-fx-text-fill: #b3261e;" : "",
                vm.statusProperty()));
        notice.setId("trainNotice");
        notice.setWrapText(true);
        notice.textProperty().bind(vm.noticeProperty());
        notice.styleProperty().bind(Bindings.createStringBinding(() -> vm.noticeIsErrorProperty().get()
                ? "-fx-text-fill: #b3261e;" : "-fx-text-fill: #5a6172;", vm.noticeIsErrorProperty()));
        notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        curves.setId("trainCurves");
        curves.chart().setTitle((String) null);
        curves.setPrefSize(260, 260);
        curves.setMinHeight(180);
        VBox.setVgrow(curves, Priority.ALWAYS);
        vm.addCurveSink(new CurveFeed.Sink() {
            @Override
            public void append(TrainingMetric metric, double x, double value) {
                curves.append(metric, x, value);
            }

            @Override
            public void clear() {
                curves.clear();
            }
        });

        HBox transport = row(play, pause, stop);
        HBox stepping = row(stepCount, step);
        HBox restart = row(reset, newSeed);
        HBox files = row(save, load);
        getChildren().addAll(title, presetRow, settings, settingsError, transport, stepping, restart, files, progress,
                stepLabel, metrics, status, notice, curves);
        startDraining();
    }

    /** The view model behind the panel. */
    public TrainingViewModel viewModel() {
        return vm;
    }

    private void wireButtons() {
        BooleanBinding idleReady = Bindings.createBooleanBinding(() -> vm.readyProperty().get() && !vm.busyProperty().get()
                        && ((vm.statusProperty().get() == TrainingStatus.IDLE || vm.statusProperty().get().ended())
                        && vm.settingsErrorProperty().get().isEmpty()),
                vm.readyProperty(), vm.busyProperty(), vm.statusProperty(), vm.settingsErrorProperty());
        BooleanBinding paused = vm.statusProperty().isEqualTo(TrainingStatus.PAUSED);
        BooleanBinding running = vm.statusProperty().isEqualTo(TrainingStatus.RUNNING);
        BooleanBinding usable = vm.readyProperty().and(vm.busyProperty().not());
        button(play, "trainPlay", () -> vm.play(), idleReady.or(paused).not(),
                "Start training with these settings, resume a paused run, or train on after a stopped one");
        button(pause, "trainPause", () -> vm.pause(), running.not(), "Pause before the next step");
        button(stop, "trainStop", () -> vm.stop(), running.or(paused).not(),
                "End the run before its next step (the model keeps its weights: Play trains on, Reset starts over)");
        stepCount.setId("trainStepCount");
        stepCount.setEditable(true);
        stepCount.setPrefWidth(90);
        Controls.tip(stepCount, "How many steps the Step button runs");
        button(step, "trainStep", () -> vm.step(stepCount.getValue()), idleReady.or(paused).or(running).not(),
                "Run exactly this many steps, then pause");
        button(reset, "trainReset", () -> vm.reset(), usable.not(),
                "Stop, rebuild the model from the same seed (same initial weights and data order) and clear the curves");
        button(newSeed, "trainNewSeed", () -> vm.newSeed(), usable.not(),
                "Stop and start over from a new random seed (other initial weights and data order)");
        button(save, "trainSave", this::chooseSave, usable.and(vm.modelProperty().isNotNull()).not(),
                "Save the model and its run record as a checkpoint folder (atomic; while training, between two steps)");
        button(load, "trainLoad", this::chooseLoad, usable.and(running.or(paused).not()).not(),
                "Load a checkpoint folder (or a run folder: its best/) into a new model of its recorded config");
    }

    /**
     * A run keeps its settings until it ends, so changing one means starting over: asked, never done behind
     * the user's back, because a reset discards the steps trained so far.
     */
    private void askReset() {
        int steps = vm.stepProperty().get();
        boolean reset = confirm.ask(new Confirm.Question("Change the training settings?",
                "Reset the run to change its settings?",
                "The run keeps the settings it was built with until it ends. Reset stops it and rebuilds the model"
                        + " from the same seed at step 0, and the settings become editable; the " + steps
                        + " step(s) trained so far are discarded (Save… keeps them first). Keep the run leaves"
                        + " everything as it is.",
                "Reset the run", "Keep the run"));
        if (reset) {
            vm.reset();
        }
    }

    /** Who answers the question before a reset that changing the settings needs (a dialog by default). */
    public void setConfirm(Confirm confirm) {
        this.confirm = java.util.Objects.requireNonNull(confirm, "confirm");
    }

    private static void button(Button b, String id, Runnable action, javafx.beans.value.ObservableBooleanValue disabled,
                               String tip) {
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(disabled);
        Controls.tip(b, tip);
    }

    private void chooseSave() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Save checkpoint into folder");
        File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (dir != null) {
            vm.save(checkpointDir(dir.toPath()));
        }
    }

    /**
     * Where to save when the user picked {@code chosen}: the folder itself when empty or already a checkpoint
     * (a save replaces the folder), else a new dated folder inside it, so that no other file is ever replaced.
     */
    static Path checkpointDir(Path chosen) {
        if (Files.isRegularFile(chosen.resolve(CheckpointStore.RECORD_FILE))) {
            return chosen;
        }
        try (Stream<Path> entries = Files.list(chosen)) {
            if (entries.findAny().isEmpty()) {
                return chosen;
            }
        } catch (IOException e) {
            // unreadable: a new folder inside is the safe choice, and the save reports what fails
        }
        return chosen.resolve("checkpoint-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    private void chooseLoad() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Load checkpoint folder");
        File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (dir != null) {
            vm.load(dir.toPath());
        }
    }

    /**
     * Drains the view model's updates on a frame whenever some are waiting, at most every
     * {@value #DRAIN_MILLIS} ms (no timer runs while nothing arrives). Every drain relays out the labels and
     * redraws the chart; at 5 per second the numbers still read as live while the FX thread stays free
     * (docs/UI_RESPONSIVENESS.md).
     */
    private void startDraining() {
        AnimationTimer frame = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (now - last < DRAIN_MILLIS * 1_000_000L) {
                    return;
                }
                last = now;
                stop();
                vm.drain();
            }
        };
        vm.setWakeUp(() -> Platform.runLater(frame::start));
    }

    private String statusText() {
        if (!vm.readyProperty().get()) {
            return "waiting for the engine to start";
        }
        String m = vm.messageProperty().get();
        return vm.statusProperty().get().label() + (m == null || m.isEmpty() ? "" : ": " + m);
    }

    private boolean failed() {
        TrainingStatus s = vm.statusProperty().get();
        return s == TrainingStatus.DIVERGED || s == TrainingStatus.FAILED;
    }

    private static HBox row(javafx.scene.Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String rate(double tokensPerSecond) {
        return Double.isNaN(tokensPerSecond) ? "– tok/s" : String.format(Locale.ROOT, "%,.0f tok/s", tokensPerSecond);
    }

    // ---- for tests ----

    /** The preset chooser. */
    public ChoiceBox<Preset> presetChoice() {
        return preset;
    }

    /** The settings sheet. */
    public TrainingSettingsSheet settingsSheet() {
        return sheet;
    }

    /** The chart. */
    public LiveCurves curves() {
        return curves;
    }

    /** The status line. */
    public Label statusLabel() {
        return status;
    }

    /** The step-count spinner. */
    public Spinner<Integer> stepCountSpinner() {
        return stepCount;
    }
}
