package org.haxlab.model.sparse;

import java.util.Arrays;
import java.util.Random;

/**
 * LSH bins of queries and keys (spec §3): centre and normalise, project with a Gaussian H (N x h),
 * then the sign-bit rule bin = sum_b 2^b [(xH)_b > 0] or the argmax rule bin = argmax_b (xH)_b
 * (ties to the lowest b). This is the host reference, on primitive arrays, O(L*N*h); a forward hashes on the
 * device with the same rules ({@link DeviceLsh}) and draws its projection here ({@link #projection}).
 *
 * <p>{@link SparseConfig.Variant#PAPER} centres and L2-normalises every channel along the sequence axis
 * as the reference code does, so a bin depends on later tokens; {@link SparseConfig.Variant#CAUSAL}
 * subtracts the running prefix mean and normalises each token on its own.
 */
public final class LshBuckets {

    private LshBuckets() {
    }

    /**
     * A Gaussian projection drawn on the host from {@code java.util.Random(seed)}, identical on every
     * machine and device.
     *
     * @return N x h entries, row-major
     */
    public static float[] projection(long seed, int dState, int hashWidth) {
        if (dState < 1 || hashWidth < 1) {
            throw new IllegalArgumentException("LSH projection: N=" + dState + " and h=" + hashWidth + " must be >= 1");
        }
        Random rng = new Random(seed);
        float[] h = new float[dState * hashWidth];
        for (int i = 0; i < h.length; i++) {
            h[i] = (float) rng.nextGaussian();
        }
        return h;
    }

    /**
     * Bins of every position of a host (B, L, N) array, in double precision: the reference that the device's
     * float32 bins ({@link DeviceLsh}, which a forward uses) are tested against.
     *
     * @return B * L bins, row-major
     */
    public static int[] bins(float[] x, int batch, int length, int dState, float[] projection, int hashWidth,
                             SparseConfig.LshRule rule, SparseConfig.Variant variant) {
        if (x.length != batch * length * dState) {
            throw new IllegalArgumentException("LSH: " + x.length + " values for shape (" + batch + ", " + length + ", " + dState + ")");
        }
        if (projection.length != dState * hashWidth) {
            throw new IllegalArgumentException("LSH: projection has " + projection.length + " entries, expected N*h="
                    + dState * hashWidth);
        }
        if (rule == SparseConfig.LshRule.SIGN_BITS && hashWidth > 30) {
            throw new IllegalArgumentException("LSH: " + hashWidth + " sign bits do not fit an int bin");
        }
        float[] c = normalised(x, batch, length, dState, variant);
        int[] out = new int[batch * length];
        double[] proj = new double[hashWidth];
        for (int p = 0; p < batch * length; p++) {
            Arrays.fill(proj, 0);
            int base = p * dState;
            for (int d = 0; d < dState; d++) {
                double v = c[base + d];
                int row = d * hashWidth;
                for (int b = 0; b < hashWidth; b++) {
                    proj[b] += v * projection[row + b];
                }
            }
            out[p] = rule == SparseConfig.LshRule.SIGN_BITS ? signBits(proj) : argmax(proj);
        }
        return out;
    }

    /** Sign-bit rule: bit b of the bin is set when projection b is strictly positive. */
    public static int signBits(double[] projected) {
        int bin = 0;
        for (int b = 0; b < projected.length; b++) {
            if (projected[b] > 0) {
                bin |= 1 << b;
            }
        }
        return bin;
    }

    /** Argmax rule: the index of the largest projection, the lowest index on ties. */
    public static int argmax(double[] projected) {
        int best = 0;
        for (int b = 1; b < projected.length; b++) {
            if (projected[b] > projected[best]) {
                best = b;
            }
        }
        return best;
    }

    /** Centred and normalised copy of a host (B, L, N) array under {@code variant}. */
    public static float[] normalised(float[] x, int batch, int length, int dState, SparseConfig.Variant variant) {
        return variant == SparseConfig.Variant.PAPER
                ? sequenceNormalised(x, batch, length, dState)
                : causalNormalised(x, batch, length, dState);
    }

    /** Reference code: per channel, subtract the mean over all L positions and divide by the L2 norm over them. */
    private static float[] sequenceNormalised(float[] x, int batch, int length, int dState) {
        float[] out = new float[x.length];
        for (int b = 0; b < batch; b++) {
            int base = b * length * dState;
            for (int d = 0; d < dState; d++) {
                double mean = 0;
                for (int t = 0; t < length; t++) {
                    mean += x[base + t * dState + d];
                }
                mean /= Math.max(1, length);
                double sq = 0;
                for (int t = 0; t < length; t++) {
                    double v = x[base + t * dState + d] - mean;
                    sq += v * v;
                }
                double scale = 1.0 / Math.max(Math.sqrt(sq), 1e-12);  // F.normalize's eps
                for (int t = 0; t < length; t++) {
                    out[base + t * dState + d] = (float) ((x[base + t * dState + d] - mean) * scale);
                }
            }
        }
        return out;
    }

    /** Causal variant: subtract the running mean of positions 0..t, then scale the token to unit length. */
    private static float[] causalNormalised(float[] x, int batch, int length, int dState) {
        float[] out = new float[x.length];
        double[] sum = new double[dState];
        double[] v = new double[dState];
        for (int b = 0; b < batch; b++) {
            Arrays.fill(sum, 0);
            for (int t = 0; t < length; t++) {
                int base = (b * length + t) * dState;
                double sq = 0;
                for (int d = 0; d < dState; d++) {
                    sum[d] += x[base + d];
                    v[d] = x[base + d] - sum[d] / (t + 1);
                    sq += v[d] * v[d];
                }
                double scale = 1.0 / Math.max(Math.sqrt(sq), 1e-12);
                for (int d = 0; d < dState; d++) {
                    out[base + d] = (float) (v[d] * scale);
                }
            }
        }
        return out;
    }
}
