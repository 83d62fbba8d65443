package org.haxlab.model.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The divergence message suggests what would change something, never the setting that was already on. */
class DivergenceMessageTest {

    @Test
    void withClippingOnItSuggestsATighterClip() {
        String m = new DivergenceException(1, "loss", Double.NaN, 0.01, 1.0).getMessage();
        assertFalse(m.contains("--clip 1.0)"), m);
        assertTrue(m.contains("a tighter gradient clip (--clip 0.25, it was 1.0)"), m);
    }

    @Test
    void withClippingOffItSuggestsTurningItOn() {
        String m = new DivergenceException(3, "loss", Double.NaN, 0.01, 0).getMessage();
        assertTrue(m.contains("gradient clipping (--clip 1.0)"), m);
    }
}
