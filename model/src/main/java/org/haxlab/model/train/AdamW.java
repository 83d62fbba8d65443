package org.haxlab.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import org.haxlab.model.nd.Params;
import org.haxlab.model.nd.Scalars;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW with decoupled weight decay (Loshchilov and Hutter; the update PyTorch's {@code torch.optim.AdamW}
 * makes), applied in place to the {@link Params} arrays outside any gradient collector:
 * <pre>
 *   p  <- p - lr * wd * p
 *   m  <- b1 m + (1 - b1) g          v <- b2 v + (1 - b2) g^2
 *   p  <- p - lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
 * </pre>
 * The moment arrays live on the params' manager (so on the params' device) and are freed by {@link #close()}.
 * Weight decay applies to every parameter, as {@code AdamW(model.parameters())} does in the reference code.
 */
public final class AdamW implements AutoCloseable {

    /** The paper's betas and epsilon (spec §4). */
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPS = 1e-8;

    private final List<String> names = new ArrayList<>();
    private final List<NDArray> weights = new ArrayList<>();
    private final List<NDArray> first = new ArrayList<>();
    private final List<NDArray> second = new ArrayList<>();
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private int t;

    /** AdamW with the paper's betas and epsilon. */
    public AdamW(Params params, double weightDecay) {
        this(params, BETA1, BETA2, EPS, weightDecay);
    }

    /** AdamW with explicit hyper-parameters. */
    public AdamW(Params params, double beta1, double beta2, double eps, double weightDecay) {
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1 && eps > 0 && weightDecay >= 0)) {
            throw new IllegalArgumentException("AdamW: need 0 <= betas < 1, eps > 0, weightDecay >= 0 (got "
                    + beta1 + ", " + beta2 + ", " + eps + ", " + weightDecay + ")");
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        for (Map.Entry<String, NDArray> e : params.asMap().entrySet()) {
            NDArray w = e.getValue();
            names.add(e.getKey());
            weights.add(w);
            // created on the params' manager; unregistered so that a caller's NDScope cannot free them
            NDArray m = params.manager().zeros(w.getShape(), w.getDataType());
            NDArray v = params.manager().zeros(w.getShape(), w.getDataType());
            NDScope.unregister(m, v);
            first.add(m);
            second.add(v);
        }
    }

    /** Number of updates made so far (the bias-correction exponent t). */
    public int updates() {
        return t;
    }

    /** The first moments by parameter name: the live arrays, to read between steps (checkpoints). */
    public Map<String, NDArray> firstMoments() {
        return byName(first);
    }

    /** The second moments by parameter name: the live arrays, to read between steps (checkpoints). */
    public Map<String, NDArray> secondMoments() {
        return byName(second);
    }

    /**
     * Puts back a saved state (a resumed run): the update count and both moments from host copies, which
     * are copied onto the params' device.
     *
     * @throws IllegalArgumentException naming a missing parameter or a size that does not match
     */
    public void restore(int updates, Map<String, float[]> firstMoments, Map<String, float[]> secondMoments) {
        if (updates < 0) {
            throw new IllegalArgumentException("AdamW: update count " + updates + " must be >= 0");
        }
        for (int i = 0; i < names.size(); i++) {
            check("first", names.get(i), firstMoments.get(names.get(i)), first.get(i));
            check("second", names.get(i), secondMoments.get(names.get(i)), second.get(i));
        }
        for (int i = 0; i < names.size(); i++) {
            first.get(i).set(firstMoments.get(names.get(i)));
            second.get(i).set(secondMoments.get(names.get(i)));
        }
        t = updates;
    }

    private static void check(String which, String name, float[] values, NDArray into) {
        if (values == null) {
            throw new IllegalArgumentException("AdamW: no saved " + which + " moment for parameter '" + name + "'");
        }
        if (values.length != into.getShape().size()) {
            throw new IllegalArgumentException("AdamW: saved " + which + " moment of '" + name + "' has " + values.length
                    + " values, the parameter has shape " + into.getShape());
        }
    }

    private Map<String, NDArray> byName(List<NDArray> moments) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), moments.get(i));
        }
        return out;
    }

    /**
     * One update with learning rate {@code lr} from {@code grads} (same order as the params' names).
     * Temporaries belong to the caller's {@link NDScope}.
     */
    public void step(double lr, List<NDArray> grads) {
        if (grads.size() != weights.size()) {
            throw new IllegalArgumentException("AdamW: " + grads.size() + " gradients for " + weights.size() + " weights");
        }
        t++;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        if (weights.isEmpty()) {
            return;
        }
        // The step's constants as device scalars made once per step (torch::full): DJL's Number overloads
        // (w.muli(0.9f)) upload each number from the host, a synchronisation per op on a GPU. Float values: a
        // Java double would make PyTorch promote to float64.
        NDArray like = weights.get(0);
        NDArray decay = weightDecay > 0 ? Scalars.like(like, (float) (1 - lr * weightDecay)) : null;
        NDArray b1 = Scalars.like(like, (float) beta1);
        NDArray oneMinusB1 = Scalars.like(like, (float) (1 - beta1));
        NDArray b2 = Scalars.like(like, (float) beta2);
        NDArray oneMinusB2 = Scalars.like(like, (float) (1 - beta2));
        NDArray correction2 = Scalars.like(like, (float) c2);
        NDArray epsilon = Scalars.like(like, (float) eps);
        NDArray rate = Scalars.like(like, (float) (lr / c1));
        for (int i = 0; i < weights.size(); i++) {
            NDArray w = weights.get(i);
            NDArray g = grads.get(i);
            NDArray m = first.get(i);
            NDArray v = second.get(i);
            if (decay != null) {
                w.muli(decay);
            }
            m.muli(b1).addi(g.mul(oneMinusB1));
            v.muli(b2).addi(g.square().muli(oneMinusB2));
            NDArray denom = v.div(correction2).sqrt().addi(epsilon);
            w.subi(m.div(denom).muli(rate));
        }
    }

    @Override
    public void close() {
        first.forEach(NDArray::close);
        second.forEach(NDArray::close);
        first.clear();
        second.clear();
    }
}
