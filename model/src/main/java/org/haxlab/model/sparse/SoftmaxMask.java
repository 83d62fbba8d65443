package org.haxlab.model.sparse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nd.HostArrays;
import org.haxlab.model.nd.Scalars;

/**
 * A softmax mask in the form libtorch's fused softmax takes it: an additive {@code bias}, 0 where a query reads a
 * key and {@link #MASKED} where it does not, and per query row a 0/1 flag {@code hasKey} that the row reads at
 * least one key. {@link SparseAttention#maskedSoftmax(NDArray, SoftmaxMask, int)} adds the bias, takes one
 * softmax and multiplies the flag in: a handful of full-size kernels forward and backward, where a mask applied
 * element by element (shift, max, exp, multiply, sum, empty-row fix, divide) costs a dozen, each with its own
 * backward node (the dense attention's largest cost at L = 1K, GPU phase profile of docs/BENCHMARKS.md).
 *
 * <p>The bias is finite, not -inf: a row with no key then softmaxes to finite weights (over its shifted scores),
 * which the zero flag removes, so neither the values nor the gradients ever see a NaN (with -inf the softmax of
 * such a row is 0/0). In a row with a key, a masked entry sits 1e9 below the row's max, so its exp is exactly 0
 * for any score under about 1e8 in magnitude: the weights equal those of the mask applied element-wise.
 *
 * <p>Neither array carries a gradient; the bias's add has a free backward and the flag's multiply is on a
 * (rows, 1) vector, so a mask that does not change between steps (a positional pattern's) can be kept and reused.
 *
 * @param bias   additive mask, same shape as (or broadcastable to) the scores
 * @param hasKey 1 where the row reads a key, 0 where it reads none, with a size-1 key axis; null when every row
 *               reads a key (nothing to zero)
 */
public record SoftmaxMask(NDArray bias, NDArray hasKey) {

    /** The bias of a masked entry: far below any score, finite so that an all-masked row stays finite. */
    public static final float MASKED = -1e9f;

    /**
     * The mask of a 0/1 float {@code valid} (1 where the query reads the key) whose keys lie along {@code axis},
     * built on the device with three reductions or element-wise ops that autograd does not record.
     */
    public static SoftmaxMask of(NDArray valid, int axis) {
        NDArray bias = Scalars.mul(Scalars.sub(valid, 1f), -MASKED);
        return new SoftmaxMask(bias, valid.max(new int[] {axis}, true));
    }

    /**
     * The (B, L, L) mask of {@code pattern}'s rule for every sequence, built on the host (the dense reference's
     * mask, {@link #denseMask}, as a bias); {@code hasKey} is (B, L, 1), or null when every query
     * of every sequence reads a key (a window always reads itself).
     */
    public static SoftmaxMask of(NDManager manager, SelectionPattern pattern, SelectionInput[] inputs) {
        int batch = inputs.length;
        int length = inputs[0].length();
        boolean[] rules = ruleMasks(pattern, inputs);
        float[] bias = new float[rules.length];
        float[] hasKey = new float[batch * length];
        boolean everyRow = true;
        for (int e = 0; e < rules.length; e++) {
            if (rules[e]) {
                hasKey[e / length] = 1f;   // (b L + i) L + j: the row b L + i
            } else {
                bias[e] = MASKED;
            }
        }
        for (float f : hasKey) {
            everyRow &= f == 1f;
        }
        return new SoftmaxMask(HostArrays.floats(manager, bias, new Shape(batch, length, length)),
                everyRow ? null : HostArrays.floats(manager, hasKey, new Shape(batch, length, 1)));
    }

    /**
     * The (1, rows, keys) causal mask of queries {@code start .. start + rows - 1} over keys {@code 0 .. keys - 1}
     * (query i reads every key j <= i), made by libtorch on {@code manager}'s device; every row reads a key as long
     * as {@code keys > start}, so {@code hasKey} is null.
     */
    static SoftmaxMask causal(NDManager manager, int start, int rows, int keys) {
        NDArray queries = manager.arange(start, start + rows, 1, DataType.INT64).reshape(1, rows, 1);
        NDArray keyIds = manager.arange(0, keys, 1, DataType.INT64).reshape(1, 1, keys);
        NDArray later = keyIds.gt(queries).toType(DataType.FLOAT32, false);
        return new SoftmaxMask(Scalars.mul(later, MASKED), null);
    }

    /** The rows {@code range} (an index such as {@code ":, 0:64, :"}) of both arrays. */
    SoftmaxMask rows(String range) {
        return new SoftmaxMask(bias.get(range), hasKey == null ? null : hasKey.get(range));
    }

    /** Both arrays reshaped to {@code groups} rows of one query each, (groups, 1, keys) and (groups, 1, 1). */
    SoftmaxMask perQuery(int groups) {
        return new SoftmaxMask(bias.reshape(groups, 1, -1), hasKey == null ? null : hasKey.reshape(groups, 1, 1));
    }

    /** (B or 1, L) float flags, 1 where a query reads no key; null when every query reads one. */
    NDArray emptyRows() {
        return hasKey == null ? null : Scalars.add(hasKey.neg(), 1f).squeeze(-1);
    }

    /** Takes both arrays out of the enclosing {@link NDScope}s, so that a mask kept across steps survives them. */
    void keep() {
        NDScope.unregister(bias);
        if (hasKey != null) {
            NDScope.unregister(hasKey);
        }
    }

    /** The (B, L, L) float mask of {@code pattern}'s rule for every sequence (spec §3 dense reference). */
    public static NDArray denseMask(NDManager manager, SelectionPattern pattern, SelectionInput[] inputs) {
        int length = inputs[0].length();
        boolean[] rules = ruleMasks(pattern, inputs);
        float[] m = new float[rules.length];
        for (int e = 0; e < rules.length; e++) {
            if (rules[e]) {
                m[e] = 1f;
            }
        }
        return HostArrays.floats(manager, m, new Shape(inputs.length, length, length));
    }

    /**
     * {@code pattern}'s rule mask of every sequence, one after the other (B x L x L, query-major: entry
     * b L^2 + i L + j is whether query i of sequence b reads key j); every sequence must have the first one's length.
     */
    static boolean[] ruleMasks(SelectionPattern pattern, SelectionInput[] inputs) {
        int length = inputs[0].length();
        boolean[] out = new boolean[inputs.length * length * length];
        for (int b = 0; b < inputs.length; b++) {
            if (inputs[b].length() != length) {
                throw new IllegalArgumentException("dense mask: sequence " + b + " has length " + inputs[b].length()
                        + ", expected " + length);
            }
            boolean[] rule = pattern.ruleMask(inputs[b]);
            System.arraycopy(rule, 0, out, b * length * length, rule.length);
        }
        return out;
    }
}
