package org.haxlab.model.train;

import org.haxlab.model.task.Split;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SequenceSourceTest {

    @Test
    void heldOutSplitsHaveTheirOwnReproducibleStreams() {
        long seed = 7;
        long train = new Random(seed).nextLong();
        long val = SequenceSource.heldOutRandom(Split.VALIDATION, seed).nextLong();
        long test = SequenceSource.heldOutRandom(Split.TEST, seed).nextLong();
        assertNotEquals(train, val, "validation never replays the training draws");
        assertNotEquals(train, test);
        assertNotEquals(val, test);
        assertEquals(val, SequenceSource.heldOutRandom(Split.VALIDATION, seed).nextLong(), "same seed, same split");
        assertNotEquals(val, SequenceSource.heldOutRandom(Split.VALIDATION, seed + 1).nextLong());
        assertThrows(IllegalArgumentException.class, () -> SequenceSource.heldOutRandom(Split.TRAIN, seed));
    }
}
