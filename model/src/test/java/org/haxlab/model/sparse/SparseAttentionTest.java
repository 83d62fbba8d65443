package org.haxlab.model.sparse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dense-mask and sparse-gather execution (spec §3) agree on every pattern; empty rows read nothing. */
class SparseAttentionTest {

    private static final int B = 2;
    private static final int L = 37;
    private static final int N = 4;
    private static final int D = 5;

    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    private static NDArray random(Random rng, int... shape) {
        long size = 1;
        for (int s : shape) {
            size *= s;
        }
        float[] v = new float[(int) size];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rng.nextGaussian() * 1.5);
        }
        long[] dims = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = shape[i];
        }
        return manager.create(v, new Shape(dims));
    }

    private static SelectionInput[] randomInputs(Random rng) {
        SelectionInput[] in = new SelectionInput[B];
        for (int b = 0; b < B; b++) {
            int[] qb = new int[L];
            int[] kb = new int[L];
            float[] sc = new float[L];
            for (int t = 0; t < L; t++) {
                qb[t] = rng.nextInt(6);
                kb[t] = rng.nextInt(6);
                sc[t] = rng.nextInt(5);
            }
            in[b] = new SelectionInput(L, qb, kb, sc);
        }
        return in;
    }

    private static float maxAbsDiff(NDArray a, NDArray b) {
        return a.sub(b).abs().max().getFloat();
    }

    @Test
    void denseAndSparsePathsAgreeOnEveryPattern() {
        Random rng = new Random(5);
        NDArray q = random(rng, B, L, N);
        NDArray k = random(rng, B, L, N);
        NDArray v = random(rng, B, L, D);
        SelectionInput[] inputs = randomInputs(rng);
        for (Pattern p : Pattern.values()) {
            if (p == Pattern.NONE) {
                continue;
            }
            SparseConfig c = new SparseConfig(p, 8, 3, SparseConfig.LshRule.SIGN_BITS, 16,
                    SparseConfig.Variant.CAUSAL, SparseConfig.AttentionPath.AUTO);
            SelectionPattern sp = SelectionPattern.of(c);
            SelectedKeys[] sel = {sp.select(inputs[0]), sp.select(inputs[1])};
            NDArray dense = SparseAttention.dense(q, k, v, SoftmaxMask.denseMask(manager, sp, inputs));
            NDArray sparse = SparseAttention.sparse(q, k, v, sel);
            NDArray blocked = SparseAttention.sparse(q, k, v, sel, 1);  // one query per block
            assertTrue(maxAbsDiff(dense, sparse) <= 1e-5f, p + ": dense vs sparse " + maxAbsDiff(dense, sparse));
            assertTrue(maxAbsDiff(sparse, blocked) <= 1e-6f, p + ": block size changes the result");
            assertTrue(dense.abs().sum().getFloat() > 0, p + ": all-zero output cannot show agreement");
        }
    }

    @Test
    void blockedSparseGradientsMatchTheDensePath() {
        Random rng = new Random(13);
        SelectionInput[] inputs = randomInputs(rng);
        SelectionPattern sp = SelectionPattern.of(new SparseConfig(Pattern.HAX, 8, 3, SparseConfig.LshRule.SIGN_BITS,
                16, SparseConfig.Variant.CAUSAL, SparseConfig.AttentionPath.AUTO));
        SelectedKeys[] sel = {sp.select(inputs[0]), sp.select(inputs[1])};
        float[][] grads = new float[2][];
        for (int run = 0; run < 2; run++) {
            Random same = new Random(21);
            NDArray q = random(same, B, L, N);
            NDArray k = random(same, B, L, N);
            NDArray v = random(same, B, L, D);
            for (NDArray a : new NDArray[]{q, k, v}) {
                a.setRequiresGradient(true);
            }
            try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector();
                 ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
                NDArray out = run == 0
                        ? SparseAttention.dense(q, k, v, SoftmaxMask.denseMask(manager, sp, inputs))
                        : SparseAttention.sparse(q, k, v, sel, 3L * 8 * D);  // 3 queries per block
                gc.backward(out.square().sum());
            }
            grads[run] = q.getGradient().concat(k.getGradient(), 2).flatten()
                    .concat(v.getGradient().flatten()).toFloatArray();
        }
        float worst = 0;
        for (int i = 0; i < grads[0].length; i++) {
            worst = Math.max(worst, Math.abs(grads[0][i] - grads[1][i]));
        }
        assertTrue(worst <= 1e-4f, "gradients differ by " + worst);
    }

    @Test
    void blockedCausalAttentionEqualsTheFullDenseMask() {
        Random rng = new Random(17);
        NDArray q = random(rng, B, L, N);
        NDArray k = random(rng, B, L, N);
        NDArray v = random(rng, B, L, D);
        SelectionInput[] in = {SelectionInput.fixed(L), SelectionInput.fixed(L)};
        NDArray dense = SparseAttention.dense(q, k, v, SoftmaxMask.denseMask(manager, new FullPattern(), in));
        assertTrue(maxAbsDiff(dense, SparseAttention.causal(q, k, v)) <= 1e-5f);
        assertTrue(maxAbsDiff(dense, SparseAttention.causal(q, k, v, 5L * B * L)) <= 1e-5f, "5 queries per block");
    }

    @Test
    void emptyRowsGiveZeroOutputInBothPaths() {
        Random rng = new Random(9);
        NDArray q = random(rng, B, L, N);
        NDArray k = random(rng, B, L, N);
        NDArray v = random(rng, B, L, D);
        DilatedPattern dilated = new DilatedPattern(8, 4);  // queries 0..6 have no key
        SelectionInput[] in = {SelectionInput.fixed(L), SelectionInput.fixed(L)};
        NDArray dense = SparseAttention.dense(q, k, v, SoftmaxMask.denseMask(manager, dilated, in));
        NDArray sparse = SparseAttention.sparse(q, k, v, new SelectedKeys[]{dilated.select(in[0]), dilated.select(in[1])});
        for (NDArray out : new NDArray[]{dense, sparse}) {
            assertEquals(0f, out.get(":, 0:7, :").abs().max().getFloat(), "no keys, nothing read");
            assertTrue(out.get(":, 7, :").abs().max().getFloat() > 0, "query 7 reads key 7");
            // query 7 reads only key 7, so its output is exactly V_7
            assertTrue(maxAbsDiff(out.get(":, 7, :"), v.get(":, 7, :")) < 1e-6f);
        }
    }

    @Test
    void allRowsEmptyGivesZerosWithoutGathering() {
        Random rng = new Random(2);
        NDArray q = random(rng, 1, 3, N);
        NDArray v = random(rng, 1, 3, D);
        SelectedKeys empty = new DilatedPattern(8, 2).select(SelectionInput.fixed(3));
        assertEquals(0f, SparseAttention.sparse(q, q, v, new SelectedKeys[]{empty}).abs().sum().getFloat());
    }

    @Test
    void hostWeightsAreTheSoftmaxOfTheSelectedScores() {
        float[] q = {1, 0, 0, 2};         // L = 2, N = 2
        float[] k = {1, 1, 0.5f, -1};
        SelectedKeys full = new FullPattern().select(SelectionInput.fixed(2));
        float[] w = SparseAttention.hostWeights(full, q, k, 2);
        assertEquals(1f, w[0], 1e-6f);
        // query 1 scores: q1.k0 = 2, q1.k1 = -2
        assertEquals(1 / (1 + Math.exp(-4)), w[1], 1e-6);
        assertEquals(1 / (1 + Math.exp(4)), w[2], 1e-6);
    }
}
