package org.haxlab.viz.decay;

import org.haxlab.model.trace.DecayTrace;
import org.haxlab.viz.demo.SyntheticRecords;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DecaySeriesTest {
    @Test
    void mamba2HasOneCurvePerHeadEqualToTheTrace() {
        DecayTrace t = SyntheticRecords.mamba2Decay(50, 4, 1);
        List<DecaySeries.Curve> c = DecaySeries.perStepDecay(t, DecaySeries.Units.perUnit());
        assertEquals(4, c.size());
        assertEquals("head 2", c.get(2).name());
        assertEquals(t.decay(17, 2), c.get(2).values()[17], 1e-12);
    }

    @Test
    void mamba1ChannelsAverageTheirStates() {
        DecayTrace t = SyntheticRecords.mamba1Decay(30, 3, 4, 2);
        List<DecaySeries.Curve> per = DecaySeries.perStepDecay(t, DecaySeries.Units.perUnit());
        assertEquals(3, per.size());
        double mean = 0;
        for (int s = 0; s < 4; s++) {
            mean += t.decay(9, 1 * 4 + s) / 4;
        }
        assertEquals(mean, per.get(1).values()[9], 1e-12);
        List<DecaySeries.Curve> states = DecaySeries.retentionFrom(t, 5, DecaySeries.Units.channelStates(2));
        assertEquals(4, states.size());
        assertEquals(t.retention(5, 20, 2 * 4 + 3), states.get(3).values()[20], 1e-9);
        assertThrows(IllegalArgumentException.class, () -> DecaySeries.perStepDecay(t, DecaySeries.Units.channel(3)));
    }

    @Test
    void maxRetentionMatchesTheTraceAndIsOneBeforeTheToken() {
        DecayTrace t = SyntheticRecords.mamba2Decay(40, 3, 3);
        DecaySeries.Curve m = DecaySeries.maxRetentionFrom(t, 10);
        assertEquals(1.0, m.values()[4], 0);
        assertEquals(t.maxRetention(10, 33), m.values()[33], 1e-9);
        List<DecaySeries.Curve> mean = DecaySeries.retentionFrom(t, 10, DecaySeries.Units.mean());
        double expected = (t.retention(10, 33, 0) + t.retention(10, 33, 1) + t.retention(10, 33, 2)) / 3;
        assertEquals(expected, mean.get(0).values()[33], 1e-9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DecaySeries.maxRetentionFrom(t, 40));
        assertEquals("decay: token position 40 is outside 0..39", e.getMessage());
    }
}
