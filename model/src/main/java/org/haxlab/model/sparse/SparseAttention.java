package org.haxlab.model.sparse;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import org.haxlab.model.nd.HostArrays;

/**
 * The two ways to compute O = softmax(Q K^T masked by S) V (spec §3), single head, no positional
 * encoding, which must agree: {@link #dense} builds the (B, L, L) mask as the reference code does
 * (O(L^2) time and memory); {@link #sparse} gathers each query's selected keys (O(L*k)), in query
 * blocks so that memory stays bounded at long L. A query with no key gets a zero output (spec §3,
 * empty rows), never a softmax over all positions.
 */
public final class SparseAttention {

    /**
     * Floats one gathered block may hold (B * block * kmax * width) on the CPU, 16 MiB: small enough that the
     * blocks come from the C allocator's reused heaps (a per-thread glibc heap holds at most 64 MB; bigger
     * blocks are fresh mmaps, page-faulted in on every pass), large enough that a 64K pass makes a few
     * hundred calls.
     */
    static final long BLOCK_FLOATS = 1L << 22;

    /**
     * The same on a GPU, 64 MiB: CUDA's caching allocator reuses blocks of any size, and each block costs
     * an index upload and a dozen kernel launches, so fewer, larger blocks are cheaper there.
     */
    static final long GPU_BLOCK_FLOATS = 1L << 24;

    /** The block size for tensors on {@code device}. */
    static long blockFloats(Device device) {
        return device != null && device.isGpu() ? GPU_BLOCK_FLOATS : BLOCK_FLOATS;
    }

    private SparseAttention() {
    }

    /**
     * Softmax over {@code axis} restricted to entries where {@code valid} is 1; rows with no valid entry give
     * all-zero weights, and no NaN appears in values or gradients ({@link SoftmaxMask}).
     */
    public static NDArray maskedSoftmax(NDArray scores, NDArray valid, int axis) {
        return maskedSoftmax(scores, SoftmaxMask.of(valid, axis), axis);
    }

    /**
     * Softmax over {@code axis} of {@code scores} plus the mask's bias (libtorch's fused softmax), times the mask's
     * row flags: rows with no key give all-zero weights and pass no gradient to their scores.
     */
    public static NDArray maskedSoftmax(NDArray scores, SoftmaxMask mask, int axis) {
        NDArray w = scores.add(mask.bias()).softmax(axis);
        return mask.hasKey() == null ? w : w.mul(mask.hasKey());
    }

    /**
     * Dense path: (B, L, L) scores, masked softmax, weighted sum.
     *
     * @param q    (B, L, N)
     * @param k    (B, L, N)
     * @param v    (B, L, D)
     * @param mask (B, L, L) float, 1 where query i reads key j
     * @return (B, L, D)
     */
    public static NDArray dense(NDArray q, NDArray k, NDArray v, NDArray mask) {
        return dense(q, k, v, SoftmaxMask.of(mask, -1));
    }

    /**
     * Dense path with the mask as a softmax bias: (B, L, L) scores plus the bias, one softmax, weighted sum. A query
     * with no key gets a zero output by zeroing its (B, L, D) output row rather than its L weights: the same values
     * and gradients (the zeroed row sends no gradient back through the softmax) for a D-wide multiply.
     *
     * @param mask bias (B or 1, L, L) and row flags (B or 1, L, 1) or null
     * @return (B, L, D)
     */
    public static NDArray dense(NDArray q, NDArray k, NDArray v, SoftmaxMask mask) {
        NDArray scores = q.batchMatMul(k.transpose(0, 2, 1));
        NDArray out = scores.add(mask.bias()).softmax(-1).batchMatMul(v);
        return mask.hasKey() == null ? out : out.mul(mask.hasKey());
    }

    /**
     * Sparse path: per query gather its selected K and V rows, softmax over the valid ones, weighted sum.
     *
     * @param q          (B, L, N)
     * @param k          (B, L, N)
     * @param v          (B, L, D)
     * @param selections one selection per sequence, each of length L
     * @return (B, L, D)
     */
    public static NDArray sparse(NDArray q, NDArray k, NDArray v, SelectedKeys[] selections) {
        return sparse(q, k, v, selections, blockFloats(q.getDevice()));
    }

