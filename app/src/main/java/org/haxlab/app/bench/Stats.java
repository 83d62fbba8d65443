package org.haxlab.app.bench;

import java.util.Arrays;

/**
 * Median and spread of repeated timings, in milliseconds.
 *
 * @param median the median (mean of the two middle values for an even count)
 * @param min    the fastest repetition
 * @param max    the slowest repetition
 * @param count  how many repetitions
 */
public record Stats(double median, double min, double max, int count) {

    /** Summarises {@code samples} (at least one). */
    public static Stats of(double[] samples) {
        if (samples == null || samples.length == 0) {
            throw new IllegalArgumentException("stats: no samples to summarise");
        }
        double[] s = samples.clone();
        Arrays.sort(s);
        int n = s.length;
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        return new Stats(median, s[0], s[n - 1], n);
    }

    /** Relative spread (max - min) / median, a quick noise indicator. */
    public double spread() {
        return median == 0 ? 0 : (max - min) / median;
    }
}
