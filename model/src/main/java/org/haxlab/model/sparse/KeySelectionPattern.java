package org.haxlab.model.sparse;

import org.haxlab.model.trace.Component;

import java.util.Arrays;
import java.util.List;

/**
 * Key selection (spec §3, +KS): query i reads the k_c keys with the highest scores among positions
 * {@code <= i} ("vertical stripes"). Order: higher score first, equal scores broken by the lower index
 * (the same total order, {@link Float#compare}, in both evaluations). The O(L*k) form keeps a running
 * top-k_c heap whose root is the weakest kept key.
 */
public final class KeySelectionPattern implements SelectionPattern {

    private final int keep;

    /** Keeps the {@code keep} = k_c best-scored keys per query. */
    public KeySelectionPattern(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("KS pattern: keep k_c=" + keep + " must be >= 1");
        }
        this.keep = keep;
    }

    /** k_c, the keys kept per query. */
    public int keep() {
        return keep;
    }

    @Override
    public List<Component> components() {
        return List.of(Component.KS);
    }

    @Override
    public int capacity(int length) {
        return Math.min(keep, length);
    }

    /** True when key a ranks strictly before key b. */
    private static boolean before(float[] s, int a, int b) {
        int c = Float.compare(s[a], s[b]);
        return c > 0 || (c == 0 && a < b);
    }

    @Override
    public SelectedKeys select(SelectionInput input) {
        int n = input.length();
        float[] s = input.requireScores();
        int[] heap = new int[keep];   // min-heap under "before": heap[0] is the weakest kept key
        int size = 0;
        int[] row = new int[keep];
        SelectedKeys.Builder b = SelectedKeys.builder(n, n * capacity(n));
        int bit = Component.KS.bit();
        for (int j = 0; j < n; j++) {
            if (size < keep) {
                heap[size] = j;
                siftUp(heap, size++, s);
            } else if (before(s, j, heap[0])) {
                heap[0] = j;
                siftDown(heap, size, s);
            }
            System.arraycopy(heap, 0, row, 0, size);
            Arrays.sort(row, 0, size);
            for (int t = 0; t < size; t++) {
                b.add(row[t], bit);
            }
            b.endRow();
        }
        return b.build();
    }

    private static void siftUp(int[] h, int at, float[] s) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!before(s, h[parent], h[at])) {
                break;
            }
            swap(h, parent, at);
            at = parent;
        }
    }

    private static void siftDown(int[] h, int size, float[] s) {
        int at = 0;
        while (true) {
            int l = 2 * at + 1;
            int r = l + 1;
            int weakest = at;
            if (l < size && before(s, h[weakest], h[l])) {
                weakest = l;
            }
            if (r < size && before(s, h[weakest], h[r])) {
                weakest = r;
            }
            if (weakest == at) {
                return;
            }
            swap(h, at, weakest);
            at = weakest;
        }
    }

    private static void swap(int[] h, int a, int b) {
        int t = h[a];
        h[a] = h[b];
        h[b] = t;
    }

    @Override
    public boolean[] ruleMask(SelectionInput input) {
        int n = input.length();
        float[] s = input.requireScores();
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : before(s, a, b) ? -1 : 1);
        boolean[] m = new boolean[n * n];
        for (int i = 0; i < n; i++) {
            int found = 0;
            for (int t = 0; t < n && found < keep; t++) {
                if (order[t] <= i) {
                    m[i * n + order[t]] = true;
                    found++;
                }
            }
        }
        return m;
    }
}
