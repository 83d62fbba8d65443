package org.haxlab.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import org.haxlab.model.nd.HostReads;
import org.haxlab.model.nd.Params;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps a device copy of the weights from the latest report point, taken before that step's update when its
 * loss and gradient norm were read back finite, so that a run whose loss turns NaN or infinite can go back to
 * the last weights known to give a finite loss; also zeroes and checks gradients (DJL accumulates gradients
 * across collectors, so they are cleared every step). Nothing here reads values back inside a step: the copy,
 * the restore and the zeroing are device-side copies, the norm is a device scalar.
 */
final class WeightGuard implements AutoCloseable {

    /** Every element: the index of whole-array device copies. */
    private static final NDIndex ALL = new NDIndex("...");

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

    /** Records the current weights as good (called at a report point, right before its update is applied). */
    void markGood() {
        for (int i = 0; i < weights.size(); i++) {
            // in place, a device copy: no per-step allocation of a weight-sized array that outlives the step
            lastGood.get(i).set(ALL, weights.get(i));
        }
        saved = true;
    }

    /** Puts back the weights recorded by {@link #markGood()}; false when nothing was recorded yet. */
    boolean restore() {
        if (!saved) {
            return false;
        }
        for (int i = 0; i < weights.size(); i++) {
            weights.get(i).set(ALL, lastGood.get(i));
        }
        return true;
    }

    /**
     * Sets every existing gradient to zero. Indexed assignment rather than {@code g - g}, so that a
     * NaN gradient left by a diverged step is cleared too.
     */
    void zeroGradients() {
        Gradients.zero(weights);
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

    /** Name of the first parameter whose gradient holds a NaN or infinity, or null. */
    String firstNonFiniteGradient(List<NDArray> grads) {
        for (int i = 0; i < grads.size(); i++) {
            NDArray g = grads.get(i);
            if (HostReads.bool(g.isNaN().logicalOr(g.isInfinite()).any())) {
                return names.get(i);
            }
        }
        return null;
    }

    /** Name of the first weight array that holds a NaN or infinity, or null. */
    String firstNonFiniteWeight() {
        for (int i = 0; i < weights.size(); i++) {
            NDArray w = weights.get(i);
            if (HostReads.bool(w.isNaN().logicalOr(w.isInfinite()).any())) {
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
