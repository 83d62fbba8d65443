package org.haxlab.model.sparse;

import org.haxlab.model.trace.AttentionSelection;

import java.util.Arrays;

/**
 * The keys every query of one sequence attends to under any pattern (the KS pattern itself is
 * {@link KeySelectionPattern}), in CSR form: query i owns entries {@code offsets[i] .. offsets[i+1]-1}, keys
 * ascending, each with a bit mask of the {@link org.haxlab.model.trace.Component}s that selected it. Keys are
 * always {@code <= i} (spec §3: the mask is causal); the {@link Builder} enforces this so no pattern can leak
 * the future.
 */
public final class SelectedKeys {

    private final int length;
    private final int[] offsets;
    private final int[] keys;
    private final int[] masks;

    private SelectedKeys(int length, int[] offsets, int[] keys, int[] masks) {
        this.length = length;
        this.offsets = offsets;
        this.keys = keys;
        this.masks = masks;
    }

    /** A builder for a sequence of {@code length} queries; {@code hint} is the expected number of entries. */
    public static Builder builder(int length, int hint) {
        return new Builder(length, hint);
    }

    /** Number of queries L. */
    public int length() {
        return length;
    }

    /** Number of keys query {@code i} attends to. */
    public int count(int i) {
        return offsets[i + 1] - offsets[i];
    }

    /** First entry of query {@code i}. */
    public int start(int i) {
        return offsets[i];
    }

    /** The key of entry {@code e}. */
    public int key(int e) {
        return keys[e];
    }

    /** The component mask of entry {@code e}. */
    public int mask(int e) {
        return masks[e];
    }

    /** Total number of (query, key) entries. */
    public int size() {
        return keys.length;
    }

    /** The largest number of keys of any query (0 for an empty selection). */
    public int maxCount() {
        int m = 0;
        for (int i = 0; i < length; i++) {
            m = Math.max(m, count(i));
        }
        return m;
    }

    /** The keys of query {@code i}, ascending (a copy). */
    public int[] keysOf(int i) {
        return Arrays.copyOfRange(keys, offsets[i], offsets[i + 1]);
    }

    /** Row-major L x L boolean mask (true where query i reads key j); for tests and small sequences. */
    public boolean[] toDenseMask() {
        boolean[] m = new boolean[length * length];
        for (int i = 0; i < length; i++) {
            for (int e = offsets[i]; e < offsets[i + 1]; e++) {
                m[i * length + keys[e]] = true;
            }
        }
        return m;
    }

    /**
     * Merges two selections of the same sequence row by row; a key in both carries both masks
     * (spec §3: a key selected by LSH and KS is one key with two component bits).
     */
    public static SelectedKeys union(SelectedKeys a, SelectedKeys b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("union of selections of different lengths " + a.length + " and " + b.length);
        }
        Builder out = builder(a.length, a.size() + b.size());
        for (int i = 0; i < a.length; i++) {
            int ea = a.offsets[i];
            int eb = b.offsets[i];
            int endA = a.offsets[i + 1];
            int endB = b.offsets[i + 1];
            while (ea < endA || eb < endB) {
                int ka = ea < endA ? a.keys[ea] : Integer.MAX_VALUE;
                int kb = eb < endB ? b.keys[eb] : Integer.MAX_VALUE;
                if (ka < kb) {
                    out.add(ka, a.masks[ea++]);
                } else if (kb < ka) {
                    out.add(kb, b.masks[eb++]);
                } else {
                    out.add(ka, a.masks[ea++] | b.masks[eb++]);
                }
            }
            out.endRow();
        }
        return out.build();
    }

    /** This selection with one softmax weight per entry, as the inspection record. */
    public AttentionSelection toAttentionSelection(float[] weights) {
        if (weights.length != keys.length) {
            throw new IllegalArgumentException("selection has " + keys.length + " entries but " + weights.length + " weights");
        }
        return new AttentionSelection(length, offsets.clone(), keys.clone(), masks.clone(), weights.clone());
    }

    /** Appends rows in order; within a row keys must ascend and never exceed the row index. */
    public static final class Builder {
        private final int length;
        private final int[] offsets;
        private int[] keys;
        private int[] masks;
        private int size;
        private int row;

        private Builder(int length, int hint) {
            this.length = length;
            this.offsets = new int[length + 1];
            int cap = Math.max(16, hint);
            this.keys = new int[cap];
            this.masks = new int[cap];
        }

        /** Adds key {@code key} with component mask {@code mask} to the current row. */
        public Builder add(int key, int mask) {
            if (row >= length) {
                throw new IllegalStateException("selection builder: all " + length + " rows already ended");
            }
            if (key < 0 || key > row) {
                throw new IllegalArgumentException("selection builder: key " + key + " is not causal for query " + row);
            }
            if (size > offsets[row] && keys[size - 1] >= key) {
                throw new IllegalArgumentException("selection builder: keys of query " + row + " must ascend ("
                        + keys[size - 1] + " then " + key + ")");
            }
            if (size == keys.length) {
                int cap = keys.length * 2;
                keys = Arrays.copyOf(keys, cap);
                masks = Arrays.copyOf(masks, cap);
            }
            keys[size] = key;
            masks[size] = mask;
            size++;
            return this;
        }

        /** Ends the current row. */
        public Builder endRow() {
            if (row >= length) {
                throw new IllegalStateException("selection builder: all " + length + " rows already ended");
            }
            row++;
            offsets[row] = size;
            return this;
        }

        /** The selection; every row must have been ended. */
        public SelectedKeys build() {
            if (row != length) {
                throw new IllegalStateException("selection builder: " + row + " of " + length + " rows ended");
            }
            return new SelectedKeys(length, offsets, Arrays.copyOf(keys, size), Arrays.copyOf(masks, size));
        }
    }
}
