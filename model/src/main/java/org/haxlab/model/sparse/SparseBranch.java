package org.haxlab.model.sparse;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import org.haxlab.model.nd.Params;
import org.haxlab.model.nd.Scalars;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;
import org.haxlab.model.trace.ForwardOptions;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * The sparse-attention branch inside one mixer layer (spec §3):
 * K, Q = split(x W_xx), K /= sqrt(N), V = x, O = softmax(Q K^T masked by S) V, output E * O.
 * Empty rows (no selected key) give a zero output.
 *
 * <p>CONTRACT (owned by the sparse work; the mixers call it): the constructor registers this layer's
 * weights under {@code prefix} ({@code prefix + "w_xx"}, {@code prefix + "gate_e"}, and the KS scorer
 * {@code prefix + "ks.*"} when the pattern has KS).
 *
 * <p>Selections (LSH bins, KS top-k, fixed patterns) are computed on the host and carry no gradient;
 * gradients reach W_xx and E through the attention, and the KS scorer only through its ranking loss.
 */
public final class SparseBranch {

    /**
     * What the branch returns.
     *
     * @param output   E * O, (B, L, d_inner)
     * @param gateLoss scalar KS ranking loss of this layer (zero when no KS or not training)
     * @param trace    inspection data for batch element 0 when the options carry a trace, else null
     */
    public record Output(NDArray output, NDArray gateLoss, Trace trace) {
    }

    /**
     * Per-layer data the views need from the branch (batch element 0).
     *
     * @param qBucket   LSH bin per query (empty without LSH)
     * @param kBucket   LSH bin per key (empty without LSH)
     * @param ksScore   KS score per key (empty without KS)
     * @param selection selected keys, components and softmax weights
     * @param attnNorm  L2 norm of E * O per position
     */
    public record Trace(int[] qBucket, int[] kBucket, float[] ksScore, AttentionSelection selection,
                        float[] attnNorm) {
    }

    private final SparseConfig config;
    private final int dInner;
    private final int dState;
    private final int layer;
    private final SelectionPattern pattern;
    private final boolean hasLsh;
    private final boolean hasKs;
    private final NDArray wxx;
    private final NDArray gate;
    private final KeyScorer scorer;
    private float[] fixedProjection;
    private final NDManager maskManager;
    private final Map<Integer, NDArray> positionalMasks = new HashMap<>();
    private long maskFloats;

    /** Floats of positional masks one branch keeps (64 MiB); longer masks are built per call instead. */
    static final long MASK_CACHE_FLOATS = 1L << 24;

    /**
     * Registers the branch's weights.
     *
     * @param config  the branch definition
     * @param dInner  width of x (and of V and the output)
     * @param dState  N: width of Q and K
     * @param layer   layer index (for the fixed LSH projection's seed)
     * @param params  where weights are registered
     * @param prefix  weight-name prefix such as {@code layers.0.mixer.attn.}
     * @param rng     initialisation randomness (seeded by the model)
     */
    public SparseBranch(SparseConfig config, int dInner, int dState, int layer, Params params, String prefix,
                        Random rng) {
        if (config == null || !config.pattern().hasAttention()) {
            throw new IllegalArgumentException("sparse branch of layer " + layer + ": pattern "
                    + (config == null ? "null" : config.pattern().id()) + " has no attention; do not build a branch");
        }
        if (dInner < 1 || dState < 1) {
            throw new IllegalArgumentException("sparse branch of layer " + layer + ": d_inner=" + dInner + " and N="
                    + dState + " must be >= 1");
        }
        this.config = config;
        this.dInner = dInner;
        this.dState = dState;
        this.layer = layer;
        this.pattern = SelectionPattern.of(config);
        this.hasLsh = config.pattern().components().contains(Component.LSH);
        this.hasKs = config.pattern().components().contains(Component.KS);
        // nn.Linear-style initialisation; E starts at 1 (spec §3)
        this.wxx = params.uniform(prefix + "w_xx", new Shape(dInner, 2L * dState), 1.0 / Math.sqrt(dInner), rng);
        this.gate = params.constant(prefix + "gate_e", new Shape(dInner), 1f);
        this.scorer = hasKs ? new KeyScorer(dState, params, prefix + "ks.", rng) : null;
        // positional masks are constants of the model: they live (and die) with its weights
        this.maskManager = params.manager().newSubManager();
        // Not drawn from rng, so adding LSH never shifts later weights; the model re-seeds it from its
        // init seed with redrawProjection(initSeed + layer).
        redrawProjection(layer);
    }

