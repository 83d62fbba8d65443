package org.haxlab.model.sparse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nd.HostArrays;
import org.haxlab.model.nd.Scalars;

/**
 * LSH bins (spec §3) computed with tensor ops on the device that holds Q and K, in float32: the same
 * normalisations and rules as the host reference {@link LshBuckets#bins(float[], int, int, int, float[], int,
 * SparseConfig.LshRule, SparseConfig.Variant)} (which sums in double precision, so a projection within float
 * rounding of zero, or two projections within rounding of each other, may fall on the other side there). The
 * branch hashes once per forward and feeds the dense mask and the sparse selection from these bins, so the
 * two paths always pick the same keys. The projection is still drawn on the host from
 * {@code java.util.Random(seed)} ({@link LshBuckets#projection}) and uploaded, so every device draws the same.
 */
final class DeviceLsh {

    /** F.normalize's epsilon, as in the host reference. */
    private static final float EPS = 1e-12f;

    private DeviceLsh() {
    }

    /** The host projection (N x h, row-major) as an (N, h) float32 array on {@code manager}'s device. */
    static NDArray projection(NDManager manager, float[] projection, int dState, int hashWidth) {
        if (projection.length != dState * hashWidth) {
            throw new IllegalArgumentException("LSH: projection has " + projection.length + " entries, expected N*h="
                    + dState * hashWidth);
        }
        return HostArrays.floats(manager, projection, new Shape(dState, hashWidth));
    }

    /**
     * Bins of every position of a (B, L, N) array, (B, L) int64, read without gradient.
     *
     * @param projection (N, h) on x's device ({@link #projection})
     */
    static NDArray bins(NDArray x, NDArray projection, SparseConfig.LshRule rule, SparseConfig.Variant variant) {
        if (x.getShape().dimension() != 3 || projection.getShape().dimension() != 2
                || projection.getShape().get(0) != x.getShape().get(2)) {
            throw new IllegalArgumentException("LSH: expected x (B, L, N) and a projection (N, h), got " + x.getShape()
                    + " and " + projection.getShape());
        }
        int hashWidth = (int) projection.getShape().get(1);
        if (rule == SparseConfig.LshRule.SIGN_BITS && hashWidth > 30) {
            throw new IllegalArgumentException("LSH: " + hashWidth + " sign bits do not fit an int bin");
        }
        NDArray c = normalised(x.stopGradient(), variant);
        NDArray projected = c.matMul(projection);                                  // (B, L, h)
        if (rule == SparseConfig.LshRule.ARGMAX) {
            return projected.argMax(-1);   // the first maximum on ties, as the host rule (lowest b)
        }
        // bit b set when projection b is strictly positive: sum_b 2^b [p_b > 0], integer math on the device
        NDManager m = x.getManager();
        NDArray exponents = m.arange(0, hashWidth, 1, DataType.FLOAT32);
        NDArray powers = Scalars.like(exponents, 2f).pow(exponents).toType(DataType.INT64, false);  // exact: 2^b
        NDArray bits = projected.gt(projected.zerosLike()).toType(DataType.INT64, false);
        return bits.mul(powers).sum(new int[] {-1});
    }

    /** Centred and normalised (B, L, N) under {@code variant}, as {@link LshBuckets#normalised}. */
    static NDArray normalised(NDArray x, SparseConfig.Variant variant) {
        if (variant == SparseConfig.Variant.PAPER) {
            // per channel along the sequence axis: subtract the mean, divide by the L2 norm (reference code)
            NDArray centred = x.sub(x.mean(new int[] {1}, true));
            NDArray norm = Scalars.maximum(centred.square().sum(new int[] {1}, true).sqrt(), EPS);
            return centred.div(norm);
        }
        // causal: subtract the running mean of positions 0..t, then scale each token to unit length
        int length = (int) x.getShape().get(1);
        NDArray count = Scalars.add(x.getManager().arange(0, length, 1, DataType.FLOAT32), 1f).reshape(1, length, 1);
        NDArray centred = x.sub(x.cumSum(1).div(count));
        NDArray norm = Scalars.maximum(centred.square().sum(new int[] {-1}, true).sqrt(), EPS);
        return centred.div(norm);
    }
}
