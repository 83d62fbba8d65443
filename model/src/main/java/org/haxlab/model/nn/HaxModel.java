package org.haxlab.model.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import org.haxlab.model.nd.HostArrays;
import org.haxlab.model.nd.InitScheme;
import org.haxlab.model.nd.Params;
import org.haxlab.model.nd.Scalars;
import org.haxlab.model.sparse.SparseBranch;
import org.haxlab.model.task.Vocabulary;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.trace.ForwardOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The whole model of spec §2: token embedding, {@code layers} pre-norm residual blocks
 * h <- h + Mixer(RMSNorm(h)) (no MLP blocks), a final RMSNorm and logits tied to the embedding.
 *
 * <p>Weights are drawn in creation order from {@code new Random(config.initSeed())}: embedding, then per
 * layer its norm and mixer, then norm_f. Each layer's sparse branch draws from its own generator derived
 * from the same seed and the layer index, so a model with a branch has exactly the same SSM weights as
 * the plain model of the same seed (a controlled comparison). Names are listed in the package doc.
 */
public final class HaxModel implements SequenceModel {

    /** SSD chunk length used unless another is given (the paper's CUDA kernels use 256; 64 suits CPUs). */
    public static final int DEFAULT_SSD_CHUNK = 64;

    private final ModelConfig config;
    private final Params params;
    private final NDArray embedding;
    private final List<NDArray> norms = new ArrayList<>();
    private final List<Mixer> mixers = new ArrayList<>();
    private final NDArray finalNorm;

    /** Builds and initialises the model with weights on {@code device}, owned by a sub-manager of {@code parent}. */
    public HaxModel(ModelConfig config, NDManager parent, Device device) {
        this(config, parent, device, DEFAULT_SSD_CHUNK);
    }

    /**
     * As {@link #HaxModel(ModelConfig, NDManager, Device)} with an explicit Mamba-2 SSD chunk length
     * (ignored by Mamba-1, whose chunks are chosen per call for numerical range).
     */
    public HaxModel(ModelConfig config, NDManager parent, Device device, int ssdChunk) {
        if (config == null) {
            throw new IllegalArgumentException("HaxModel: config is required");
        }
        this.config = config;
        this.params = new Params(parent, device, config.init());
        Random rng = new Random(config.initSeed());
        int d = config.dModel();
        try {
            // spec §5: the released configs draw the embedding like every Linear, N(0, 0.1); HAX Lab's first
            // scheme used GPT-2's 0.02
            embedding = params.normal("embedding", new Shape(config.vocabSize(), d),
                    config.init() == InitScheme.RELEASED ? InitScheme.INITIALIZER_RANGE : 0.02, rng);
            for (int i = 0; i < config.layers(); i++) {
                String prefix = "layers." + i + ".";
                norms.add(params.constant(prefix + "norm", new Shape(d), 1f));
                Random branchRng = new Random(config.initSeed() ^ (0x9E3779B97F4A7C15L * (i + 1)));
                mixers.add(config.backbone() == Backbone.MAMBA1
                        ? new Mamba1Mixer(config, i, params, prefix + "mixer.", rng, branchRng)
                        : new Mamba2Mixer(config, i, params, prefix + "mixer.", rng, branchRng, ssdChunk));
            }
            finalNorm = params.constant("norm_f", new Shape(d), 1f);
            // the fixed evaluation projection follows the model's seed (spec §3: seeded for inspection)
            redrawProjection(config.initSeed());
        } catch (RuntimeException e) {
            params.close();
            throw e;
        }
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public ForwardOutput forward(NDArray tokens, ForwardOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("forward: options are required (e.g. ForwardOptions.eval())");
        }
        if (tokens.getShape().dimension() != 2) {
            throw new IllegalArgumentException("forward: tokens must be (B, L), got " + tokens.getShape());
        }
        NDArray ids = tokens.getDevice().equals(params.device()) ? tokens : tokens.toDevice(params.device(), false);
        if (ids.getDataType() != DataType.INT64) {
            ids = ids.toType(DataType.INT64, false);
        }
        // The branch must not attend to padding (spec §1: every sample is right-padded with PAD); the
        // contract passes only token ids, so the mask is read off them. The SSM itself is causal, so
        // trailing padding never affects real positions and needs no mask.
        NDArray padMask = config.sparse().pattern().hasAttention()
                ? ids.neq(Scalars.like(ids, Vocabulary.PAD)).toType(DataType.FLOAT32, false) : null;  // no host scalar
        if (options.training()) {
            stageDraws(options, padMask, ids);
        }
        NDArray h = Embedding.embedding(ids, embedding, SparseFormat.DENSE).singletonOrThrow();
        NDArray gateLoss = null;
        for (int i = 0; i < mixers.size(); i++) {
            Mixer.Output m = mixers.get(i).forward(Layers.rmsNorm(h, norms.get(i)), padMask, options);
            h = h.add(m.output());
            if (m.gateLoss() != null) {
                gateLoss = gateLoss == null ? m.gateLoss() : gateLoss.add(m.gateLoss());
            }
        }
        NDArray logits = Layers.linear(Layers.rmsNorm(h, finalNorm), embedding);   // tied output
        if (gateLoss == null) {
            gateLoss = logits.getManager().zeros(new Shape(), DataType.FLOAT32, logits.getDevice());
        }
        return new ForwardOutput(logits, gateLoss);
    }

    /**
     * Draws every branch's training inputs on the host (LSH projections, KS picks) and uploads them in one array
     * before any layer runs: on a GPU an upload waits for the queued kernels, so one upload per layer would stall
     * the forward between layers (SparseBranch#drawTrainingInputs).
     */
    private void stageDraws(ForwardOptions options, NDArray padMask, NDArray ids) {
        int batch = (int) ids.getShape().get(0);
        int length = (int) ids.getShape().get(1);
        List<SparseBranch> branches = new ArrayList<>();
        List<float[]> parts = new ArrayList<>();
        int total = 0;
        for (Mixer mixer : mixers) {
            SparseBranch branch = mixer.branch();
            if (branch != null) {
                float[] part = branch.drawTrainingInputs(options, padMask, batch, length);
                branches.add(branch);
                parts.add(part);
                total += part.length;
            }
        }
        if (total == 0) {
            return;
        }
        float[] all = new float[total];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        NDArray uploaded = HostArrays.floats(ids.getManager(), all, new Shape(total));
        at = 0;
        for (int i = 0; i < branches.size(); i++) {
            int n = parts.get(i).length;
            branches.get(i).stage(n == 0 ? null : uploaded.get(at + ":" + (at + n)));
            at += n;
        }
    }

    /** Redraws every layer's fixed LSH projection; layer i draws from its own seed derived from {@code seed}. */
    @Override
    public void redrawProjection(long seed) {
        for (int i = 0; i < mixers.size(); i++) {
            mixers.get(i).redrawProjection(seed * 0x9E3779B97F4A7C15L + i);
        }
    }

    /** The mixer layers in order (for benchmarks and tests). */
    public List<Mixer> mixers() {
        return List.copyOf(mixers);
    }

    @Override
    public void close() {
        params.close();
    }
}
