package org.haxlab.model.sparse;

import org.haxlab.model.trace.Component;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every pattern's selection against its spec §3 rule on hand-computed L = 12 cases. */
class PatternSelectionTest {

    private static final int L = 12;

    // Hand-made LSH bins and KS scores shared by the LSH, KS and HAX cases.
    private static final int[] K_BIN = {0, 1, 0, 0, 1, 0, 0, 0, 2, 0, 1, 0};
    private static final int[] Q_BIN = {0, 1, 0, 3, 1, 0, 0, 0, 3, 0, 2, 0};
    private static final float[] SCORE = {5, 1, 3, 9, 0, 2, 7, 7, 4, 8, 6, 1};

    private static SparseConfig config(Pattern p, int k, int maxLen) {
        return new SparseConfig(p, k, 2, SparseConfig.LshRule.SIGN_BITS, maxLen, SparseConfig.Variant.CAUSAL,
                SparseConfig.AttentionPath.AUTO);
    }

    private static SelectedKeys select(Pattern p, int k, int maxLen) {
        return SelectionPattern.of(config(p, k, maxLen)).select(new SelectionInput(L, Q_BIN, K_BIN, SCORE));
    }

    private static int maskOf(SelectedKeys s, int i, int j) {
        for (int e = s.start(i); e < s.start(i) + s.count(i); e++) {
            if (s.key(e) == j) {
                return s.mask(e);
            }
        }
        throw new AssertionError("key " + j + " not selected by query " + i);
    }

    @Test
    void slidingWindowKeepsTheLastWKeys() {
        SelectedKeys s = select(Pattern.SW, 4, 12);
        assertArrayEquals(new int[]{0}, s.keysOf(0));
        assertArrayEquals(new int[]{0, 1}, s.keysOf(1));
        assertArrayEquals(new int[]{2, 3, 4, 5}, s.keysOf(5));
        assertArrayEquals(new int[]{8, 9, 10, 11}, s.keysOf(11));
    }

    @Test
    void aShapeIsSinksPlusWindowWithBothBitsOnOverlap() {
        SelectedKeys s = select(Pattern.A, 4, 12);  // k_c = 2: sinks {0,1}, window 2
        assertArrayEquals(new int[]{0, 1, 6, 7}, s.keysOf(7));
        assertArrayEquals(new int[]{0, 1, 2}, s.keysOf(2));
        assertEquals(Component.SINK.bit(), maskOf(s, 2, 0));
        assertEquals(Component.SINK.bit() | Component.WINDOW.bit(), maskOf(s, 2, 1));
        assertEquals(Component.WINDOW.bit(), maskOf(s, 2, 2));
    }

    @Test
    void dilatedTakesEveryRthKeyAndLeavesEarlyRowsEmpty() {
        SelectedKeys s = select(Pattern.D, 4, 12);  // k_c = 4, r = 12 / 4 = 3: keys 2, 5, 8, 11
        assertEquals(3, config(Pattern.D, 4, 12).dilation());
        assertEquals(0, s.count(0));
        assertEquals(0, s.count(1));
        assertArrayEquals(new int[]{2}, s.keysOf(2));
        assertArrayEquals(new int[]{2, 5}, s.keysOf(7));
        assertArrayEquals(new int[]{2, 5, 8, 11}, s.keysOf(11));
    }

    @Test
    void dilatedBeyondMaxLenKeepsOnlyTheMostRecentKc() {
        SelectedKeys s = select(Pattern.D, 2, 6);  // k_c = 2, r = 3, L = 12 > maxLen = 6
        assertArrayEquals(new int[]{2, 5}, s.keysOf(7));
        assertArrayEquals(new int[]{5, 8}, s.keysOf(10));
        assertArrayEquals(new int[]{8, 11}, s.keysOf(11));
    }

    @Test
    void windowPlusDilatedUnitesBothAndMarksSharedKeys() {
        SelectedKeys s = select(Pattern.SWD, 4, 12);  // k_c = 2: window 2, r = 6: keys 5, 11
        assertArrayEquals(new int[]{3, 4}, s.keysOf(4));
        assertArrayEquals(new int[]{5, 8, 9}, s.keysOf(9));
        assertArrayEquals(new int[]{5, 10, 11}, s.keysOf(11));
        assertEquals(Component.WINDOW.bit() | Component.DILATED.bit(), maskOf(s, 11, 11));
        assertEquals(Component.DILATED.bit(), maskOf(s, 11, 5));
    }

    @Test
    void lshKeepsTheKcMostRecentSameBinKeys() {
        SelectedKeys s = select(Pattern.LSH, 4, 12);
        assertArrayEquals(new int[]{0}, s.keysOf(0));
        assertArrayEquals(new int[]{1}, s.keysOf(1));
        assertEquals(0, s.count(3), "bin 3 holds no key: a no-keys row");
        assertEquals(0, s.count(8));
        assertArrayEquals(new int[]{8}, s.keysOf(10));
        assertArrayEquals(new int[]{1, 4}, s.keysOf(4));
        assertArrayEquals(new int[]{6, 7, 9, 11}, s.keysOf(11));
    }

