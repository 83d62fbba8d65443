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
     * Registers {@code prefix + "w1", "b1", "w2", "b2", "w3", "b3"} as three Linear layers under the model's
     * init scheme ({@link Params#linearWeight}, {@link Params#linearBias}).
     */
    public KeyScorer(int dState, Params params, String prefix, Random rng) {
        if (dState < 1) {
            throw new IllegalArgumentException("KS scorer: N=" + dState + " must be >= 1");
        }
        this.dState = dState;
        int in = 2 * dState;
        w1 = params.linearWeight(prefix + "w1", new Shape(in, in), in, rng);
        b1 = params.linearBias(prefix + "b1", new Shape(in), in, rng);
        w2 = params.linearWeight(prefix + "w2", new Shape(in, in), in, rng);
        b2 = params.linearBias(prefix + "b2", new Shape(in), in, rng);
        w3 = params.linearWeight(prefix + "w3", new Shape(in, 1), in, rng);
        b3 = params.linearBias(prefix + "b3", new Shape(1), in, rng);
    }

    /**
     * Scores every key with the causal variant's summary (each token's running sum normalised on its own).
     *
     * @param q (B, L, N) queries
     * @param k (B, L, N) keys (already divided by sqrt(N))
     * @return (B, L) scores; gradients reach only the MLP weights
     */
    public NDArray scores(NDArray q, NDArray k) {
        return scores(q, k, SparseConfig.Variant.CAUSAL);
    }

    /**
     * Scores every key. {@link SparseConfig.Variant#CAUSAL} normalises each position's running query sum over
     * its N channels (spec §3: a score reads only positions up to the key); {@link SparseConfig.Variant#PAPER}
     * normalises it along the sequence axis as the released code does ({@link PaperRules#normaliseSummary}),
     * so scores depend on later tokens.
     *
     * @param q (B, L, N) queries
     * @param k (B, L, N) keys (already divided by sqrt(N))
     * @return (B, L) scores; gradients reach only the MLP weights
     */
    public NDArray scores(NDArray q, NDArray k, SparseConfig.Variant variant) {
        NDArray qd = q.stopGradient();
        NDArray kd = k.stopGradient();
        NDArray summary = qd.cumSum(1);
        NDArray normalised;
        if (variant == SparseConfig.Variant.PAPER) {
            normalised = PaperRules.normaliseSummary(summary);
        } else {
            // F.normalize over the channels: divide by max(||v||, 1e-12)
            normalised = summary.div(Scalars.maximum(summary.square().sum(new int[]{-1}, true).sqrt(), 1e-12f));
        }
        NDArray in = kd.concat(normalised, -1);
        NDArray h = Scalars.maximum(in.matMul(w1).add(b1), 0f);
        h = Scalars.maximum(h.matMul(w2).add(b2), 0f);
        return h.matMul(w3).add(b3).squeeze(-1);
    }

    /**
     * Picks up to {@code count} distinct random non-pad keys per sequence (spec §3: "pick k_c random
     * non-pad keys"); fewer when a sequence has fewer real tokens. Drawn on the host, so every device picks
     * the same keys for a seed.
     *
     * @param real B * L flags, 1 at real tokens, or null when every position is real
     * @return per sequence the picked positions, ascending
     */
    public static int[][] pickKeys(float[] real, int batch, int length, int count, Random rng) {
        if (real != null && real.length != batch * length) {
            throw new IllegalArgumentException("KS picks: " + real.length + " pad flags for batch " + batch
                    + " x length " + length);
        }
        int[][] out = new int[batch][];
        int[] pool = new int[length];
        for (int b = 0; b < batch; b++) {
            int n = 0;
            for (int t = 0; t < length; t++) {
                if (real == null || real[b * length + t] > 0) {
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

    /** {@link #rankingLoss(NDArray, NDArray, NDArray, int[][], NDArray, boolean)} over the pairs a != b. */
    public static NDArray rankingLoss(NDArray scores, NDArray q, NDArray k, int[][] picked, NDArray padMask) {
        return rankingLoss(scores, q, k, picked, padMask, false);
    }

    /**
     * The pairwise ranking loss (spec §3): for the picked keys, target y_j = sum over real queries
     * i >= j of sigmoid(Q_i . K_j) (detached); BCE-with-logits of x_a - x_b against
     * ([y_a > y_b] + [y_a >= y_b]) / 2, averaged over all ordered pairs a != b of every sequence, or, with
     * {@code diagonal} (the released code, spec §5), over all k_c^2 pairs including a = b (each contributes
     * ln 2 with a zero gradient, so only the scale of the loss changes).
     * The picks are uploaded once; every mask is built on the device from them and {@code padMask}.
     *
     * @param scores   (B, L) scorer outputs (the only thing that carries gradient)
     * @param q        (B, L, N) queries
     * @param k        (B, L, N) keys as attended (divided by sqrt(N))
     * @param picked   per sequence the picked key positions ({@link #pickKeys})
     * @param padMask  (B, L) float32, 1 at real tokens, or null when every position is real
     * @param diagonal whether the pairs a = b count too
     * @return a scalar; zero when no sequence has two picked keys
     */
    public static NDArray rankingLoss(NDArray scores, NDArray q, NDArray k, int[][] picked, NDArray padMask,
                                      boolean diagonal) {
        long[] shape = q.getShape().getShape();
        int batch = (int) shape[0];
        int length = (int) shape[1];
        if (picked.length != batch || (padMask != null && padMask.getShape().size() != (long) batch * length)) {
            throw new IllegalArgumentException("KS ranking loss: " + picked.length + " pick lists and pad mask "
                    + (padMask == null ? "none" : padMask.getShape()) + " for batch " + batch + " x length " + length);
        }
        return rankingLoss(scores, q, k, pickArray(scores.getManager(), picked, length), padMask, diagonal);
    }

    /**
     * The picks as a (B, width) int64 array, -1 in unused slots (width: the longest list), or null when no
     * sequence has two picks (the loss is then zero).
     */
    static NDArray pickArray(NDManager m, int[][] picked, int length) {
        int width = 0;
        for (int[] p : picked) {
            width = Math.max(width, p.length);
        }
        if (width < 2) {
            return null;
        }
        return HostArrays.longs(m, packPicks(picked, length, width), new Shape(picked.length, width));
    }

    /** Picks row-major in (B, width) slots, -1 in unused ones; checks every position against {@code length}. */
    static long[] packPicks(int[][] picked, int length, int width) {
        long[] flat = new long[picked.length * width];
        Arrays.fill(flat, -1L);
        for (int b = 0; b < picked.length; b++) {
            for (int a = 0; a < picked[b].length; a++) {
                int j = picked[b][a];
                if (j < 0 || j >= length) {
                    throw new IllegalArgumentException("KS ranking loss: picked key " + j + " outside 0.." + (length - 1));
                }
                flat[b * width + a] = j;
            }
        }
        return flat;
    }

    /**
     * {@link #rankingLoss(NDArray, NDArray, NDArray, int[][], NDArray, boolean)} from picks already on the device.
     *
     * @param picks    (B, width) int64 picked positions, -1 in unused slots, or null when no sequence has two
     *                 picks (the loss is then zero)
     * @param diagonal whether the pairs a = b count too (the released loss, spec §5)
     */
    public static NDArray rankingLoss(NDArray scores, NDArray q, NDArray k, NDArray picks, NDArray padMask,
                                      boolean diagonal) {
        long[] shape = q.getShape().getShape();
        int batch = (int) shape[0];
        int length = (int) shape[1];
        int n = (int) shape[2];
        if (picks != null && (picks.getShape().dimension() != 2 || picks.getShape().get(0) != batch)
                || (padMask != null && padMask.getShape().size() != (long) batch * length)) {
            throw new IllegalArgumentException("KS ranking loss: picks of shape " + (picks == null ? "none"
                    : picks.getShape()) + " and pad mask " + (padMask == null ? "none" : padMask.getShape())
                    + " for batch " + batch + " x length " + length);
        }
        if (picks == null || picks.getShape().get(1) < 2) {
            return Scalars.mul(scores.sum(), 0f);
        }
        int width = (int) picks.getShape().get(1);
        NDManager m = scores.getManager();
        NDArray used = picks.gte(Scalars.like(picks, 0f));                                  // (B, width)
        NDArray usedF = used.toType(DataType.FLOAT32, false);
        NDArray offsets = m.arange(0, batch * length, length, DataType.INT64).reshape(batch, 1);
        NDArray index = picks.mul(used.toType(DataType.INT64, false)).add(offsets).reshape(-1);
        NDArray qd = q.stopGradient();
        NDArray kPicked = k.stopGradient().reshape((long) batch * length, n).get(index).reshape(batch, width, n);
        NDArray logits = qd.batchMatMul(kPicked.transpose(0, 2, 1));                 // (B, L, width)
        // query i counts for picked key j when i >= j and i is a real token
        NDArray positions = m.arange(0, length, 1, DataType.INT64).reshape(1, length, 1);
        NDArray queryMask = positions.gte(picks.expandDims(1)).toType(DataType.FLOAT32, false)
                .mul(usedF.expandDims(1));
        if (padMask != null) {
            queryMask = queryMask.mul(padMask.reshape(batch, length, 1).toType(DataType.FLOAT32, false));
        }
        NDArray target = Activation.sigmoid(logits).mul(queryMask).sum(new int[]{1});  // (B, width)
        NDArray ya = target.expandDims(2);
        NDArray yb = target.expandDims(1);
        NDArray t = ya.gt(yb).toType(DataType.FLOAT32, false)
                .add(ya.gte(yb).toType(DataType.FLOAT32, false));
        t = Scalars.div(t, 2f);
        NDArray x = scores.reshape((long) batch * length).get(index).reshape(batch, width);
        NDArray d = x.expandDims(2).sub(x.expandDims(1));                              // x_a - x_b
        // BCE with logits, stable form: max(d, 0) - d t + log(1 + exp(-|d|))
        NDArray bce = Scalars.maximum(d, 0f).sub(d.mul(t)).add(Scalars.add(d.abs().neg().exp(), 1f).log());
        // ordered pairs of used picks (a != c, or every pair with the diagonal); their count divides the sum
        NDArray pairMask = usedF.expandDims(2).mul(usedF.expandDims(1));
        if (!diagonal) {
            pairMask = pairMask.mul(Scalars.sub(m.eye(width), 1f).neg().expandDims(0));
        }
        return bce.mul(pairMask).sum().div(Scalars.maximum(pairMask.sum(), 1f));
    }

    /** N, the width of Q and K this scorer reads. */
    public int dState() {
        return dState;
    }
}
