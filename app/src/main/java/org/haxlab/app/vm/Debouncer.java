package org.haxlab.app.vm;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Coalesces bursts of changes (typing, spinner clicks) into one action after a quiet period, so the
 * model runs once per pause instead of once per keystroke.
 */
@FunctionalInterface
public interface Debouncer {

    /** Schedules {@code action}, replacing one scheduled earlier that has not run yet. */
    void schedule(Runnable action);

    /** Runs every action at once (tests). */
    static Debouncer immediate() {
        return Runnable::run;
    }

    /** Runs the last action {@code millis} after the last call, on the FX thread. */
    static Debouncer fx(double millis) {
        PauseTransition pause = new PauseTransition(Duration.millis(millis));
        return action -> {
            pause.setOnFinished(e -> action.run());
            pause.playFromStart();
        };
    }
}
