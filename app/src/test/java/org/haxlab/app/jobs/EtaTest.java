package org.haxlab.app.jobs;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table ETA from the mean run time, the running runs and the queue, spread over the slots. */
class EtaTest {

    @Test
    void noEstimateBeforeTheFirstRunEnds() {
        assertTrue(Double.isNaN(Eta.seconds(Double.NaN, List.of(5.0), 3, 2)));
        assertEquals("?", Eta.clock(Double.NaN));
    }

    @Test
    void nothingLeftIsZero() {
        assertEquals(0, Eta.seconds(Double.NaN, List.of(), 0, 4));
    }

    @Test
    void queuedRunsGoInWavesOverTheSlots() {
        // 6 queued runs of 100 s on 3 slots, nothing running: two waves
        assertEquals(200, Eta.seconds(100, List.of(), 6, 3), 1e-9);
        // 7 queued: a third wave for the last one
        assertEquals(300, Eta.seconds(100, List.of(), 7, 3), 1e-9);
        // one slot: strictly sequential
        assertEquals(500, Eta.seconds(100, List.of(), 5, 1), 1e-9);
    }

    @Test
    void runningRunsCountWithWhatTheyStillNeed() {
        // two running (30 s and 80 s into runs of 100 s), nothing queued: the longer remainder decides
        assertEquals(70, Eta.seconds(100, List.of(30.0, 80.0), 0, 2), 1e-9);
        // the same on one slot is impossible to parallelise further: 70 + 20 of work on one slot
        assertEquals(90, Eta.seconds(100, List.of(30.0, 80.0), 0, 1), 1e-9);
        // 4 slots, 2 running (remainders 50, 50) and 4 queued: work 500 / 4 = 125, but a queued run takes 100
        assertEquals(125, Eta.seconds(100, List.of(50.0, 50.0), 4, 4), 1e-9);
    }

    @Test
    void aRunPastTheMeanIsAboutToEndNotDone() {
        double eta = Eta.seconds(100, List.of(250.0), 0, 1);
        assertTrue(eta > 0 && eta <= 10, "small but positive: " + eta);
    }

    @Test
    void clockFormats() {
        assertEquals("1:05", Eta.clock(65));
        assertEquals("1:01:01", Eta.clock(3661));
        assertEquals("0:00", Eta.clock(-3));
        assertThrows(IllegalArgumentException.class, () -> Eta.seconds(1, List.of(), 1, 0));
    }
}
