package org.haxlab.app.vm;

import org.haxlab.model.engine.DeviceChoice;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.inspect.Inspector;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.task.ParsedSequence;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.train.CheckpointStore;

/**
 * The window's pipeline: whenever the sequence or the model bar changes (debounced), the model work
 * builds or reuses the model, runs {@link Inspector#inspect} on the sequence, and the inspection
 * reaches the {@link InspectionViewModel} on the FX thread. An invalid sequence or model bar runs
 * nothing and says why. Results of requests overtaken by newer ones are dropped (and queued stale
 * requests skip their model run).
 *
 * <p>Which model runs: a model handed in with {@link #showModel} (e.g. by a training run) while there
 * is one, else the model bar's config, with the checkpoint chosen by {@link #openCheckpoint} as long
 * as the config is the checkpoint's. Threads: every public method on the FX thread; the model itself
 * only on the model thread.
 */
public final class AppController implements AutoCloseable {
    private final SequenceViewModel sequence;
    private final ModelBarViewModel bar;
    private final InspectionViewModel view;
    private final ModelWork work;
    private final ModelLoader loader;
    private final Debouncer debounce;
    private final WorkStatus status;
    private final AtomicLong latest = new AtomicLong();
    private final ReadOnlyStringWrapper modelLabel = new ReadOnlyStringWrapper(this, "modelLabel", "");
    private final ReadOnlyObjectWrapper<Inspection> beforeRedraw = new ReadOnlyObjectWrapper<>(this, "beforeRedraw");
    private final ReadOnlyObjectWrapper<Path> checkpoint = new ReadOnlyObjectWrapper<>(this, "checkpoint");
    private ModelConfig checkpointConfig;
    /** The label of the slot last chosen with {@link #useSlot}, used while the bar holds its config. */
    private String slotLabel;
    private LoadedModel external;
    /** True while {@link #external} is still its owner's current model (checked on the model thread). */
    private java.util.function.BooleanSupplier externalLive = () -> true;
    private long redrawSeed = 1;
    private boolean applyingCheckpoint;
    /** Touched only on the model thread. */
    private LoadedModel current;

    /**
     * Wires the pipeline to the view models and runs it once for what they hold now.
     *
     * @param work     the model thread (the app's worker, or {@link ModelWork#direct()} in tests)
     * @param loader   builds models ({@link ModelLoader#standard()})
     * @param debounce coalesces typing ({@link Debouncer#fx(double)}, or {@link Debouncer#immediate()})
     * @param status   the status line the work writes to
     */
    public AppController(SequenceViewModel sequence, ModelBarViewModel bar, InspectionViewModel view, ModelWork work,
                         ModelLoader loader, Debouncer debounce, WorkStatus status) {
        this.sequence = Objects.requireNonNull(sequence, "sequence");
        this.bar = Objects.requireNonNull(bar, "bar");
        this.view = Objects.requireNonNull(view, "view");
        this.work = Objects.requireNonNull(work, "work");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.debounce = Objects.requireNonNull(debounce, "debounce");
        this.status = Objects.requireNonNull(status, "status");
        sequence.parsedProperty().addListener((o, was, now) -> debounce.schedule(this::refresh));
        // an invalid text that stays invalid changes only its errors: the status must follow them too
        sequence.errorsProperty().addListener((javafx.collections.ListChangeListener<Object>) c -> {
            if (sequence.parsedProperty().get() == null) {
                debounce.schedule(this::refresh);
            }
        });
        bar.configProperty().addListener((o, was, now) -> debounce.schedule(this::refresh));
        // the bar sets its config before its error: the status must show the error, so follow both
        bar.errorProperty().addListener((o, was, now) -> debounce.schedule(this::refresh));
        bar.deviceProperty().addListener((o, was, now) -> debounce.schedule(this::refresh));
        bar.selectedLayerProperty().addListener((o, was, now) -> followLayer());
    }

    // ---- commands ----

