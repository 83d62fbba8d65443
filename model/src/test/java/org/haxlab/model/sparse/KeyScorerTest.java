package org.haxlab.model.sparse;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.haxlab.model.nd.ManagedTest;
import org.haxlab.model.nd.Params;
import org.haxlab.model.trace.ForwardOptions;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The KS scorer's ranking loss (spec §3) on hand-computed cases, and where its gradient goes. */
class KeyScorerTest extends ManagedTest {

    /** A (1, L) device pad mask. */
    private NDArray pad(float... v) {
        return manager.create(v, new Shape(1, v.length));
    }

    private NDArray column(float... v) {
        return manager.create(v, new Shape(1, v.length, 1));
    }

    @Test
    void rankingLossMatchesAHandComputedCase() {
        // N = 1, L = 3: q = (1, 0, 2), k = (0.5, -1, 1), scores x = (0.3, -0.2, 0.1), keys 0 and 2 picked.
        // y_0 = s(0.5) + s(0) + s(1) = 1.85 > y_2 = s(2) = 0.88, so pair (0,2) has target 1 and (2,0) target 0;
        // both give log(1 + e^-0.2).
        NDArray scores = manager.create(new float[]{0.3f, -0.2f, 0.1f}, new Shape(1, 3));
        NDArray loss = KeyScorer.rankingLoss(scores, column(1, 0, 2), column(0.5f, -1, 1),
                new int[][]{{0, 2}}, pad(1, 1, 1));
        assertEquals(Math.log1p(Math.exp(-0.2)), loss.getFloat(), 1e-6);
    }

    @Test
    void releasedLossAveragesOverAllPairsWithTheDiagonal() {
        // the case above: two off-diagonal pairs of log(1 + e^-0.2) each, plus two diagonal pairs (x_a - x_a = 0,
        // target 1/2) of ln 2 each, over k_c^2 = 4 pairs (spec §5)
        NDArray scores = manager.create(new float[]{0.3f, -0.2f, 0.1f}, new Shape(1, 3));
        NDArray loss = KeyScorer.rankingLoss(scores, column(1, 0, 2), column(0.5f, -1, 1),
                new int[][]{{0, 2}}, pad(1, 1, 1), true);
        assertEquals((2 * Math.log1p(Math.exp(-0.2)) + 2 * Math.log(2)) / 4, loss.getFloat(), 1e-6);
    }

    @Test
    void rankingLossIgnoresPadQueriesInTheTarget() {
        // q = (0, 5, 5), k = (0, -1, 1), position 2 is a pad, keys 1 and 2 picked, x_1 - x_2 = 0.2.
        // Real queries only: y_1 = s(-5) > y_2 = 0, so both orders give log(1 + e^-0.2).
        // (Counting the pad would give y_2 = s(5) > y_1 and the larger loss log(1 + e^0.2).)
        NDArray scores = manager.create(new float[]{0f, 0.3f, 0.1f}, new Shape(1, 3));
        NDArray loss = KeyScorer.rankingLoss(scores, column(0, 5, 5), column(0, -1, 1),
                new int[][]{{1, 2}}, pad(1, 1, 0));
        assertEquals(Math.log1p(Math.exp(-0.2)), loss.getFloat(), 1e-6);
        NDArray counted = KeyScorer.rankingLoss(scores, column(0, 5, 5), column(0, -1, 1),
                new int[][]{{1, 2}}, pad(1, 1, 1));
        assertEquals(Math.log1p(Math.exp(0.2)), counted.getFloat(), 1e-6);
    }

    @Test
    void tiedTargetsUseOneHalf() {
        // q = 0 makes every sigmoid 1/2; only query 1 is real, so y_0 = y_1 = 1/2 and t = 1/2 for both orders:
        // (softplus(0.4) - 0.2 + softplus(-0.4) + 0.2) / 2 = softplus(0.4) - 0.2.
        NDArray equal = KeyScorer.rankingLoss(manager.create(new float[]{0.4f, 0f}, new Shape(1, 2)),
                column(0, 0), column(1, 1), new int[][]{{0, 1}}, pad(0, 1));
        assertEquals(Math.log1p(Math.exp(0.4)) - 0.2, equal.getFloat(), 1e-6);
        // with query 0 real too, y_0 = 1 > y_1 = 1/2: t = 1 for (0,1), 0 for (1,0), both log(1 + e^-0.4)
        NDArray ordered = KeyScorer.rankingLoss(manager.create(new float[]{0.4f, 0f}, new Shape(1, 2)),
                column(0, 0), column(1, 1), new int[][]{{0, 1}}, pad(1, 1));
        assertEquals(Math.log1p(Math.exp(-0.4)), ordered.getFloat(), 1e-6);
    }

    @Test
    void pickKeysTakesDistinctRealPositions() {
        float[] real = {1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 0, 0};
        int[][] picked = KeyScorer.pickKeys(real, 2, 6, 3, new Random(1));
        assertEquals(3, picked[0].length);
        assertArrayEquals(new int[]{2, 3}, picked[1], "only two real tokens in sequence 1");
        for (int j : picked[0]) {
            assertTrue(j < 5, "pad position " + j + " picked");
        }
        assertTrue(picked[0][0] < picked[0][1] && picked[0][1] < picked[0][2]);
    }

    @Test
    void rankingLossTrainsOnlyTheScorer() {
        Params params = new Params(manager, manager.getDevice());
        SparseConfig c = new SparseConfig(Pattern.KS, 8, 8, SparseConfig.LshRule.SIGN_BITS, 64,
                SparseConfig.Variant.CAUSAL, SparseConfig.AttentionPath.AUTO);
        SparseBranch branch = new SparseBranch(c, 6, 3, 0, params, "attn.", new Random(4));
        Random rng = new Random(8);
        float[] xv = new float[2 * 20 * 6];
        for (int i = 0; i < xv.length; i++) {
            xv[i] = (float) rng.nextGaussian();
        }
        NDArray x = manager.create(xv, new Shape(2, 20, 6));
        x.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            SparseBranch.Output out = branch.forward(x, null, ForwardOptions.train(3));
            assertTrue(out.gateLoss().getFloat() > 0, "pairwise BCE is positive");
            gc.backward(out.gateLoss());
        }
        assertEquals(0f, params.get("attn.w_xx").getGradient().abs().sum().getFloat(), "W_xx must get no gradient");
        assertEquals(0f, params.get("attn.gate_e").getGradient().abs().sum().getFloat(), "E must get no gradient");
        assertEquals(0f, x.getGradient().abs().sum().getFloat(), "x must get no gradient");
        for (String w : new String[]{"w1", "w2", "w3", "b3"}) {
            assertTrue(params.get("attn.ks." + w).getGradient().abs().sum().getFloat() > 0, w + " gets a gradient");
        }
        SparseBranch.Output eval = branch.forward(x, null, ForwardOptions.eval());
        assertEquals(0f, eval.gateLoss().getFloat(), "no ranking loss outside training");
    }
}
