package org.haxlab.app.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.haxlab.model.nd.HostArrays;
import org.haxlab.model.nd.Scalars;
import org.haxlab.model.nn.ForwardOutput;
import org.haxlab.model.nn.HaxModel;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.trace.ForwardOptions;
import org.haxlab.model.train.AdamW;
import org.haxlab.model.train.NoGrad;
import org.haxlab.model.train.Objective;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Times training steps of the paper's synthetic model (spec §2/§4: 2 layers, d_model 64, the paper's branch
 * settings) on random token batches, with the same work per step as {@code org.haxlab.model.train.Trainer}
 * and as the PyTorch peer: zero the gradients, forward in training mode, masked cross-entropy + 0.1 x gate
 * loss, backward, global-norm clipping at 1, AdamW (weight decay 0.01).
 */
public final class TrainStepBench {

    /** Gate-loss weight (spec §3). */
    static final float GATE_WEIGHT = 0.1f;
    /** Global gradient-norm clip, as the peer's clip_grad_norm_(1.0). */
    static final double CLIP = 1.0;
    /** Learning rate of the timed steps (its value does not change the cost). */
    static final double LR = 1e-3;

    private TrainStepBench() {
    }

    /**
     * Times {@code warmup + steps} steps and returns the timed ones' statistics, ms.
     *
     * @param length the input length L (1057: a 1058-token sequence minus the shifted target)
     */
    public static Stats run(Backbone backbone, Pattern pattern, int batch, int length, int warmup, int steps,
                            double softSeconds) throws Exception {
        ModelConfig config = ModelConfig.paper(backbone, pattern);
        Random rng = new Random(7);
        long[] tokens = new long[batch * length];
        long[] targets = new long[tokens.length];
        float[] mask = new float[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = 10 + rng.nextInt(48);      // values, keys and contexts (spec §1 ids 10..57)
            targets[i] = 10 + rng.nextInt(16);     // values
            mask[i] = rng.nextFloat() < 0.25f ? 1f : 0f;
        }
        try (NDManager manager = NDManager.newBaseManager();
             HaxModel model = new HaxModel(config, manager, manager.getDevice());
             AdamW adam = new AdamW(model.params(), 0.01)) {
            Shape shape = new Shape(batch, length);
            NDArray tok = HostArrays.longs(manager, tokens, shape);
            NDArray tgt = HostArrays.longs(manager, targets, shape);
            NDArray msk = HostArrays.floats(manager, mask, shape);
            List<NDArray> weights = new ArrayList<>(model.params().asMap().values());
            int[] step = {0};
            return Timer.time(warmup, steps, softSeconds, () -> {
                // grad mode is per thread and only the engine-loading thread has it off; the zeroing and the
                // optimiser update below are in-place on weights (see NoGrad)
                try (NDScope scope = new NDScope(); NoGrad noGrad = NoGrad.of(Engine.getInstance())) {
                    for (NDArray w : weights) {
                        if (w.hasGradient()) {
                            w.getGradient().set(new NDIndex("..."), 0f);
                        }
                    }
                    NDArray loss;
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        ForwardOutput out = model.forward(tok, ForwardOptions.train(++step[0]));
                        NDArray lm = Objective.maskedMean(Objective.crossEntropy(out.logits(), tgt), msk);
                        loss = lm.add(Scalars.mul(out.gateLoss(), GATE_WEIGHT));   // engine-owned scalar (Scalars)
                        gc.backward(loss);
                    }
                    List<NDArray> grads = new ArrayList<>(weights.size());
                    NDList squares = new NDList();
                    for (NDArray w : weights) {
                        grads.add(w.getGradient());
                        squares.add(w.getGradient().square().sum());
                    }
                    double norm = Math.sqrt(ai.djl.ndarray.NDArrays.stack(squares).sum().getFloat());
                    if (norm > CLIP) {
                        float scale = (float) (CLIP / (norm + 1e-6));
                        grads.forEach(g -> g.muli(scale));
                    }
                    adam.step(LR, grads);
                    loss.getFloat();
                }
            });
        }
    }
}
