package org.haxlab.model.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints training progress for a terminal: on a TTY a single redrawn line with a bar and an ETA; otherwise
 * (a log file, a pipe) a plain line every {@code every} steps and at every validation.
 */
public final class ProgressLine implements TrainingListener {

    private static final int BAR = 24;

    private final PrintStream out;
    private final int total;
    private final boolean interactive;
    private final int every;
    private double lastVal = Double.NaN;

    /**
     * @param out         where to print (stderr in the CLI, so stdout stays machine-readable)
     * @param totalSteps  the run's steps
     * @param interactive true on a terminal (redraws one line with {@code \r})
     */
    public ProgressLine(PrintStream out, int totalSteps, boolean interactive) {
        this.out = out;
        this.total = totalSteps;
        this.interactive = interactive;
        this.every = Math.max(1, totalSteps / 20);
    }

    /** The progress text for {@code e}: bar, step, loss, accuracy, last validation accuracy, rate and ETA. */
    public String format(StepEvent e) {
        if (e.validation() != null) {
            lastVal = e.validation().accuracy();
        }
        double frac = Math.min(1.0, e.step() / (double) total);
        int filled = (int) Math.round(frac * BAR);
        double eta = e.step() == 0 ? 0 : e.elapsedSeconds() / e.step() * (total - e.step());
        return String.format(Locale.ROOT, "[%s%s] %3.0f%% step %d/%d loss %.4f acc %.3f val %s %.0f tok/s ETA %s",
                "#".repeat(filled), ".".repeat(BAR - filled), frac * 100, e.step(), total, e.loss(), e.accuracy(),
                Double.isNaN(lastVal) ? "-" : String.format(Locale.ROOT, "%.3f", lastVal), e.tokensPerSecond(),
                clock(eta));
    }

    /** h:mm:ss or m:ss. */
    static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public void onStep(StepEvent e) {
        String line = format(e);
        if (interactive) {
            out.print("\r" + line);
            out.flush();
        } else if (e.step() % every == 0 || e.validation() != null || e.step() == total) {
            out.println(line);
        }
    }

    @Override
    public void onFinished(RunSummary s) {
        if (interactive) {
            out.println();
        }
        out.println(s.state().name().toLowerCase(Locale.ROOT) + " after " + s.steps() + (s.steps() == 1 ? " step" : " steps")
                + (Double.isNaN(s.bestValAccuracy()) ? "" : String.format(Locale.ROOT,
                " (best val accuracy %.4f at step %d)", s.bestValAccuracy(), s.bestStep()))
                + (s.message() == null ? "" : ": " + s.message()));
    }
}
