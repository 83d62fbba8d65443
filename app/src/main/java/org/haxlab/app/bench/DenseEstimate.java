package org.haxlab.app.bench;

import java.util.Locale;

/**
 * What a dense-mask attention case would need, estimated before running it ("dense runs that would
 * not fit are reported as such, not attempted blindly"). The dense path builds a B x L x L boolean rule
 * and float bias on the heap (positional patterns beyond the kept masks), and libtorch holds the bias, the
 * scores, the biased scores and the softmax weights (a scope frees them only at its end); autograd keeps the
 * weights and more for the backward pass. The per-entry constants were calibrated on measured peaks at L = 8K
 * ((resident peak - {@link #BASE_MB}) / (B * L^2): sw 21 and 40 bytes, hax 18 and 27, forward and
 * forward + backward) and err high.
 */
public final class DenseEstimate {

    /** Resident bytes per mask entry, forward in eval mode. */
    static final double FWD_BYTES_PER_ENTRY = 24;
    /** Resident bytes per mask entry, forward + backward in training mode. */
    static final double FWD_BWD_BYTES_PER_ENTRY = 44;
    /** Heap bytes per entry: boolean rule (1) + float mask (4), plus headroom. */
    static final double HEAP_BYTES_PER_ENTRY = 6;
    /**
     * Resident bytes per L^2 entry of FULL's blocked causal path in training: autograd keeps each block's
     * scores, weights and masks (half the L x L matrix, several arrays); at least 10 bytes per entry were seen
     * at 64K before the run was stopped, so this errs high.
     */
    static final double FULL_BLOCKED_BWD_BYTES_PER_ENTRY = 24;
    /** Resident set of a JVM with libtorch loaded and the branch built, MiB. */
    static final double BASE_MB = 450;

    private DenseEstimate() {
    }

    /** Mask entries B * L * L. */
    public static double entries(int batch, int length) {
        return (double) batch * length * length;
    }

    /** Estimated peak resident MiB of a dense pass. */
    public static double peakMb(int batch, int length, boolean backward) {
        double perEntry = backward ? FWD_BWD_BYTES_PER_ENTRY : FWD_BYTES_PER_ENTRY;
        return BASE_MB + entries(batch, length) * perEntry / (1024.0 * 1024.0);
    }

    /** Why FULL's blocked causal fwd+bwd must not run under {@code budgetMb}, or null when it may. */
    public static String skipReasonFullBlocked(int batch, int length, double budgetMb) {
        double need = BASE_MB + entries(batch, length) * FULL_BLOCKED_BWD_BYTES_PER_ENTRY / (1024.0 * 1024.0);
        return need > budgetMb ? String.format(Locale.ROOT, "skipped (would need ~%.1f GB, budget %.1f GB)",
                need / 1024, budgetMb / 1024) : null;
    }

    /** Heap a child JVM needs for the host-side mask, MiB (at least 1 GiB). */
    public static int heapMb(int batch, int length) {
        return (int) Math.max(1024, 512 + entries(batch, length) * HEAP_BYTES_PER_ENTRY / (1024.0 * 1024.0));
    }

    /** True when the host mask cannot even be one Java array (B * L * L > Integer.MAX_VALUE - 8). */
    public static boolean exceedsArrayLimit(int batch, int length) {
        return entries(batch, length) > Integer.MAX_VALUE - 8;
    }

    /**
     * Why a dense pass must not run under {@code budgetMb}, or null when it may.
     *
     * @param budgetMb memory the run may use, MiB
     */
    public static String skipReason(int batch, int length, boolean backward, double budgetMb) {
        double need = peakMb(batch, length, backward);
        if (exceedsArrayLimit(batch, length)) {
            return String.format(Locale.ROOT, "skipped (would need ~%.1f GB; the L x L mask exceeds a Java array)",
                    need / 1024);
        }
        if (need > budgetMb) {
            return String.format(Locale.ROOT, "skipped (would need ~%.1f GB, budget %.1f GB)", need / 1024,
                    budgetMb / 1024);
        }
        return null;
    }
}
