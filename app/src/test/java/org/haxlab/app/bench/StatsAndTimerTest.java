package org.haxlab.app.bench;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Median/spread and the warm-up + repetition protocol. */
class StatsAndTimerTest {

    @Test
    void medianOfOddAndEvenCounts() {
        Stats odd = Stats.of(new double[]{5, 1, 3});
        assertEquals(3, odd.median());
        assertEquals(1, odd.min());
        assertEquals(5, odd.max());
        assertEquals(3, odd.count());
        assertEquals(2.5, Stats.of(new double[]{4, 1, 2, 3}).median());
        assertEquals(4.0 / 3, odd.spread(), 1e-12);
    }

    @Test
    void noSamplesIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Stats.of(new double[0]));
    }

    @Test
    void runsWarmupThenTimedRepetitions() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Stats s = Timer.time(2, 4, calls::incrementAndGet);
        assertEquals(6, calls.get());
        assertEquals(4, s.count());
        assertTrue(s.min() >= 0 && s.min() <= s.median() && s.median() <= s.max());
    }

    @Test
    void aSlowBodyGetsFewerRepetitionsButAtLeastThree() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Stats s = Timer.time(1, 20, 0.001, () -> {
            calls.incrementAndGet();
            Thread.sleep(5);
        });
        assertEquals(Timer.MIN_REPETITIONS, s.count());
        assertEquals(1 + Timer.MIN_REPETITIONS, calls.get());
    }

    @Test
    void badRepetitionCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Timer.time(-1, 3, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> Timer.time(0, 0, () -> { }));
    }
}
