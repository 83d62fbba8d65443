package org.haxlab.app.vm.training;

import org.haxlab.model.train.Trainer;
import org.haxlab.model.train.TrainingControl;

/**
 * One requested run, as the FX thread steers it. Its trainer only exists once the model thread has built
 * it (after the work queued before it), so requests made earlier are remembered and applied when the
 * trainer attaches. Every method is called under the session's lock.
 */
final class RunHandle {

    /** What the user asked the run to do. */
    enum Request { PAUSE, RESUME, STEP, STOP }

    private final TrainingPlan plan;
    private Trainer trainer;
    private boolean stop;
    private boolean pause;
    private int steps;

    RunHandle(TrainingPlan plan) {
        this.plan = plan;
    }

    TrainingPlan plan() {
        return plan;
    }

    /** Passes the request to the trainer's control, or remembers it until {@link #attach}. */
    void request(Request r, int n) {
        if (trainer != null) {
            TrainingControl c = trainer.control();
            switch (r) {
                case PAUSE -> c.pause();
                case RESUME -> c.resume();
                case STEP -> c.step(n);
                case STOP -> c.stop();
            }
            return;
        }
        switch (r) {
            case PAUSE -> {
                pause = true;
                steps = 0;
            }
            case RESUME -> {
                pause = false;
                steps = 0;
            }
            case STEP -> {
                pause = false;
                steps = n;
            }
            case STOP -> stop = true;
        }
    }

    /** The trainer now exists: applies what was asked before. */
    void attach(Trainer t) {
        trainer = t;
        TrainingControl c = t.control();
        if (stop) {
            c.stop();
        } else if (steps > 0) {
            c.step(steps);
        } else if (pause) {
            c.pause();
        }
    }
}
