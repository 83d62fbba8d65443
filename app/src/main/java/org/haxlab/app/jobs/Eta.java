package org.haxlab.app.jobs;

import java.util.List;
import java.util.Locale;

/**
 * The time a set of runs still needs on a fixed number of parallel slots, from the mean duration of the runs that
 * ended so far: what the running ones still need plus the queued ones, spread over the slots, but never less than
 * the longest remainder of a running one (one run cannot be split over slots).
 */
public final class Eta {

    private Eta() {
    }

    /**
     * @param meanRunSeconds mean seconds of a run (NaN before the first run ended: no estimate)
     * @param runningElapsed seconds each running run has been going
     * @param queued         runs not started yet
     * @param slots          runs that go at once (devices x jobs per device)
     * @return seconds, or NaN when there is no estimate yet
     */
    public static double seconds(double meanRunSeconds, List<Double> runningElapsed, int queued, int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots " + slots + " must be >= 1");
        }
        if (runningElapsed.isEmpty() && queued == 0) {
            return 0;
        }
        if (!Double.isFinite(meanRunSeconds)) {
            return Double.NaN;
        }
        double work = queued * meanRunSeconds;
        double longest = 0;
        for (double e : runningElapsed) {
            // a run past the mean is assumed about to end, not finished
            double left = Math.max(0.05 * meanRunSeconds, meanRunSeconds - e);
            work += left;
            longest = Math.max(longest, left);
        }
        double waves = Math.ceil((double) queued / slots);
        double lowerBound = queued > 0 ? Math.max(longest, waves * meanRunSeconds) : longest;
        return Math.max(lowerBound, work / slots);
    }

    /** h:mm:ss or m:ss; "?" for NaN. */
    public static String clock(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
