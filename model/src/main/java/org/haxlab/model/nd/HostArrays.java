package org.haxlab.model.nd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Arrays built from host (Java) values whose memory belongs to the engine. Model, branch and trainer
 * code builds every array from Java values through here, never through {@code manager.create(float[])}.
 *
 * <p>Why (#djl-pytorch, DJL 0.33): {@code PtNDManager.create(float[])} copies the values into a Java direct
 * {@code ByteBuffer} and wraps it with {@code torch::from_blob}, without a deleter; only the Java array
 * object keeps the buffer alive. Autograd saves such tensors (a mask multiplied in, the index of a gather)
 * for the backward; if the Java array is closed before the backward (e.g. by an inner {@code NDScope}) the
 * garbage collector may free the buffer, and the backward then reads freed memory: random or NaN gradients.
 * A copy made by the engine ({@code clone}) owns its memory, so closing its handle never frees what a graph
 * still holds. The copy costs one host-side memcpy per array, which is small next to the ops reading it.
 */
public final class HostArrays {

    private HostArrays() {
    }

    /** A float32 array of {@code shape} holding {@code values} (row-major), on {@code manager}. */
    public static NDArray floats(NDManager manager, float[] values, Shape shape) {
        return owned(manager.create(values, shape));
    }

    /** An int64 array of {@code shape} holding {@code values} (row-major), on {@code manager}. */
    public static NDArray longs(NDManager manager, long[] values, Shape shape) {
        return owned(manager.create(values, shape));
    }

    /** An int32 array of {@code shape} holding {@code values} (row-major), on {@code manager}. */
    public static NDArray ints(NDManager manager, int[] values, Shape shape) {
        return owned(manager.create(values, shape));
    }

    /** A one-dimensional int64 array holding {@code values}, on {@code manager}. */
    public static NDArray longs(NDManager manager, long[] values) {
        return longs(manager, values, new Shape(values.length));
    }

    /** An engine-owned copy of {@code wrapped}; {@code wrapped} (Java-owned memory) is closed. */
    private static NDArray owned(NDArray wrapped) {
        try (wrapped) {
            return wrapped.duplicate();
        }
    }
}
