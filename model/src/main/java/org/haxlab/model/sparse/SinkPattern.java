package org.haxlab.model.sparse;

import org.haxlab.model.trace.Component;

import java.util.List;

/**
 * Attention sinks (spec §3, the sink half of +A): query i reads key j when j < s (and j <= i).
 * The A-shaped pattern is this sink united with a {@link SlidingWindowPattern}.
 */
public final class SinkPattern implements SelectionPattern {

    private final int sinks;

    /** The first {@code sinks} positions are readable by every later query (s = k_c = 32 in +A). */
    public SinkPattern(int sinks) {
        if (sinks < 1) {
            throw new IllegalArgumentException("sink pattern: s=" + sinks + " must be >= 1");
        }
        this.sinks = sinks;
    }

    @Override
    public List<Component> components() {
        return List.of(Component.SINK);
    }

    @Override
    public int capacity(int length) {
        return Math.min(sinks, length);
    }

    @Override
    public SelectedKeys select(SelectionInput input) {
        int n = input.length();
        SelectedKeys.Builder b = SelectedKeys.builder(n, n * capacity(n));
        int bit = Component.SINK.bit();
        for (int i = 0; i < n; i++) {
            int last = Math.min(i, sinks - 1);
            for (int j = 0; j <= last; j++) {
                b.add(j, bit);
            }
            b.endRow();
        }
        return b.build();
    }

    @Override
    public boolean[] ruleMask(SelectionInput input) {
        return SelectionPattern.causalMask(input.length(), (i, j) -> j < sinks);
    }

    @Override
    public boolean positional() {
        return true;
    }
}
