package org.haxlab.model.sparse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nd.ManagedTest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The device selections and their dense masks against the host rules: {@link SelectionPattern#select} (the keys
 * of every query, as a set) and {@link SelectionPattern#ruleMask} (the literal L x L rule), ties included.
 */
class DeviceSelectionTest extends ManagedTest {

    /** Bins from a small alphabet (many collisions) and scores with many exact ties. */
    private static SelectionInput[] inputs(long seed, int batch, int length, int bins) {
        Random rng = new Random(seed);
        SelectionInput[] in = new SelectionInput[batch];
        for (int b = 0; b < batch; b++) {
            int[] q = new int[length];
            int[] k = new int[length];
            float[] s = new float[length];
            for (int i = 0; i < length; i++) {
                q[i] = rng.nextInt(bins);
                k[i] = rng.nextInt(bins);
                s[i] = rng.nextInt(5) == 0 ? 0.25f : (float) rng.nextGaussian();  // a fifth tie at 0.25
            }
            in[b] = new SelectionInput(length, q, k, s);
        }
        return in;
    }

    private NDArray stacked(SelectionInput[] in, int which) {
        int batch = in.length;
        int length = in[0].length();
        long[] bins = new long[batch * length];
        float[] scores = new float[batch * length];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < length; i++) {
                bins[b * length + i] = which == 0 ? in[b].qBin()[i] : in[b].kBin()[i];
                scores[b * length + i] = in[b].ksScore()[i];
            }
        }
        return which == 2 ? manager.create(scores, new Shape(batch, length)) : manager.create(bins, new Shape(batch, length));
    }

    private DeviceSelection select(SelectionPattern pattern, SelectionInput[] in) {
        return DeviceSelection.of(pattern, (p, len) -> DeviceSelection.positional(manager, p, len),
                stacked(in, 0), stacked(in, 1), stacked(in, 2), in.length, in[0].length());
    }

    private void check(SelectionPattern pattern, SelectionInput[] in, DeviceSelection got) {
        int batch = in.length;
        int length = in[0].length();
        int width = got.width();
        long[] index = got.index().broadcast(new Shape(batch, length, width)).toLongArray();
        boolean[] valid = got.valid().broadcast(new Shape(batch, length, width)).toType(DataType.BOOLEAN, false)
                .toBooleanArray();
        SoftmaxMask dense = got.denseMask(batch, length);
        float[] bias = dense.bias().toFloatArray();
        float[] hasKey = dense.hasKey().broadcast(new Shape(batch, length, 1)).toFloatArray();
        String name = pattern.getClass().getSimpleName();
        for (int b = 0; b < batch; b++) {
            SelectedKeys want = pattern.select(in[b]);
            boolean[] rule = pattern.ruleMask(in[b]);
            for (int i = 0; i < length; i++) {
                TreeSet<Long> keys = new TreeSet<>();
                int slots = 0;
                for (int t = 0; t < width; t++) {
                    int at = (b * length + i) * width + t;
                    if (valid[at]) {
                        keys.add(index[at]);
                        slots++;
                    }
                }
                TreeSet<Long> expected = new TreeSet<>();
                Arrays.stream(want.keysOf(i)).forEach(j -> expected.add((long) j));
                String where = name + " sequence " + b + " query " + i;
                assertEquals(expected, keys, where);
                assertEquals(expected.size(), slots, where + ": a key in two slots");
                for (int j = 0; j < length; j++) {
                    assertEquals(rule[i * length + j] ? 0f : SoftmaxMask.MASKED, bias[(b * length + i) * length + j],
                            where + " key " + j);
                }
                assertEquals(expected.isEmpty() ? 0f : 1f, hasKey[b * length + i], where + ": row flag");
            }
        }
    }

    private void check(SelectionPattern pattern, SelectionInput[] in) {
        check(pattern, in, select(pattern, in));
    }

    @Test
    void lshSelectionIsTheRule() {
        for (int keep : new int[]{1, 3, 8}) {
            check(new LshPattern(keep), inputs(keep, 2, 37, 4));
        }
        check(new LshPattern(2), inputs(5, 1, 1, 1));           // a single position
        check(new LshPattern(4), inputs(6, 2, 50, 300));        // mostly empty bins
    }

    @Test
    void ksSelectionIsTheRuleTiesIncluded() {
        for (int keep : new int[]{1, 4, 40}) {                   // 40 > L: every earlier key
            check(new KeySelectionPattern(keep), inputs(10 + keep, 2, 33, 3));
        }
    }

    @Test
    void ksRunningTopKCarriesAcrossBlocks() {
        SelectionInput[] in = inputs(31, 3, 45, 3);
        for (int block : new int[]{1, 2, 7, 45, 64}) {
            KeySelectionPattern ks = new KeySelectionPattern(5);
            check(ks, in, DeviceSelection.ks(stacked(in, 2), 5, block));
        }
        assertThrows(IllegalArgumentException.class, () -> DeviceSelection.ks(stacked(in, 2), 5, 0));
    }

    /** Both levels of the running top-k: every block and sub-block size, partial last sub-blocks, sub > block. */
    @Test
    void ksSubBlocksKeepTheRule() {
        SelectionInput[] in = inputs(32, 2, 53, 3);
        for (int keep : new int[]{1, 5, 60}) {
            KeySelectionPattern ks = new KeySelectionPattern(keep);
            for (int block : new int[]{1, 3, 16, 53, 64}) {
                for (int sub : new int[]{1, 2, 5, 8, 64}) {
                    check(ks, in, DeviceSelection.ks(stacked(in, 2), keep, block, sub));
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> DeviceSelection.ks(stacked(in, 2), 5, 4, 0));
    }

    /** The same slots, in the same order, as one level (sub = block ranks each query against its whole block). */
    @Test
    void ksTwoLevelsEqualOneLevelSlotForSlot() {
        NDArray scores = stacked(inputs(33, 2, 300, 3), 2);
        for (int block : new int[]{16, 64, 300}) {
            DeviceSelection one = DeviceSelection.ks(scores, 12, block, block);
            DeviceSelection two = DeviceSelection.ks(scores, 12, block);
            assertEquals(true, DeviceSelection.subRows(12, block) < block);
            assertEquals(Arrays.toString(one.index().toLongArray()), Arrays.toString(two.index().toLongArray()));
            assertEquals(Arrays.toString(one.valid().toBooleanArray()), Arrays.toString(two.valid().toBooleanArray()));
        }
    }

    /**
     * The running top-k ranks O(L (k_c + sqrt(block))) candidates, not O(L (k_c + block)): at L = 16K (batch 1,
     * k_c 32, the CPU limit) the one-level blocks ranked 17.3M, which made it the largest part of a +HAX
     * forward's selection there (docs/BENCHMARKS.md, "+HAX at 16K").
     */
    @Test
    void ksCandidatesGrowLinearlyInLength() {
        int length = 16384;
        int keep = 32;
        int block = DeviceSelection.blockRows(1, keep, length, DeviceSelection.KS_BLOCK_ENTRIES_CPU);
        long total = 0;
        for (int start = 0; start < length; start += block) {
            total += DeviceSelection.blockEntries(1, keep, Math.min(block, length - start));
        }
        assertEquals(true, total <= 8L * length * keep, total + " candidates in blocks of " + block);
        int gpuBlock = DeviceSelection.blockRows(1, keep, length, DeviceSelection.KS_BLOCK_ENTRIES_GPU);
        assertEquals(true, DeviceSelection.blockEntries(1, keep, gpuBlock) <= 12L * length * keep, gpuBlock + " rows");
    }

    @Test
    void unionsArePartsWithRepeatsDropped() {
        check(new UnionPattern(List.of(new LshPattern(4), new KeySelectionPattern(4))), inputs(21, 3, 29, 5));
        check(new UnionPattern(List.of(new LshPattern(3), new SinkPattern(2))), inputs(22, 2, 30, 2));
    }

    @Test
    void positionalPatternsAreTheRule() {
        check(new SlidingWindowPattern(4), inputs(1, 2, 20, 2));
        check(new UnionPattern(List.of(new SinkPattern(3), new SlidingWindowPattern(3))), inputs(2, 2, 20, 2));
        check(new UnionPattern(List.of(new SlidingWindowPattern(3), new DilatedPattern(4, 3))), inputs(3, 1, 40, 2));
        check(new DilatedPattern(5, 2), inputs(4, 1, 33, 2));
    }

    @Test
    void blockRowsStayWithinTheLimit() {
        assertEquals(1, DeviceSelection.blockRows(64, 32, 1057, 1));
        int rows = DeviceSelection.blockRows(8, 32, 1057, 1L << 21);
        long entries = DeviceSelection.blockEntries(8, 32, rows);
        assertEquals(true, entries <= 1L << 21, rows + " rows: " + entries + " entries");
        assertEquals(true, DeviceSelection.blockEntries(8, 32, 2 * rows) > 1L << 21, "the next size would not fit");
        assertEquals(16, DeviceSelection.blockRows(1, 4, 16, Long.MAX_VALUE));
        assertEquals(1, DeviceSelection.subRows(32, 1));
        assertEquals(128, DeviceSelection.subRows(32, 8192));   // 128^2 >= 8224 > 64^2
    }

    @Test
    void fullAttentionHasNoDeviceSelection() {
        assertThrows(IllegalArgumentException.class, () -> DeviceSelection.of(new FullPattern(), null, null, null,
                null, 1, 4).width());
    }
}
