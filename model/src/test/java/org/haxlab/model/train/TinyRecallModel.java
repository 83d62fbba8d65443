package org.haxlab.model.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nd.Params;
import org.haxlab.model.nn.ForwardOutput;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.trace.ForwardOptions;

import java.util.Random;

/**
 * Test fixture standing in for HaxModel: token + position embedding, one causal single-head attention
 * layer with a residual, tied output head. Its "gate loss" is a small weight penalty on the query
 * projection so that the trainer's 0.1 x gate-loss term is exercised. Uses {@code dModel} and
 * {@code initSeed} of the config; {@code maxLen} of the sparse config bounds the positions.
 */
public final class TinyRecallModel implements SequenceModel {

    private final ModelConfig config;
    private final Params params;
    private final int maxLen;

    /** A tiny config: vocab 100, width {@code dModel}, positions up to 128. */
    public static ModelConfig config(int dModel, long seed) {
        SparseConfig sparse = new SparseConfig(Pattern.NONE, 64, 8, SparseConfig.LshRule.SIGN_BITS, 128,
                SparseConfig.Variant.CAUSAL, SparseConfig.AttentionPath.AUTO);
        return new ModelConfig(Backbone.MAMBA1, 100, dModel, 1, 1, 4, 1, 1, 1, sparse, seed);
    }

    /** Builds the fixture with weights drawn from {@code config.initSeed()}. */
    public TinyRecallModel(ModelConfig config, NDManager manager, Device device) {
        this.config = config;
        this.params = new Params(manager, device);
        this.maxLen = config.sparse().maxLen();
        int d = config.dModel();
        Random rng = new Random(config.initSeed());
        params.normal("embedding", new Shape(config.vocabSize(), d), 0.5, rng);
        params.normal("position", new Shape(maxLen, d), 0.1, rng);
        double b = 1 / Math.sqrt(d);
        params.uniform("attn.q", new Shape(d, d), b, rng);
        params.uniform("attn.k", new Shape(d, d), b, rng);
        params.uniform("attn.v", new Shape(d, d), b, rng);
        params.uniform("attn.out", new Shape(d, d), b, rng);
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
        long len = tokens.getShape().get(1);
        NDArray emb = params.get("embedding");
        NDArray h = emb.get(tokens).add(params.get("position").get("0:" + len));
        NDArray q = h.matMul(params.get("attn.q"));
        NDArray k = h.matMul(params.get("attn.k"));
        NDArray v = h.matMul(params.get("attn.v"));
        NDArray scores = q.matMul(k.transpose(0, 2, 1)).div((float) Math.sqrt(config.dModel()));
        NDManager m = scores.getManager();
        NDArray idx = m.arange(0f, (float) len, 1f);
        NDArray future = idx.expandDims(0).gt(idx.expandDims(1)).toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                .mul(-1e9f);
        NDArray attn = scores.add(future).softmax(-1).matMul(v);
        NDArray out = h.add(attn.matMul(params.get("attn.out")));
        NDArray logits = out.matMul(emb.transpose());
        NDArray gate = params.get("attn.q").square().mean().mul(1e-3f);
        return new ForwardOutput(logits, gate);
    }

    @Override
    public void redrawProjection(long seed) {
        // no projection in the fixture
    }

    @Override
    public void close() {
        params.close();
    }
}
