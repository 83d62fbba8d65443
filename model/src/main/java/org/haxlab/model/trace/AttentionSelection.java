package org.haxlab.model.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * For every query position i, the keys it attended to (ascending), the components that selected
 * each key (a {@link Component#bit()} mask) and the softmax weight. Stored flat (CSR) because a
 * 1058-long sequence has up to 67k entries per layer: query i owns entries offsets[i] .. offsets[i+1]-1.
 * A query with no entries is a "no keys" row (spec §3, empty rows): its attention output is zero.
 *
 * <p>Shares its arrays: neither the constructor nor the accessors copy them, because the views and the
 * inspection JSON walk them entry by entry (up to k x L entries per layer, redrawn per frame). Whoever
 * builds one hands over arrays it never touches again, and readers never write into them. Equality is
 * by content.
 */
public record AttentionSelection(int length, int[] offsets, int[] keys, int[] components, float[] weights) {

    public AttentionSelection {
        if (offsets.length != length + 1 || offsets[0] != 0 || offsets[length] != keys.length
                || components.length != keys.length || weights.length != keys.length) {
            throw new IllegalArgumentException("attention selection: inconsistent sizes (length " + length
                    + ", offsets " + offsets.length + ", keys " + keys.length + ")");
        }
    }

    /** Number of keys selected by query {@code i}. */
    public int count(int i) {
        return offsets[i + 1] - offsets[i];
    }

    /** The selected keys of query {@code i} as records. */
    public List<SelectedKey> of(int i) {
        List<SelectedKey> out = new ArrayList<>(count(i));
        for (int e = offsets[i]; e < offsets[i + 1]; e++) {
            out.add(new SelectedKey(keys[e], components[e], weights[e]));
        }
        return out;
    }

    /** Entry index of key {@code j} in row {@code i}, or -1 when j was not selected by i. */
    public int find(int i, int j) {
        int lo = offsets[i];
        int hi = offsets[i + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < j) {
                lo = mid + 1;
            } else if (keys[mid] > j) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Total selected (query, key) pairs. */
    public int size() {
        return keys.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttentionSelection s && length == s.length && Arrays.equals(offsets, s.offsets)
                && Arrays.equals(keys, s.keys) && Arrays.equals(components, s.components)
                && Arrays.equals(weights, s.weights);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(offsets) + Arrays.hashCode(keys)) + Arrays.hashCode(components);
    }

    @Override
    public String toString() {
        return "AttentionSelection[length=" + length + ", entries=" + keys.length + "]";
    }
}
