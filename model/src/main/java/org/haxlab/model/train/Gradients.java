package org.haxlab.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import org.haxlab.model.nd.Scalars;

import java.util.List;

/**
 * Gradient bookkeeping of a training step, all on the device (nothing is read back, no host number is
 * uploaded): zeroing, the global norm and clipping. Shared by {@link Trainer} and {@code bench train}, so the
 * benchmark times the trainer's work.
 */
public final class Gradients {

    /** Every element: the index of whole-array assignments. */
    private static final NDIndex ALL = new NDIndex("...");

    private Gradients() {
    }

    /**
     * Sets every existing gradient of {@code weights} to zero. Indexed assignment of a device zero rather than
     * {@code g - g}, so that a NaN gradient left by a diverged step is cleared too, and rather than
     * {@code set(index, 0f)}, which uploads the host number on every call.
     */
    public static void zero(List<NDArray> weights) {
        NDArray zero = null;
        for (NDArray w : weights) {
            if (w.hasGradient()) {
                NDArray g = w.getGradient();
                if (zero == null) {
                    zero = Scalars.like(g, 0f);
                }
                g.set(ALL, zero);
            }
        }
        if (zero != null) {
            zero.close();
        }
    }

    /**
     * The gradients as one flat (P,) array, in order (one concatenation of reshaped views): the norm, the clip and
     * the optimiser ({@link AdamW#step(double, NDArray)}) then make a few calls for all weights instead of a few
     * per weight.
     */
    public static NDArray flatten(List<NDArray> grads) {
        if (grads.isEmpty()) {
            throw new IllegalArgumentException("flatten: no gradients");
        }
        NDList flat = new NDList(grads.size());
        for (NDArray g : grads) {
            flat.add(g.reshape(-1));
        }
        return NDArrays.concat(flat);
    }

    /** Squared global L2 norm of a flat gradient ({@link #flatten}), a 0-d device array. */
    public static NDArray squaredNorm(NDArray flat) {
        return flat.square().sum();
    }

    /**
     * Scales the flat gradient {@code flat} ({@link #flatten}) in place so that its norm is at most {@code clip}:
     * by clip / (norm + 1e-6) when the norm exceeds it, else by 1 (torch's clip_grad_norm_), decided on the
     * device from {@code squaredNorm}.
     */
    public static void clip(NDArray flat, NDArray squaredNorm, double clip) {
        if (!(clip > 0)) {
            throw new IllegalArgumentException("gradient clip " + clip + " must be > 0");
        }
        NDArray norm = squaredNorm.sqrt();
        NDArray over = norm.gt(Scalars.like(norm, (float) clip)).toType(norm.getDataType(), false);
        NDArray scaled = Scalars.like(norm, (float) clip).div(Scalars.add(norm, 1e-6f));
        flat.muli(over.mul(scaled).add(Scalars.sub(over, 1f).neg()));
    }
}
