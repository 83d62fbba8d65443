package org.haxlab.model.train;

/** Where a training run stands; reported through {@link TrainingListener#onStateChange}. */
public enum RunState {
    /** Stepping. */
    RUNNING,
    /** Waiting between steps for {@link TrainingControl#resume()} or {@link TrainingControl#step(int)}. */
    PAUSED,
    /** Ended early on {@link TrainingControl#stop()}. */
    STOPPED,
    /** Ran all configured steps. */
    FINISHED,
    /** Ended because the loss or a gradient became NaN or infinite; the last good weights were kept. */
    DIVERGED,
    /** Ended on an unexpected error. */
    FAILED;

    /** True for the states a run ends in. */
    public boolean terminal() {
        return this != RUNNING && this != PAUSED;
    }
}
