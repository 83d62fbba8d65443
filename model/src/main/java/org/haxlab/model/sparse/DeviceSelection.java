package org.haxlab.model.sparse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nd.HostArrays;
import org.haxlab.model.nd.Scalars;

import java.util.ArrayList;
import java.util.List;

/**
 * A pattern's selection as tensors on the device that holds the activations (spec §3): for every query i of
 * every sequence up to K key positions {@code index} (B, L, K) int64 and their validity {@code valid}
 * (B, L, K) boolean; an invalid slot holds index 0 and is never read. The sparse path gathers from it and the
 * dense path scatters it into its L x L mask, so both read exactly the same keys, and no value comes back to
 * the host. The rules are those of the host {@link SelectionPattern#select} implementations (the reference
 * that {@code DeviceSelectionTest} holds this class to, ties included):
 * <ul>
 *   <li>positional patterns (window, sink, dilated and their unions) do not depend on the sequence: their
 *       host selection is uploaded once per length and kept by the branch ({@link #positional});</li>
 *   <li>LSH, the k_c most recent keys j <= i with bin(K_j) = bin(Q_i): keys sorted by (bin, position), each
 *       query's place in that order found by sorting it in with them, then the k_c keys before it that share
 *       its bin ({@link #lsh}), O(L log L + L k_c);</li>
 *   <li>KS, the k_c best keys j <= i (higher score first, equal scores by lower index): every key's rank in
 *       that total order, then a running top-k_c over blocks of queries, each block seeing the previous
 *       block's last top-k_c and its own keys, in two levels (sub-block boundaries, then each query from its
 *       boundary's top-k_c; {@link #ks}), O(L (k_c + sqrt(block)));</li>
 *   <li>unions concatenate their parts' slots and drop repeated keys ({@link #union}).</li>
 * </ul>
 *
 * @param index (B or 1, L, K) int64 key positions
 * @param valid (B or 1, L, K) boolean, true where the slot holds a selected key
 */
record DeviceSelection(NDArray index, NDArray valid) {

    /**
     * Largest B * L * L the dense path builds for a content-dependent pattern under AUTO (128M entries: L = 4096
     * at batch 8, L = 11585 at batch 1); beyond it AUTO gathers instead. An explicit DENSE path builds it at any
     * size (the dense reference of {@code bench attention}).
     */
    static final long DENSE_MAX_ENTRIES = 1L << 27;

    /** Candidates one block of the running KS top-k may rank on the CPU ({@link #blockEntries}). */
    static final long KS_BLOCK_ENTRIES_CPU = 1L << 21;

    /** The same on a GPU: fewer, larger blocks (each block is a handful of kernel launches). */
    static final long KS_BLOCK_ENTRIES_GPU = 1L << 25;

    DeviceSelection {
        if (index.getShape().dimension() != 3 || !index.getShape().equals(valid.getShape())) {
            throw new IllegalArgumentException("device selection: index " + index.getShape() + " and valid "
                    + valid.getShape() + " must both be (B, L, K)");
        }
    }

    /** K, the slots per query. */
    int width() {
        return (int) index.getShape().get(2);
    }

    /**
     * The selection of {@code pattern} for a batch.
     *
     * @param positional the kept selection of the pattern's positional parts for this length (see
     *                   {@link #positional}); consulted only for positional parts
     * @param qBins      (B, L) int64 query bins, or null without LSH
     * @param kBins      (B, L) int64 key bins, or null without LSH
     * @param scores     (B, L) KS scores, or null without KS (read without gradient)
     */
    static DeviceSelection of(SelectionPattern pattern, PositionalSource positional, NDArray qBins, NDArray kBins,
                              NDArray scores, int batch, int length) {
        if (pattern instanceof FullPattern) {
            throw new IllegalArgumentException("device selection: full attention keeps every earlier key, not a"
                    + " bounded selection; the branch runs it as blocked causal attention");
        }
        if (pattern.positional()) {
            return positional.selection(pattern, length);
        }
        if (pattern instanceof UnionPattern u) {
            List<DeviceSelection> parts = new ArrayList<>();
            for (SelectionPattern p : u.parts()) {
                parts.add(of(p, positional, qBins, kBins, scores, batch, length));
            }
            return union(parts, batch, length);
        }
        if (pattern instanceof LshPattern lsh) {
            if (qBins == null || kBins == null) {
                throw new IllegalArgumentException("device selection: LSH needs query and key bins");
            }
            return lsh(qBins, kBins, lsh.keep());
        }
        if (pattern instanceof KeySelectionPattern ks) {
            if (scores == null) {
                throw new IllegalArgumentException("device selection: KS needs scores");
            }
            return ks(scores, ks.keep());
        }
        throw new IllegalArgumentException("device selection: pattern " + pattern.getClass().getSimpleName()
                + " is neither positional nor LSH, KS or a union of them");
    }

