package org.haxlab.model.trace;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which trace records copy their arrays and which share them, and that all compare by content. */
class TraceRecordsTest {

    private static AttentionSelection selection() {
        return new AttentionSelection(2, new int[] {0, 1, 3}, new int[] {0, 0, 1},
                new int[] {Component.WINDOW.bit(), Component.WINDOW.bit(), Component.LSH.bit()},
                new float[] {1f, 0.25f, 0.75f});
    }

    private static DecayTrace decay() {
        return new DecayTrace(Backbone.MAMBA2, 2, 1, 1, 4, new float[] {0.1f, 0.2f}, new float[] {-0.1f, -0.2f});
    }

    @Test
    void layerInspectionCopiesItsArraysInAndOut() {
        int[] q = {3, 5};
        float[] ssm = {1f, 2f};
        LayerInspection l = new LayerInspection(0, q, new int[] {3, 4}, new float[] {0.5f, 0.6f}, selection(),
                new float[] {0f, 1f}, ssm, decay());
        q[0] = 99;
        ssm[1] = 99f;
        assertEquals(3, l.qBucket(0), "the caller's array is not the record's");
        assertEquals(2f, l.ssmNorm()[1]);
        l.qBucket()[1] = 77;
        l.kBucket()[0] = 77;
        assertEquals(5, l.qBucket(1), "an accessor hands out a copy");
        assertEquals(3, l.kBucket(0));
        assertEquals(0.6f, l.ksScore(1));
        LayerInspection same = new LayerInspection(0, new int[] {3, 5}, new int[] {3, 4}, new float[] {0.5f, 0.6f},
                selection(), new float[] {0f, 1f}, new float[] {1f, 2f}, decay());
        assertEquals(same, l, "equal by content");
        assertEquals(same.hashCode(), l.hashCode());
        assertNotEquals(new LayerInspection(1, new int[] {3, 5}, new int[] {3, 4}, new float[] {0.5f, 0.6f},
                selection(), new float[] {0f, 1f}, new float[] {1f, 2f}, decay()), l);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LayerInspection(2,
                null, new int[0], new float[0], selection(), new float[0], new float[0], null));
        assertTrue(e.getMessage().contains("layer 2"), e.getMessage());
    }

    @Test
    void sharedRecordsStillCompareByContent() {
        assertEquals(selection(), selection());
        assertEquals(selection().hashCode(), selection().hashCode());
        AttentionSelection other = new AttentionSelection(2, new int[] {0, 1, 3}, new int[] {0, 0, 1},
                new int[] {Component.WINDOW.bit(), Component.WINDOW.bit(), Component.LSH.bit()},
                new float[] {1f, 0.5f, 0.5f});
        assertNotEquals(selection(), other, "weights differ");
        assertEquals(decay(), decay());
        assertEquals(decay().hashCode(), decay().hashCode());
        assertEquals(-0.2f, decay().logDecay(1, 0));
        assertNotEquals(decay(), new DecayTrace(Backbone.MAMBA2, 2, 1, 1, 4, new float[] {0.1f, 0.2f},
                new float[] {-0.1f, -0.3f}));
    }
}
