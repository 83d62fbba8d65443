package org.haxlab.app.bench;

import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig.AttentionPath;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every (pattern, length, path) case of an attention benchmark, in order, each in a fresh child JVM
 * ({@code fork}) or in this one. Dense passes whose estimated memory exceeds the budget are reported as
 * skipped, with the estimate, and never started.
 *
 * @param patterns  patterns to time (each with an attention branch)
 * @param lengths   sequence lengths
 * @param paths     dense and/or sparse
 * @param fork      one child JVM per case (honest resident peaks) instead of this JVM
 * @param budgetMb  memory a case may use, MiB
 * @param timeoutSeconds a child running longer is killed and its rows say so
 * @param denseMaxLength dense cases longer than this are reported as skipped (to keep a run short)
 * @param forward  time the forward pass
 * @param backward time the forward + backward pass
 */
public record AttentionSuite(List<Pattern> patterns, List<Integer> lengths, List<AttentionPath> paths, boolean fork,
                             double budgetMb, long timeoutSeconds, int denseMaxLength, boolean forward,
                             boolean backward) {

    public AttentionSuite {
        if (patterns.isEmpty() || lengths.isEmpty() || paths.isEmpty()) {
            throw new IllegalArgumentException("attention bench: need at least one pattern, length and path");
        }
        if (!forward && !backward) {
            throw new IllegalArgumentException("attention bench: choose at least one pass (fwd, fwd+bwd)");
        }
        if (!(budgetMb > 0) || timeoutSeconds < 1) {
            throw new IllegalArgumentException("attention bench: budget " + budgetMb + " MiB and timeout "
                    + timeoutSeconds + " s must be positive");
        }
        patterns = List.copyOf(patterns);
        lengths = List.copyOf(lengths);
        paths = List.copyOf(paths);
    }

    /** The cases in run order: pattern, then length, then path. */
    public List<AttentionCase> cases() {
        List<AttentionCase> out = new ArrayList<>();
        for (Pattern p : patterns) {
            for (int length : lengths) {
                for (AttentionPath path : paths) {
                    out.add(new AttentionCase(p, length, path));
                }
            }
        }
        return out;
    }

    /**
     * Runs every case.
     *
     * @param progress receives each row as soon as it is known (for live output)
     */
    public List<AttentionRow> run(AttentionSettings settings, Consumer<AttentionRow> progress) throws Exception {
        List<AttentionRow> all = new ArrayList<>();
        MemoryProbe probe = fork ? null : new MemoryProbe();
        for (AttentionCase c : cases()) {
            String skipFwd = null;
            String skipBwd = null;
            int heapMb = 1024;
            if (c.path() == AttentionPath.DENSE) {
                skipFwd = DenseEstimate.skipReason(settings.batch(), c.length(), false, budgetMb);
                skipBwd = DenseEstimate.skipReason(settings.batch(), c.length(), true, budgetMb);
                if (c.length() > denseMaxLength) {
                    String why = "skipped (--dense-max-length " + denseMaxLength + ")";
                    skipFwd = skipFwd == null ? why : skipFwd;
                    skipBwd = skipBwd == null ? why : skipBwd;
                }
                heapMb = DenseEstimate.heapMb(settings.batch(), c.length());
            } else if (c.pattern() == Pattern.FULL) {
                // blocked causal attention: memory-bounded forward, but training keeps every block's
                // weights for the backward pass, O(L^2) like the dense path
                skipBwd = DenseEstimate.skipReasonFullBlocked(settings.batch(), c.length(), budgetMb);
            }
            List<AttentionRow> rows = new ArrayList<>();
            boolean fwd = forward && skipFwd == null;
            boolean bwd = backward && skipBwd == null;
            if (fwd || bwd) {
                rows.addAll(fork ? new ChildJvm(heapMb, timeoutSeconds, budgetMb).run(c, settings, fwd, bwd)
                        : new AttentionBench(settings, probe).run(c, fwd, bwd));
            }
            if (forward && !fwd) {
                rows.add(0, AttentionRow.skipped(c, AttentionRow.FWD, skipFwd));
            }
            if (backward && !bwd) {
                rows.add(AttentionRow.skipped(c, AttentionRow.FWD_BWD, skipBwd));
            }
            for (AttentionRow r : rows) {
                progress.accept(r);
            }
            all.addAll(rows);
        }
        return all;
    }
}