    /** Where the kept selections of positional patterns come from (the branch caches them per length). */
    @FunctionalInterface
    interface PositionalSource {
        /** The (1, L, K) selection of positional {@code pattern} for sequences of {@code length}. */
        DeviceSelection selection(SelectionPattern pattern, int length);
    }

    /** A positional pattern's host selection as a (1, L, K) device selection on {@code manager}. */
    static DeviceSelection positional(NDManager manager, SelectionPattern pattern, int length) {
        SelectedKeys s = pattern.select(SelectionInput.fixed(length));
        int width = Math.max(1, s.maxCount());
        long[] index = new long[length * width];
        boolean[] valid = new boolean[index.length];
        for (int i = 0; i < length; i++) {
            int e0 = s.start(i);
            for (int t = 0; t < s.count(i); t++) {
                index[i * width + t] = s.key(e0 + t);
                valid[i * width + t] = true;
            }
        }
        Shape shape = new Shape(1, length, width);
        NDArray validArray;
        try (NDArray wrapped = manager.create(valid, shape)) {
            validArray = wrapped.duplicate();   // engine-owned (see HostArrays)
        }
        return new DeviceSelection(HostArrays.longs(manager, index, shape), validArray);
    }

    /** {@code cond ? a : b} element-wise, every operand broadcast to {@code shape} (DJL's where does not broadcast). */
    private static NDArray where(NDArray cond, NDArray a, NDArray b, Shape shape) {
        return NDArrays.where(cond.broadcast(shape), a.broadcast(shape), b.broadcast(shape));
    }

    /** An int64 0-d array holding {@code value} (exact: every value used here is below 2^24). */
    private static NDArray integer(NDArray like, long value) {
        return Scalars.like(like, value);
    }

    /** The k_c most recent keys j <= i in query i's bin. */
    static DeviceSelection lsh(NDArray qBins, NDArray kBins, int keep) {
        NDManager m = qBins.getManager();
        NDArray qb = qBins.toType(DataType.INT64, false);
        NDArray kb = kBins.toType(DataType.INT64, false);
        int batch = (int) qb.getShape().get(0);
        int length = (int) qb.getShape().get(1);
        NDArray iota = m.arange(0, length, 1, DataType.INT64).reshape(1, length);
        NDArray len = integer(iota, length);
        // unique codes bin * L + position: key order = by bin, then by position
        NDArray kCode = kb.mul(len).add(iota);
        NDArray qCode = qb.mul(len).add(iota);
        // sort the queries in among the keys (2 code < 2 code' + 1 exactly when code <= code'), then count the
        // keys before each query: those with code <= its code, the last of which is its bin's newest key <= i
        NDArray two = integer(iota, 2);
        NDArray merged = kCode.mul(two).concat(qCode.mul(two).add(integer(iota, 1)), 1);   // (B, 2L)
        NDArray order = merged.argSort(1, true);
        NDArray keysUpTo = order.lt(len).toType(DataType.INT64, false).cumSum(1);
        NDArray where = order.argSort(1, true).get(":, " + length + ":");                 // each query's place
        NDArray count = keysUpTo.gather(where, 1);                                        // (B, L)
        NDArray keyOrder = kCode.argSort(1, true);                                        // sorted key -> position
        NDArray sortedBins = kb.gather(keyOrder, 1);
        // slots t = 0..k_c-1 hold sorted keys count-1-t: valid while inside the order and in the query's bin
        NDArray back = m.arange(0, keep, 1, DataType.INT64).reshape(1, 1, keep);
        NDArray pos = count.expandDims(2).sub(integer(iota, 1)).sub(back);               // (B, L, k_c)
        NDArray inside = pos.gte(integer(iota, 0));
        NDArray at = pos.mul(inside.toType(DataType.INT64, false)).reshape(batch, (long) length * keep);
        NDArray sameBin = sortedBins.gather(at, 1).reshape(batch, length, keep).eq(qb.expandDims(2));
        NDArray valid = inside.logicalAnd(sameBin);
        NDArray index = keyOrder.gather(at, 1).reshape(batch, length, keep).mul(valid.toType(DataType.INT64, false));
        return new DeviceSelection(index, valid);
    }

