package org.haxlab.model.sparse;

import org.haxlab.model.trace.Component;

import java.util.List;

/** Dense causal attention (spec §3, "full"): query i reads every key j <= i. The quadratic reference. */
public final class FullPattern implements SelectionPattern {

    @Override
    public List<Component> components() {
        return List.of(Component.FULL);
    }

    @Override
    public int capacity(int length) {
        return length;
    }

    @Override
    public SelectedKeys select(SelectionInput input) {
        int n = input.length();
        long entries = (long) n * (n + 1) / 2;
        if (entries > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("full pattern: a selection of L=" + n + " has " + entries
                    + " entries, too many to list; use SparseAttention.causal for the output");
        }
        SelectedKeys.Builder b = SelectedKeys.builder(n, (int) entries);
        int bit = Component.FULL.bit();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                b.add(j, bit);
            }
            b.endRow();
        }
        return b.build();
    }

    @Override
    public boolean[] ruleMask(SelectionInput input) {
        return SelectionPattern.causalMask(input.length(), (i, j) -> true);
    }

    @Override
    public boolean positional() {
        return true;
    }
}
