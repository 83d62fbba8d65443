package org.haxlab.app.bench;

import java.util.function.LongSupplier;

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
        return time(warmup, 0, repetitions, softSeconds, body).stats();
    }

    /**
     * What {@link #time(int, double, int, double, Body)} measured.
     *
     * @param stats        the timed repetitions, ms
     * @param warmupRuns   the untimed repetitions that ran first
     */
    public record Timed(Stats stats, int warmupRuns) {
    }

    /**
     * Times {@code body} after a warm-up of at least {@code warmup} repetitions that also lasts at least
     * {@code warmupSeconds} ({@link #warming}), then as {@link #time(int, int, double, Body)}. A count alone does
     * not make a JVM warm: HotSpot compiles a hot path after enough calls, so a fast step needs many more warm-up
     * repetitions than a slow one, and a fixed count times a fast model's first steps in the interpreter.
     */
    public static Timed time(int warmup, double warmupSeconds, int repetitions, double softSeconds, Body body)
            throws Exception {
        return time(warmup, warmupSeconds, repetitions, softSeconds, System::nanoTime, body);
    }

    /** {@link #time(int, double, int, double, Body)} on the clock {@code nanos} (tests pass a fake one). */
    static Timed time(int warmup, double warmupSeconds, int repetitions, double softSeconds, LongSupplier nanos,
                      Body body) throws Exception {
        if (warmup < 0 || repetitions < 1 || !(softSeconds > 0) || !(warmupSeconds >= 0)) {
            throw new IllegalArgumentException("timer: warmup=" + warmup + " must be >= 0 and repetitions="
                    + repetitions + " >= 1 (soft limit " + softSeconds + " s must be > 0, warm-up time "
                    + warmupSeconds + " s >= 0)");
        }
        double lastSeconds = 0;
        int warmed = 0;
        long start = nanos.getAsLong();
        while (warming(warmed, warmup, (nanos.getAsLong() - start) / 1e9, warmupSeconds)) {
            long t0 = nanos.getAsLong();
            body.run();
            lastSeconds = (nanos.getAsLong() - t0) / 1e9;
            warmed++;
        }
        if (lastSeconds * repetitions > softSeconds) {
            repetitions = Math.min(repetitions, Math.max(MIN_REPETITIONS, (int) (softSeconds / lastSeconds)));
        }
        double[] ms = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long t0 = nanos.getAsLong();
            body.run();
            ms[i] = (nanos.getAsLong() - t0) / 1e6;
        }
        return new Timed(Stats.of(ms), warmed);
    }

    /**
     * The warm-up rule (the PyTorch peer, {@code hax_peer.py}, applies the same one): after {@code done} untimed
     * repetitions that took {@code elapsedSeconds} in all, another one runs while fewer than {@code warmup} ran or
     * less than {@code warmupSeconds} passed.
     */
    static boolean warming(int done, int warmup, double elapsedSeconds, double warmupSeconds) {
        return done < warmup || elapsedSeconds < warmupSeconds;
    }
}
