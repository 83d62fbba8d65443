package org.haxlab.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import org.haxlab.model.nd.Params;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps a device copy of the weights from before the latest update, so that a run whose loss turns
 * NaN or infinite can go back to the last weights that gave a finite loss; also zeroes and checks
 * gradients (DJL accumulates gradients across collectors, so they are cleared every step).
 */
final class WeightGuard implements AutoCloseable {

    private final Params params;
    private final List<String> names;
    private final List<NDArray> weights = new ArrayList<>();
    private final List<NDArray> lastGood = new ArrayList<>();
    private boolean saved;

    WeightGuard(Params params) {
        this.params = params;
        this.names = params.names();
        for (Map.Entry<String, NDArray> e : params.asMap().entrySet()) {
            weights.add(e.getValue());
            NDArray copy = e.getValue().duplicate();
            NDScope.unregister(copy);
            lastGood.add(copy);
        }
    }

    /** Records the current weights as good (called right before an update is applied). */
    void markGood() {
        for (int i = 0; i < weights.size(); i++) {
            // in place: no per-step allocation of a weight-sized array that outlives the step
            lastGood.get(i).muli(0).addi(weights.get(i));
        }
        saved = true;
    }

    /** Puts back the weights recorded by {@link #markGood()}; false when nothing was recorded yet. */
    boolean restore() {
        if (!saved) {
            return false;
        }
        for (int i = 0; i < weights.size(); i++) {
            weights.get(i).set(lastGood.get(i).toFloatArray());
        }
        return true;
    }

    /**
     * Sets every existing gradient to zero. Indexed assignment rather than {@code g - g}, so that a
     * NaN gradient left by a diverged step is cleared too.
     */
    void zeroGradients() {
        for (NDArray w : weights) {
            if (w.hasGradient()) {
                w.getGradient().set(new NDIndex("..."), 0f);
            }
        }
    }

    /** Gradients in the params' order (each must exist after a backward pass). */
    List<NDArray> gradients() {
        List<NDArray> out = new ArrayList<>(weights.size());
        for (int i = 0; i < weights.size(); i++) {
            if (!weights.get(i).hasGradient()) {
                throw new IllegalStateException("parameter '" + names.get(i) + "' has no gradient after backward");
            }
            out.add(weights.get(i).getGradient());
        }
        return out;
    }

    /** Global L2 norm of {@code grads} (one host synchronisation). */
    static double globalNorm(List<NDArray> grads) {
        NDArray total = null;
        for (NDArray g : grads) {
            NDArray s = g.square().sum();
            total = total == null ? s : total.add(s);
        }
        return total == null ? 0 : Math.sqrt(total.getFloat());
    }

    /** Name of the first parameter whose gradient holds a NaN or infinity, or null. */
    String firstNonFiniteGradient(List<NDArray> grads) {
        for (int i = 0; i < grads.size(); i++) {
            NDArray g = grads.get(i);
            if (g.isNaN().any().getBoolean() || g.isInfinite().any().getBoolean()) {
                return names.get(i);
            }
        }
        return null;
    }

    /** Name of the first weight array that holds a NaN or infinity, or null. */
    String firstNonFiniteWeight() {
        for (int i = 0; i < weights.size(); i++) {
            NDArray w = weights.get(i);
            if (w.isNaN().any().getBoolean() || w.isInfinite().any().getBoolean()) {
                return names.get(i);
            }
        }
        return null;
    }

    /** The params this guard watches. */
    Params params() {
        return params;
    }

    @Override
    public void close() {
        lastGood.forEach(NDArray::close);
        lastGood.clear();
    }
}