    @Test
    void keySelectionTakesTheTopKcScoresOfThePrefix() {
        SelectedKeys s = select(Pattern.KS, 4, 12);
        assertArrayEquals(new int[]{0}, s.keysOf(0));
        assertArrayEquals(new int[]{0, 1, 2, 3}, s.keysOf(4));
        assertArrayEquals(new int[]{0, 2, 3, 5}, s.keysOf(5));
        assertArrayEquals(new int[]{0, 3, 6, 7}, s.keysOf(7));
        assertArrayEquals(new int[]{3, 6, 7, 9}, s.keysOf(11));
    }

    @Test
    void keySelectionBreaksTiesByLowerIndex() {
        float[] flat = new float[L];
        java.util.Arrays.fill(flat, 1f);
        flat[5] = 2f;
        KeySelectionPattern p = new KeySelectionPattern(2);
        SelectedKeys s = p.select(new SelectionInput(L, null, null, flat));
        assertArrayEquals(new int[]{0, 1}, s.keysOf(3));
        assertArrayEquals(new int[]{0, 5}, s.keysOf(9));
        assertArrayEquals(s.toDenseMask(), p.ruleMask(new SelectionInput(L, null, null, flat)));
    }

    @Test
    void haxUnitesLshAndKsAndMarksKeysSelectedByBoth() {
        SelectedKeys s = select(Pattern.HAX, 8, 12);  // k_c = 4 each
        assertArrayEquals(new int[]{3, 6, 7, 9, 11}, s.keysOf(11));
        int both = Component.LSH.bit() | Component.KS.bit();
        assertEquals(both, maskOf(s, 11, 6));
        assertEquals(both, maskOf(s, 11, 9));
        assertEquals(Component.KS.bit(), maskOf(s, 11, 3));
        assertEquals(Component.LSH.bit(), maskOf(s, 11, 11));
        assertArrayEquals(new int[]{0, 1, 2, 3}, s.keysOf(3), "LSH row 3 is empty, KS still reads the prefix");
    }

    @Test
    void fullReadsTheWholePrefix() {
        SelectedKeys s = select(Pattern.FULL, 4, 12);
        for (int i = 0; i < L; i++) {
            assertEquals(i + 1, s.count(i));
            assertEquals(Component.FULL.bit(), s.mask(s.start(i)));
        }
    }

    @Test
    void fastSelectionMatchesTheRuleMaskAndStaysWithinBudgetOnRandomInputs() {
        Random rng = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + rng.nextInt(90);
            int[] qb = new int[n];
            int[] kb = new int[n];
            float[] sc = new float[n];
            for (int t = 0; t < n; t++) {
                qb[t] = rng.nextInt(5);
                kb[t] = rng.nextInt(5);
                sc[t] = rng.nextInt(6);  // many ties on purpose
            }
            SelectionInput in = new SelectionInput(n, qb, kb, sc);
            for (Pattern p : Pattern.values()) {
                if (p == Pattern.NONE) {
                    continue;
                }
                int k = 8;
                SelectionPattern sp = SelectionPattern.of(config(p, k, 32));
                SelectedKeys s = sp.select(in);
                assertArrayEquals(sp.ruleMask(in), s.toDenseMask(), p + " at L=" + n);
                for (int i = 0; i < n; i++) {
                    assertTrue(p == Pattern.FULL || s.count(i) <= k, p + " row " + i + " has " + s.count(i) + " keys");
                    for (int e = s.start(i); e < s.start(i) + s.count(i); e++) {
                        assertTrue(s.key(e) <= i, p + " row " + i + " reads future key " + s.key(e));
                    }
                }
            }
        }
    }

    @Test
    void lshWithManyBinsRenumbersAndAgreesWithTheRule() {
        int n = 50;
        Random rng = new Random(3);
        int[] qb = new int[n];
        int[] kb = new int[n];
        for (int t = 0; t < n; t++) {
            qb[t] = (1 << 20) + rng.nextInt(4);
            kb[t] = (1 << 20) + rng.nextInt(4);
        }
        LshPattern p = new LshPattern(3);
        SelectionInput in = new SelectionInput(n, qb, kb, null);
        assertArrayEquals(p.ruleMask(in), p.select(in).toDenseMask());
    }

    @Test
    void builderRejectsFutureKeysAndNoneHasNoPattern() {
        SelectedKeys.Builder b = SelectedKeys.builder(2, 2);
        assertThrows(IllegalArgumentException.class, () -> b.add(1, 1));
        assertThrows(IllegalArgumentException.class, () -> SelectionPattern.of(SparseConfig.paper(Pattern.NONE)));
        assertThrows(IllegalStateException.class, () -> new LshPattern(2).select(SelectionInput.fixed(4)));
    }
}
