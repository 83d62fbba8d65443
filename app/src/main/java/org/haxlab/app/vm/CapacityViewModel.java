package org.haxlab.app.vm;

import org.haxlab.model.engine.DeviceChoice;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.TaskConfig;
import org.haxlab.model.task.TaskSampler;
import org.haxlab.model.task.Variant;
import org.haxlab.model.train.CapacityPoint;
import org.haxlab.model.train.EvalResult;
import org.haxlab.model.train.Evaluator;

/**
 * The capacity view (spec §1, theory): accuracy of each model against the table size n = n_c * n_k,
 * measured on the model thread by evaluating freshly generated MQJR sequences at a few sizes, next to
 * the bound accuracy &lt;= 2^b / |V|^n for a state of b bits. Desktop-sized: {@link #SAMPLES} sequences
 * per size, so every point is a rough estimate (the view says so).
 */
public final class CapacityViewModel {
    /** (n_c, n_k) pairs measured, small to large. */
    public static final List<int[]> SIZES = List.of(new int[] {1, 2}, new int[] {2, 2}, new int[] {2, 4},
            new int[] {4, 4}, new int[] {4, 8}, new int[] {8, 8});
    /** Sequences per size. */
    public static final int SAMPLES = 8;
    /** |V| of the generated tables (spec §1: 16 values). */
    public static final int VALUES = 16;
    /** Bits per state number: the state is held in float32. */
    public static final int BITS_PER_FLOAT = 32;

    private final ModelWork work;
    private final ModelLoader loader;
    private final WorkStatus status;
    private final AtomicLong latest = new AtomicLong();
    private final ReadOnlyListWrapper<CapacityPoint> points =
            new ReadOnlyListWrapper<>(this, "points", FXCollections.observableArrayList());
    private final ReadOnlyObjectWrapper<ModelConfig> boundModel = new ReadOnlyObjectWrapper<>(this, "boundModel");

    /** A view model measuring through {@code work}. */
    public CapacityViewModel(ModelWork work, ModelLoader loader, WorkStatus status) {
        this.work = Objects.requireNonNull(work, "work");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.status = Objects.requireNonNull(status, "status");
    }

    /**
     * Numbers in the recurrent state of {@code c}: per layer d_inner x N (Mamba-1: a state per channel
     * and state index; Mamba-2: heads x head_dim x N, the same count), the conv buffers left out.
     */
    public static long stateFloats(ModelConfig c) {
        return (long) c.layers() * c.dInner() * c.dState();
    }

    /** b for the bound: {@value #BITS_PER_FLOAT} bits per state number. */
    public static double stateBits(ModelConfig c) {
        return (double) BITS_PER_FLOAT * stateFloats(c);
    }

    /**
     * Measures every model in {@code models} (the first one's state size sets the bound); replaces
     * earlier points. Seeded: the same models give the same points.
     */
    public void measure(List<ModelSlot> models, DeviceChoice device, long seed) {
        if (models == null || models.isEmpty()) {
            status.failed("Capacity: no valid model to measure (see the model bar)");
            return;
        }
        long id = latest.incrementAndGet();
        points.clear();
        boundModel.set(models.get(0).config());
        for (int i = 0; i < models.size(); i++) {
            ModelSlot slot = models.get(i);
            int index = i;
            status.working("Capacity: measuring " + slot.label() + " (" + (i + 1) + " of " + models.size() + ")…");
            work.submit(() -> latest.get() != id ? null : measureOne(slot, device, seed), found -> {
                if (found != null && latest.get() == id) {
                    points.addAll(found);
                    if (index == models.size() - 1) {
                        status.done("Capacity: " + models.size() + " model(s) at " + SIZES.size() + " table sizes, "
                                + SAMPLES + " sequences each");
                    }
                }
            }, failure -> {
                if (latest.get() == id) {
                    status.failed("Capacity: " + slot.label() + " failed: " + WorkStatus.reason(failure));
                }
            });
        }
    }

    /** Model thread: builds the model, evaluates it at every size, frees it. */
    private List<CapacityPoint> measureOne(ModelSlot slot, DeviceChoice device, long seed) throws Exception {
        List<CapacityPoint> out = new ArrayList<>();
        try (LoadedModel m = loader.open(slot, device)) {
            for (int[] size : SIZES) {
                TaskConfig task = new TaskConfig(size[0], size[0], size[1], size[1], VALUES, 0,
                        seed + 1000L * size[0] + size[1], Variant.MQJR, 2);
                List<RecallSequence> seqs = new TaskSampler(task).next(SAMPLES);
                EvalResult r = Evaluator.evaluate(m.model(), seqs, SAMPLES);
                out.add(new CapacityPoint(slot.label(), size[0], size[1], r.accuracy(), SAMPLES));
            }
        }
        return out;
    }

    /** The measured points, grouped by model in measuring order. */
    public ReadOnlyListProperty<CapacityPoint> pointsProperty() {
        return points.getReadOnlyProperty();
    }

    /** The model whose state size the bound uses, or null before a measurement. */
    public ReadOnlyObjectProperty<ModelConfig> boundModelProperty() {
        return boundModel.getReadOnlyProperty();
    }
}
