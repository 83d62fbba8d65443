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
    void theWarmUpLastsForItsStepsAndItsTimeWhicheverIsLonger() throws Exception {
        // a fake clock: every repetition takes 0.5 s
        long[] now = {0};
        AtomicInteger calls = new AtomicInteger();
        Timer.Body step = () -> {
            calls.incrementAndGet();
            now[0] += 500_000_000L;
        };
        Timer.Timed byTime = Timer.time(1, 2.0, 3, Double.POSITIVE_INFINITY, () -> now[0], step);
        assertEquals(4, byTime.warmupRuns(), "2 s of 0.5 s steps");
        assertEquals(4 + 3, calls.get());
        assertEquals(3, byTime.stats().count());
        assertEquals(500, byTime.stats().median(), 1e-9);
        assertEquals(6, Timer.time(6, 2.0, 1, Double.POSITIVE_INFINITY, () -> now[0], step).warmupRuns(),
                "more steps than the time needs");
        assertEquals(1, Timer.time(0, 0.1, 1, Double.POSITIVE_INFINITY, () -> now[0], step).warmupRuns(),
                "a time alone warms up with at least one step");
        assertEquals(0, Timer.time(0, 0, 1, Double.POSITIVE_INFINITY, () -> now[0], step).warmupRuns());
    }

    @Test
    void theWarmUpRule() {
        assertTrue(Timer.warming(0, 1, 0, 0), "steps left");
        assertTrue(Timer.warming(5, 1, 1.9, 2), "time left");
        assertTrue(!Timer.warming(1, 1, 2.0, 2), "both reached");
        assertTrue(!Timer.warming(3, 0, 0.5, 0), "no warm-up asked for");
    }

    @Test
    void badRepetitionCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Timer.time(-1, 3, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> Timer.time(0, 0, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> Timer.time(0, -1, 1, 1, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> Timer.time(0, Double.NaN, 1, 1, () -> { }));
    }
}