    /** {@link #sparse(NDArray, NDArray, NDArray, SelectedKeys[])} with a given block size in floats. */
    static NDArray sparse(NDArray q, NDArray k, NDArray v, SelectedKeys[] selections, long blockFloats) {
        long[] qs = q.getShape().getShape();
        int batch = (int) qs[0];
        int length = (int) qs[1];
        int n = (int) qs[2];
        int width = (int) v.getShape().get(2);
        if (selections.length != batch) {
            throw new IllegalArgumentException("sparse attention: " + selections.length + " selections for batch " + batch);
        }
        int kmax = 0;
        for (int b = 0; b < batch; b++) {
            if (selections[b].length() != length) {
                throw new IllegalArgumentException("sparse attention: selection " + b + " has length "
                        + selections[b].length() + ", expected " + length);
            }
            kmax = Math.max(kmax, selections[b].maxCount());
        }
        if (kmax == 0) {
            return v.zerosLike();  // every row empty: nothing selected, nothing read
        }
        NDManager manager = q.getManager();
        // Without autograd on the CPU the weighted sum of V rows runs as a sparse x dense product (see sparseProduct)
        boolean inference = sparseProduct(q);
        NDArray kFlat = k.reshape((long) batch * length, n);
        NDArray vFlat = v.reshape((long) batch * length, width);
        long perQuery = (long) batch * kmax * Math.max(n, width);
        int block = (int) Math.max(1, Math.min(length, blockFloats / perQuery));
        NDList parts = new NDList();
        for (int start = 0; start < length; start += block) {
            int rows = Math.min(block, length - start);
            long[] index = new long[batch * rows * kmax];
            float[] valid = new float[index.length];
            for (int b = 0; b < batch; b++) {
                SelectedKeys s = selections[b];
                for (int r = 0; r < rows; r++) {
                    int i = start + r;
                    int at = (b * rows + r) * kmax;
                    int e0 = s.start(i);
                    int c = s.count(i);
                    for (int t = 0; t < c; t++) {
                        index[at + t] = (long) b * length + s.key(e0 + t);
                        valid[at + t] = 1f;
                    }
                    for (int t = c; t < kmax; t++) {
                        index[at + t] = (long) b * length + i;  // padding slot, masked out below
                    }
                }
            }
            int groups = batch * rows;
            // Autograd saves the index and the row flags for the backward pass: they are engine-owned (HostArrays,
            // or made by libtorch from it) and stay in the caller's scope, outliving the block scope (L * kmax
            // small values).
            NDArray idx = HostArrays.longs(manager, index);
            SoftmaxMask mask = SoftmaxMask.of(HostArrays.floats(manager, valid, new Shape(groups, 1, kmax)), -1);
            // Each block's gathers live in their own scope and are freed as soon as the block is done, so a
            // 64K-long eval forward holds one block at a time (autograd keeps its own references when training).
            parts.add(attendBlock(q, ":, " + start + ":" + (start + rows) + ", :", kFlat, vFlat, idx, mask,
                    batch, rows, kmax, inference));
        }
        return join(parts);
    }

    /**
     * Sparse path from a {@link DeviceSelection}: per query gather its K slots' K and V rows, softmax over the
     * valid ones, weighted sum. The index math stays on the device (nothing is read back or uploaded).
     *
     * @return (B, L, D)
     */
    static NDArray sparse(NDArray q, NDArray k, NDArray v, DeviceSelection selection) {
        return sparse(q, k, v, selection, blockFloats(q.getDevice()));
    }

    /** {@link #sparse(NDArray, NDArray, NDArray, DeviceSelection)} with a given block size in floats. */
    static NDArray sparse(NDArray q, NDArray k, NDArray v, DeviceSelection selection, long blockFloats) {
        long[] qs = q.getShape().getShape();
        int batch = (int) qs[0];
        int length = (int) qs[1];
        int n = (int) qs[2];
        int width = (int) v.getShape().get(2);
        int kmax = selection.width();
        if (selection.index().getShape().get(1) != length) {
            throw new IllegalArgumentException("sparse attention: selection " + selection.index().getShape()
                    + " does not match length " + length);
        }
        NDManager manager = q.getManager();
        boolean inference = sparseProduct(q);
        Shape full = new Shape(batch, length, kmax);
        // row b * L + j of the flattened K and V
        NDArray offsets = manager.arange(0, batch * length, length, DataType.INT64).reshape(batch, 1, 1);
        NDArray flatIndex = selection.index().broadcast(full).add(offsets);
        // the softmax bias and row flags of every query, made once for all blocks
        SoftmaxMask maskAll = SoftmaxMask.of(selection.valid().broadcast(full).toType(DataType.FLOAT32, false), 2);
        NDArray kFlat = k.reshape((long) batch * length, n);
        NDArray vFlat = v.reshape((long) batch * length, width);
        long perQuery = (long) batch * kmax * Math.max(n, width);
        int block = (int) Math.max(1, Math.min(length, blockFloats / perQuery));
        NDList parts = new NDList();
        for (int start = 0; start < length; start += block) {
            int rows = Math.min(block, length - start);
            int groups = batch * rows;
            String range = ":, " + start + ":" + (start + rows) + ", :";
            // made by libtorch from device arrays: autograd may keep them after the block scope (see HostArrays)
            NDArray idx = block == length ? flatIndex.reshape(-1) : flatIndex.get(range).reshape(-1);
            SoftmaxMask mask = (block == length ? maskAll : maskAll.rows(range)).perQuery(groups);
            parts.add(attendBlock(q, range, kFlat, vFlat, idx, mask, batch, rows, kmax, inference));
        }
        return join(parts);
    }

