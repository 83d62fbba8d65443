package org.haxlab.model.sparse;

import org.haxlab.model.trace.Component;

import java.util.List;

/** Sliding window (spec §3, +SW): query i reads key j when i - j < w. */
public final class SlidingWindowPattern implements SelectionPattern {

    private final int window;

    /** A window of {@code window} keys including the query itself (64 alone, 32 inside a union). */
    public SlidingWindowPattern(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("sliding window: width w=" + window + " must be >= 1");
        }
        this.window = window;
    }

    /** The width w. */
    public int window() {
        return window;
    }

    @Override
    public List<Component> components() {
        return List.of(Component.WINDOW);
    }

    @Override
    public int capacity(int length) {
        return Math.min(window, length);
    }

    @Override
    public SelectedKeys select(SelectionInput input) {
        int n = input.length();
        SelectedKeys.Builder b = SelectedKeys.builder(n, n * capacity(n));
        int bit = Component.WINDOW.bit();
        for (int i = 0; i < n; i++) {
            for (int j = Math.max(0, i - window + 1); j <= i; j++) {
                b.add(j, bit);
            }
            b.endRow();
        }
        return b.build();
    }

    @Override
    public boolean[] ruleMask(SelectionInput input) {
        return SelectionPattern.causalMask(input.length(), (i, j) -> i - j < window);
    }

    @Override
    public boolean positional() {
        return true;
    }
}
