package org.haxlab.app.vm.training;

import org.haxlab.model.train.DivergenceException;
import org.haxlab.model.train.RunState;
import org.haxlab.model.train.RunSummary;
import org.haxlab.model.train.StepEvent;
import org.haxlab.model.train.TrainingControl;
import org.haxlab.model.train.TrainingListener;

import java.util.Locale;

/**
 * Listens to one trainer on the model thread: forwards its facts as {@link TrainingUpdate}s, runs the
 * session's queued model work after every step, and keeps serving that work while the run is paused (the
 * trainer calls {@link #onStateChange} with PAUSED on its own thread just before it waits, so the wait is
 * spent here instead, until the control says to go on).
 */
final class RunRelay implements TrainingListener {

    private final TrainingSession session;
    private final TrainingControl control;
    private final int baseStep;
    private String error;

    /**
     * @param baseStep steps the model had seen before this run (a loaded checkpoint's), added to the run's own
     */
    RunRelay(TrainingSession session, TrainingControl control, int baseStep) {
        this.session = session;
        this.control = control;
        this.baseStep = baseStep;
    }

    @Override
    public void onStep(StepEvent event) {
        session.publish(new TrainingUpdate.Step(event));
        session.stepDone(event, baseStep + event.step());
    }

    @Override
    public void onStateChange(RunState state) {
        if (state == RunState.RUNNING) {
            session.publish(new TrainingUpdate.Status(TrainingStatus.RUNNING, ""));
        } else if (state == RunState.PAUSED) {
            session.publish(new TrainingUpdate.Status(TrainingStatus.PAUSED, ""));
            // #race: a pause asked again in the instant between this loop's exit and the trainer's next gate
            // leaves the trainer waiting without a new PAUSED event; queued work then waits for the resume
            session.servePaused(() -> control.pauseRequested() && !control.stopRequested());
        }
        // the end states are reported by onFinished, with the run's message
    }

    @Override
    public void onError(Throwable e) {
        error = e instanceof DivergenceException d ? forUi(d.getMessage()) : "training failed: " + e.getMessage();
    }

    @Override
    public void onFinished(RunSummary s) {
        int total = baseStep + s.steps();
        String message = switch (s.state()) {
            case FINISHED -> "finished " + total + " steps" + best(s);
            case STOPPED -> "stopped after " + total + " steps" + best(s);
            case DIVERGED, FAILED -> error != null ? error : String.valueOf(s.message());
            default -> "";
        };
        session.publish(new TrainingUpdate.Status(TrainingStatus.of(s.state()), message));
    }

    private static String best(RunSummary s) {
        return Double.isNaN(s.bestValAccuracy()) ? ""
                : String.format(Locale.ROOT, "; best val accuracy %.3f at step %d", s.bestValAccuracy(), s.bestStep());
    }

    /** The divergence diagnosis with the CLI's flag turned into words the panel's user can act on. */
    static String forUi(String message) {
        return message.replace("gradient clipping (--clip 1.0)", "gradient clipping (on at 1.0 here)")
                .replaceAll("a tighter gradient clip \\(--clip ([0-9.eE-]+), it was ([0-9.eE-]+)\\)",
                        "a tighter gradient clip ($1; it was $2)");
    }
}
