package org.haxlab.app.vm.training;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Where the model thread leaves {@link TrainingUpdate}s for the FX thread. Any thread {@link #post}s; the FX
 * thread {@link #drain}s once per frame. Every update is kept, in order (the curves want every step), but at
 * most one wake-up is outstanding: a burst of steps between two frames costs one call of the wake-up.
 */
public final class UpdateInbox {

    private final ConcurrentLinkedQueue<TrainingUpdate> updates = new ConcurrentLinkedQueue<>();
    /** True while a drain is requested and has not started yet (one wake-up per frame at most). */
    private final AtomicBoolean drainRequested = new AtomicBoolean();
    private volatile Runnable wakeUp;

    /**
     * Who to call (from any thread) when updates are waiting and no drain is requested yet; the panel passes
     * a runnable that starts its per-frame timer, which then calls {@link #drain}. Updates already waiting
     * request a drain at once.
     */
    public void setWakeUp(Runnable wake) {
        wakeUp = wake;
        if (wake != null && !updates.isEmpty() && drainRequested.compareAndSet(false, true)) {
            wake.run();
        }
    }

    /** Queues {@code u} (any thread) and wakes the FX thread unless a drain is already requested. */
    public void post(TrainingUpdate u) {
        updates.add(u);
        Runnable wake = wakeUp;
        if (wake != null && drainRequested.compareAndSet(false, true)) {
            wake.run();
        }
    }

    /** Hands every queued update to {@code apply}, oldest first (FX thread). */
    public void drain(Consumer<TrainingUpdate> apply) {
        // cleared before polling: an update posted while draining requests the next frame's drain
        drainRequested.set(false);
        for (TrainingUpdate u; (u = updates.poll()) != null; ) {
            apply.accept(u);
        }
    }
}
