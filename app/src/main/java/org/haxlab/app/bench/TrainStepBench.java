package org.haxlab.app.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.haxlab.model.nd.HostReads;
import org.haxlab.model.nd.PhaseTimer;
import org.haxlab.model.nd.HostArrays;
import org.haxlab.model.nd.Scalars;
import org.haxlab.model.nn.ForwardOutput;
import org.haxlab.model.nn.HaxModel;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.trace.ForwardOptions;
import org.haxlab.model.train.AdamW;
import org.haxlab.model.train.Gradients;
import org.haxlab.model.train.NoGrad;
import org.haxlab.model.train.Objective;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Times training steps of the paper's synthetic model (spec §2/§4: 2 layers, d_model 64, the paper's branch
 * settings) on random token batches, with the same work per step as {@code org.haxlab.model.train.Trainer}
 * and as the PyTorch peer: zero the gradients, forward in training mode, masked cross-entropy + 0.1 x gate
 * loss, backward, global-norm clipping at 1, AdamW (weight decay 0.01). Like a trainer step between report
 * points it reads nothing back but the loss at its end, which the timer needs (the peer synchronises there too).
 * With {@code -Dhaxlab.profile=true} the phases are timed ({@link PhaseTimer}).
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
     * What {@link #run} measured.
     *
     * @param stats        the timed steps, ms
     * @param readsPerStep device-to-host reads ({@link HostReads}) per step, warm-up included: 1 (the loss the
     *                     timer waits for) when the step itself reads nothing
     * @param warmupSteps  the untimed steps that ran first ({@link Timer#warming})
     */
    public record Result(Stats stats, double readsPerStep, int warmupSteps) {

        /** Every step that ran, warm-up and timed. */
        public int allSteps() {
            return warmupSteps + stats.count();
        }
    }

    /**
     * Times {@code steps} steps after a warm-up of at least {@code warmup} steps and {@code warmupSeconds} seconds,
     * and returns the timed ones' statistics, ms, and the reads per step.
     *
     * @param length the input length L (1057: a 1058-token sequence minus the shifted target)
     */
    public static Result run(Backbone backbone, Pattern pattern, int batch, int length, int warmup,
                             double warmupSeconds, int steps, double softSeconds) throws Exception {
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
            float[] real = new float[tokens.length];
            java.util.Arrays.fill(real, 1f);
            List<NDArray> weights = new ArrayList<>(model.params().asMap().values());
            int[] step = {0};
            long reads = HostReads.onThisThread();
            Timer.Timed timed = Timer.time(warmup, warmupSeconds, steps, softSeconds, () -> {
                // grad mode is per thread and only the engine-loading thread has it off; the zeroing and the
                // optimiser update below are in-place on weights (see NoGrad)
                try (NDScope scope = new NDScope(); NoGrad noGrad = NoGrad.of(Engine.getInstance())) {
                    PhaseTimer.mark("between steps", tok);
                    Gradients.zero(weights);
                    NDArray loss;
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        // every token is real: the host flags say so, as the trainer's Batch does (no read back)
                        ForwardOutput out = model.forward(tok, ForwardOptions.train(++step[0], real));
                        NDArray lm = Objective.maskedMean(Objective.crossEntropy(out.logits(), tgt), msk);
                        loss = lm.add(Scalars.mul(out.gateLoss(), GATE_WEIGHT));   // engine-owned scalar (Scalars)
                        PhaseTimer.mark("loss", loss);
                        gc.backward(loss);
                    }
                    List<NDArray> grads = new ArrayList<>(weights.size());
                    for (NDArray w : weights) {
                        grads.add(w.getGradient());
                    }
                    PhaseTimer.mark("backward", grads.get(grads.size() - 1));
                    // as the trainer between report points: clipping decided on the device, nothing read back
                    NDArray flat = Gradients.flatten(grads);
                    Gradients.clip(flat, Gradients.squaredNorm(flat), CLIP);
                    adam.step(LR, flat);
                    PhaseTimer.mark("clip+optimiser", grads.get(0));
                    // the step's only read: the timer needs the device to have finished (the peer synchronises too)
                    HostReads.scalar(loss);
                }
            });
            return new Result(timed.stats(), (HostReads.onThisThread() - reads) / (double) Math.max(1, step[0]),
                    timed.warmupRuns());
        }
    }
}
