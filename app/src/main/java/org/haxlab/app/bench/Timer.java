package org.haxlab.app.bench;

/** Runs a body a few times untimed, then several times timed (warm-up, then repetitions). */
public final class Timer {

    /** Something to time; it must finish its work (read a result back) before returning. */
    @FunctionalInterface
    public interface Body {
        /** One repetition. */
        void run() throws Exception;
    }

    private Timer() {
    }

    /**
     * Times {@code body}.
     *
     * @param warmup      untimed repetitions first (JIT, allocator and libtorch caches)
     * @param repetitions timed repetitions (>= 1)
     */
    public static Stats time(int warmup, int repetitions, Body body) throws Exception {
        return time(warmup, repetitions, Double.POSITIVE_INFINITY, body);
    }

    /** Fewest timed repetitions {@link #time(int, int, double, Body)} cuts down to. */
    public static final int MIN_REPETITIONS = 3;

    /**
     * Times {@code body}, cutting the repetitions (down to {@link #MIN_REPETITIONS}) when the last warm-up
     * says they would take longer than {@code softSeconds} in all, so that an O(L^2) case at 16K does not
     * run for many minutes.
     */
    public static Stats time(int warmup, int repetitions, double softSeconds, Body body) throws Exception {
        if (warmup < 0 || repetitions < 1 || !(softSeconds > 0)) {
            throw new IllegalArgumentException("timer: warmup=" + warmup + " must be >= 0 and repetitions="
                    + repetitions + " >= 1 (soft limit " + softSeconds + " s must be > 0)");
        }
        double lastSeconds = 0;
        for (int i = 0; i < warmup; i++) {
            long t0 = System.nanoTime();
            body.run();
            lastSeconds = (System.nanoTime() - t0) / 1e9;
        }
        if (lastSeconds * repetitions > softSeconds) {
            repetitions = Math.min(repetitions, Math.max(MIN_REPETITIONS, (int) (softSeconds / lastSeconds)));
        }
        double[] ms = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long t0 = System.nanoTime();
            body.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return Stats.of(ms);
    }
}