    /** Runs the pipeline now for the current sequence and model (the debounced changes call this). */
    public void refresh() {
        long id = latest.incrementAndGet();
        beforeRedraw.set(null);
        ParsedSequence parsed = sequence.parsedProperty().get();
        if (parsed == null) {
            view.clear();
            int n = sequence.errorsProperty().size();
            status.failed(sequence.textProperty().get().isBlank() ? "Type, paste or generate a sequence to run the model"
                    : "No model run: the sequence has " + n + (n == 1 ? " error" : " errors") + " (see the sequence panel)");
            return;
        }
        ModelSlot slot = wantedSlot();
        if (slot == null && external == null) {
            view.clear();
            status.failed("No model run: " + bar.errorProperty().get());
            return;
        }
        RecallSequence s = parsed.sequence();
        LoadedModel outside = external;
        java.util.function.BooleanSupplier live = externalLive;
        DeviceChoice device = bar.deviceProperty().get();
        String label = outside != null ? outside.label() : slot.label();
        status.working("Running " + label + " on " + s.length() + " tokens…");
        work.submit(() -> {
            if (latest.get() != id) {
                return null; // overtaken while queued: skip the model run
            }
            if (outside != null && !live.getAsBoolean()) {
                return null; // its owner closed it (training reset or load) after handing it in: never run it
            }
            LoadedModel m = outside != null ? outside : ensure(slot, device);
            return Inspector.inspect(m.model(), s);
        }, in -> {
            if (in == null || latest.get() != id) {
                return;
            }
            show(in, s, label);
        }, failure -> {
            if (latest.get() == id) {
                view.clear();
                status.failed("Model run failed (" + label + "): " + WorkStatus.reason(failure));
            }
        });
    }

    /**
     * Redraws the fixed LSH projection of the current model from a new seed and inspects again; the
     * inspection before stays in {@link #beforeRedrawProperty()} so the bucket view shows both.
     */
    public void redrawProjection() {
        Inspection before = view.inspectionProperty().get();
        RecallSequence s = view.sequenceProperty().get();
        if (before == null || s == null) {
            status.failed("Redraw projection: run a model on a valid sequence first");
            return;
        }
        long id = latest.incrementAndGet();
        long seed = redrawSeed++;
        LoadedModel outside = external;
        java.util.function.BooleanSupplier live = externalLive;
        ModelSlot slot = wantedSlot();
        DeviceChoice device = bar.deviceProperty().get();
        status.working("Redrawing the LSH projection (seed " + seed + ")…");
        work.submit(() -> {
            if (outside != null && !live.getAsBoolean()) {
                throw new IllegalStateException("the training panel replaced its model; try again");
            }
            LoadedModel m = outside != null ? outside : ensure(slot, device);
            m.model().redrawProjection(seed);
            return Inspector.inspect(m.model(), s);
        }, after -> {
            if (latest.get() != id) {
                return;
            }
            show(after, s, modelLabel.get());
            beforeRedraw.set(before);
            status.done(status.messageProperty().get() + "; LSH projection redrawn (seed " + seed + ")");
        }, failure -> {
            if (latest.get() == id) {
                status.failed("Redraw failed: " + WorkStatus.reason(failure));
            }
        });
    }

    /**
     * Loads a checkpoint (a checkpoint directory or a run directory, see {@link CheckpointStore#resolve}):
     * its config goes to the model bar and its weights into the model. A bad checkpoint leaves the
     * current model and says why.
     */
    public void openCheckpoint(Path dir) {
        openCheckpoint(dir, () -> { });
    }

    /** Like {@link #openCheckpoint(Path)}; {@code onOpened} runs (FX thread) once the model bar holds its config. */
    public void openCheckpoint(Path dir, Runnable onOpened) {
        Objects.requireNonNull(dir, "dir");
        status.working("Reading checkpoint " + dir + "…");
        work.submit(() -> new CheckpointStore().read(dir).record().model(), config -> {
            checkpoint.set(dir);
            checkpointConfig = config;
            slotLabel = null;
            external = null;
            applyingCheckpoint = true;
            try {
                bar.apply(config);
            } finally {
                applyingCheckpoint = false;
            }
            onOpened.run();
            refresh();
        }, failure -> status.failed("Cannot open checkpoint: " + WorkStatus.reason(failure)));
    }

    /** True while an opened checkpoint's config is being put into the model bar (not a user's edit). */
    public boolean applyingCheckpoint() {
        return applyingCheckpoint;
    }

    /** Uses {@code dir} for {@code config} without reading it first (a scenario's saved slot); null clears. */
    public void useCheckpoint(Path dir, ModelConfig config) {
        useSlot(new ModelSlot(null, config, dir));
        slotLabel = null;   // named after its config and checkpoint folder
    }

    /**
     * Uses {@code slot}'s checkpoint for its config, and its label (a lesson's or the zoo's name) while the
     * model bar holds that config; a slot without a checkpoint only names the config.
     */
    public void useSlot(ModelSlot slot) {
        checkpoint.set(slot.checkpoint());
        checkpointConfig = slot.config();
        slotLabel = slot.label();
    }

    /**
     * Shows a model owned by someone else (e.g. the one a training run updates) instead of the model
     * bar's; null goes back to the model bar. The controller never closes it, and runs it only on
     * the model thread, so a trainer on the same thread never races it.
     */
    public void showModel(SequenceModel model, String label) {
        showModel(model, label, () -> true);
    }

