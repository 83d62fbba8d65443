package org.haxlab.app.vm.slicing;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import org.haxlab.model.engine.DeviceChoice;
import org.haxlab.app.vm.LoadedModel;
import org.haxlab.app.vm.ModelLoader;
import org.haxlab.app.vm.ModelSlot;
import org.haxlab.app.vm.ModelWork;
import org.haxlab.app.vm.WorkStatus;
import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.inspect.Inspector;
import org.haxlab.model.inspect.RecallDiagnosis;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.TaskConfig;
import org.haxlab.model.task.TaskSampler;

/**
 * Runs a model on N generated sequences on the model thread (never the FX thread) and holds the
 * {@link Slicer} breakdown. A newer run drops the rows of an older one. FX thread for every public method.
 */
public final class SlicingViewModel {
    /** Sequences a run uses unless told otherwise. */
    public static final int DEFAULT_SAMPLES = 64;
    /** Most sequences one run may use (each is one inspected forward pass). */
    public static final int MAX_SAMPLES = 4096;

    private final ModelWork work;
    private final ModelLoader loader;
    private final WorkStatus status;
    private final AtomicLong latest = new AtomicLong();
    private final ReadOnlyListWrapper<SliceRow> rows = new ReadOnlyListWrapper<>(this, "rows", FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper running =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "running");

    /** Slicing through {@code work} with models from {@code loader}. */
    public SlicingViewModel(ModelWork work, ModelLoader loader, WorkStatus status) {
        this.work = Objects.requireNonNull(work, "work");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.status = Objects.requireNonNull(status, "status");
    }

    /**
     * Runs {@code slot} on {@code samples} sequences drawn from {@code task} (seeded by it: the same inputs
     * give the same rows).
     *
     * @throws IllegalArgumentException when samples is outside 1..{@value #MAX_SAMPLES}
     */
    public void run(ModelSlot slot, TaskConfig task, int samples, DeviceChoice device) {
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("slicing: " + samples + " sequences; choose 1.." + MAX_SAMPLES);
        }
        if (slot == null || task == null) {
            status.failed("Failure slicing: no valid model or sequence settings (see the model bar and the generator)");
            return;
        }
        long id = latest.incrementAndGet();
        rows.clear();
        running.set(true);
        summary.set("Running " + slot.label() + " on " + samples + " generated sequences…");
        status.working(summary.get());
        work.submit(() -> latest.get() != id ? null : slice(slot, task, samples, device, id), s -> {
            if (s == null || latest.get() != id) {
                return;
            }
            running.set(false);
            rows.setAll(s.rows());
            List<SliceRow> reasons = s.rows().stream().filter(r -> r.dimension().equals(Slicer.REASON)).toList();
            int right = reasons.stream().mapToInt(SliceRow::correct).sum();
            summary.set(String.format(java.util.Locale.ROOT, "%s: %d of %d queries right (%.1f %%) on %d sequences"
                            + " of %s x %s", slot.label(), right, s.total(), 100.0 * right / Math.max(1, s.total()), samples,
                    range(task.minContexts(), task.maxContexts()), range(task.minKeys(), task.maxKeys())));
            status.done("Failure slicing: " + summary.get());
        }, failure -> {
            if (latest.get() == id) {
                running.set(false);
                summary.set("Failure slicing failed: " + WorkStatus.reason(failure));
                status.failed(summary.get());
            }
        });
    }

    /** Model thread: one inspected forward pass per sequence, all diagnosed. */
    private Slicer slice(ModelSlot slot, TaskConfig task, int samples, DeviceChoice device, long id) throws Exception {
        Slicer slicer = new Slicer();
        try (LoadedModel m = loader.open(slot, device)) {
            TaskSampler sampler = new TaskSampler(task);
            for (int i = 0; i < samples; i++) {
                if (latest.get() != id) {
                    return null; // overtaken: stop spending the model thread on it
                }
                RecallSequence s = sampler.next();
                Inspection in = Inspector.inspect(m.model(), s);
                slicer.add(s, RecallDiagnosis.of(in, s));
            }
        }
        return slicer;
    }

    private static String range(int min, int max) {
        return min == max ? Integer.toString(min) : min + ".." + max;
    }

    /** The slices of the last finished run. */
    public ReadOnlyListProperty<SliceRow> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** True while a run is under way. */
    public javafx.beans.property.ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** One line on the last run (or the one under way). */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
