package org.haxlab.model.sparse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.haxlab.model.nd.HostArrays;
import org.haxlab.model.nd.Params;
import org.haxlab.model.nd.Scalars;

import java.util.Arrays;
import java.util.Random;

/**
 * The KS scorer and its ranking loss (spec §3, key selection):
 * x_j = MLP3([K_j, normalize(sum_{p<=j} Q_p)]), MLP 2N -> 2N -> 2N -> 1 with ReLU, on DETACHED inputs,
 * so the scorer never pushes gradients into W_xx and is trained only by {@link #rankingLoss}.
 */
public final class KeyScorer {

    private final int dState;
    private final NDArray w1;
    private final NDArray b1;
    private final NDArray w2;
    private final NDArray b2;
    private final NDArray w3;
    private final NDArray b3;

    /**
     * Registers {@code prefix + "w1", "b1", "w2", "b2", "w3", "b3"} with PyTorch's nn.Linear initialisation
     * (U(-1/sqrt(fan_in), 1/sqrt(fan_in))).
     */
    public KeyScorer(int dState, Params params, String prefix, Random rng) {
        if (dState < 1) {
            throw new IllegalArgumentException("KS scorer: N=" + dState + " must be >= 1");
        }
        this.dState = dState;
        int in = 2 * dState;
        double bound = 1.0 / Math.sqrt(in);
        w1 = params.uniform(prefix + "w1", new Shape(in, in), bound, rng);
        b1 = params.uniform(prefix + "b1", new Shape(in), bound, rng);
        w2 = params.uniform(prefix + "w2", new Shape(in, in), bound, rng);
        b2 = params.uniform(prefix + "b2", new Shape(in), bound, rng);
        w3 = params.uniform(prefix + "w3", new Shape(in, 1), bound, rng);
        b3 = params.uniform(prefix + "b3", new Shape(1), bound, rng);
    }

    /**
     * Scores every key.
     *
     * @param q (B, L, N) queries
     * @param k (B, L, N) keys (already divided by sqrt(N))
     * @return (B, L) scores; gradients reach only the MLP weights
     */
    public NDArray scores(NDArray q, NDArray k) {
        NDArray qd = q.stopGradient();
        NDArray kd = k.stopGradient();
        NDArray summary = qd.cumSum(1);
        // F.normalize: divide by max(||v||, 1e-12)
        NDArray norm = Scalars.maximum(summary.square().sum(new int[]{-1}, true).sqrt(), 1e-12f);
        NDArray in = kd.concat(summary.div(norm), -1);
        NDArray h = Scalars.maximum(in.matMul(w1).add(b1), 0f);
        h = Scalars.maximum(h.matMul(w2).add(b2), 0f);
        return h.matMul(w3).add(b3).squeeze(-1);
    }

    /**
     * Picks up to {@code count} distinct random non-pad keys per sequence (spec §3: "pick k_c random
     * non-pad keys"); fewer when a sequence has fewer real tokens.
     *
     * @param real B * L flags, 1 at real tokens
     * @return per sequence the picked positions, ascending
     */
    public static int[][] pickKeys(float[] real, int batch, int length, int count, Random rng) {
        int[][] out = new int[batch][];
        int[] pool = new int[length];
        for (int b = 0; b < batch; b++) {
            int n = 0;
            for (int t = 0; t < length; t++) {
                if (real[b * length + t] > 0) {
                    pool[n++] = t;
                }
            }
            int take = Math.min(count, n);
            for (int t = 0; t < take; t++) {  // partial Fisher-Yates
                int r = t + rng.nextInt(n - t);
                int tmp = pool[t];
                pool[t] = pool[r];
                pool[r] = tmp;
            }
            out[b] = Arrays.copyOf(pool, take);
            Arrays.sort(out[b]);
        }
        return out;
    }

