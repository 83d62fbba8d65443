package org.haxlab.model.nd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import java.util.function.BinaryOperator;

/**
 * Array-with-number arithmetic that is safe inside a {@link ai.djl.training.GradientCollector}. Code that
 * may be differentiated calls these instead of DJL's {@code x.mul(2f)}, {@code x.pow(-0.5f)}, etc.
 *
 * <p>Why (#djl-pytorch, DJL 0.33): {@code PtNDArray.mul(Number)} and its siblings wrap the number with
 * {@code manager.create(Number)}, i.e. {@code torch::from_blob} over a Java direct {@code ByteBuffer} that
 * only the Java array object keeps alive, run the op, and close that array at once. Autograd, however,
 * saves the scalar tensor for the backward of mul, div, pow and maximum (d(x*s)/dx = s). Once the garbage
 * collector frees the buffer, the backward reads freed native memory: gradients come out wrong or NaN at
 * random (the first step diverged now and then; the step after it gave a different loss). The scalars
 * here are allocated by PyTorch itself ({@code full}), so the tensor owns its memory and the graph can keep
 * it after its Java handle is closed, which happens right after the op (no per-call leak on long-lived
 * managers).
 */
public final class Scalars {

    private Scalars() {
    }

    /**
     * A 0-d array holding {@code value} with {@code like}'s data type, on {@code like}'s manager and device,
     * whose memory belongs to the engine (never to a Java buffer). The caller closes it.
     */
    public static NDArray like(NDArray like, float value) {
        NDArray s = like.getManager().full(new Shape(), value, like.getDataType());
        return s.getDevice().equals(like.getDevice()) ? s : s.toDevice(like.getDevice(), false);
    }

    /** {@code x + value}. */
    public static NDArray add(NDArray x, float value) {
        return apply(x, value, NDArray::add);
    }

    /** {@code x - value}. */
    public static NDArray sub(NDArray x, float value) {
        return apply(x, value, NDArray::sub);
    }

    /** {@code x * value}. */
    public static NDArray mul(NDArray x, float value) {
        return apply(x, value, NDArray::mul);
    }

    /** {@code x / value}. */
    public static NDArray div(NDArray x, float value) {
        return apply(x, value, NDArray::div);
    }

    /** {@code x ^ value}, element-wise. */
    public static NDArray pow(NDArray x, float value) {
        return apply(x, value, NDArray::pow);
    }

    /** {@code max(x, value)}, element-wise. */
    public static NDArray maximum(NDArray x, float value) {
        return apply(x, value, NDArray::maximum);
    }

    private static NDArray apply(NDArray x, float value, BinaryOperator<NDArray> op) {
        try (NDArray s = like(x, value)) {
            return op.apply(x, s);
        }
    }
}
