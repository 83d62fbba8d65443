package org.haxlab.viz.buckets;

import org.haxlab.model.trace.LayerInspection;

import java.util.Arrays;

/**
 * Cheap facts about LSH bins derived from a {@link LayerInspection} (spec §3, LSH): how many bins,
 * how many keys per bin, which keys share a query's bin, and how many positions changed bin when
 * the projection was redrawn.
 */
public final class BucketStats {
    private BucketStats() {
    }

    /** Bins needed to show every id: the next power of two above the largest id (sign-bit ids), at least 1. */
    public static int bins(int[]... buckets) {
        int max = 0;
        for (int[] b : buckets) {
            for (int id : b) {
                if (id < 0) {
                    throw new IllegalArgumentException("bucket ids must be >= 0, found " + id);
                }
                max = Math.max(max, id);
            }
        }
        int bins = 1;
        while (bins <= max) {
            bins <<= 1;
        }
        return bins;
    }

    /** Keys per bin: {@code counts[b]} = number of positions whose key bin is b. */
    public static int[] occupancy(int[] kBucket, int bins) {
        int[] counts = new int[bins];
        for (int i = 0; i < kBucket.length; i++) {
            int b = kBucket[i];
            if (b < 0 || b >= bins) {
                throw new IllegalArgumentException("key bucket " + b + " at position " + i + " is outside 0.." + (bins - 1));
            }
            counts[b]++;
        }
        return counts;
    }

    /**
     * Keys that collide with query {@code query}: positions j (j <= query when {@code causal}, spec §3
     * causal mask) whose key bin equals the query's bin, ascending.
     */
    public static int[] collisions(int[] qBucket, int[] kBucket, int query, boolean causal) {
        if (query < 0 || query >= qBucket.length) {
            throw new IllegalArgumentException("query " + query + " is outside 0.." + (qBucket.length - 1));
        }
        int end = causal ? Math.min(query + 1, kBucket.length) : kBucket.length;
        int bin = qBucket[query];
        return java.util.stream.IntStream.range(0, end).filter(j -> kBucket[j] == bin).toArray();
    }

    /** Fraction of positions whose bin differs between two hashings of the same sequence. */
    public static double changedFraction(int[] before, int[] after) {
        if (before.length != after.length) {
            throw new IllegalArgumentException("bucket arrays differ in length: " + before.length + " vs " + after.length);
        }
        if (before.length == 0) {
            return 0;
        }
        int changed = 0;
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i]) {
                changed++;
            }
        }
        return changed / (double) before.length;
    }

    /** Bins that hold at least one key. */
    public static int usedBins(int[] occupancy) {
        return (int) Arrays.stream(occupancy).filter(c -> c > 0).count();
    }
}
