package org.haxlab.model.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import org.haxlab.model.nd.Scalars;
import org.haxlab.model.nn.ForwardOutput;
import org.haxlab.model.nn.HaxModel;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.task.Batch;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.trace.ForwardOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regression for the nondeterministic first step ("gradient of 'embedding' is NaN" now and then, a
 * different loss at step 2): every tensor that autograd saves during the forward must keep its memory
 * until the backward, whatever the garbage collector does in between. DJL's {@code x.mul(2f)} /
 * {@code manager.create(float[])} arrays live in Java direct buffers, so a GC between forward and backward
 * used to free what the backward read (see {@link Scalars} and {@link org.haxlab.model.nd.HostArrays}).
 * Here the GC is forced at that point and the freed memory is refilled with NaN bytes: the gradients
 * must stay bitwise those of an undisturbed run.
 */
class BackwardAfterGcTest {

    private static final int BATCH = 4;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager(Device.cpu());
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @ParameterizedTest
    @CsvSource({"MAMBA1, ssm, AUTO", "MAMBA2, ssm, AUTO", "MAMBA1, hax, SPARSE", "MAMBA2, hax, DENSE",
            "MAMBA1, full, SPARSE"})
    void gcBetweenForwardAndBackwardChangesNoGradient(Backbone backbone, String pattern,
                                                     SparseConfig.AttentionPath path) {
        SparseConfig sparse = SparseConfig.paper(Pattern.parse(pattern)).withPath(path);
        List<RecallSequence> seqs = new RecallFixture(Fixtures.SPEC).sample(BATCH, new Random(5));
        int length = seqs.stream().mapToInt(RecallSequence::length).max().orElseThrow();
        try (HaxModel model = new HaxModel(ModelConfig.paper(backbone, sparse, 3L), manager, Device.cpu())) {
            float[] calm = gradients(model, seqs, length, false);
            for (float g : calm) {
                assertTrue(Float.isFinite(g), "undisturbed run gave a non-finite gradient");
            }
            for (int run = 0; run < 2; run++) {
                float[] stressed = gradients(model, seqs, length, true);
                int differing = 0;
                for (int i = 0; i < calm.length; i++) {
                    if (Float.floatToRawIntBits(calm[i]) != Float.floatToRawIntBits(stressed[i])) {
                        differing++;
                    }
                }
                assertEquals(0, differing, "gradient entries changed by a GC between forward and backward (run "
                        + run + ", " + calm.length + " entries)");
            }
        }
    }

    /** One training-step forward and backward as the trainer does it; every gradient, flattened. */
    private float[] gradients(HaxModel model, List<RecallSequence> seqs, int length, boolean disturb) {
        Engine engine = model.params().manager().getEngine();
        List<ByteBuffer> poison = new ArrayList<>();
        try (NDManager step = manager.newSubManager(); NDScope scope = new NDScope();
             NoGrad noGrad = NoGrad.of(engine)) {
            scope.suppressNotUsedWarning();
            Batch batch = Batch.of(seqs, length, step);
            model.params().forEach(w -> {
                if (w.hasGradient()) {
                    w.getGradient().set(new NDIndex("..."), 0f);
                }
            });
            try (GradientCollector gc = engine.newGradientCollector()) {
                ForwardOutput out = model.forward(batch.tokens(), ForwardOptions.train(11));
                NDArray lm = Objective.maskedMean(Objective.crossEntropy(out.logits(), batch.targets()),
                        batch.lossMask());
                NDArray loss = lm.add(Scalars.mul(out.gateLoss(), 0.1f));
                if (disturb) {
                    poison = collectAndRefill();
                }
                gc.backward(loss);
            }
            List<float[]> parts = new ArrayList<>();
            int total = 0;
            for (NDArray w : model.params().asMap().values()) {
                float[] g = w.getGradient().toFloatArray();
                parts.add(g);
                total += g.length;
            }
            float[] flat = new float[total];
            int at = 0;
            for (float[] g : parts) {
                System.arraycopy(g, 0, flat, at, g.length);
                at += g.length;
            }
            Reference.reachabilityFence(poison);   // the refill must stay allocated until the backward has run
            return flat;
        }
    }

    /**
     * Lets the collector free every unreachable direct buffer, then allocates direct buffers of many sizes
     * filled with 0xFF (a NaN pattern), so memory freed under a live graph is overwritten at once.
     */
    private static List<ByteBuffer> collectAndRefill() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<ByteBuffer> keep = new ArrayList<>();
        for (int size = 4; size <= 1 << 16; size *= 2) {
            for (int n = 0; n < 32; n++) {
                ByteBuffer b = ByteBuffer.allocateDirect(size);
                while (b.hasRemaining()) {
                    b.put((byte) 0xFF);
                }
                keep.add(b);
            }
        }
        return keep;
    }
}
