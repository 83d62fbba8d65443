package org.haxlab.model.sparse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tensor-built LSH / KS masks against the patterns' literal rules ({@link SelectionPattern#ruleMask}). */
class DeviceMasksTest {

    private NDManager manager;

    @BeforeEach
    void start() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void stop() {
        manager.close();
    }

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

    private void check(SelectionPattern pattern, SelectionInput[] in) {
        int batch = in.length;
        int length = in[0].length();
        int[] q = new int[batch * length];
        int[] k = new int[batch * length];
        float[] s = new float[batch * length];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(in[b].qBin(), 0, q, b * length, length);
            System.arraycopy(in[b].kBin(), 0, k, b * length, length);
            System.arraycopy(in[b].ksScore(), 0, s, b * length, length);
        }
        NDArray mask = DeviceMasks.of(pattern, DeviceMasks.bins(manager, q, batch, length),
                DeviceMasks.bins(manager, k, batch, length), manager.create(s, new Shape(batch, length)));
        assertEquals(new Shape(batch, length, length), mask.getShape());
        float[] got = mask.toFloatArray();
        for (int b = 0; b < batch; b++) {
            boolean[] want = pattern.ruleMask(in[b]);
            for (int e = 0; e < want.length; e++) {
                assertEquals(want[e] ? 1f : 0f, got[b * length * length + e],
                        pattern.getClass().getSimpleName() + " sequence " + b + " query " + e / length + " key "
                                + e % length);
            }
        }
    }

    @Test
    void lshMaskIsTheRuleMask() {
        for (int keep : new int[]{1, 3, 8}) {
            check(new LshPattern(keep), inputs(keep, 2, 37, 4));
        }
        check(new LshPattern(2), inputs(5, 1, 1, 1));           // a single position
    }

    @Test
    void ksMaskIsTheRuleMaskTiesIncluded() {
        for (int keep : new int[]{1, 4, 40}) {                   // 40 > L: every earlier key
            check(new KeySelectionPattern(keep), inputs(10 + keep, 2, 33, 3));
        }
    }

    @Test
    void unionMaskIsTheRuleMask() {
        check(new UnionPattern(List.of(new LshPattern(4), new KeySelectionPattern(4))), inputs(21, 3, 29, 5));
    }

    @Test
    void onlyLshKsAndTheirUnionsAreSupported() {
        assertTrue(DeviceMasks.supports(new UnionPattern(List.of(new LshPattern(2), new KeySelectionPattern(2)))));
        assertFalse(DeviceMasks.supports(new SlidingWindowPattern(4)));
        assertFalse(DeviceMasks.supports(new UnionPattern(List.of(new LshPattern(2), new SinkPattern(2)))));
        assertThrows(IllegalArgumentException.class, () -> DeviceMasks.of(new SinkPattern(2), null, null, null));
    }
}
