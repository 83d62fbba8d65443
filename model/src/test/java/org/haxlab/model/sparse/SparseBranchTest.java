package org.haxlab.model.sparse;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.haxlab.model.nd.ManagedTest;
import org.haxlab.model.nd.Params;
import org.haxlab.model.sparse.SparseConfig.AttentionPath;
import org.haxlab.model.sparse.SparseConfig.Variant;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Component;
import org.haxlab.model.trace.ForwardOptions;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole branch (spec §3): weights, paths, causality, gradients and the trace. */
class SparseBranchTest extends ManagedTest {

    private static final int B = 2;
    private static final int L = 40;
    private static final int D_INNER = 6;
    private static final int N = 3;
    private static final ForwardOptions TRACE = ForwardOptions.inspect(layer -> { });

    private static SparseConfig config(Pattern p, Variant variant, AttentionPath path) {
        return new SparseConfig(p, 8, 3, SparseConfig.LshRule.SIGN_BITS, 16, variant, path);
    }

    private SparseBranch branch(SparseConfig c, Params params) {
        return new SparseBranch(c, D_INNER, N, 1, params, "attn.", new Random(4));
    }

    private SparseBranch branch(SparseConfig c) {
        return branch(c, new Params(manager, manager.getDevice()));
    }

    private float[] randomX(long seed) {
        Random rng = new Random(seed);
        float[] v = new float[B * L * D_INNER];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rng.nextGaussian() * 2);
        }
        return v;
    }

    private NDArray x(float[] v) {
        return manager.create(v, new Shape(B, L, D_INNER));
    }

    private static float maxAbsDiff(NDArray a, NDArray b) {
        return a.sub(b).abs().max().getFloat();
    }

    private static Pattern[] patterns() {
        return java.util.Arrays.stream(Pattern.values()).filter(Pattern::hasAttention).toArray(Pattern[]::new);
    }

    @Test
    void registersItsWeightsUnderThePrefix() {
        Params params = new Params(manager, manager.getDevice());
        branch(config(Pattern.HAX, Variant.CAUSAL, AttentionPath.AUTO), params);
        assertEquals(new Shape(D_INNER, 2 * N), params.get("attn.w_xx").getShape());
        assertEquals(6f, params.get("attn.gate_e").sum().getFloat(), "E starts at 1");
        assertTrue(params.has("attn.ks.w1") && params.has("attn.ks.b3"));
        Params plain = new Params(manager, manager.getDevice());
        branch(config(Pattern.SW, Variant.CAUSAL, AttentionPath.AUTO), plain);
        assertEquals(java.util.List.of("attn.w_xx", "attn.gate_e"), plain.names());
        assertThrows(IllegalArgumentException.class, () -> branch(SparseConfig.paper(Pattern.NONE)));
    }

    @Test
    void denseAndSparsePathsAgreeThroughTheBranchOnEveryPattern() {
        NDArray x = x(randomX(1));
        float[] pad = new float[B * L];
        java.util.Arrays.fill(pad, 1f);
        java.util.Arrays.fill(pad, L + 30, 2 * L, 0f);  // sequence 1 is right-padded
        NDArray padMask = manager.create(pad, new Shape(B, L));
        for (Pattern p : patterns()) {
            for (ForwardOptions o : new ForwardOptions[]{ForwardOptions.eval(), ForwardOptions.train(9)}) {
                SparseBranch.Output dense = branch(config(p, Variant.CAUSAL, AttentionPath.DENSE)).forward(x, padMask, o);
                SparseBranch.Output sparse = branch(config(p, Variant.CAUSAL, AttentionPath.SPARSE)).forward(x, padMask, o);
                float diff = maxAbsDiff(dense.output(), sparse.output());
                assertTrue(diff <= 1e-5f, p + " training=" + o.training() + ": dense vs sparse differ by " + diff);
                assertEquals(dense.gateLoss().getFloat(), sparse.gateLoss().getFloat(), 1e-6f);
            }
        }
    }

    @Test
    void positionalMasksAreKeptPerLengthAndSurviveTheStepThatMadeThem() {
        for (Pattern p : new Pattern[]{Pattern.SW, Pattern.A, Pattern.D, Pattern.SWD, Pattern.FULL}) {
            SparseBranch dense = branch(config(p, Variant.CAUSAL, AttentionPath.DENSE));
            SparseBranch sparse = branch(config(p, Variant.CAUSAL, AttentionPath.SPARSE));
            assertTrue(dense.pattern().positional(), p + " is positional");
            for (int len : new int[]{L, 17, L}) {  // the second L reuses the mask the first one kept
                NDArray x = manager.create(java.util.Arrays.copyOf(randomX(len), B * len * D_INNER),
                        new Shape(B, len, D_INNER));
                float[] want = sparse.forward(x, null, ForwardOptions.eval()).output().toFloatArray();
                float[] got;
                // a training step's scope closes what it made; the kept mask must outlive it
                try (ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
                    got = dense.forward(x, null, ForwardOptions.eval()).output().toFloatArray();
                }
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], got[i], 1e-5f, p + " L=" + len + " element " + i);
                }
            }
        }
        assertTrue(!SelectionPattern.of(config(Pattern.HAX, Variant.CAUSAL, AttentionPath.AUTO)).positional());
        assertTrue(!SelectionPattern.of(config(Pattern.LSH, Variant.CAUSAL, AttentionPath.AUTO)).positional());
    }

    @Test
    void autoTakesTheDensePathForShortSequencesAndLongerOnesWhereThatPays() {
        SparseBranch sw = branch(config(Pattern.SW, Variant.CAUSAL, AttentionPath.AUTO));
        SparseBranch hax = branch(config(Pattern.HAX, Variant.CAUSAL, AttentionPath.AUTO));
        SparseBranch full = branch(config(Pattern.FULL, Variant.CAUSAL, AttentionPath.AUTO));
        ai.djl.Device cpu = ai.djl.Device.cpu();
        ai.djl.Device gpu = ai.djl.Device.gpu();
        int shortL = SparseConfig.AUTO_DENSE_MAX_LENGTH;
        for (SparseBranch b : new SparseBranch[]{sw, hax, full}) {
            assertTrue(b.autoDense(shortL, cpu, 2) && b.autoDense(shortL, gpu, 2), "short sequences: dense");
            assertTrue(!b.autoDense(shortL + 1, cpu, 1), "one CPU thread: sparse beyond the short limit");
        }
        int few = SparseConfig.AUTO_MASK_DENSE_MAX_FEW_THREADS;
        assertTrue(sw.autoDense(few, cpu, 2) && !sw.autoDense(few + 1, cpu, 2), "two threads: dense up to " + few);
        assertTrue(hax.autoDense(1057, cpu, 3) && !hax.autoDense(few + 1, cpu, 3));
        assertTrue(!full.autoDense(shortL + 1, cpu, 2), "FULL keeps its blocked causal path");
        int cpuMax = SparseConfig.AUTO_MASK_DENSE_MAX_CPU;
        int many = SparseConfig.AUTO_MASK_DENSE_MIN_THREADS;
        assertTrue(sw.autoDense(cpuMax, cpu, many) && !sw.autoDense(cpuMax + 1, cpu, many));
        assertTrue(!sw.autoDense(few + 1, cpu, many - 1) && sw.autoDense(few + 1, cpu, many));
        assertTrue(sw.autoDense(SparseConfig.AUTO_MASK_DENSE_MAX_GPU, gpu, 1));
        assertTrue(!sw.autoDense(SparseConfig.AUTO_MASK_DENSE_MAX_GPU + 1, gpu, 1));
        assertTrue(hax.autoDense(cpuMax, cpu, many) && !hax.autoDense(few + 1, cpu, many - 1), "device-built mask");
        assertTrue(hax.autoDense(SparseConfig.AUTO_MASK_DENSE_MAX_GPU, gpu, 1));
        assertTrue(!full.autoDense(shortL + 1, gpu, 16) && !full.autoDense(shortL + 1, cpu, 16), "blocked causal");
    }

    @Test
    void aLaterTokenNeverChangesEarlierOutputsInTheCausalVariant() {
        float[] a = randomX(2);
        float[] b = a.clone();
        for (int bb = 0; bb < B; bb++) {
            for (int t = 25; t < L; t++) {
                for (int d = 0; d < D_INNER; d++) {
                    b[(bb * L + t) * D_INNER + d] += 7f * (d + 1);
                }
            }
        }
        for (Pattern p : patterns()) {
            for (AttentionPath path : new AttentionPath[]{AttentionPath.DENSE, AttentionPath.SPARSE}) {
                SparseBranch br = branch(config(p, Variant.CAUSAL, path));
                for (ForwardOptions o : new ForwardOptions[]{ForwardOptions.eval(), ForwardOptions.train(3)}) {
                    NDArray ya = br.forward(x(a), null, o).output();
                    NDArray yb = br.forward(x(b), null, o).output();
                    assertEquals(0f, maxAbsDiff(ya.get(":, 0:25, :"), yb.get(":, 0:25, :")), 1e-6f, p + " " + path);
                    assertTrue(maxAbsDiff(ya, yb) > 0, p + ": the change must show somewhere");
                }
            }
        }
    }

    @Test
    void thePaperVariantLetsALaterTokenMoveEarlierLshOutputs() {
        float[] a = randomX(2);
        float[] b = a.clone();
        for (int bb = 0; bb < B; bb++) {
            for (int d = 0; d < D_INNER; d++) {
                b[(bb * L + L - 1) * D_INNER + d] += 40f * (d % 2 == 0 ? 1 : -1);
            }
        }
        SparseBranch br = branch(config(Pattern.LSH, Variant.PAPER, AttentionPath.SPARSE));
        NDArray ya = br.forward(x(a), null, ForwardOptions.eval()).output();
        NDArray yb = br.forward(x(b), null, ForwardOptions.eval()).output();
        assertTrue(maxAbsDiff(ya.get(":, 0:39, :"), yb.get(":, 0:39, :")) > 1e-3f,
                "sequence-axis centring makes earlier bins depend on the last token");
    }

    @Test
    void gradientsReachWxxAndEThroughTheAttentionButNotTheScorer() {
        for (Pattern p : new Pattern[]{Pattern.SW, Pattern.LSH, Pattern.KS, Pattern.HAX}) {
            for (AttentionPath path : new AttentionPath[]{AttentionPath.DENSE, AttentionPath.SPARSE}) {
                Params params = new Params(manager, manager.getDevice());
                SparseBranch br = branch(config(p, Variant.CAUSAL, path), params);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(br.forward(x(randomX(3)), null, ForwardOptions.eval()).output().square().sum());
                }
                assertTrue(params.get("attn.w_xx").getGradient().abs().sum().getFloat() > 0, p + " " + path + ": W_xx");
                assertTrue(params.get("attn.gate_e").getGradient().abs().sum().getFloat() > 0, p + " " + path + ": E");
                if (params.has("attn.ks.w1")) {
                    assertEquals(0f, params.get("attn.ks.w1").getGradient().abs().sum().getFloat(),
                            p + ": top-k selection carries no gradient to the scorer");
                }
            }
        }
    }

    @Test
    void traceDescribesBatchElementZero() {
        NDArray x = x(randomX(4));
        SparseBranch.Output dense = branch(config(Pattern.HAX, Variant.CAUSAL, AttentionPath.DENSE)).forward(x, null, TRACE);
        SparseBranch.Output sparse = branch(config(Pattern.HAX, Variant.CAUSAL, AttentionPath.SPARSE)).forward(x, null, TRACE);
        SparseBranch.Trace t = dense.trace();
        assertEquals(L, t.qBucket().length);
        assertEquals(L, t.kBucket().length);
        assertEquals(L, t.ksScore().length);
        assertArrayEquals(t.qBucket(), sparse.trace().qBucket());
        AttentionSelection s = t.selection();
        assertArrayEquals(s.keys(), sparse.trace().selection().keys());
        int allowed = Component.LSH.bit() | Component.KS.bit();
        for (int i = 0; i < L; i++) {
            assertTrue(s.count(i) <= 8, "row " + i + " over budget");
            float sum = 0;
            for (int e = s.offsets()[i]; e < s.offsets()[i + 1]; e++) {
                sum += s.weights()[e];
                assertTrue(s.components()[e] != 0 && (s.components()[e] & ~allowed) == 0);
                assertTrue(s.keys()[e] <= i);
            }
            assertEquals(s.count(i) == 0 ? 0f : 1f, sum, 1e-5f, "weights of row " + i);
        }
        float[] norms = dense.output().get(0).square().sum(new int[]{-1}).sqrt().toFloatArray();
        assertArrayEquals(norms, t.attnNorm(), 1e-5f);
        assertEquals(null, branch(config(Pattern.HAX, Variant.CAUSAL, AttentionPath.DENSE))
                .forward(x, null, ForwardOptions.eval()).trace());
    }

    @Test
    void fixedPatternTracesHaveNoBucketsAndShowEmptyRows() {
        SparseBranch.Trace t = branch(config(Pattern.D, Variant.CAUSAL, AttentionPath.AUTO))
                .forward(x(randomX(5)), null, TRACE).trace();
        assertEquals(0, t.qBucket().length);
        assertEquals(0, t.ksScore().length);
        int r = config(Pattern.D, Variant.CAUSAL, AttentionPath.AUTO).dilation();
        for (int i = 0; i < r - 1; i++) {
            assertEquals(0, t.selection().count(i));
            assertEquals(0f, t.attnNorm()[i], "an empty row has a zero output");
        }
        assertTrue(t.attnNorm()[r - 1] > 0);
        SparseBranch.Trace full = branch(config(Pattern.FULL, Variant.CAUSAL, AttentionPath.AUTO))
                .forward(x(randomX(5)), null, TRACE).trace();
        assertEquals(L * (L + 1) / 2, full.selection().size());
        assertEquals(Component.FULL.bit(), full.selection().components()[0]);
    }

    @Test
    void evaluationUsesTheFixedProjectionUntilRedrawn() {
        NDArray x = x(randomX(6));
        SparseBranch br = branch(config(Pattern.LSH, Variant.CAUSAL, AttentionPath.AUTO));
        int[] first = br.forward(x, null, TRACE).trace().qBucket();
        assertArrayEquals(first, br.forward(x, null, TRACE).trace().qBucket(), "eval bins are stable");
        br.redrawProjection(12345L);
        int[] redrawn = br.forward(x, null, TRACE).trace().qBucket();
        assertFalse(java.util.Arrays.equals(first, redrawn), "a new projection gives new bins");
        br.redrawProjection(1L);  // the constructor's seed for layer 1
        assertArrayEquals(first, br.forward(x, null, TRACE).trace().qBucket());
        ForwardOptions train = new ForwardOptions(true, 77L, layer -> { });
        int[] fresh = br.forward(x, null, train).trace().qBucket();
        assertArrayEquals(fresh, br.forward(x, null, train).trace().qBucket(), "same lshSeed, same projection");
        assertFalse(java.util.Arrays.equals(fresh, br.forward(x, null, new ForwardOptions(true, 78L, layer -> { }))
                .trace().qBucket()), "training draws a fresh projection per seed");
    }

    @Test
    void stagedDrawsGiveWhatTheBranchDrawsItself() {
        NDArray x = x(randomX(8));
        SparseBranch br = branch(config(Pattern.HAX, Variant.CAUSAL, AttentionPath.SPARSE));
        ForwardOptions train = ForwardOptions.train(31L);
        SparseBranch.Output inline = br.forward(x, null, train);
        float[] packed = br.drawTrainingInputs(train, null, B, L);
        assertTrue(packed.length > N * 3, "projection and picks drawn: " + packed.length);
        br.stage(manager.create(packed));
        SparseBranch.Output staged = br.forward(x, null, train);
        assertArrayEquals(inline.output().toFloatArray(), staged.output().toFloatArray(), 0f);
        assertEquals(inline.gateLoss().getFloat(), staged.gateLoss().getFloat(), 0f);
        // draws staged for another seed are not used
        br.drawTrainingInputs(ForwardOptions.train(32L), null, B, L);
        br.stage(manager.create(br.drawTrainingInputs(ForwardOptions.train(32L), null, B, L)));
        assertEquals(inline.gateLoss().getFloat(), br.forward(x, null, train).gateLoss().getFloat(), 0f);
        assertEquals(0, br.drawTrainingInputs(ForwardOptions.eval(), null, B, L).length, "nothing to draw in eval");
        assertThrows(IllegalStateException.class, () -> br.stage(null));
        SparseBranch window = branch(config(Pattern.SW, Variant.CAUSAL, AttentionPath.AUTO));
        assertEquals(0, window.drawTrainingInputs(train, null, B, L).length, "no LSH, no KS: nothing to draw");
    }

    @Test
    void rejectsAnInputOfTheWrongWidth() {
        SparseBranch br = branch(config(Pattern.SW, Variant.CAUSAL, AttentionPath.AUTO));
        NDArray bad = manager.zeros(new Shape(1, 4, D_INNER + 1));
        assertThrows(IllegalArgumentException.class, () -> br.forward(bad, null, ForwardOptions.eval()));
    }
}
