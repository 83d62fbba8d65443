package org.haxlab.app.bench;

/** Runs a body a few times untimed, then several times timed (issue 6: warm-up and repetitions). */
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
        if (warmup < 0 || repetitions < 1) {
            throw new IllegalArgumentException("timer: warmup=" + warmup + " must be >= 0 and repetitions="
                    + repetitions + " >= 1");
        }
        for (int i = 0; i < warmup; i++) {
            body.run();
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
