package org.haxlab.app.vm.training;

/**
 * Averages a per-step metric over buckets of consecutive steps so a curve keeps a few hundred points however
 * long the run (a chart redraw costs per point, and the FX thread must stay responsive); a bucket's mean is
 * plotted at its last step. Not thread-safe: used on the FX thread.
 */
public final class CurveDecimator {

    private final int bucket;
    private double sum;
    private int count;

    /** Buckets that keep about {@code points} points over a run of {@code steps} steps (1 step per bucket for short runs). */
    public static CurveDecimator forRun(int steps, int points) {
        if (points < 1) {
            throw new IllegalArgumentException("curve points: " + points + " must be >= 1");
        }
        return new CurveDecimator(Math.max(1, (steps + points - 1) / points));
    }

    /** Steps per plotted point. */
    public CurveDecimator(int bucket) {
        if (bucket < 1) {
            throw new IllegalArgumentException("curve bucket: " + bucket + " must be >= 1");
        }
        this.bucket = bucket;
    }

    /**
     * Adds one step's value (non-finite values are skipped).
     *
     * @return the bucket's mean when this step closes a bucket ({@code step % bucket == 0}), else NaN
     */
    public double add(int step, double value) {
        if (Double.isFinite(value)) {
            sum += value;
            count++;
        }
        if (step % bucket != 0 || count == 0) {
            return Double.NaN;
        }
        double mean = sum / count;
        sum = 0;
        count = 0;
        return mean;
    }

    /** Steps per plotted point. */
    public int bucket() {
        return bucket;
    }
}
