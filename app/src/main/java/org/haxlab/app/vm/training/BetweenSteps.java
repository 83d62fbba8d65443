package org.haxlab.app.vm.training;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Model-thread work queued while a run is active, run by the training thread between two steps or while the
 * run is paused. Apart from {@link TrainingSession} because it is only about handing jobs over, not the model.
 */
final class BetweenSteps {

    /** How long a paused run waits for queued work before it re-checks its control. */
    private static final long PAUSE_POLL_MILLIS = 25;

    private final BlockingQueue<Runnable> jobs = new LinkedBlockingQueue<>();

    /** Queues {@code job} for the next gap (any thread). */
    void add(Runnable job) {
        jobs.add(job);
    }

    /** Runs every queued job now (model thread). */
    void runQueued() {
        for (Runnable job; (job = jobs.poll()) != null; ) {
            job.run();
        }
    }

    /** Serves queued work while {@code stillPaused} says so; returns when the run should go on (model thread). */
    void servePaused(BooleanSupplier stillPaused) {
        while (stillPaused.getAsBoolean()) {
            Runnable job;
            try {
                job = jobs.poll(PAUSE_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // the worker is shutting down: let the trainer see the interrupt and stop
                Thread.currentThread().interrupt();
                return;
            }
            if (job != null) {
                job.run();
            }
        }
    }
}