    /**
     * Like {@link #showModel(SequenceModel, String)}, for a model its owner may close at any time: queued
     * work runs it only while {@code live} (asked on the model thread) says it is still the owner's model.
     */
    public void showModel(SequenceModel model, String label, java.util.function.BooleanSupplier live) {
        external = model == null ? null : LoadedModel.external(model, label);
        externalLive = live == null ? () -> true : live;
        refresh();
    }

    /** Frees the model the pipeline built (on the model thread). */
    @Override
    public void close() {
        latest.incrementAndGet();
        work.submit(() -> {
            releaseCurrent();
            return null;
        }, x -> { }, x -> { });
    }

    /**
     * Why the checkpoint is not used although one was chosen: the model bar's config is not the
     * checkpoint's (e.g. the pattern was switched), so the views run freshly initialised weights; "" when
     * the checkpoint is used or none was chosen.
     */
    public String checkpointNotUsed() {
        ModelConfig c = bar.configProperty().get();
        if (checkpoint.get() == null || checkpointConfig == null || c == null || c.equals(checkpointConfig)) {
            return "";
        }
        return "untrained: checkpoint " + checkpoint.get().getFileName() + " is for " + checkpointConfig.label();
    }

    // ---- helpers ----

    /** The chosen checkpoint when {@code c} is its config (the model bar set to {@code c} would load it), else null. */
    public Path checkpointFor(ModelConfig c) {
        return c != null && c.equals(checkpointConfig) ? checkpoint.get() : null;
    }

    /** The model bar's model, with the chosen checkpoint while its config is the checkpoint's; null when invalid. */
    public ModelSlot wantedSlot() {
        ModelConfig c = bar.configProperty().get();
        if (c == null) {
            return null;
        }
        boolean chosen = c.equals(checkpointConfig);
        Path cp = chosen ? checkpoint.get() : null;
        String label = chosen && slotLabel != null && !slotLabel.isBlank() ? slotLabel
                : cp == null ? c.label() : c.label() + " @ " + cp.getFileName();
        return new ModelSlot(label, c, cp);
    }

    private void show(Inspection in, RecallSequence s, String label) {
        view.show(in, s);
        followLayer();
        modelLabel.set(label);
        double acc = in.accuracy();
        if (!finiteOutputs(in)) {
            // NaN logits make every argmax arbitrary: a percentage would look like a result
            status.failed(label + ": the model's outputs are not finite (NaN): its weights are broken"
                    + " (a diverged run?); its predictions mean nothing");
            return;
        }
        status.done(label + ": " + (Double.isNaN(acc) ? "no queries"
                : String.format(java.util.Locale.ROOT, "%d of %d queries right (%.1f%%)",
                Math.round(acc * in.predictions().size()), in.predictions().size(), 100 * acc)));
    }

    /** Whether every prediction's confidence and logits are finite numbers. */
    public static boolean finiteOutputs(Inspection in) {
        for (org.haxlab.model.inspect.QueryPrediction q : in.predictions()) {
            if (!Float.isFinite(q.confidence())) {
                return false;
            }
            for (float v : q.logits()) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private void followLayer() {
        Inspection in = view.inspectionProperty().get();
        int layer = bar.selectedLayerProperty().get();
        if (in != null && layer < in.layers().size() && layer != view.selectedLayerProperty().get()) {
            view.selectLayer(layer);
        }
    }

    /** The model for {@code slot}, reused when unchanged, else built (the old one freed). Model thread only. */
    private LoadedModel ensure(ModelSlot slot, DeviceChoice device) throws Exception {
        if (current != null && current.matches(slot, device)) {
            return current;
        }
        releaseCurrent();
        current = loader.open(slot, device);
        return current;
    }

    private void releaseCurrent() {
        if (current != null) {
            LoadedModel old = current;
            current = null;
            old.close();
        }
    }

    // ---- read-only properties ----

    /** The label of the model the views show ("" before the first run). */
    public ReadOnlyStringProperty modelLabelProperty() {
        return modelLabel.getReadOnlyProperty();
    }

    /** The inspection before the last "redraw projection", or null (cleared by every other run). */
    public ReadOnlyObjectProperty<Inspection> beforeRedrawProperty() {
        return beforeRedraw.getReadOnlyProperty();
    }

    /** The checkpoint the model bar's config loads, or null. */
    public ReadOnlyObjectProperty<Path> checkpointProperty() {
        return checkpoint.getReadOnlyProperty();
    }

    /** The status line this pipeline writes. */
    public WorkStatus status() {
        return status;
    }

    /** True while a model handed in by {@link #showModel} is shown. */
    public boolean showsExternalModel() {
        return external != null;
    }
}
