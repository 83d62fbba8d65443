package org.haxlab.app.vm.training;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import org.haxlab.app.work.ModelWorker;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.train.CheckpointStore;
import org.haxlab.model.train.RunRecord;
import org.haxlab.model.train.StepEvent;
import org.haxlab.model.train.TaskFactory;
import org.haxlab.model.train.ModelFactory;
import org.haxlab.model.train.Trainer;
import org.haxlab.model.train.TrainingRuns;
import org.haxlab.model.train.ValidationEvent;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The model-thread half of the training panel: owns the live model and runs {@link Trainer}s on the one
 * {@link ModelWorker}. A run blocks that thread for its whole length (paused time included), so other model
 * work cannot simply be submitted to the worker meanwhile; {@link #submitModelWork} queues it and the run
 * executes it between two steps (and keeps serving it while paused). Commands from the FX thread never
 * block: they go to the run's {@link org.haxlab.model.train.TrainingControl}, or are remembered until the
 * run's trainer exists. Everything the FX thread should show is sent, in order, to the update consumer.
 *
 * <p>Fields marked "model thread" are read and written only on the worker thread.
 */
public final class TrainingSession implements AutoCloseable {

    /**
     * A task run on the model thread with the live model (the window sends its own work through
     * {@code vm.ModelWork}).
     */
    @FunctionalInterface
    public interface LiveModelTask<T> {
        /** Runs with the live model (never null). */
        T apply(SequenceModel model) throws Exception;
    }

    private final ModelWorker worker;
    private final ModelFactory models;
    private final TaskFactory tasks;
    private final Device device;
    private final Consumer<TrainingUpdate> updates;
    private final CheckpointStore store = new CheckpointStore();
    private final BetweenSteps betweenSteps = new BetweenSteps();
    private volatile ModelSnapshotListener snapshotListener;
    private volatile long snapshotPeriodNanos = TimeUnit.MILLISECONDS.toNanos(750);

    // guarded by this
    private RunHandle current;
    private int activeRuns;

    // model thread
    private NDManager manager;
    private SequenceModel model;
    private JsonObject taskJson = new JsonObject();
    private JsonObject trainingJson = new JsonObject();
    private int modelStep;
    /** Bumped whenever the model is closed or replaced: work queued for an older model must not run it. */
    private volatile long modelGeneration;
    private StepEvent lastStep;
    private ValidationEvent lastValidation;
    private long lastSnapshot;

    /**
     * @param worker  the one model-work executor
     * @param models  builds models (the app passes {@code Wiring.models()})
     * @param tasks   builds task generators ({@code Wiring.tasks()})
     * @param device  where models live
     * @param updates receives every update, on the model thread (the view model queues them for the FX thread)
     */
    public TrainingSession(ModelWorker worker, ModelFactory models, TaskFactory tasks, Device device,
                           Consumer<TrainingUpdate> updates) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.models = Objects.requireNonNull(models, "models");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.device = Objects.requireNonNull(device, "device");
        this.updates = Objects.requireNonNull(updates, "updates");
    }

    /** Sets who hears the live model between steps (null: nobody). */
    public void setSnapshotListener(ModelSnapshotListener listener) {
        snapshotListener = listener;
    }

    /** Sets the least time between two snapshots while running (default 750 ms). */
    public void setSnapshotPeriodMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("snapshot period: " + millis + " ms must be >= 0");
        }
        snapshotPeriodNanos = TimeUnit.MILLISECONDS.toNanos(millis);
    }

    // ---- commands (any thread, never block) ----

    /**
     * Starts a run of {@code plan} after whatever the worker is doing now: builds the model if it has
     * another config (keeps it otherwise: a loaded model trains on), then trains.
     *
     * @param stepsThenPause 0 to run freely, else the number of steps to do before pausing
     */
    public synchronized void start(TrainingPlan plan, int stepsThenPause) {
        Objects.requireNonNull(plan, "plan");
        if (stepsThenPause < 0) {
            throw new IllegalArgumentException("steps before pausing: " + stepsThenPause + " must be >= 0");
        }
        if (current != null) {
            current.request(RunHandle.Request.STOP, 0);
        }
        RunHandle run = new RunHandle(plan);
        if (stepsThenPause > 0) {
            run.request(RunHandle.Request.STEP, stepsThenPause);
        }
        current = run;
        activeRuns++;
        worker.submit(() -> {
            execute(run);
            return null;
        });
    }

    /** Pauses the current run before its next step. */
    public synchronized void pause() {
        request(RunHandle.Request.PAUSE, 0);
    }

    /** Resumes the current run. */
    public synchronized void resume() {
        request(RunHandle.Request.RESUME, 0);
    }

    /** Runs {@code n} more steps of the current run, then pauses. */
    public synchronized void step(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("step: n=" + n + " must be >= 1");
        }
        request(RunHandle.Request.STEP, n);
    }

    /** Ends the current run before its next step. */
    public synchronized void stop() {
        request(RunHandle.Request.STOP, 0);
    }

    /** Stops any run, then builds a fresh model of {@code config} (same seed: same initial weights). */
    public void reset(ModelConfig config, TrainingPlan plan) {
        stop();
        worker.submit(() -> {
            replaceModel(models.create(config, manager(), device), plan.task(), plan.training().toJson(), 0, null);
            updates.accept(new TrainingUpdate.Status(TrainingStatus.IDLE, "fresh " + config.label() + ", seed "
                    + config.initSeed()));
            return null;
        }).whenComplete((r, e) -> {
            if (e != null) {
                updates.accept(new TrainingUpdate.Notice("could not build the model: " + e.getMessage(), true));
            }
        });
    }

    /**
     * Runs {@code work} with the live model on the model thread: now (after queued work) when no run is
     * active, else between two steps of the run (or while it is paused).
     *
     * @return completes with the result, or exceptionally (with {@link IllegalStateException} when there is no model)
     */
    public <T> CompletableFuture<T> submitModelWork(LiveModelTask<T> work) {
        Objects.requireNonNull(work, "work");
        return submitWork(() -> {
            if (model == null) {
                throw new IllegalStateException("no model yet: press play or reset to build one");
            }
            return work.apply(model);
        });
    }

    /**
     * Runs any model-thread {@code work} (it need not use the live model): now (after queued work) when no
     * run is active, else between two steps of the run or while it is paused. The window's inspection
     * pipeline goes through here, so it is never stuck behind a long run.
     */
    public <T> CompletableFuture<T> submitWork(java.util.concurrent.Callable<T> work) {
        Objects.requireNonNull(work, "work");
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable job = () -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) { // native errors included: the caller must hear about them
                result.completeExceptionally(t);
            }
        };
        synchronized (this) {
            if (activeRuns > 0) {
                betweenSteps.add(job);
                return result;
            }
        }
        worker.submit(() -> {
            job.run();
            return null;
        });
        return result;
    }

    /**
     * Saves the live model with its run record into the checkpoint directory {@code dir} (atomically, see
     * {@link CheckpointStore#save}); while training, between two steps.
     */
    public CompletableFuture<RunRecord> save(Path dir) {
        Objects.requireNonNull(dir, "dir");
        return submitModelWork(m -> {
            refuseForeignFolder(dir);
            Long dataSeed = trainingJson.has("seed") ? trainingJson.get("seed").getAsLong() : null;
            RunRecord saved = store.save(dir, m, RunRecord.of(m.config(), taskJson, trainingJson,
                    RunRecord.seeds(m.config().initSeed(), dataSeed), modelStep,
                    RunRecord.metrics(lastStep, lastValidation)));
            updates.accept(new TrainingUpdate.Notice("saved step " + modelStep + " to " + dir, false));
            return saved;
        });
    }

    /**
     * A save replaces its target folder: refuse a folder that holds anything but a checkpoint, so that a
     * mistaken choice never deletes a user's files.
     */
    private static void refuseForeignFolder(Path dir) throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(dir) || java.nio.file.Files.isRegularFile(dir.resolve(CheckpointStore.RECORD_FILE))) {
            return;
        }
        try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalArgumentException(dir + " holds other files and is not a checkpoint: a save replaces the "
                        + "whole folder, so choose an empty folder or a new name");
            }
        }
    }

    /**
     * Loads the checkpoint at {@code dir} into a new model of its recorded config, after whatever the worker
     * is doing; the loaded model replaces the live one (the caller makes sure no run is active).
     */
    public CompletableFuture<RunRecord> load(Path dir) {
        Objects.requireNonNull(dir, "dir");
        return worker.submit(() -> {
            RunRecord record = store.read(dir).record();
            SequenceModel loaded = models.create(record.model(), manager(), device);
            try {
                store.loadInto(dir, loaded);
            } catch (RuntimeException | org.haxlab.model.train.CheckpointException e) {
                loaded.close();
                throw e;
            }
            replaceModel(loaded, null, record.training(), record.step(), record);
            taskJson = record.task();
            updates.accept(new TrainingUpdate.Notice("loaded " + record.model().label() + " at step " + record.step()
                    + " from " + dir, false));
            return record;
        }).whenComplete((r, e) -> {
            if (e != null) {
                updates.accept(TrainingUpdate.Notice.failed("could not load " + dir, e));
            }
        });
    }

    /** Stops any run and frees the model after the worker's queued work. */
    @Override
    public void close() {
        stop();
        try {
            worker.submit(() -> {
                closeModel();
                if (manager != null) {
                    manager.close();
                    manager = null;
                }
                return null;
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the worker is already shut down: the daemon thread's natives go with the process
        }
    }

    private void request(RunHandle.Request r, int n) {
        if (current != null) {
            current.request(r, n);
        }
    }

    // ---- model thread ----

    private void execute(RunHandle run) {
        try {
            TrainingPlan plan = run.plan();
            if (model == null || !model.config().equals(plan.model())) {
                replaceModel(models.create(plan.model(), manager(), device), plan.task(), plan.training().toJson(), 0, null);
            }
            // a loaded model trains on: from now on its record describes this run
            taskJson = tasks.describe(plan.task());
            trainingJson = plan.training().toJson();
            Trainer trainer = TrainingRuns.data(tasks, plan.task(), plan.training(), plan.valSamples())
                    .trainer(model, plan.training());
            trainer.addListener(new RunRelay(this, trainer.control(), modelStep));
            synchronized (this) {
                run.attach(trainer);
            }
            trainer.run();
        } catch (RuntimeException e) {
            updates.accept(new TrainingUpdate.Status(TrainingStatus.FAILED, "could not start training: " + e.getMessage()));
        } finally {
            synchronized (this) {
                activeRuns--;
            }
            betweenSteps.runQueued();
            snapshot(true);
        }
    }

    // package-private hooks for RunRelay (model thread)

    void publish(TrainingUpdate u) {
        updates.accept(u);
    }

    void stepDone(StepEvent e, int totalStep) {
        lastStep = e;
        if (e.validation() != null) {
            lastValidation = e.validation();
        }
        modelStep = totalStep;
        betweenSteps.runQueued();
        snapshot(false);
    }

    /** Serves queued work while {@code stillPaused} says so; returns when the run should go on. */
    void servePaused(java.util.function.BooleanSupplier stillPaused) {
        snapshot(true);
        betweenSteps.servePaused(stillPaused);
    }

    /**
     * Which model is current: bumped each time {@code replaceModel} or a close frees the model. A snapshot's
     * receiver keeps the number it saw and compares it on the model thread before running the model.
     */
    public long modelGeneration() {
        return modelGeneration;
    }

    private void snapshot(boolean force) {
        ModelSnapshotListener l = snapshotListener;
        if (l == null || model == null) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastSnapshot < snapshotPeriodNanos) {
            return;
        }
        lastSnapshot = now;
        try {
            l.onSnapshot(model, modelStep);
        } catch (RuntimeException e) {
            updates.accept(new TrainingUpdate.Notice("refreshing the views failed: " + e.getMessage(), true));
        }
    }

    private void replaceModel(SequenceModel next, org.haxlab.model.train.TaskSpec task, JsonObject training, int step,
                              RunRecord loaded) {
        closeModel();
        model = next;
        modelStep = step;
        lastStep = null;
        lastValidation = null;
        taskJson = task == null ? new JsonObject() : tasks.describe(task);
        trainingJson = training == null ? new JsonObject() : training;
        updates.accept(new TrainingUpdate.ModelReady(next, step, loaded));
        snapshot(true);
    }

    private void closeModel() {
        modelGeneration++;   // before the close: a check on the model thread then sees the model gone
        if (model != null) {
            model.close();
            model = null;
        }
    }

    private NDManager manager() {
        if (manager == null) {
            manager = NDManager.newBaseManager(device);
        }
        return manager;
    }
}
