package org.haxlab.app.vm;

import ai.djl.Device;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import org.haxlab.app.vm.training.CurveFeed;
import org.haxlab.app.vm.training.ModelSnapshotListener;
import org.haxlab.app.vm.training.Preset;
import org.haxlab.app.vm.training.RunState;
import org.haxlab.app.vm.training.TrainingPlan;
import org.haxlab.app.vm.training.TrainingReadout;
import org.haxlab.app.vm.training.TrainingSession;
import org.haxlab.app.vm.training.TrainingSetting;
import org.haxlab.app.vm.training.TrainingSettings;
import org.haxlab.app.vm.training.TrainingSettingsModel;
import org.haxlab.app.vm.training.TrainingStatus;
import org.haxlab.app.vm.training.TrainingUpdate;
import org.haxlab.app.vm.training.UpdateInbox;
import org.haxlab.app.work.ModelWorker;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.train.ModelFactory;
import org.haxlab.model.train.RunRecord;
import org.haxlab.model.train.TaskFactory;
import org.haxlab.model.train.Wiring;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * The training side panel: settings (validated), the commands play / pause / step N / reset / new seed /
 * stop / save / load, and what the run shows (status, progress, tokens/s, last loss and accuracy, best
 * validation accuracy, curves). The model and its trainer live on the one {@link ModelWorker} thread
 * ({@link TrainingSession}); their updates come back through a queue that the FX thread {@link #drain()}s
 * once per frame, so every step reaches the curves and the FX thread never waits for training.
 *
 * <p>Views refresh from the model being trained through {@link #setSnapshotListener} (called on the model
 * thread between steps) and {@link #submitModelWork} (work run with the live model between steps); the
 * {@link #modelProperty()} says which model is current. Until {@link #attach} hands it the worker (once the
 * engine is up) the commands answer that the engine is still starting.
 */
public final class TrainingViewModel implements AutoCloseable {

    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready", false);
    private final UpdateInbox inbox = new UpdateInbox();
    private final TrainingSettingsModel settings = new TrainingSettingsModel(() -> status().active());
    private final RunState state = new RunState(settings::followLoaded);
    private final ModelFactory models;
    private final TaskFactory tasks;
    private final Device device;
    private final LongSupplier seeds;
    private TrainingSession session;
    private ModelSnapshotListener snapshotListener;
    private long snapshotPeriodMillis = 750;

    /** The real model and task ({@link Wiring}) on the CPU, new seeds drawn at random. */
    public TrainingViewModel() {
        this(Wiring.models(), Wiring.tasks(), Device.cpu(), () -> ThreadLocalRandom.current().nextLong(1, 1_000_000));
    }

    /**
     * @param models builds models
     * @param tasks  builds task generators
     * @param device where models live
     * @param seeds  where {@link #newSeed()} gets its seeds (tests pass a fixed sequence)
     */
    public TrainingViewModel(ModelFactory models, TaskFactory tasks, Device device, LongSupplier seeds) {
        this.models = models;
        this.tasks = tasks;
        this.device = device;
        this.seeds = seeds;
    }

    /** Connects the model thread (the app calls it once the engine is up); the commands work from now on. */
    public void attach(ModelWorker worker) {
        if (session != null) {
            throw new IllegalStateException("training: a worker is already attached");
        }
        session = new TrainingSession(worker, models, tasks, device, inbox::post);
        session.setSnapshotListener(snapshotListener);
        session.setSnapshotPeriodMillis(snapshotPeriodMillis);
        ready.set(true);
    }

    // ---- settings ----

    /** The editable settings (see {@link TrainingSettingsModel}). */
    public TrainingSettingsModel settings() {
        return settings;
    }

    /** Sets one setting (refused while a run is active); see {@link TrainingSettingsModel#set}. */
    public boolean setSetting(TrainingSetting s, Object value) {
        return settings.set(s, value);
    }

    /** Applies a preset (refused while a run is active); see {@link TrainingSettingsModel#applyPreset}. */
    public boolean applyPreset(Preset p) {
        return settings.applyPreset(p);
    }

    // ---- commands ----

    /** Starts a run with the current settings, or resumes a paused one. */
    public boolean play() {
        if (!canCommand()) {
            return false;
        }
        switch (status()) {
            case PAUSED -> session.resume();
            case RUNNING -> { }
            case IDLE -> {
                return start(0);
            }
            default -> {
                return trainOn(0);
            }
        }
        return true;
    }

    /** Pauses the run before its next step. */
    public boolean pause() {
        if (!canCommand() || status() != TrainingStatus.RUNNING) {
            return false;
        }
        session.pause();
        // the step under way finishes first (it can take a while on a big model): say so at once
        state.say("pausing after the current step…");
        return true;
    }

    /** Runs exactly {@code n} more steps, then pauses (starts a run when idle). */
    public boolean step(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("step: n=" + n + " must be >= 1");
        }
        if (!canCommand()) {
            return false;
        }
        if (status().active()) {
            session.step(n);
            return true;
        }
        return status() == TrainingStatus.IDLE ? start(n) : trainOn(n);
    }

    /** Ends the run before its next step. */
    public boolean stop() {
        if (!canCommand() || !status().active()) {
            return false;
        }
        session.stop();
        return true;
    }

    /** Stops any run and rebuilds the model from the settings (same seed: same initial weights); curves restart. */
    public boolean reset() {
        if (session == null) {
            return notReady();
        }
        TrainingPlan p = settings.freshPlan();
        if (p == null) {
            return false;
        }
        settings.forgetLoaded();
        state.setBusy(true);
        session.reset(p.model(), p);
        return true;
    }

    /** A new random seed, then {@link #reset()}: a different initialisation and data order. */
    public boolean newSeed() {
        if (session == null) {
            return notReady();
        }
        // the settings are locked during a run, but the reset below stops it: set the seed directly
        settings.setSeed(seeds.getAsLong());
        return reset();
    }

    /**
     * Saves the live model into the checkpoint directory {@code dir} (atomically; while training, between two
     * steps). The outcome also arrives as a notice.
     */
    public CompletableFuture<RunRecord> save(Path dir) {
        if (session == null) {
            notReady();
            return CompletableFuture.failedFuture(new IllegalStateException(messageProperty().get()));
        }
        CompletableFuture<RunRecord> f = session.save(dir);
        f.whenComplete((r, e) -> {
            if (e != null) {
                inbox.post(TrainingUpdate.Notice.failed("could not save to " + dir, e));
            }
        });
        return f;
    }

    /** Loads a checkpoint into a new model of its recorded config (not while a run is active); settings follow it. */
    public CompletableFuture<RunRecord> load(Path dir) {
        if (session == null) {
            notReady();
            return CompletableFuture.failedFuture(new IllegalStateException(messageProperty().get()));
        }
        if (status().active() || state.busy()) {
            state.notice("stop the run before loading a checkpoint", true);
            return CompletableFuture.failedFuture(new IllegalStateException(noticeProperty().get()));
        }
        state.setBusy(true);
        return session.load(dir);
    }

    /**
     * Runs {@code work} with the live model on the model thread (between steps while training).
     *
     * @throws IllegalStateException before {@link #attach}
     */
    public <T> CompletableFuture<T> submitModelWork(TrainingSession.LiveModelTask<T> work) {
        if (session == null) {
            throw new IllegalStateException("training: no model worker attached yet");
        }
        return session.submitModelWork(work);
    }

    /**
     * Runs any model-thread work, between two steps while a run is active (see
     * {@link TrainingSession#submitWork}); null until {@link #attach} (the caller then uses the worker).
     */
    public <T> CompletableFuture<T> submitWork(java.util.concurrent.Callable<T> work) {
        return session == null ? null : session.submitWork(work);
    }

    /** Who hears the live model on the model thread between steps (see {@link ModelSnapshotListener}). */
    public void setSnapshotListener(ModelSnapshotListener listener) {
        snapshotListener = listener;
        if (session != null) {
            session.setSnapshotListener(listener);
        }
    }

    /**
     * The generation of the live model (see {@code TrainingSession#modelGeneration}); -1 before the panel is
     * attached. Read it on the model thread, where models are replaced.
     */
    public long modelGeneration() {
        TrainingSession s = session;
        return s == null ? -1 : s.modelGeneration();
    }

    /** Least time between two snapshots while running (default 750 ms). */
    public void setSnapshotPeriodMillis(long millis) {
        snapshotPeriodMillis = millis;
        if (session != null) {
            session.setSnapshotPeriodMillis(millis);
        }
    }

    /** Adds a chart that receives the curves' points during {@link #drain()}. */
    public void addCurveSink(CurveFeed.Sink sink) {
        state.curves().addSink(sink);
    }

    private boolean start(int stepsThenPause) {
        if (state.busy()) {
            state.say("still resetting or loading: try again in a moment");
            return false;
        }
        TrainingPlan p = settings.plan();
        if (p == null) {
            return false;
        }
        state.begin(p.training().steps(), "starting " + p.model().label() + "...");
        session.start(p, stepsThenPause);
        return true;
    }

    private boolean canCommand() {
        return session != null || notReady();
    }

    private boolean notReady() {
        state.say("the engine is still starting: training is available once it is up");
        return false;
    }

    /**
     * After a stopped, finished, diverged or failed run, Play and Step train on from the weights the model has
     * (a new run of the same settings, its steps counted on from the model's); Reset starts over instead.
     */
    private boolean trainOn(int stepsThenPause) {
        int from = stepProperty().get();
        boolean started = start(stepsThenPause);
        if (started) {
            state.say("training on from step " + from + " (the weights are kept; Reset starts over)");
        }
        return started;
    }

    private TrainingStatus status() {
        return state.status();
    }

    // ---- FX thread: apply what the model thread sent ----

    /**
     * Who to call (from any thread) when updates are waiting and no drain is requested yet; the panel passes
     * a runnable that starts its per-frame timer, which then calls {@link #drain()}.
     */
    public void setWakeUp(Runnable wake) {
        inbox.setWakeUp(wake);
    }

    /** Applies every queued update (call once per frame on the FX thread). */
    public void drain() {
        inbox.drain(state::apply);
    }

    /** Stops any run and frees the model (after the worker's queued work). */
    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
    }

    // ---- read-only properties ----

    /** The settings (change them with {@link #setSetting} or {@link #applyPreset}). */
    public ReadOnlyObjectProperty<TrainingSettings> settingsProperty() {
        return settings.settingsProperty();
    }

    /** The preset the settings match, or Custom. */
    public ReadOnlyObjectProperty<Preset> presetProperty() {
        return settings.presetProperty();
    }

    /** Why the settings do not make a run ("" when they do). */
    public ReadOnlyStringProperty settingsErrorProperty() {
        return settings.errorProperty();
    }

    /** Idle, running, paused, finished, stopped, diverged or failed. */
    public ReadOnlyObjectProperty<TrainingStatus> statusProperty() {
        return state.statusProperty();
    }

    /** What to tell the user about the status (a divergence diagnosis and its suggested fix, say). */
    public ReadOnlyStringProperty messageProperty() {
        return state.messageProperty();
    }

    /** The outcome of the last save or load. */
    public ReadOnlyStringProperty noticeProperty() {
        return state.noticeProperty();
    }

    /** True when {@link #noticeProperty()} reports a failure. */
    public ReadOnlyBooleanProperty noticeIsErrorProperty() {
        return state.noticeIsErrorProperty();
    }

    /** True once a worker is attached. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** True while a reset or load is on its way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return state.busyProperty();
    }

    /**
     * The model being trained (or the last one built or loaded), or null. It belongs to the model thread:
     * read it only in {@link #submitModelWork} or a {@link ModelSnapshotListener}, which get the live model.
     */
    public ReadOnlyObjectProperty<SequenceModel> modelProperty() {
        return state.modelProperty();
    }

    /** Step, progress, tokens/s, last loss and accuracy, best validation accuracy. */
    public TrainingReadout readout() {
        return state.readout();
    }

    /** Steps the current model has seen (shortcut for {@code readout().stepProperty()}). */
    public ReadOnlyIntegerProperty stepProperty() {
        return state.readout().stepProperty();
    }
}