    /**
     * Whether the sparse path's weighted sum of V rows runs as a sparse (COO) x dense product rather than a gather
     * of the selected V rows and a batched product: only without autograd (evaluation, inspection: the COO values
     * carry no gradient) and only on the CPU.
     *
     * <p>On the CPU the product never materialises the gathered V block (kmax x d_inner floats per query: the
     * largest memory traffic of the pass, profile of docs/BENCHMARKS.md). On a GPU it costs a host-device
     * synchronisation per query block: libtorch's CUDA sparse x dense product coalesces the COO matrix first, and
     * its coalesce reads the deduplicated entry count back to the host ({@code _coalesce_sparse_cuda}, "this
     * forces device-host synchronization"), so every block waits for all queued kernels, while the gather path
     * queues the whole pass without waiting. That is the one difference between an evaluation and a training
     * forward, and the likely reason the forward measured slower than forward + backward on a shared H100 (+HAX,
     * L = 16K: 727 ms against 274 ms in one run, docs/gpu/fourth-run/attention-16k-loaded.txt; not yet re-measured
     * with this change): the GPU gathers in every mode.
     */
    static boolean sparseProduct(NDArray q) {
        return sparseProduct(JniUtils.isGradMode(), q instanceof PtNDArray, q.getDevice());
    }

    static boolean sparseProduct(boolean gradMode, boolean pytorch, Device device) {
        return !gradMode && pytorch && (device == null || !device.isGpu());
    }

    /**
     * One block of query rows of the sparse path: gather each query's kmax K rows at {@code idx}, softmax over the
     * valid slots, weighted sum of the V rows (as a sparse product when {@link #sparseProduct}). The block's
     * temporaries live in their own scope; the (batch, rows, width) result outlives it.
     *
     * @param q          (batch, L, N) queries
     * @param range      the block's query rows as an index such as {@code ":, 0:64, :"}
     * @param idx        (batch * rows * kmax) row indices into the flattened K and V
     * @param mask       bias (batch * rows, 1, kmax), 0 at selected slots, and row flags (batch * rows, 1, 1)
     */
    private static NDArray attendBlock(NDArray q, String range, NDArray kFlat, NDArray vFlat, NDArray idx,
                                       SoftmaxMask mask, int batch, int rows, int kmax, boolean inference) {
        int n = (int) kFlat.getShape().get(1);
        int width = (int) vFlat.getShape().get(1);
        int groups = batch * rows;
        try (NDScope scope = new NDScope()) {
            NDArray kg = gatherRows(kFlat, idx).reshape(groups, kmax, n);
            NDArray qb = q.get(range).reshape(groups, 1, n);
            NDArray scores = qb.batchMatMul(kg.transpose(0, 2, 1));              // (groups, 1, kmax)
            NDArray w = maskedSoftmax(scores, mask, -1);
            NDArray part = inference
                    ? weightedRows(w.reshape(-1), idx, groups, kmax, vFlat).reshape(batch, rows, width)
                    : w.batchMatMul(gatherRows(vFlat, idx).reshape(groups, kmax, width)).reshape(batch, rows, width);
            NDScope.unregister(part);
            return part;
        }
    }

    /**
     * Full causal attention (every j <= i) computed in query blocks: O(L^2) time like the dense path but
     * only O(block * L) memory, so the FULL reference also runs at lengths where an L x L mask cannot exist.
     *
     * @return (B, L, D)
     */
    public static NDArray causal(NDArray q, NDArray k, NDArray v) {
        return causal(q, k, v, blockFloats(q.getDevice()));
    }

