package org.haxlab.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import org.haxlab.model.nd.Scalars;

/**
 * The small stateless functions the mixers are made of, each written with as few native calls as
 * possible (a training step is compared against PyTorch eager, so every JNI op counts).
 */
public final class Layers {

    /** RMSNorm epsilon, as in the reference Mamba code. */
    public static final float RMS_EPS = 1e-5f;

    private Layers() {
    }

    /** {@code x W^T} (+ bias) with W in PyTorch layout (out, in): one native {@code linear} call. */
    public static NDArray linear(NDArray x, NDArray weight) {
        return Linear.linear(x, weight).singletonOrThrow();
    }

    /** {@code x W^T + b} with W (out, in) and b (out). */
    public static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        return Linear.linear(x, weight, bias).singletonOrThrow();
    }

    /** SiLU(x) = x * sigmoid(x). */
    public static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    /** RMSNorm over the last axis: x / sqrt(mean(x^2) + eps) * weight. */
    public static NDArray rmsNorm(NDArray x, NDArray weight) {
        int last = x.getShape().dimension() - 1;
        NDArray inv = Scalars.pow(Scalars.add(x.square().mean(new int[] {last}, true), RMS_EPS), -0.5f);
        return x.mul(inv).mul(weight);
    }

    /**
     * Mamba-2's gated RMSNorm with norm_before_gate = false (spec §2): RMSNorm(y * SiLU(z)) * weight,
     * one group over the whole width.
     */
    public static NDArray rmsNormGated(NDArray y, NDArray z, NDArray weight) {
        return rmsNorm(y.mul(silu(z)), weight);
    }

    /**
     * Depthwise causal conv1d over the sequence axis, as PyTorch's {@code Conv1d(groups=C, padding=K-1)}
     * followed by keeping the first L outputs: out[t, c] = bias[c] + sum_k w[c, k] * x[t - (K-1) + k, c].
     *
     * <p>Written as a stack of K shifted copies times the weights instead of a library convolution,
     * so no cuDNN kernel is involved (the staged CUDA libtorch has no cuDNN engine libraries, docs/GPU.md)
     * and the op count stays at K + 4.
     *
     * @param x      (B, L, C)
     * @param weight (C, K); PyTorch stores the same numbers as (C, 1, K)
     * @param bias   (C)
     * @return (B, L, C)
     */
    public static NDArray causalConv(NDArray x, NDArray weight, NDArray bias) {
        Shape s = x.getShape();
        if (s.dimension() != 3 || weight.getShape().dimension() != 2 || weight.getShape().get(0) != s.get(2)) {
            throw new IllegalArgumentException("causal conv: input " + s + " does not match weight " + weight.getShape());
        }
        int k = (int) weight.getShape().get(1);
        long len = s.get(1);
        if (k == 1) {
            return x.mul(weight.reshape(s.get(2))).add(bias);
        }
        // constant_pad_nd order: last axis first, so (C: 0, 0), (L: K-1 on the left, 0).
        NDArray padded = x.pad(new Shape(0, 0, k - 1, 0), 0);
        NDArray[] shifts = new NDArray[k];
        for (int i = 0; i < k; i++) {
            shifts[i] = padded.get(":, {}:{}, :", i, i + len);
        }
        return NDArrays.stack(new NDList(shifts), 3).mul(weight).sum(new int[] {3}).add(bias);
    }
}