    /** The k_c best-scored keys j <= i (higher score first, equal scores by lower index). */
    static DeviceSelection ks(NDArray scores, int keep) {
        long limit = scores.getDevice().isGpu() ? KS_BLOCK_ENTRIES_GPU : KS_BLOCK_ENTRIES_CPU;
        return ks(scores, keep, blockRows((int) scores.getShape().get(0), keep, (int) scores.getShape().get(1), limit));
    }

    /** {@link #ks(NDArray, int)} with {@code block} queries per block of the running top-k. */
    static DeviceSelection ks(NDArray scores, int keep, int block) {
        return ks(scores, keep, block, subRows(keep, block));
    }

    /**
     * {@link #ks(NDArray, int)} with {@code block} queries per block and {@code sub} queries per sub-block.
     *
     * <p>Query i's top-k_c is the best k_c of (the running top-k_c before its block) and (its block's keys up to i).
     * Ranking every query against all of its block's keys costs block x (k_c + block) candidates per block, so
     * L x (k_c + block) in all: with the blocks the limits allow that was 17M candidates at L = 16K on the CPU
     * (1024-query blocks) and 68M on a GPU (4096), the largest part of a +HAX forward's selection at long L
     * (docs/BENCHMARKS.md). Since top-k(A u B) = top-k(top-k(A) u B), each block is done in two levels instead:
     * first the running top-k_c at every sub-block boundary ((block / sub) rows of k_c + block candidates), then
     * each query from its sub-block's boundary top-k_c and the sub-block's keys up to it (k_c + sub candidates).
     * With sub ~ sqrt(k_c + block) a block costs about 2 block sqrt(block) + block k_c candidates, so larger
     * blocks (fewer sequential steps) fit the same limit. The values are ranks (distinct, or L for an empty slot),
     * so the sets, and the sorted slots, are the same whatever the block and sub-block sizes.
     */
    static DeviceSelection ks(NDArray scores, int keep, int block, int sub) {
        if (block < 1 || sub < 1) {
            throw new IllegalArgumentException("KS selection: block of " + block + " and sub-block of " + sub
                    + " queries must be >= 1");
        }
        NDArray s = scores.stopGradient();
        NDManager m = s.getManager();
        int batch = (int) s.getShape().get(0);
        int length = (int) s.getShape().get(1);
        NDArray iota = m.arange(0, length, 1, DataType.INT64).reshape(1, length);
        NDArray len = integer(iota, length);
        NDArray[] ranked = totalOrder(s, iota, len);
        NDArray order = ranked[0];   // rank -> position
        NDArray rank = ranked[1];    // position -> rank (0 = best)
        // rank L marks an empty slot
        NDArray carried = m.full(new Shape(batch, keep), length, DataType.INT64);
        int subs = ceilDiv(block, sub);   // sub-blocks of a full block
        // level 1: boundary t (t = 0..subs-1) sees the carried slots and the block's keys before t * sub:
        // column c < k_c + t * sub (one pattern for every full block; the last block takes its top-left corner)
        NDArray cols = m.arange(0, keep + block, 1, DataType.INT64).reshape(1, 1, keep + block);
        NDArray bounds = m.arange(0, subs, 1, DataType.INT64).mul(integer(cols, sub)).add(integer(cols, keep))
                .reshape(1, subs, 1);
        NDArray visibleBounds = cols.lt(bounds);                                                   // (1, subs, k_c + block)
        // level 2: query u of a sub-block sees its boundary's k_c slots and the sub-block's keys 0..u
        NDArray subCols = m.arange(0, sub, 1, DataType.INT64);
        NDArray visibleSub = subCols.reshape(1, 1, 1, sub).lte(subCols.reshape(1, 1, sub, 1));    // (1, 1, sub, sub)
        NDList rows = new NDList();
        for (int start = 0; start < length; start += block) {
            int n = Math.min(block, length - start);
            int t = ceilDiv(n, sub);
            int padded = t * sub;
            // a block's temporaries are freed as soon as its top-k_c is taken, so a long sequence holds one
            // block's worth at a time
            try (NDScope scope = new NDScope()) {
                NDArray keys = rank.get(":, " + start + ":" + (start + n));                           // (B, n)
                NDArray cand = carried.concat(keys, 1).expandDims(1);                                 // (B, 1, k_c + n)
                if (start > 0) {
                    carried.close();   // the previous block's, out of every scope
                }
                NDArray visible = n == block ? visibleBounds
                        : visibleBounds.get(":, 0:" + t + ", 0:" + (keep + n));                        // (1, t, k_c + n)
                NDArray atBounds = where(visible, cand, len, new Shape(batch, t, keep + n))
                        .topK(keep, -1, false, true).get(0);                                          // (B, t, k_c)
                // the block's keys per sub-block, the last one padded with empty ranks (its padded queries are dropped)
                NDArray padKeys = padded == n ? keys
                        : keys.concat(m.full(new Shape(batch, padded - n), length, DataType.INT64), 1);
                NDArray subKeys = where(visibleSub, padKeys.reshape(batch, t, 1, sub), len,
                        new Shape(batch, t, sub, sub));                                               // (B, t, sub, sub)
                NDArray cand2 = atBounds.expandDims(2).broadcast(new Shape(batch, t, sub, keep)).concat(subKeys, 3);
                NDArray best = cand2.topK(keep, -1, false, true).get(0).reshape(batch, padded, keep);  // (B, padded, k_c)
                if (padded != n) {
                    best = best.get(":, 0:" + n + ", :");
                }
                NDScope.unregister(best);
                rows.add(best);
                carried = best.get(":, " + (n - 1) + ", :");
                NDScope.unregister(carried);
            }
        }
        carried.close();
        for (NDArray r : rows) {
            NDScope.register(r);   // back into the caller's scope
        }
        NDArray best = rows.size() == 1 ? rows.get(0) : NDArrays.concat(rows, 1);                 // (B, L, k_c)
        NDArray valid = best.lt(len);
        NDArray at = best.mul(valid.toType(DataType.INT64, false)).reshape(batch, (long) length * keep);
        NDArray index = order.gather(at, 1).reshape(batch, length, keep).mul(valid.toType(DataType.INT64, false));
        return new DeviceSelection(index, valid);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /**
     * {order, rank} of every key under "higher score first, equal scores by lower index" (the host pattern's
     * order, IEEE equality): the scores' distinct values are ranked by one sort, and (value rank, position)
     * pairs are unique, so the second sort is deterministic whatever the sort's own tie order.
     */
    private static NDArray[] totalOrder(NDArray s, NDArray iota, NDArray len) {
        int batch = (int) s.getShape().get(0);
        int length = (int) s.getShape().get(1);
        NDManager m = s.getManager();
        NDArray byScore = s.argSort(1, false);
        NDArray sorted = s.gather(byScore, 1);
        NDArray distinct = length > 1
                ? m.zeros(new Shape(batch, 1), DataType.INT64).concat(
                        sorted.get(":, 1:").neq(sorted.get(":, :-1")).toType(DataType.INT64, false).cumSum(1), 1)
                : m.zeros(new Shape(batch, 1), DataType.INT64);
        NDArray valueRank = m.zeros(new Shape(batch, length), DataType.INT64).scatter(byScore, distinct, 1);
        NDArray order = valueRank.mul(len).add(iota).argSort(1, true);
        return new NDArray[] {order, order.argSort(1, true)};
    }

    /**
     * Queries per sub-block of a KS block of {@code block} queries: the smallest power of two whose square is at
     * least k_c + block (near the minimum of {@link #blockEntries}), at most the block's own power-of-two ceiling.
     */
    static int subRows(int keep, int block) {
        int sub = 1;
        while ((long) sub * sub < (long) keep + block && sub < block) {
            sub *= 2;
        }
        return sub;
    }

    /**
     * Candidates one KS block of {@code rows} queries ranks (both levels of {@link #ks(NDArray, int, int, int)}):
     * batch x (sub-blocks x (k_c + rows) + padded rows x (k_c + sub)).
     */
    static long blockEntries(int batch, int keep, int rows) {
        int sub = subRows(keep, rows);
        long subs = ceilDiv(rows, sub);
        return batch * (subs * (keep + rows) + subs * sub * (keep + sub));
    }

    /** Queries per KS block: the most (a power of two, or L) with {@link #blockEntries} <= limit, at least 1. */
    static int blockRows(int batch, int keep, int length, long limit) {
        int rows = 1;
        while (rows < length && blockEntries(batch, keep, 2 * rows) <= limit) {
            rows *= 2;
        }
        return Math.min(rows, length);
    }

    /** A key selected by several parts counts once: slots sorted per query, repeats and empty slots dropped. */
    static DeviceSelection union(List<DeviceSelection> parts, int batch, int length) {
        NDList indices = new NDList();
        NDList valids = new NDList();
        Shape shape = null;
        for (DeviceSelection p : parts) {
            Shape full = new Shape(batch, length, p.width());
            indices.add(p.index().broadcast(full));
            valids.add(p.valid().broadcast(full));
        }
        NDArray index = NDArrays.concat(indices, 2);
        NDArray valid = NDArrays.concat(valids, 2);
        NDArray len = integer(index, length);
        NDArray sorted = where(valid, index, len, index.getShape()).sort(2);                 // empty slots (L) sort last
        NDManager m = index.getManager();
        NDArray repeat = m.zeros(new Shape(batch, length, 1), DataType.BOOLEAN)
                .concat(sorted.get(":, :, 1:").eq(sorted.get(":, :, :-1")), 2);
        NDArray keep = sorted.lt(len).logicalAnd(repeat.logicalNot());
        return new DeviceSelection(sorted.mul(keep.toType(DataType.INT64, false)), keep);
    }

    /**
     * The dense path's softmax mask of this selection: the (B, L, L) bias, 0 where query i reads key j and
     * {@link SoftmaxMask#MASKED} elsewhere, scattered on the device (the same keys as the sparse path by
     * construction), and the (B or 1, L, 1) flags of the queries that read a key.
     */
    SoftmaxMask denseMask(int batch, int length) {
        NDManager m = index.getManager();
        int width = width();
        long cells = (long) batch * length * length;
        Shape full = new Shape(batch, length, width);
        NDArray idx = index.broadcast(full);
        NDArray ok = valid.broadcast(full);
        NDArray rows = integer(idx, (long) batch * length);
        NDArray rowBase = m.arange(0, batch * length, 1, DataType.INT64).mul(integer(idx, length))
                .reshape(batch, length, 1);
        // empty slots all write into one spare cell past the end (index B L * L, computed exactly in int64),
        // dropped below
        NDArray spare = rows.mul(integer(idx, length));
        NDArray at = where(ok, rowBase.add(idx), spare, full).reshape(-1);
        NDArray flat = m.full(new Shape(cells + 1), SoftmaxMask.MASKED, DataType.FLOAT32)
                .scatter(at, m.zeros(new Shape(at.getShape().get(0)), DataType.FLOAT32), 0);
        NDArray hasKey = valid.toType(DataType.FLOAT32, false).max(new int[] {2}, true);
        return new SoftmaxMask(flat.get("0:" + cells).reshape(batch, length, length), hasKey);
    }
}
