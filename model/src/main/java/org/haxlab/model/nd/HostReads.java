package org.haxlab.model.nd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The one place where model code turns an {@link NDArray} into Java values. On a GPU every such read is a
 * device-to-host copy that waits for all queued kernels, so a training step that reads nothing lets the host
 * queue the next kernels while the device works; reads belong at report points (the loss every N steps,
 * validation, the end of a run) and in inspection, never inside a step (docs/GPU.md).
 *
 * <p>Every read adds one to a per-thread counter and a global one: {@code HostReadsTest} and the trainer
 * tests hold a training step to zero reads. Converting arrays by any other route ({@code toFloatArray()} on
 * the array itself) would slip past the count; model code does not.
 */
public final class HostReads {

    private static final ThreadLocal<long[]> PER_THREAD = ThreadLocal.withInitial(() -> new long[1]);
    private static final AtomicLong TOTAL = new AtomicLong();

    private HostReads() {
    }

    /** All values of {@code x} as float32, row-major (converted on the device first when needed). */
    public static float[] floats(NDArray x) {
        count();
        return x.getDataType() == DataType.FLOAT32 ? x.toFloatArray() : x.toType(DataType.FLOAT32, false).toFloatArray();
    }

    /** All values of {@code x} as int32, row-major (converted on the device first when needed). */
    public static int[] ints(NDArray x) {
        count();
        return x.getDataType() == DataType.INT32 ? x.toIntArray() : x.toType(DataType.INT32, false).toIntArray();
    }

    /** All values of {@code x} as int64, row-major (converted on the device first when needed). */
    public static long[] longs(NDArray x) {
        count();
        return x.getDataType() == DataType.INT64 ? x.toLongArray() : x.toType(DataType.INT64, false).toLongArray();
    }

    /** The single value of a one-element array as a double (float32 arrays are read as float32). */
    public static double scalar(NDArray x) {
        if (x.getShape().size() != 1) {
            throw new IllegalArgumentException("host read: expected one value, got shape " + x.getShape());
        }
        count();
        return x.getDataType() == DataType.FLOAT64 ? x.toDoubleArray()[0]
                : x.getDataType() == DataType.FLOAT32 ? x.toFloatArray()[0]
                : x.toType(DataType.FLOAT32, false).toFloatArray()[0];
    }

    /** The single value of a one-element boolean array. */
    public static boolean bool(NDArray x) {
        if (x.getShape().size() != 1) {
            throw new IllegalArgumentException("host read: expected one value, got shape " + x.getShape());
        }
        count();
        return x.toType(DataType.BOOLEAN, false).toBooleanArray()[0];
    }

    /**
     * Makes the host wait for every kernel queued so far, by reading one value of {@code x} (DJL exposes no
     * device synchronise): the phase timer's end-of-phase barrier. Counted like every other read.
     */
    public static void synchronise(NDArray x) {
        count();
        if (x.getShape().size() > 0) {
            x.flatten().get(0).toType(DataType.FLOAT32, false).toFloatArray();
        }
    }

    /** Reads made by the calling thread since it started. */
    public static long onThisThread() {
        return PER_THREAD.get()[0];
    }

    /** Reads made by all threads since the class was loaded. */
    public static long total() {
        return TOTAL.get();
    }

    private static void count() {
        PER_THREAD.get()[0]++;
        TOTAL.incrementAndGet();
    }
}