    /**
     * The pairwise ranking loss (spec §3): for the picked keys, target y_j = sum over real queries
     * i >= j of sigmoid(Q_i . K_j) (detached); BCE-with-logits of x_a - x_b against
     * ([y_a > y_b] + [y_a >= y_b]) / 2, averaged over all ordered pairs a != b of every sequence.
     *
     * @param scores (B, L) scorer outputs (the only thing that carries gradient)
     * @param q      (B, L, N) queries
     * @param k      (B, L, N) keys as attended (divided by sqrt(N))
     * @param picked per sequence the picked key positions ({@link #pickKeys})
     * @param real   B * L flags, 1 at real tokens
     * @return a scalar; zero when no sequence has two picked keys
     */
    public static NDArray rankingLoss(NDArray scores, NDArray q, NDArray k, int[][] picked, float[] real) {
        long[] shape = q.getShape().getShape();
        int batch = (int) shape[0];
        int length = (int) shape[1];
        int n = (int) shape[2];
        if (picked.length != batch || real.length != batch * length) {
            throw new IllegalArgumentException("KS ranking loss: " + picked.length + " pick lists and " + real.length
                    + " pad flags for batch " + batch + " x length " + length);
        }
        int width = 0;
        for (int[] p : picked) {
            width = Math.max(width, p.length);
        }
        NDManager m = scores.getManager();
        if (width < 2) {
            return Scalars.mul(scores.sum(), 0f);
        }
        long[] flat = new long[batch * width];
        float[] validPick = new float[batch * width];
        float[] queryMask = new float[batch * length * width];
        for (int b = 0; b < batch; b++) {
            for (int a = 0; a < picked[b].length; a++) {
                int j = picked[b][a];
                if (j < 0 || j >= length) {
                    throw new IllegalArgumentException("KS ranking loss: picked key " + j + " outside 0.." + (length - 1));
                }
                flat[b * width + a] = (long) b * length + j;
                validPick[b * width + a] = 1f;
                for (int i = j; i < length; i++) {
                    queryMask[(b * length + i) * width + a] = real[b * length + i];
                }
            }
        }
        NDArray index = HostArrays.longs(m, flat);
        NDArray qd = q.stopGradient();
        NDArray kPicked = k.stopGradient().reshape(batch * length, n).get(index).reshape(batch, width, n);
        NDArray logits = qd.batchMatMul(kPicked.transpose(0, 2, 1));                 // (B, L, width)
        NDArray target = Activation.sigmoid(logits).mul(HostArrays.floats(m, queryMask, new Shape(batch, length, width)))
                .sum(new int[]{1});                                                    // (B, width)
        NDArray ya = target.expandDims(2);
        NDArray yb = target.expandDims(1);
        NDArray t = ya.gt(yb).toType(DataType.FLOAT32, false)
                .add(ya.gte(yb).toType(DataType.FLOAT32, false));
        t = Scalars.div(t, 2f);
        NDArray x = scores.reshape(batch * length).get(index).reshape(batch, width);
        NDArray d = x.expandDims(2).sub(x.expandDims(1));                              // x_a - x_b
        // BCE with logits, stable form: max(d, 0) - d t + log(1 + exp(-|d|))
        NDArray bce = Scalars.maximum(d, 0f).sub(d.mul(t)).add(Scalars.add(d.abs().neg().exp(), 1f).log());
        float[] pairMask = new float[batch * width * width];
        float pairs = 0;
        for (int b = 0; b < batch; b++) {
            for (int a = 0; a < width; a++) {
                for (int c = 0; c < width; c++) {
                    if (a != c && validPick[b * width + a] > 0 && validPick[b * width + c] > 0) {
                        pairMask[(b * width + a) * width + c] = 1f;
                        pairs++;
                    }
                }
            }
        }
        if (pairs == 0) {
            return Scalars.mul(scores.sum(), 0f);
        }
        return Scalars.div(bce.mul(HostArrays.floats(m, pairMask, new Shape(batch, width, width))).sum(), pairs);
    }

    /** N, the width of Q and K this scorer reads. */
    public int dState() {
        return dState;
    }
}
