package org.haxlab.model.nd;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nd.HostReads;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The named trainable arrays of a model, in creation order, on one long-lived manager.
 *
 * <p>Initial values are drawn on the host from a {@link Random} so that a seed gives the same
 * weights on every machine and device. Names are dotted paths such as {@code layers.0.mixer.in_proj}.
 * Arrays that must not be trained (none so far) would simply not be registered here. The store also knows the
 * model's {@link InitScheme}, so layers outside this package (the sparse branch) draw their Linear weights
 * with {@link #linearWeight} and {@link #linearBias} under the model's scheme.
 */
public final class Params implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();
    private final InitScheme init;

    /** Creates an empty store whose arrays live on {@code device}, initialised with {@link InitScheme#RELEASED}. */
    public Params(NDManager parent, Device device) {
        this(parent, device, InitScheme.RELEASED);
    }

    /** Creates an empty store whose arrays live on {@code device} and whose Linear layers follow {@code init}. */
    public Params(NDManager parent, Device device, InitScheme init) {
        if (init == null) {
            throw new IllegalArgumentException("params: an initialisation scheme is required");
        }
        this.manager = parent.newSubManager(device);
        this.init = init;
    }

    /** The scheme new Linear weights follow. */
    public InitScheme init() {
        return init;
    }

    /**
     * A Linear layer's weight of {@code shape} with {@code fanIn} inputs: U(+-1/sqrt(fan_in)) under
     * {@link InitScheme#TORCH} (PyTorch's default), N(0, 0.1^2) under {@link InitScheme#RELEASED}.
     */
    public NDArray linearWeight(String name, Shape shape, int fanIn, Random rng) {
        return init == InitScheme.RELEASED
                ? normal(name, shape, InitScheme.INITIALIZER_RANGE, rng)
                : uniform(name, shape, 1.0 / Math.sqrt(fanIn), rng);
    }

    /**
     * A Linear layer's bias: U(+-1/sqrt(fan_in)) under {@link InitScheme#TORCH}, zeros (nothing drawn) under
     * {@link InitScheme#RELEASED}.
     */
    public NDArray linearBias(String name, Shape shape, int fanIn, Random rng) {
        return init == InitScheme.RELEASED
                ? constant(name, shape, 0f)
                : uniform(name, shape, 1.0 / Math.sqrt(fanIn), rng);
    }

    /** The manager that owns every weight. */
    public NDManager manager() {
        return manager;
    }

    /** The device the weights live on. */
    public Device device() {
        return manager.getDevice();
    }

    /** Registers {@code values} (row-major) under {@code name} as a trainable array of {@code shape}. */
    public NDArray add(String name, Shape shape, float[] values) {
        if (arrays.containsKey(name)) {
            throw new IllegalStateException("parameter '" + name + "' registered twice");
        }
        if (values.length != shape.size()) {
            throw new IllegalArgumentException("parameter '" + name + "': " + values.length + " values for shape " + shape);
        }
        NDArray a = HostArrays.floats(manager, values, shape);
        a.setName(name);
        a.setRequiresGradient(true);
        arrays.put(name, a);
        return a;
    }

    /** N(0, std^2) entries. */
    public NDArray normal(String name, Shape shape, double std, Random rng) {
        float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rng.nextGaussian() * std);
        }
        return add(name, shape, v);
    }

    /** U(-bound, bound) entries (PyTorch's nn.Linear default uses bound = 1/sqrt(fan_in)). */
    public NDArray uniform(String name, Shape shape, double bound, Random rng) {
        float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        }
        return add(name, shape, v);
    }

    /** Every entry equal to {@code value}. */
    public NDArray constant(String name, Shape shape, float value) {
        float[] v = new float[Math.toIntExact(shape.size())];
        java.util.Arrays.fill(v, value);
        return add(name, shape, v);
    }

    /** The array registered under {@code name}; fails with the known names when there is none. */
    public NDArray get(String name) {
        NDArray a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' (have " + arrays.keySet() + ")");
        }
        return a;
    }

    /** True when {@code name} is registered. */
    public boolean has(String name) {
        return arrays.containsKey(name);
    }

    /** Names in creation order. */
    public List<String> names() {
        return List.copyOf(arrays.keySet());
    }

    /** Read-only view, in creation order. */
    public Map<String, NDArray> asMap() {
        return Collections.unmodifiableMap(arrays);
    }

    /** Total number of scalar weights. */
    public long count() {
        long n = 0;
        for (NDArray a : arrays.values()) {
            n += a.getShape().size();
        }
        return n;
    }

    /** Calls {@code action} on every array in order. */
    public void forEach(Consumer<NDArray> action) {
        arrays.values().forEach(action);
    }

    /**
     * Overwrites every array's values from {@code source} (same names and shapes), e.g. after loading
     * a checkpoint or to restore the last good weights.
     */
    public void copyFrom(Map<String, float[]> source) {
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            float[] v = source.get(e.getKey());
            if (v == null) {
                throw new IllegalArgumentException("missing parameter '" + e.getKey() + "'");
            }
            if (v.length != e.getValue().getShape().size()) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "': " + v.length
                        + " values, expected shape " + e.getValue().getShape());
            }
            NDArray target = e.getValue();
            if (target.getShape().dimension() == 0) {
                target.set(v);
                continue;
            }
            // an indexed put of a temporary array, not set(float[]): DJL's set(Buffer) runs under libtorch's
            // deprecated AutoNonVariableTypeMode, which prints a warning on every first checkpoint load
            // grad mode off on this thread, as for any in-place update of a weight (it may require a gradient)
            boolean pytorch = "PyTorch".equals(manager.getEngine().getEngineName());
            boolean previous = pytorch && ai.djl.pytorch.jni.JniUtils.isGradMode();
            try (NDManager scratch = manager.newSubManager()) {
                if (pytorch) {
                    ai.djl.pytorch.jni.JniUtils.setGradMode(false);
                }
                target.set(WHOLE, HostArrays.floats(scratch, v, target.getShape()));
            } finally {
                if (pytorch) {
                    ai.djl.pytorch.jni.JniUtils.setGradMode(previous);
                }
            }
        }
    }

    /** Index of a whole array of rank >= 1. */
    private static final ai.djl.ndarray.index.NDIndex WHOLE = new ai.djl.ndarray.index.NDIndex("...");

    /** Host copies of every array, by name (for checkpoints and "last good weights"). */
    public Map<String, float[]> snapshot() {
        Map<String, float[]> out = new LinkedHashMap<>();
        arrays.forEach((k, v) -> out.put(k, HostReads.floats(v)));
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