    /** {@link #causal(NDArray, NDArray, NDArray)} with a given block size in floats. */
    static NDArray causal(NDArray q, NDArray k, NDArray v, long blockFloats) {
        long[] qs = q.getShape().getShape();
        int batch = (int) qs[0];
        int length = (int) qs[1];
        NDManager manager = q.getManager();
        int block = (int) Math.max(1, Math.min(length, blockFloats / ((long) batch * length)));
        NDList parts = new NDList();
        for (int start = 0; start < length; start += block) {
            int rows = Math.min(block, length - start);
            int keys = start + rows;  // later keys are never visible to this block
            try (NDScope scope = new NDScope()) {
                // The causal bias is made by libtorch (not wrapped from a host buffer) and only one block's bias is
                // alive at a time in an eval forward (a 64K FULL forward would otherwise hold L^2/2 floats); every
                // query reads itself, so no row flags and no multiply.
                SoftmaxMask mask = SoftmaxMask.causal(manager, start, rows, keys);
                NDArray qb = q.get(":, " + start + ":" + keys + ", :");
                NDArray kb = k.get(":, 0:" + keys + ", :");
                NDArray vb = v.get(":, 0:" + keys + ", :");
                NDArray part = dense(qb, kb, vb, mask);
                NDScope.unregister(part);
                parts.add(part);
            }
        }
        return join(parts);
    }

    /**
     * Row g of the result is sum_t weights[g * kmax + t] * table[index[g * kmax + t]]: a COO matrix of
     * (groups x table rows) times the table, O(groups * kmax * width) work and no (groups, kmax, width) copy.
     * Not differentiable through the COO values: used only when no gradient is recorded.
     */
    static NDArray weightedRows(NDArray weights, NDArray index, int groups, int kmax, NDArray table) {
        NDManager manager = table.getManager();
        // row of entry e is e / kmax, made on the device
        NDArray rowOf = manager.arange(0, groups, 1, DataType.INT64).reshape(groups, 1)
                .broadcast(new Shape(groups, kmax)).reshape(-1);
        NDArray coords = NDArrays.stack(new NDList(rowOf, index));  // (2, nnz), libtorch-owned copy
        NDArray matrix = JniUtils.createSparseCoo((PtNDArray) coords, (PtNDArray) weights,
                new Shape(groups, table.getShape().get(0)));
        return matrix.matMul(table);
    }

    /**
     * Rows {@code index} of a 2-D {@code table}, differentiable in the table. Uses the embedding op rather
     * than advanced indexing: same result and forward cost, but its backward (a row-wise index-add) measured
     * about 30% faster on the CPU than advanced indexing's index_put backward (training-step profile,
     * docs/BENCHMARKS.md: the gathers and their backward dominate the sparse path).
     */
    static NDArray gatherRows(NDArray table, NDArray index) {
        return table.getNDArrayInternal().embedding(index, table, SparseFormat.DENSE).singletonOrThrow();
    }

    /** Concatenates block outputs along the query axis and hands the result to the caller's scope. */
    private static NDArray join(NDList parts) {
        if (parts.size() == 1) {
            NDArray only = parts.singletonOrThrow();
            NDScope.register(only);
            return only;
        }
        NDArray out = NDArrays.concat(parts, 1);
        parts.close();
        return out;
    }

    /**
     * Softmax weights of one sequence's selection on the host (for inspection): query i's weights over its
     * selected keys from the scores Q_i . K_j.
     *
     * @param q (L * N) queries of the sequence
     * @param k (L * N) keys of the sequence
     */
    public static float[] hostWeights(SelectedKeys s, float[] q, float[] k, int n) {
        float[] w = new float[s.size()];
        double[] logits = new double[s.maxCount()];
        for (int i = 0; i < s.length(); i++) {
            int e0 = s.start(i);
            int c = s.count(i);
            double max = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < c; t++) {
                int j = s.key(e0 + t);
                double dot = 0;
                for (int d = 0; d < n; d++) {
                    dot += (double) q[i * n + d] * k[j * n + d];
                }
                logits[t] = dot;
                max = Math.max(max, dot);
            }
            double sum = 0;
            for (int t = 0; t < c; t++) {
                logits[t] = Math.exp(logits[t] - max);
                sum += logits[t];
            }
            for (int t = 0; t < c; t++) {
                w[e0 + t] = (float) (logits[t] / sum);
            }
        }
        return w;
    }
}
