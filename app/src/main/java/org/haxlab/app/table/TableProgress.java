package org.haxlab.app.table;

import org.haxlab.model.train.RunSummary;
import org.haxlab.model.train.StepEvent;
import org.haxlab.model.train.TrainingListener;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of one run inside a table, as plain lines on stderr (an hour-long table is usually logged to a
 * file): every tenth of the run and at each validation, with the run's position in the table and an estimate of
 * the time the whole table still needs.
 */
public final class TableProgress implements TrainingListener {

    private final PrintWriter out;
    private final String prefix;
    private final int steps;
    private final int every;
    private final int runsAfterThis;
    private final double secondsPerRun;
    private double lastVal = Double.NaN;

    /**
     * @param out           where to print (stderr)
     * @param prefix        the run's name in the table, e.g. {@code [3/27 hax-s1]}
     * @param steps         steps of the run
     * @param validateEvery validation interval, so validation lines are printed too
     * @param runsAfterThis runs still to do after this one
     * @param secondsPerRun measured mean seconds of a run so far in this table (NaN before the first)
     */
    public TableProgress(PrintWriter out, String prefix, int steps, int validateEvery, int runsAfterThis,
                         double secondsPerRun) {
        this.out = out;
        this.prefix = prefix;
        this.steps = steps;
        this.every = Math.max(1, steps / 10);
        this.runsAfterThis = runsAfterThis;
        this.secondsPerRun = secondsPerRun;
    }

    /** The line for {@code e}. */
    public String format(StepEvent e) {
        if (e.validation() != null) {
            lastVal = e.validation().accuracy();
        }
        double runLeft = e.elapsedSeconds() / Math.max(1, e.step()) * (steps - e.step());
        double perRun = Double.isNaN(secondsPerRun) ? e.elapsedSeconds() / Math.max(1, e.step()) * steps : secondsPerRun;
        return String.format(Locale.ROOT, "%s step %d/%d loss %.4f acc %.3f val %s | run ETA %s, table ETA %s",
                prefix, e.step(), steps, e.loss(), e.accuracy(),
                Double.isNaN(lastVal) ? "-" : String.format(Locale.ROOT, "%.3f", lastVal),
                clock(runLeft), clock(runLeft + runsAfterThis * perRun));
    }

    @Override
    public void onStep(StepEvent e) {
        if (e.step() % every == 0 || e.validation() != null || e.step() == steps) {
            out.println(format(e));
            out.flush();
        }
    }

    @Override
    public void onFinished(RunSummary s) {
        out.println(prefix + " " + s.state().name().toLowerCase(Locale.ROOT) + " after " + s.steps() + " steps in "
                + clock(s.elapsedSeconds()) + (Double.isNaN(s.bestValAccuracy()) ? ""
                : String.format(Locale.ROOT, ", best val accuracy %.4f at step %d", s.bestValAccuracy(), s.bestStep()))
                + (s.message() == null ? "" : ": " + s.message()));
        out.flush();
    }

    /** h:mm:ss or m:ss. */
    static String clock(double seconds) {
        long s = Double.isFinite(seconds) ? Math.max(0, Math.round(seconds)) : 0;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
