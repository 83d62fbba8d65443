package org.haxlab.model.sparse;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import org.haxlab.model.nd.HostArrays;
import org.haxlab.model.nd.HostReads;
import org.haxlab.model.nd.Params;
import org.haxlab.model.nd.PhaseTimer;
import org.haxlab.model.nd.Scalars;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;
import org.haxlab.model.trace.ForwardOptions;
import org.haxlab.model.trace.SelectionVectors;

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
 * <p>Selections (LSH bins, KS top-k, fixed patterns) are computed on the device ({@link DeviceLsh},
 * {@link DeviceSelection}) and carry no gradient; gradients reach W_xx and E through the attention, and the KS
 * scorer only through its ranking loss.
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
     * @param vectors   the Q and K rows and the projection the selection used
     */
    public record Trace(int[] qBucket, int[] kBucket, float[] ksScore, AttentionSelection selection,
                        float[] attnNorm, SelectionVectors vectors) {
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
    private final Map<Integer, SoftmaxMask> positionalMasks = new HashMap<>();
    private long maskFloats;
    private final Map<SelectionPattern, Map<Integer, DeviceSelection>> positionalSelections = new HashMap<>();
    private NDArray fixedProjectionArray;
    /** A training pass's host draws ({@link #drawTrainingInputs}) and, once uploaded, their device arrays. */
    private TrainingDraws pending;
    private NDArray[] staged;

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
        // a bias-free Linear under the model's init scheme (spec §5); E starts at 1 (spec §3)
        this.wxx = params.linearWeight(prefix + "w_xx", new Shape(dInner, 2L * dState), dInner, rng);
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
     * Runs the branch. Everything a training step needs stays on the device: the LSH bins, the KS scores, the
     * selection and the masks are tensors (hashed once per forward, feeding whichever path runs), and the only
     * host work is drawing the LSH projection and the ranking loss's keys from seeded {@code Random}s and
     * uploading them. Only a trace (inspection, batch 1) reads values back, through
     * {@link org.haxlab.model.nd.HostReads}.
     *
     * @param x       (B, L, d_inner) activation after conv + SiLU
     * @param padMask (B, L) float32 with 1 at real tokens, or null when every position is real
     * @param options training/eval, trace and the host pad flags
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
        PhaseTimer.mark("attn.qk", kq);

        NDArray qBins = null;
        NDArray kBins = null;
        // a training pass's projection and picks: drawn on the host, uploaded with the other layers' (see stage)
        NDArray[] draws = options.training() && (hasLsh || hasKs)
                ? trainingInputs(options, padMask, manager, batch, length) : null;
        float[] hostProjection = null;
        if (hasLsh) {
            hostProjection = projectionFor(options);
            NDArray h = options.training() ? draws[0] : options.freshProjection()
                    ? DeviceLsh.projection(manager, hostProjection, dState, config.hashBits()) : fixedProjection(manager);
            qBins = DeviceLsh.bins(q, h, config.lshRule(), config.variant());
            kBins = DeviceLsh.bins(k, h, config.lshRule(), config.variant());
            PhaseTimer.mark("attn.lsh-bins", kBins);
        }
        NDArray scores = hasKs ? scorer.scores(q, k, config.variant()) : null;
        if (hasKs) {
            PhaseTimer.mark("attn.ks-scores", scores);
        }
        boolean dense = config.path() == SparseConfig.AttentionPath.DENSE
                || (config.path() == SparseConfig.AttentionPath.AUTO && autoDense(length, x.getDevice())
                && (pattern.positional() || (long) batch * length * length <= DeviceSelection.DENSE_MAX_ENTRIES));
        NDArray attended;
        NDArray empty = null;   // (B or 1, L) rows with no selected key, for the paper variant's rule
        boolean paper = config.variant() == SparseConfig.Variant.PAPER;
        if (dense && pattern.positional()) {
            SoftmaxMask mask = positionalMask(manager, length);
            attended = SparseAttention.dense(q, k, x, mask);
            empty = paper ? mask.emptyRows() : null;     // null: every query reads a key
        } else if (pattern instanceof FullPattern) {
            // spec §3 lets the sparse path treat full attention as dense: a causal softmax in query blocks,
            // without an L x L selection (which would not even fit an int index at 64K)
            attended = SparseAttention.causal(q, k, x);
        } else {
            DeviceSelection selection = DeviceSelection.of(pattern, this::positionalSelection, qBins, kBins, scores,
                    batch, length);
            PhaseTimer.mark("attn.select", selection.index());
            attended = dense ? SparseAttention.dense(q, k, x, selection.denseMask(batch, length))
                    : SparseAttention.sparse(q, k, x, selection);
            empty = paper ? PaperRules.emptyRows(selection) : null;
        }
        attended = readEverythingWhereEmpty(attended, q, k, x, empty);
        NDArray output = attended.mul(gate);
        PhaseTimer.mark("attn.attend", output);

        NDArray gateLoss;
        if (hasKs && options.training()) {
            // spec §5: the released loss averages over all k_c^2 pairs, the diagonal included
            gateLoss = KeyScorer.rankingLoss(scores, q, k, draws[1], padMask, paper);
            PhaseTimer.mark("attn.rank-loss", gateLoss);
        } else {
            gateLoss = manager.zeros(new Shape());
        }
        Trace trace = options.trace() == null ? null
                : BranchTrace.read(pattern, config, dState, q, k, qBins, kBins, scores, output, length, hostProjection);
        return new Output(output, gateLoss, trace);
    }

    /**
     * The projection this pass hashes with: drawn from the pass's seed when the options ask for a fresh one
     * (every training pass; every evaluation pass of the paper variant, spec §5), else the fixed one.
     */
    float[] projectionFor(ForwardOptions options) {
        return options.freshProjection()
                ? LshBuckets.projection(trainingSeed(options.lshSeed(), layer), dState, config.hashBits())
                : fixedProjection;
    }

    /**
     * Paper variant only (spec §5): rows with no selected key read every position uniformly, future included,
     * as the released mask makes them ({@link PaperRules#readEverything}); the causal variant keeps them at zero.
     * {@code empty} comes from the positional mask or the device selection (FULL has no empty row: null).
     */
    private NDArray readEverythingWhereEmpty(NDArray attended, NDArray q, NDArray k, NDArray x, NDArray empty) {
        if (empty == null) {
            return attended;
        }
        NDArray extra = PaperRules.readEverything(q, k, x, empty);
        return extra == null ? attended : attended.add(extra);
    }

    /**
     * Whether {@link SparseConfig.AttentionPath#AUTO} takes the dense path: always for short sequences, and for
     * every pattern but FULL (whose blocked causal path measured faster) up to a length that depends on the
     * device and, on the CPU, on libtorch's thread count ({@link SparseConfig#AUTO_MASK_DENSE_MAX_CPU},
     * {@link SparseConfig#AUTO_MASK_DENSE_MAX_FEW_THREADS}); the
     * caller also keeps content-dependent masks within {@link DeviceSelection#DENSE_MAX_ENTRIES}.
     */
    boolean autoDense(int length, Device device) {
        return autoDense(length, device, JniUtils.getNumThreads());
    }

    boolean autoDense(int length, Device device, int threads) {
        if (length <= SparseConfig.AUTO_DENSE_MAX_LENGTH) {
            return true;
        }
        if (pattern instanceof FullPattern) {
            return false;
        }
        if (device != null && device.isGpu()) {
            return length <= SparseConfig.AUTO_MASK_DENSE_MAX_GPU;
        }
        if (threads >= SparseConfig.AUTO_MASK_DENSE_MIN_THREADS) {
            return length <= SparseConfig.AUTO_MASK_DENSE_MAX_CPU;
        }
        return threads >= 2 && length <= SparseConfig.AUTO_MASK_DENSE_MAX_FEW_THREADS;
    }

    /**
     * The (1, L, L) softmax mask of a positional pattern (bias and row flags), the same for every sequence of this
     * length: built on the host once and kept on the weights' device (up to {@link #MASK_CACHE_FLOATS} in all;
     * beyond that built per call on {@code manager}). It is a constant, so autograd may keep it.
     */
    private synchronized SoftmaxMask positionalMask(NDManager manager, int length) {
        SoftmaxMask kept = positionalMasks.get(length);
        if (kept != null) {
            return kept;
        }
        long size = (long) length * length;
        boolean keep = maskFloats + size <= MASK_CACHE_FLOATS && maskManager.getDevice().equals(manager.getDevice());
        SoftmaxMask mask = SoftmaxMask.of(keep ? maskManager : manager, pattern,
                new SelectionInput[] {SelectionInput.fixed(length)});
        if (keep) {
            mask.keep(); // kept across steps: an enclosing NDScope (a training step) must not close it
            maskFloats += size;
            positionalMasks.put(length, mask);
        }
        return mask;
    }

    /**
     * The (1, L, K) selection of a positional part of this branch's pattern for {@code length}, uploaded once and
     * kept with the weights (a few hundred KB per length), like {@link #positionalMask}.
     */
    private synchronized DeviceSelection positionalSelection(SelectionPattern part, int length) {
        Map<Integer, DeviceSelection> byLength = positionalSelections.computeIfAbsent(part, p -> new HashMap<>());
        DeviceSelection kept = byLength.get(length);
        if (kept == null) {
            kept = DeviceSelection.positional(maskManager, part, length);
            NDScope.unregister(kept.index(), kept.valid());
            byLength.put(length, kept);
        }
        return kept;
    }

    /** The fixed evaluation projection on the weights' device, uploaded once per redraw. */
    private synchronized NDArray fixedProjection(NDManager manager) {
        if (!maskManager.getDevice().equals(manager.getDevice())) {
            return DeviceLsh.projection(manager, fixedProjection, dState, config.hashBits());
        }
        if (fixedProjectionArray == null) {
            fixedProjectionArray = DeviceLsh.projection(maskManager, fixedProjection, dState, config.hashBits());
            NDScope.unregister(fixedProjectionArray);
        }
        return fixedProjectionArray;
    }

    /**
     * Draws what a training forward of this branch takes from the host (the fresh LSH projection, the KS ranking
     * loss's keys) and returns it packed into one float array for {@link #stage}; empty when the pass does not
     * train or the branch has neither LSH nor KS. The model calls this for every layer before running any, and
     * uploads all layers' draws in one array: each upload on a GPU waits for the queued kernels, so uploads
     * between layers would stall the step. A forward whose draws were not staged draws and uploads them itself.
     *
     * @param padMask the (B, L) device pad mask, read back only when {@code options} carry no host pad flags
     */
    public float[] drawTrainingInputs(ForwardOptions options, NDArray padMask, int batch, int length) {
        staged = null;
        if (!options.training() || !(hasLsh || hasKs)) {
            pending = null;
            return new float[0];
        }
        float[] real = hasKs ? realFlags(options.padFlags(), padMask, batch, length) : null;
        pending = TrainingDraws.draw(options.lshSeed(), layer, batch, length, dState, config.hashBits(), hasLsh, hasKs,
                config.perComponent(), real);
        return pending.packed();
    }

    /**
     * Hands this branch the device copy of what {@link #drawTrainingInputs} returned last (null when that was
     * empty); the next training forward with the same seed and shape uses it.
     */
    public void stage(NDArray uploaded) {
        if (pending == null) {
            throw new IllegalStateException("sparse branch of layer " + layer + ": nothing drawn to stage");
        }
        staged = pending.unpack(uploaded, dState, config.hashBits());
    }

    /** {projection or null, picks or null} for this training pass: the staged ones, else drawn and uploaded here. */
    private NDArray[] trainingInputs(ForwardOptions options, NDArray padMask, NDManager manager, int batch,
                                     int length) {
        if (staged == null || pending == null || pending.seed() != options.lshSeed() || pending.batch() != batch
                || pending.length() != length) {
            float[] packed = drawTrainingInputs(options, padMask, batch, length);
            stage(packed.length == 0 ? null : HostArrays.floats(manager, packed, new Shape(packed.length)));
        }
        NDArray[] out = staged;
        staged = null;
        pending = null;
        return out;
    }

    /**
     * Host pad flags (1 at real tokens) for the ranking loss's draws: the caller's ({@link ForwardOptions#padFlags}),
     * else null when there is no pad mask (every position real), else the device mask read back (counted by
     * HostReads; the trainer always passes its flags, so its steps never get here).
     */
    private float[] realFlags(float[] flags, NDArray padMask, int batch, int length) {
        if (flags != null) {
            if (flags.length != batch * length) {
                throw new IllegalArgumentException("sparse branch of layer " + layer + ": " + flags.length
                        + " host pad flags for (B, L) = (" + batch + ", " + length + ")");
            }
            return flags;
        }
        if (padMask == null) {
            return null;
        }
        if (padMask.getShape().size() != (long) batch * length) {
            throw new IllegalArgumentException("sparse branch: pad mask of shape " + padMask.getShape()
                    + " does not match (B, L) = (" + batch + ", " + length + ")");
        }
        return HostReads.floats(padMask);
    }

    /** Redraws this layer's fixed evaluation projection from {@code seed}. */
    public synchronized void redrawProjection(long seed) {
        this.fixedProjection = LshBuckets.projection(seed, dState, config.hashBits());
        if (fixedProjectionArray != null) {
            fixedProjectionArray.close();
            fixedProjectionArray = null;
        }
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
