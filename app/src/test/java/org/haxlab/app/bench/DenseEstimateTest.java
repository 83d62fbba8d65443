package org.haxlab.app.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dense path's memory estimate decides what is skipped before anything runs. */
class DenseEstimateTest {

    @Test
    void growsQuadraticallyAndBackwardNeedsMore() {
        double a = DenseEstimate.peakMb(1, 4096, false) - DenseEstimate.BASE_MB;
        double b = DenseEstimate.peakMb(1, 8192, false) - DenseEstimate.BASE_MB;
        assertTrue(Math.abs(b / a - 4) < 1e-9);
        assertTrue(DenseEstimate.peakMb(1, 4096, true) > DenseEstimate.peakMb(1, 4096, false));
        assertTrue(DenseEstimate.peakMb(2, 4096, false) > DenseEstimate.peakMb(1, 4096, false));
    }

    @Test
    void sixtyFourKIsSkippedEvenWithAHugeBudget() {
        assertTrue(DenseEstimate.exceedsArrayLimit(1, 65536));
        String why = DenseEstimate.skipReason(1, 65536, false, 1e12);
        assertNotNull(why);
        assertTrue(why.startsWith("skipped (would need ~"), why);
    }

    @Test
    void smallCasesRunAndBigOnesAreSkippedUnderABudget() {
        assertNull(DenseEstimate.skipReason(1, 1024, true, 2048));
        String why = DenseEstimate.skipReason(1, 16384, true, 8192);
        assertNotNull(why);
        assertTrue(why.contains("GB"), why);
        assertTrue(DenseEstimate.heapMb(1, 16384) >= 16384L * 16384 * 5 / (1024 * 1024));
    }
}
