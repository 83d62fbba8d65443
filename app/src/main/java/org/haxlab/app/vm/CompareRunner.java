package org.haxlab.app.vm;

import org.haxlab.model.engine.DeviceChoice;
import org.haxlab.model.inspect.Inspector;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.task.ParsedSequence;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.trace.Backbone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the same sequence through every model of a {@link CompareViewModel} on the model thread, one
 * slot after the other, posting each inspection as it arrives. The built models are kept (model
 * thread only) while their slot stays, so a new sequence only re-inspects.
 */
public final class CompareRunner implements AutoCloseable {
    private final CompareViewModel compare;
    private final ModelWork work;
    private final ModelLoader loader;
    private final WorkStatus status;
    private final AtomicLong latest = new AtomicLong();
    /** Model thread only. */
    private final Map<ModelSlot, LoadedModel> built = new HashMap<>();

    /** A runner filling {@code compare}. */
    public CompareRunner(CompareViewModel compare, ModelWork work, ModelLoader loader, WorkStatus status) {
        this.compare = Objects.requireNonNull(compare, "compare");
        this.work = Objects.requireNonNull(work, "work");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.status = Objects.requireNonNull(status, "status");
    }

    /** The default comparison of spec §4 Table 1 for a backbone: SSM only, +SW and +HAX (paper shapes, one seed). */
    public static List<ModelSlot> defaultSlots(Backbone backbone, long seed) {
        List<ModelSlot> slots = new ArrayList<>();
        for (Pattern p : new Pattern[] {Pattern.NONE, Pattern.SW, Pattern.HAX}) {
            slots.add(ModelSlot.of(ModelConfig.paper(backbone, SparseConfig.paper(p), seed)));
        }
        return slots;
    }

    /**
     * Runs {@code parsed} through every slot; null (an invalid sequence) clears the comparison and
     * runs nothing.
     */
    public void run(ParsedSequence parsed, DeviceChoice device) {
        long id = latest.incrementAndGet();
        compare.setSequence(parsed);
        if (parsed == null) {
            return;
        }
        RecallSequence s = parsed.sequence();
        List<ModelSlot> slots = List.copyOf(compare.slotsProperty());
        for (int i = 0; i < slots.size(); i++) {
            int slot = i;
            ModelSlot m = slots.get(i);
            status.working("Compare: running " + m.label() + " (" + (i + 1) + " of " + slots.size() + ")…");
            work.submit(() -> {
                if (latest.get() != id) {
                    return null;
                }
                if (slot == 0) {
                    forgetOthers(slots, device);
                }
                LoadedModel model = built.get(m);
                if (model == null) {
                    model = loader.open(m, device);
                    built.put(m, model);
                }
                return Inspector.inspect(model.model(), s);
            }, in -> {
                if (in != null && latest.get() == id) {
                    compare.setInspection(slot, in);
                    if (slot == slots.size() - 1) {
                        status.done("Compare: " + slots.size() + " models on " + s.length() + " tokens");
                    }
                }
            }, failure -> {
                if (latest.get() == id) {
                    status.failed("Compare: " + m.label() + " failed: " + WorkStatus.reason(failure));
                }
            });
        }
    }

    /** Frees every model built for the comparison (on the model thread). */
    @Override
    public void close() {
        latest.incrementAndGet();
        work.submit(() -> {
            forgetOthers(List.of(), null);
            return null;
        }, x -> { }, x -> { });
    }

    /** Frees the models of slots no longer compared, or built for another device. Model thread only. */
    private void forgetOthers(List<ModelSlot> keep, DeviceChoice device) {
        built.entrySet().removeIf(e -> {
            boolean drop = !keep.contains(e.getKey()) || e.getValue().device() != device;
            if (drop) {
                e.getValue().close();
            }
            return drop;
        });
    }
}
