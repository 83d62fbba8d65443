package org.haxlab.app.vm.training;

import org.haxlab.model.train.RunState;

/** Where the training panel stands, as the user sees it. */
public enum TrainingStatus {
    /** No run: settings editable, the model (if any) at its initial or loaded weights. */
    IDLE("idle"),
    /** A run is stepping. */
    RUNNING("running"),
    /** A run waits between steps. */
    PAUSED("paused"),
    /** The run did all its steps. */
    FINISHED("finished"),
    /** The run was stopped early. */
    STOPPED("stopped"),
    /** The loss or a gradient became NaN or infinite; the last good weights were kept. */
    DIVERGED("diverged"),
    /** The run ended on an error. */
    FAILED("failed");

    private final String label;

    TrainingStatus(String label) {
        this.label = label;
    }

    /** Lower-case word for the status line. */
    public String label() {
        return label;
    }

    /** True while a run exists (running or paused): settings are locked and commands go to its control. */
    public boolean active() {
        return this == RUNNING || this == PAUSED;
    }

    /** True once a run has ended (reset or new seed starts over). */
    public boolean ended() {
        return this == FINISHED || this == STOPPED || this == DIVERGED || this == FAILED;
    }

    /** The status of a trainer's state. */
    public static TrainingStatus of(RunState s) {
        return switch (s) {
            case RUNNING -> RUNNING;
            case PAUSED -> PAUSED;
            case FINISHED -> FINISHED;
            case STOPPED -> STOPPED;
            case DIVERGED -> DIVERGED;
            case FAILED -> FAILED;
        };
    }
}
