package org.haxlab.model.train;

/**
 * Steers a running {@link Trainer} from any thread. Every request takes effect between steps: a step
 * in progress always completes. Methods are thread-safe and never block the caller.
 *
 * <p>Reset is not a control request: to start again, the app stops the run, closes the model, builds a
 * new one from the same {@link org.haxlab.model.nn.ModelConfig} (same {@code initSeed}, hence identical
 * initial weights) and starts a new trainer with the same {@link TrainingConfig}.
 */
public final class TrainingControl {

    /** What the loop should do next. */
    enum Gate { RUN, PAUSE, STOP }

    private boolean paused;
    private boolean stopRequested;
    /** Steps left before pausing again; negative means unlimited. */
    private long budget = -1;
    private long version;
    /** The version the loop saw at its last {@link #gate()}: a request made after it wakes the loop. */
    private long observed;

    /** Pauses before the next step. */
    public synchronized void pause() {
        paused = true;
        budget = -1;
        changed();
    }

    /** Resumes stepping without a limit (until the run's end, a pause or a stop). */
    public synchronized void resume() {
        paused = false;
        budget = -1;
        changed();
    }

    /** Runs exactly {@code n} more steps, then pauses (n >= 1). */
    public synchronized void step(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("step(n): n=" + n + " must be >= 1");
        }
        paused = false;
        budget = n;
        changed();
    }

    /** Ends the run before the next step (also wakes a paused run). */
    public synchronized void stop() {
        stopRequested = true;
        changed();
    }

    /** True once {@link #stop()} was called. */
    public synchronized boolean stopRequested() {
        return stopRequested;
    }

    /** True while a pause is requested (the loop may still be finishing a step). */
    public synchronized boolean pauseRequested() {
        return paused;
    }

    synchronized Gate gate() {
        observed = version;
        if (stopRequested) {
            return Gate.STOP;
        }
        return paused ? Gate.PAUSE : Gate.RUN;
    }

    /** Called by the loop after each completed step: counts down a {@link #step(int)} budget. */
    synchronized void stepCompleted() {
        if (budget > 0 && --budget == 0) {
            paused = true;
            budget = -1;
        }
    }

    /**
     * Blocks the loop until a control method is called after its last {@link #gate()} (returns at once if
     * one already was), or the thread is interrupted.
     */
    synchronized void awaitChange() throws InterruptedException {
        while (observed == version) {
            wait();
        }
    }

    private void changed() {
        version++;
        notifyAll();
    }
}
