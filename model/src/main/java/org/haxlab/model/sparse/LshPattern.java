package org.haxlab.model.sparse;

import org.haxlab.model.trace.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hashing attention (spec §3, +LSH): query i reads key j <= i when bin(Q_i) = bin(K_j), keeping only
 * the k_c most recent such keys. The O(L*k) form keeps one ring buffer of the last k_c keys per bin;
 * a query whose bin holds no key yet gets no keys (a zero output, never a softmax over everything).
 */
public final class LshPattern implements SelectionPattern {

    /** Up to this many bins the ring buffers are indexed by bin directly; beyond, bins are renumbered. */
    private static final int DIRECT_BINS = 1 << 16;

    private final int keep;

    /** Keeps the {@code keep} = k_c most recent same-bin keys per query. */
    public LshPattern(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("LSH pattern: keep k_c=" + keep + " must be >= 1");
        }
        this.keep = keep;
    }

    /** k_c, the keys kept per query. */
    public int keep() {
        return keep;
    }

    @Override
    public List<Component> components() {
        return List.of(Component.LSH);
    }

    @Override
    public int capacity(int length) {
        return Math.min(keep, length);
    }

    @Override
    public SelectedKeys select(SelectionInput input) {
        int n = input.length();
        int[] qBin = input.requireQBins();
        int[] kBin = input.requireKBins();
        int[] qSlot = new int[n];
        int[] kSlot = new int[n];
        int slots = renumber(qBin, kBin, qSlot, kSlot);
        int[] ring = new int[slots * keep];
        int[] inserted = new int[slots];
        SelectedKeys.Builder b = SelectedKeys.builder(n, n * capacity(n));
        int bit = Component.LSH.bit();
        for (int i = 0; i < n; i++) {
            int ks = kSlot[i];   // key i first: the mask includes the query's own position (j <= i)
            ring[ks * keep + inserted[ks] % keep] = i;
            inserted[ks]++;
            int qs = qSlot[i];
            int total = inserted[qs];
            for (int t = Math.max(0, total - keep); t < total; t++) {  // oldest to newest = ascending
                b.add(ring[qs * keep + t % keep], bit);
            }
            b.endRow();
        }
        return b.build();
    }

    /** Maps bins to dense slot numbers; returns the number of slots. */
    private static int renumber(int[] qBin, int[] kBin, int[] qSlot, int[] kSlot) {
        int max = 0;
        for (int i = 0; i < qBin.length; i++) {
            if (qBin[i] < 0 || kBin[i] < 0) {
                throw new IllegalArgumentException("LSH pattern: negative bin at position " + i);
            }
            max = Math.max(max, Math.max(qBin[i], kBin[i]));
        }
        if (max < DIRECT_BINS) {
            System.arraycopy(qBin, 0, qSlot, 0, qBin.length);
            System.arraycopy(kBin, 0, kSlot, 0, kBin.length);
            return max + 1;
        }
        Map<Integer, Integer> ids = new HashMap<>();
        for (int i = 0; i < qBin.length; i++) {
            kSlot[i] = ids.computeIfAbsent(kBin[i], x -> ids.size());
            qSlot[i] = ids.computeIfAbsent(qBin[i], x -> ids.size());
        }
        return ids.size();
    }

    @Override
    public boolean[] ruleMask(SelectionInput input) {
        int n = input.length();
        int[] qBin = input.requireQBins();
        int[] kBin = input.requireKBins();
        boolean[] m = new boolean[n * n];
        for (int i = 0; i < n; i++) {
            int found = 0;
            for (int j = i; j >= 0 && found < keep; j--) {
                if (kBin[j] == qBin[i]) {
                    m[i * n + j] = true;
                    found++;
                }
            }
        }
        return m;
    }
}