    /** The seed of a training pass's fresh projection for {@code layer} (distinct per layer). */
    static long trainingSeed(long lshSeed, int layer) {
        return lshSeed * 0x9E3779B97F4A7C15L + 31L * layer + 17L;
    }

    /**
     * Runs the branch.
     *
     * @param x       (B, L, d_inner) activation after conv + SiLU
     * @param padMask (B, L) float32 with 1 at real tokens, or null when every position is real
     * @param options training/eval and trace
     */
    public Output forward(NDArray x, NDArray padMask, ForwardOptions options) {
        long[] shape = x.getShape().getShape();
        if (shape.length != 3 || shape[2] != dInner) {
            throw new IllegalArgumentException("sparse branch of layer " + layer + ": expected x of shape (B, L, "
                    + dInner + "), got " + x.getShape());
        }
        int batch = (int) shape[0];
        int length = (int) shape[1];
        NDManager manager = x.getManager();
        NDArray kq = x.matMul(wxx);
        NDArray k = Scalars.div(kq.get("..., 0:" + dState), (float) Math.sqrt(dState));
        NDArray q = kq.get("..., " + dState + ":");

        int[] qBins = null;
        int[] kBins = null;
        if (hasLsh) {
            float[] h = options.training()
                    ? LshBuckets.projection(trainingSeed(options.lshSeed(), layer), dState, config.hashBits())
                    : fixedProjection;
            qBins = LshBuckets.bins(q, h, config.hashBits(), config.lshRule(), config.variant());
            kBins = LshBuckets.bins(k, h, config.hashBits(), config.lshRule(), config.variant());
        }
        boolean dense = config.path() == SparseConfig.AttentionPath.DENSE
                || (config.path() == SparseConfig.AttentionPath.AUTO && autoDense(length, x.getDevice()));
        // LSH / KS masks for the dense path are built on the device; the host copy of the scores is then only
        // needed for a trace
        boolean deviceMask = dense && !pattern.positional() && DeviceMasks.supports(pattern)
                && (long) batch * length * length <= DeviceMasks.MAX_ENTRIES;
        NDArray scores = null;
        float[] hostScores = null;
        if (hasKs) {
            scores = scorer.scores(q, k);
            if (!deviceMask || options.trace() != null) {
                hostScores = scores.toFloatArray();
            }
        }
        SelectionInput[] inputs = new SelectionInput[batch];
        for (int b = 0; b < batch; b++) {
            int from = b * length;
            inputs[b] = new SelectionInput(length,
                    qBins == null ? null : Arrays.copyOfRange(qBins, from, from + length),
                    kBins == null ? null : Arrays.copyOfRange(kBins, from, from + length),
                    hostScores == null ? null : Arrays.copyOfRange(hostScores, from, from + length));
        }

        SelectedKeys[] selections = null;
        NDArray attended;
        if (dense) {
            NDArray mask;
            if (pattern.positional()) {
                mask = positionalMask(manager, inputs[0]);
            } else if (deviceMask) {
                mask = DeviceMasks.of(pattern,
                        qBins == null ? null : DeviceMasks.bins(manager, qBins, batch, length),
                        kBins == null ? null : DeviceMasks.bins(manager, kBins, batch, length), scores);
            } else {
                mask = SparseAttention.denseMask(manager, pattern, inputs);
            }
            attended = SparseAttention.dense(q, k, x, mask);
        } else if (pattern instanceof FullPattern) {
            // spec §3 lets the sparse path treat full attention as dense: a causal softmax in query blocks,
            // without an L x L selection (which would not even fit an int index at 64K)
            attended = SparseAttention.causal(q, k, x);
        } else {
            selections = select(inputs);
            attended = SparseAttention.sparse(q, k, x, selections);
        }
        NDArray output = attended.mul(gate);

        NDArray gateLoss;
        if (hasKs && options.training()) {
            float[] real = realFlags(padMask, batch, length);
            Random pick = new Random(trainingSeed(options.lshSeed(), layer) + 0x2545F4914F6CDD1DL);
            int[][] picked = KeyScorer.pickKeys(real, batch, length, config.perComponent(), pick);
            gateLoss = KeyScorer.rankingLoss(scores, q, k, picked, real);
        } else {
            gateLoss = manager.zeros(new Shape());
        }

        Trace trace = null;
        if (options.trace() != null) {
            SelectedKeys s0 = selections != null ? selections[0] : pattern.select(inputs[0]);
            float[] q0 = q.get(0).toFloatArray();
            float[] k0 = k.get(0).toFloatArray();
            float[] weights = SparseAttention.hostWeights(s0, q0, k0, dState);
            float[] norm = output.get(0).square().sum(new int[]{-1}).sqrt().toFloatArray();
            trace = new Trace(
                    qBins == null ? new int[0] : inputs[0].qBin().clone(),
                    kBins == null ? new int[0] : inputs[0].kBin().clone(),
                    hostScores == null ? new float[0] : inputs[0].ksScore().clone(),
                    s0.toAttentionSelection(weights), norm);
        }
        return new Output(output, gateLoss, trace);
    }

