package org.haxlab.app.bench;

/**
 * Shape and repetition settings shared by every attention case.
 *
 * @param batch       sequences per forward (B)
 * @param dInner      width of x, V and the output (128 in the synthetic model)
 * @param dState      width of Q and K, N (16 for Mamba-1)
 * @param warmup      untimed repetitions
 * @param repetitions timed repetitions
 * @param threads     libtorch intra-op threads
 * @param passSeconds soft limit of one pass's timed repetitions (fewer repetitions, at least 3, beyond it)
 */
public record AttentionSettings(int batch, int dInner, int dState, int warmup, int repetitions, int threads,
                                double passSeconds) {

    public AttentionSettings {
        if (batch < 1 || dInner < 1 || dState < 1 || warmup < 0 || repetitions < 1 || threads < 1
                || !(passSeconds > 0)) {
            throw new IllegalArgumentException("attention settings: batch=" + batch + ", dInner=" + dInner + ", dState="
                    + dState + ", repetitions=" + repetitions + ", threads=" + threads + " must be >= 1, warmup="
                    + warmup + " >= 0 and passSeconds=" + passSeconds + " > 0");
        }
    }

    /** The synthetic Mamba-1 branch (d_inner 128, N 16), batch 1. */
    public static AttentionSettings synthetic(int warmup, int repetitions, int threads, double passSeconds) {
        return new AttentionSettings(1, 128, 16, warmup, repetitions, threads, passSeconds);
    }
}
