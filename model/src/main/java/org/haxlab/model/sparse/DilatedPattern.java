package org.haxlab.model.sparse;

import org.haxlab.model.trace.Component;

import java.util.List;

/**
 * Dilated attention (spec §3, +D): query i reads key j <= i when j mod r = r - 1.
 * ARCHITECTURE.md decision: beyond maxLen the stride stays r and only the k_c most recent dilated
 * keys are kept, so the pattern never exceeds its budget (identical to the spec for L <= maxLen).
 * The first r - 1 queries have no key at all ("no keys" rows, zero output).
 */
public final class DilatedPattern implements SelectionPattern {

    private final int stride;
    private final int keep;

    /**
     * @param stride r (maxLen / k_c: 32 alone, 64 inside +SW+D)
     * @param keep   k_c, the most dilated keys a query keeps
     */
    public DilatedPattern(int stride, int keep) {
        if (stride < 1 || keep < 1) {
            throw new IllegalArgumentException("dilated pattern: stride r=" + stride + " and keep k_c=" + keep
                    + " must both be >= 1");
        }
        this.stride = stride;
        this.keep = keep;
    }

    @Override
    public List<Component> components() {
        return List.of(Component.DILATED);
    }

    @Override
    public int capacity(int length) {
        return Math.min(keep, length / stride);
    }

    /** The most recent dilated key j <= i, or -1 when there is none. */
    private int lastKey(int i) {
        return ((i + 1) / stride) * stride - 1;
    }

    @Override
    public SelectedKeys select(SelectionInput input) {
        int n = input.length();
        SelectedKeys.Builder b = SelectedKeys.builder(n, n * Math.max(1, capacity(n)));
        int bit = Component.DILATED.bit();
        for (int i = 0; i < n; i++) {
            int last = lastKey(i);
            if (last >= 0) {
                int count = Math.min(keep, last / stride + 1);
                for (int j = last - (count - 1) * stride; j <= last; j += stride) {
                    b.add(j, bit);
                }
            }
            b.endRow();
        }
        return b.build();
    }

    @Override
    public boolean[] ruleMask(SelectionInput input) {
        int n = input.length();
        boolean[] m = new boolean[n * n];
        for (int i = 0; i < n; i++) {
            int newer = 0;  // dilated keys in (j, i]: the k_c-most-recent cap
            for (int j = i; j >= 0; j--) {
                if (j % stride == stride - 1) {
                    m[i * n + j] = newer < keep;
                    newer++;
                }
            }
        }
        return m;
    }

    @Override
    public boolean positional() {
        return true;
    }
}