    /**
     * Whether {@link SparseConfig.AttentionPath#AUTO} takes the dense path: always for short sequences, and for
     * every pattern but FULL whose mask the device builds (window, sink and dilated: one kept mask per length;
     * LSH and KS: {@link DeviceMasks}) up to a length that depends on the device and, on the CPU, on libtorch's
     * thread count ({@link SparseConfig#AUTO_MASK_DENSE_MAX_CPU}).
     */
    boolean autoDense(int length, Device device) {
        return autoDense(length, device, JniUtils.getNumThreads());
    }

    boolean autoDense(int length, Device device, int threads) {
        if (length <= SparseConfig.AUTO_DENSE_MAX_LENGTH) {
            return true;
        }
        // beyond the short limit only masks the device builds (positional ones kept, LSH / KS computed there,
        // up to DeviceMasks.MAX_ENTRIES per batch); FULL keeps its blocked causal path
        if (pattern instanceof FullPattern || !(pattern.positional() || DeviceMasks.supports(pattern))) {
            return false;
        }
        if (device != null && device.isGpu()) {
            return length <= SparseConfig.AUTO_MASK_DENSE_MAX_GPU;
        }
        return threads >= SparseConfig.AUTO_MASK_DENSE_MIN_THREADS && length <= SparseConfig.AUTO_MASK_DENSE_MAX_CPU;
    }

    /**
     * The (1, L, L) mask of a positional pattern, the same for every sequence of this length: built on the host
     * once and kept on the weights' device (up to {@link #MASK_CACHE_FLOATS} in all; beyond that built per call
     * on {@code manager}). It is a constant, so autograd may keep it.
     */
    private synchronized NDArray positionalMask(NDManager manager, SelectionInput input) {
        int length = input.length();
        NDArray kept = positionalMasks.get(length);
        if (kept != null) {
            return kept;
        }
        long size = (long) length * length;
        boolean keep = maskFloats + size <= MASK_CACHE_FLOATS && maskManager.getDevice().equals(manager.getDevice());
        NDArray mask = SparseAttention.denseMask(keep ? maskManager : manager, pattern, new SelectionInput[] {input});
        if (keep) {
            NDScope.unregister(mask); // kept across steps: an enclosing NDScope (a training step) must not close it
            maskFloats += size;
            positionalMasks.put(length, mask);
        }
        return mask;
    }

    /** Host copy of the pad mask (1 at real tokens); all ones when there is none. */
    private static float[] realFlags(NDArray padMask, int batch, int length) {
        if (padMask == null) {
            float[] all = new float[batch * length];
            Arrays.fill(all, 1f);
            return all;
        }
        if (padMask.getShape().size() != (long) batch * length) {
            throw new IllegalArgumentException("sparse branch: pad mask of shape " + padMask.getShape()
                    + " does not match (B, L) = (" + batch + ", " + length + ")");
        }
        return padMask.toType(DataType.FLOAT32, false).toFloatArray();
    }

    private SelectedKeys[] select(SelectionInput[] inputs) {
        SelectedKeys[] out = new SelectedKeys[inputs.length];
        for (int b = 0; b < inputs.length; b++) {
            out[b] = pattern.select(inputs[b]);
        }
        return out;
    }

    /** Redraws this layer's fixed evaluation projection from {@code seed}. */
    public void redrawProjection(long seed) {
        this.fixedProjection = LshBuckets.projection(seed, dState, config.hashBits());
    }

    /** The selection rule this branch applies. */
    public SelectionPattern pattern() {
        return pattern;
    }

    /** The branch definition. */
    public SparseConfig config() {
        return config;
    }
}
