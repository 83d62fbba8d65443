package org.haxlab.model.sparse;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.haxlab.model.sparse.SparseConfig.LshRule.ARGMAX;
import static org.haxlab.model.sparse.SparseConfig.LshRule.SIGN_BITS;
import static org.haxlab.model.sparse.SparseConfig.Variant.CAUSAL;
import static org.haxlab.model.sparse.SparseConfig.Variant.PAPER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** LSH binning rules (spec §3) on hand-made vectors, and the PAPER vs CAUSAL variants. */
class LshBucketsTest {

    private static final float[] IDENTITY = {1, 0, 0, 1};  // N = 2, h = 2

    @Test
    void signBitRuleSetsBitBForStrictlyPositiveProjections() {
        assertEquals(5, LshBuckets.signBits(new double[]{0.5, -1, 2}));
        assertEquals(0, LshBuckets.signBits(new double[]{0, -0.1}), "zero is not positive");
        assertEquals(3, LshBuckets.signBits(new double[]{1e-9, 7}));
    }

    @Test
    void argmaxRuleTakesTheLargestProjectionAndTheLowestIndexOnTies() {
        assertEquals(1, LshBuckets.argmax(new double[]{0.1, 3, 3, -1}));
        assertEquals(0, LshBuckets.argmax(new double[]{-2, -3}));
    }

    @Test
    void causalVariantCentresOnThePrefixMeanPerToken() {
        // x0 = (1,2): centred 0 -> bin 0; x1 = (3,0) - (2,1) = (1,-1) -> bit 0; x2 = (1,5) - (5/3,7/3) -> bit 1
        float[] x = {1, 2, 3, 0, 1, 5};
        assertArrayEquals(new int[]{0, 1, 2}, LshBuckets.bins(x, 1, 3, 2, IDENTITY, 2, SIGN_BITS, CAUSAL));
        assertArrayEquals(new int[]{0, 0, 1}, LshBuckets.bins(x, 1, 3, 2, IDENTITY, 2, ARGMAX, CAUSAL));
    }

    @Test
    void paperVariantCentresAlongTheSequenceSoEarlyBinsSeeTheFuture() {
        float[] x = {1, 2, 3, 0, 1, 5};
        // channel means (5/3, 7/3): pos0 (-,-) = 0, pos1 (+,-) = 1, pos2 (-,+) = 2
        assertArrayEquals(new int[]{0, 1, 2}, LshBuckets.bins(x, 1, 3, 2, IDENTITY, 2, SIGN_BITS, PAPER));
        float[] later = {1, 2, 3, 0, 1, -5};  // only the last token changes
        // channel 1 becomes (2,0,-5) - (-1) = (3,1,-4): pos0 (-,+) = 2, pos1 (+,+) = 3, pos2 (-,-) = 0
        assertArrayEquals(new int[]{0, 1}, java.util.Arrays.copyOf(
                LshBuckets.bins(later, 1, 3, 2, IDENTITY, 2, SIGN_BITS, CAUSAL), 2), "causal: earlier bins unchanged");
        assertArrayEquals(new int[]{2, 3, 0}, LshBuckets.bins(later, 1, 3, 2, IDENTITY, 2, SIGN_BITS, PAPER));
    }

    @Test
    void onRandomSequencesOnlyThePaperVariantLetsALaterTokenMoveEarlierBins() {
        int n = 6;
        int len = 40;
        Random rng = new Random(11);
        float[] x = new float[len * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        float[] y = x.clone();
        for (int d = 0; d < n; d++) {
            y[(len - 1) * n + d] += 25f;
        }
        float[] h = LshBuckets.projection(1, n, 8);
        int[] cx = LshBuckets.bins(x, 1, len, n, h, 8, SIGN_BITS, CAUSAL);
        int[] cy = LshBuckets.bins(y, 1, len, n, h, 8, SIGN_BITS, CAUSAL);
        assertArrayEquals(java.util.Arrays.copyOf(cx, len - 1), java.util.Arrays.copyOf(cy, len - 1));
        int[] px = LshBuckets.bins(x, 1, len, n, h, 8, SIGN_BITS, PAPER);
        int[] py = LshBuckets.bins(y, 1, len, n, h, 8, SIGN_BITS, PAPER);
        assertFalse(java.util.Arrays.equals(java.util.Arrays.copyOf(px, len - 1), java.util.Arrays.copyOf(py, len - 1)));
    }

    @Test
    void projectionIsAHostGaussianDrawnFromTheSeed() {
        float[] a = LshBuckets.projection(42, 3, 4);
        Random rng = new Random(42);
        for (float v : a) {
            assertEquals((float) rng.nextGaussian(), v);
        }
        assertFalse(java.util.Arrays.equals(a, LshBuckets.projection(43, 3, 4)));
    }

    @Test
    void badShapesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> LshBuckets.bins(new float[5], 1, 3, 2, IDENTITY, 2, SIGN_BITS, CAUSAL));
        assertThrows(IllegalArgumentException.class,
                () -> LshBuckets.bins(new float[6], 1, 3, 2, new float[3], 2, SIGN_BITS, CAUSAL));
    }
}
